import { complaintDecider, type ComplaintCommand } from '../../src/complaints/complaint.decider';
import { DenunciationComplexity, type ComplaintEvent } from '../../src/complaints/complaint.events';
import { ComplaintKind } from '../../src/shared/domain';
import { InvalidInput } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(complaintDecider));
const NOW = '2025-03-20T08:00:00.000Z';

function filed(kind: ComplaintKind): ComplaintEvent {
  return {
    type: 'ComplaintFiled',
    data: {
      complaintId: 'tc-1',
      kind,
      complainantName: 'Lê Văn An',
      receivedOn: '2025-03-01',
      content: 'Tố cáo kê khai thành tích sai sự thật.',
      awardId: 'a-1',
      dossierId: null,
      subject: null,
      acceptanceDueOn: '2025-03-11',
      filedAt: NOW,
    },
  };
}

function accepted(kind: ComplaintKind): ComplaintEvent {
  return {
    type: 'ComplaintAccepted',
    data: {
      complaintId: 'tc-1',
      kind,
      acceptedOn: '2025-03-03',
      complex: false,
      remoteArea: false,
      dueOn: '2025-04-02',
      acceptedAt: NOW,
    },
  };
}

const denunciation = [filed(ComplaintKind.DENUNCIATION), accepted(ComplaintKind.DENUNCIATION)];
const complaint = [filed(ComplaintKind.COMPLAINT), accepted(ComplaintKind.COMPLAINT)];

function extend(
  days: number,
  complexity = DenunciationComplexity.COMPLEX,
  extendedOn = '2025-03-20',
): ComplaintCommand {
  return {
    type: 'ExtendDenunciation',
    data: { complaintId: 'tc-1', days, reason: 'Vụ việc phức tạp.', complexity, extendedOn, now: NOW },
  };
}

function markComplex(markedOn = '2025-03-20'): ComplaintCommand {
  return { type: 'MarkComplex', data: { complaintId: 'tc-1', markedOn, now: NOW } };
}

describe('ExtendDenunciation', () => {
  it('adds up to 30 days to the term, counted from acceptance', () => {
    spec
      .given(denunciation)
      .when(extend(30))
      .then([
        {
          type: 'DenunciationExtended',
          data: {
            complaintId: 'tc-1',
            kind: ComplaintKind.DENUNCIATION,
            days: 30,
            reason: 'Vụ việc phức tạp.',
            complexity: DenunciationComplexity.COMPLEX,
            extensionNumber: 1,
            extendedOn: '2025-03-20',
            previousDueOn: '2025-04-02',
            dueOn: '2025-05-05', // 2 May is off (swapped), then the weekend
            extendedAt: NOW,
          },
        },
      ]);
  });

  it('extends a complex case once and an especially complex case twice', () => {
    const once = spec.given(denunciation).when(extend(10)).events();
    spec
      .given([...denunciation, ...once])
      .when(extend(10))
      .thenThrows('EXTENSION_LIMIT_REACHED', { allowed: 1 });
    const twice = spec
      .given([...denunciation, ...once])
      .when(extend(10, DenunciationComplexity.ESPECIALLY_COMPLEX))
      .events();
    expect(twice[0].data).toMatchObject({ extensionNumber: 2, previousDueOn: '2025-04-14', dueOn: '2025-04-22' });
    spec
      .given([...denunciation, ...once, ...twice])
      .when(extend(5, DenunciationComplexity.ESPECIALLY_COMPLEX))
      .thenThrows('EXTENSION_LIMIT_REACHED', { allowed: 2 });
  });

  it('refuses more than 30 days, a complaint, a term already ended, and a case not accepted', () => {
    spec.given(denunciation).when(extend(31)).thenThrows('EXTENSION_TOO_LONG', { maxDays: 30 });
    spec.given(denunciation).when(extend(0)).thenThrows(InvalidInput, { field: 'days' });
    spec.given(complaint).when(extend(10)).thenThrows('EXTENSION_ONLY_FOR_DENUNCIATIONS');
    spec
      .given(denunciation)
      .when(extend(10, DenunciationComplexity.COMPLEX, '2025-04-03'))
      .thenThrows('TERM_ALREADY_EXPIRED', { dueOn: '2025-04-02' });
    spec
      .given([filed(ComplaintKind.DENUNCIATION)])
      .when(extend(10))
      .thenThrows('COMPLAINT_STATUS');
  });
});

describe('MarkComplex', () => {
  it('moves a complaint to the 45-day term, once', () => {
    const marked = spec.given(complaint).when(markComplex()).events();
    expect(marked).toEqual([
      {
        type: 'ComplaintMarkedComplex',
        data: {
          complaintId: 'tc-1',
          kind: ComplaintKind.COMPLAINT,
          markedOn: '2025-03-20',
          previousDueOn: '2025-04-02',
          dueOn: '2025-04-17',
          markedAt: NOW,
        },
      },
    ]);
    spec
      .given([...complaint, ...marked])
      .when(markComplex())
      .thenThrows('ALREADY_COMPLEX');
  });

  it('refuses a denunciation and a term already ended', () => {
    spec.given(denunciation).when(markComplex()).thenThrows('COMPLEX_TERM_NOT_FOR_DENUNCIATIONS');
    spec.given(complaint).when(markComplex('2025-04-03')).thenThrows('TERM_ALREADY_EXPIRED');
  });
});
