import { addDays, ComplaintKind, ComplaintOutcome, ComplaintStatus, SubjectKind } from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import type {
  ComplaintAccepted,
  ComplaintDismissed,
  ComplaintFiled,
  ComplaintResolved,
} from '../../src/complaints/complaint.events';
import { complaintOverdue, resolutionDueOn } from '../../src/complaints/complaint.deadlines';
import {
  complaintDecider,
  type AcceptComplaint,
  type ComplaintState,
  type FileComplaint,
  type ResolveComplaint,
} from '../../src/complaints/complaint.decider';
import { fold } from '../../src/shared/decider';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(complaintDecider));
const NOW = '2024-02-20T03:00:00.000Z';
const RECEIVED_ON = '2024-02-20';
const subject = { kind: SubjectKind.INDIVIDUAL, id: 'p-1', name: 'Huỳnh Văn Hải' };

function fileCmd(overrides: Partial<FileComplaint['data']> = {}): FileComplaint {
  return {
    type: 'FileComplaint',
    data: {
      complaintId: 'c-1',
      kind: ComplaintKind.COMPLAINT,
      complainantName: 'Vũ Thị Lan',
      receivedOn: RECEIVED_ON,
      content: 'Hồ sơ đề nghị khen thưởng kê khai thành tích không đúng sự thật.',
      awardId: 'a-1',
      dossierId: null,
      subject: null,
      now: NOW,
      ...overrides,
    },
  };
}

function filed(overrides: Partial<ComplaintFiled['data']> = {}): ComplaintFiled {
  return {
    type: 'ComplaintFiled',
    data: {
      complaintId: 'c-1',
      kind: ComplaintKind.COMPLAINT,
      complainantName: 'Vũ Thị Lan',
      receivedOn: RECEIVED_ON,
      content: 'Hồ sơ đề nghị khen thưởng kê khai thành tích không đúng sự thật.',
      awardId: 'a-1',
      dossierId: null,
      subject: null,
      acceptanceDueOn: '2024-03-01',
      filedAt: NOW,
      ...overrides,
    },
  };
}

function acceptCmd(acceptedOn = '2024-02-25', complex = false, remoteArea = false): AcceptComplaint {
  return { type: 'AcceptComplaint', data: { complaintId: 'c-1', acceptedOn, complex, remoteArea, now: NOW } };
}

function accepted(acceptedOn = '2024-02-25', complex = false, remoteArea = false): ComplaintAccepted {
  return {
    type: 'ComplaintAccepted',
    data: {
      complaintId: 'c-1',
      kind: ComplaintKind.COMPLAINT,
      acceptedOn,
      complex,
      remoteArea,
      dueOn: resolutionDueOn({
        kind: ComplaintKind.COMPLAINT,
        receivedOn: RECEIVED_ON,
        acceptedOn,
        complex,
        remoteArea,
        extensionDays: 0,
      }),
      acceptedAt: NOW,
    },
  };
}

function resolveCmd(overrides: Partial<ResolveComplaint['data']> = {}): ResolveComplaint {
  return {
    type: 'ResolveComplaint',
    data: {
      complaintId: 'c-1',
      outcome: ComplaintOutcome.UPHELD,
      resolution: 'Thu hồi quyết định khen thưởng.',
      decidedOn: '2024-03-10',
      revokeAward: true,
      awardIdToRevoke: 'a-1',
      revocationDecisionNumber: '12/QĐ-UBND',
      now: NOW,
      ...overrides,
    },
  };
}

const dismissCmd = {
  type: 'DismissComplaint' as const,
  data: { complaintId: 'c-1', reason: 'Đơn nặc danh', decidedOn: '2024-02-22', now: NOW },
};

describe('FileComplaint', () => {
  it('given nothing, when a complaint about an award is received, then ComplaintFiled due for acceptance 10 days later', () => {
    spec.given([]).when(fileCmd()).then([filed()]);
  });

  it.each([
    ['an award', { awardId: 'a-1', dossierId: null, subject: null }],
    ['a dossier', { awardId: null, dossierId: 'd-1', subject: null }],
    ['a subject', { awardId: null, dossierId: null, subject }],
  ])('accepts a complaint that names only %s', (_what, target) => {
    const [event] = spec.given([]).when(fileCmd(target)).events();
    expect(event.data).toMatchObject(target);
  });

  it('refuses a complaint naming no award, dossier or subject: COMPLAINT_TARGET_REQUIRED', () => {
    spec
      .given([])
      .when(fileCmd({ awardId: null, dossierId: null, subject: null }))
      .thenThrows('COMPLAINT_TARGET_REQUIRED');
  });

  it.each([
    [ComplaintKind.COMPLAINT, '2024-03-01'], // 10 days
    [ComplaintKind.PETITION, '2024-03-01'], // the complaint terms
    [ComplaintKind.DENUNCIATION, '2024-02-29'], // 7 working days
  ])('files a %s with its acceptance deadline (%s)', (kind, acceptanceDueOn) => {
    expect(spec.given([]).when(fileCmd({ kind })).events()[0].data).toMatchObject({ kind, acceptanceDueOn });
  });

  it('given a complaint, when filed again, then ALREADY_EXISTS', () => {
    spec.given([filed()]).when(fileCmd()).thenThrows('ALREADY_EXISTS', { complaintId: 'c-1' });
  });

  it('refuses malformed input', () => {
    spec
      .given([])
      .when(fileCmd({ receivedOn: '2024-02-30' }))
      .thenThrows(InvalidInput, { field: 'receivedOn' });
    spec
      .given([])
      .when(fileCmd({ receivedOn: '20/02/2024' }))
      .thenThrows(InvalidInput, { field: 'receivedOn' });
    spec
      .given([])
      .when(fileCmd({ complainantName: ' ' }))
      .thenThrows(InvalidInput, { field: 'complainantName' });
    spec
      .given([])
      .when(fileCmd({ content: '' }))
      .thenThrows(InvalidInput, { field: 'content' });
    spec
      .given([])
      .when(fileCmd({ kind: 'RUMOUR' as ComplaintKind }))
      .thenThrows(InvalidInput, { field: 'kind' });
  });
});

describe('AcceptComplaint', () => {
  it.each([
    [false, false, 30, '2024-03-26'],
    [true, false, 45, '2024-04-10'],
    [false, true, 45, '2024-04-10'],
    [true, true, 60, '2024-04-25'],
  ])('complex %s, remote area %s: due %i days after acceptance (%s)', (complex, remoteArea, days, dueOn) => {
    expect(addDays('2024-02-25', days)).toBe(dueOn);
    spec
      .given([filed()])
      .when(acceptCmd('2024-02-25', complex, remoteArea))
      .then([
        {
          type: 'ComplaintAccepted',
          data: {
            complaintId: 'c-1',
            kind: ComplaintKind.COMPLAINT,
            acceptedOn: '2024-02-25',
            complex,
            remoteArea,
            dueOn,
            acceptedAt: NOW,
          },
        },
      ]);
  });

  it('applies the same rule to petitions; a denunciation has 30 days and no complex or remote-area term', () => {
    expect(
      spec
        .given([filed({ kind: ComplaintKind.PETITION })])
        .when(acceptCmd('2024-02-25', true, false))
        .events()[0].data,
    ).toMatchObject({ kind: ComplaintKind.PETITION, dueOn: '2024-04-10' });
    const denunciation = filed({ kind: ComplaintKind.DENUNCIATION });
    expect(spec.given([denunciation]).when(acceptCmd('2024-02-25')).events()[0].data).toMatchObject({
      dueOn: '2024-03-26',
    });
    for (const [complex, remote] of [
      [true, false],
      [false, true],
    ]) {
      spec
        .given([denunciation])
        .when(acceptCmd('2024-02-25', complex, remote))
        .thenThrows('DENUNCIATION_TERM_FIXED');
    }
  });

  it('accepts on the day of receipt, and refuses a date before it', () => {
    expect(spec.given([filed()]).when(acceptCmd(RECEIVED_ON)).events()).toHaveLength(1);
    spec.given([filed()]).when(acceptCmd('2024-02-19')).thenThrows(InvalidInput, { field: 'acceptedOn' });
  });

  it('accepts late (after the 10 days): the lateness shows as overdue, it is not refused', () => {
    expect(spec.given([filed()]).when(acceptCmd('2024-03-05')).events()).toHaveLength(1);
  });

  it('only accepts a RECEIVED complaint', () => {
    spec
      .given([filed(), accepted()])
      .when(acceptCmd())
      .thenThrows('COMPLAINT_STATUS', { status: ComplaintStatus.ACCEPTED, required: ComplaintStatus.RECEIVED });
    spec
      .given([filed(), dismissed])
      .when(acceptCmd())
      .thenThrows('COMPLAINT_STATUS', { status: ComplaintStatus.DISMISSED });
  });

  it('given no complaint, then NotFound', () => {
    spec.given([]).when(acceptCmd()).thenThrows(NotFound, { entity: 'Complaint', id: 'c-1' });
  });
});

const dismissed: ComplaintDismissed = {
  type: 'ComplaintDismissed',
  data: {
    complaintId: 'c-1',
    kind: ComplaintKind.COMPLAINT,
    reason: 'Đơn nặc danh',
    decidedOn: '2024-02-22',
    dismissedAt: NOW,
  },
};

describe('DismissComplaint', () => {
  it('given a RECEIVED complaint, then ComplaintDismissed', () => {
    spec.given([filed()]).when(dismissCmd).then([dismissed]);
    expect(spec.given([filed()]).when(dismissCmd).stateAfter()).toMatchObject({
      status: ComplaintStatus.DISMISSED,
      resolvedOn: '2024-02-22',
    });
  });

  it('only dismisses a RECEIVED complaint', () => {
    spec
      .given([filed(), accepted()])
      .when(dismissCmd)
      .thenThrows('COMPLAINT_STATUS', { status: ComplaintStatus.ACCEPTED });
    spec
      .given([filed(), dismissed])
      .when(dismissCmd)
      .thenThrows('COMPLAINT_STATUS', { status: ComplaintStatus.DISMISSED });
  });

  it('refuses a decision before receipt or without a reason; NotFound without a complaint', () => {
    spec
      .given([filed()])
      .when({ ...dismissCmd, data: { ...dismissCmd.data, decidedOn: '2024-02-19' } })
      .thenThrows(InvalidInput, { field: 'decidedOn' });
    spec
      .given([filed()])
      .when({ ...dismissCmd, data: { ...dismissCmd.data, reason: '' } })
      .thenThrows(InvalidInput, { field: 'reason' });
    spec.given([]).when(dismissCmd).thenThrows(NotFound);
  });
});

describe('ResolveComplaint', () => {
  const resolved = (overrides: Partial<ComplaintResolved['data']> = {}): ComplaintResolved => ({
    type: 'ComplaintResolved',
    data: {
      complaintId: 'c-1',
      kind: ComplaintKind.COMPLAINT,
      outcome: ComplaintOutcome.UPHELD,
      resolution: 'Thu hồi quyết định khen thưởng.',
      decidedOn: '2024-03-10',
      revokeAward: true,
      revokedAwardId: 'a-1',
      revocationDecisionNumber: '12/QĐ-UBND',
      awardId: 'a-1',
      dossierId: null,
      resolvedAt: NOW,
      ...overrides,
    },
  });

  it('given an ACCEPTED complaint, when upheld with revocation, then ComplaintResolved naming the revoked award', () => {
    spec.given([filed(), accepted()]).when(resolveCmd()).then([resolved()]);
  });

  it('revokes the award found through the dossier', () => {
    spec
      .given([filed({ awardId: null, dossierId: 'd-1' }), accepted()])
      .when(resolveCmd({ outcome: ComplaintOutcome.PARTIALLY_UPHELD, awardIdToRevoke: 'a-from-dossier' }))
      .then([
        resolved({
          outcome: ComplaintOutcome.PARTIALLY_UPHELD,
          revokedAwardId: 'a-from-dossier',
          awardId: null,
          dossierId: 'd-1',
        }),
      ]);
  });

  it('resolves without revocation: revokedAwardId is null even when an award exists', () => {
    for (const outcome of Object.values(ComplaintOutcome)) {
      spec
        .given([filed(), accepted()])
        .when(resolveCmd({ outcome, revokeAward: false }))
        .then([resolved({ outcome, revokeAward: false, revokedAwardId: null, revocationDecisionNumber: null })]);
    }
  });

  it('refuses revocation when the complaint is rejected: REVOCATION_NEEDS_UPHELD', () => {
    spec
      .given([filed(), accepted()])
      .when(resolveCmd({ outcome: ComplaintOutcome.REJECTED }))
      .thenThrows('REVOCATION_NEEDS_UPHELD');
  });

  it('refuses revocation without an award to revoke: NO_AWARD_TO_REVOKE', () => {
    spec
      .given([filed({ awardId: null, subject }), accepted()])
      .when(resolveCmd({ awardIdToRevoke: null }))
      .thenThrows('NO_AWARD_TO_REVOKE', { complaintId: 'c-1' });
  });

  it('only resolves an ACCEPTED complaint', () => {
    spec
      .given([filed()])
      .when(resolveCmd())
      .thenThrows('COMPLAINT_STATUS', { status: ComplaintStatus.RECEIVED, required: ComplaintStatus.ACCEPTED });
    spec
      .given([filed(), accepted(), resolved()])
      .when(resolveCmd())
      .thenThrows('COMPLAINT_STATUS', { status: ComplaintStatus.RESOLVED });
    spec
      .given([filed(), dismissed])
      .when(resolveCmd())
      .thenThrows('COMPLAINT_STATUS', { status: ComplaintStatus.DISMISSED });
    spec.given([]).when(resolveCmd()).thenThrows(NotFound, { entity: 'Complaint', id: 'c-1' });
  });

  it('accepts a decision on the acceptance date, refuses one before it', () => {
    expect(
      spec
        .given([filed(), accepted()])
        .when(resolveCmd({ decidedOn: '2024-02-25' }))
        .events(),
    ).toHaveLength(1);
    spec
      .given([filed(), accepted()])
      .when(resolveCmd({ decidedOn: '2024-02-24' }))
      .thenThrows(InvalidInput, { field: 'decidedOn' });
  });

  it('refuses an empty resolution and an unknown outcome', () => {
    spec
      .given([filed(), accepted()])
      .when(resolveCmd({ resolution: ' ' }))
      .thenThrows(InvalidInput, { field: 'resolution' });
    spec
      .given([filed(), accepted()])
      .when(resolveCmd({ outcome: 'MAYBE' as ComplaintOutcome }))
      .thenThrows(InvalidInput, { field: 'outcome' });
  });

  it('keeps outcome and revoked award in state', () => {
    expect(spec.given([filed(), accepted()]).when(resolveCmd()).stateAfter()).toMatchObject({
      status: ComplaintStatus.RESOLVED,
      outcome: ComplaintOutcome.UPHELD,
      resolvedOn: '2024-03-10',
      revokedAwardId: 'a-1',
    });
  });
});

describe('complaintOverdue', () => {
  const stateOf = (...events: Parameters<typeof complaintDecider.evolve>[1][]): ComplaintState =>
    fold(complaintDecider, events);

  it('RECEIVED: not overdue through day 10 after receipt, overdue from day 11', () => {
    const received = stateOf(filed());
    expect(complaintOverdue(received, addDays(RECEIVED_ON, 9))).toBe(false);
    expect(complaintOverdue(received, addDays(RECEIVED_ON, 10))).toBe(false); // 2024-03-01 (leap February)
    expect(complaintOverdue(received, addDays(RECEIVED_ON, 11))).toBe(true);
  });

  it.each([
    [false, false, 30],
    [true, false, 45],
    [false, true, 45],
    [true, true, 60],
  ])(
    'ACCEPTED (complex %s, remote %s): due on day %i — the day before and the day itself are fine, the day after is overdue',
    (complex, remote, days) => {
      const state = stateOf(filed(), accepted('2024-02-25', complex, remote));
      const dueOn = addDays('2024-02-25', days);
      expect(state).toMatchObject({ dueOn });
      expect(complaintOverdue(state, addDays(dueOn, -1))).toBe(false);
      expect(complaintOverdue(state, dueOn)).toBe(false);
      expect(complaintOverdue(state, addDays(dueOn, 1))).toBe(true);
    },
  );

  it('ACCEPTED: the 10-day acceptance window no longer applies', () => {
    const state = stateOf(filed(), accepted('2024-03-05'));
    expect(complaintOverdue(state, '2024-03-20')).toBe(false);
  });

  it('RESOLVED and DISMISSED are never overdue from their decision on', () => {
    expect(complaintOverdue(stateOf(filed(), dismissed), '2025-01-01')).toBe(false);
    const resolvedLate: ComplaintResolved = {
      type: 'ComplaintResolved',
      data: {
        complaintId: 'c-1',
        kind: ComplaintKind.COMPLAINT,
        outcome: ComplaintOutcome.REJECTED,
        resolution: 'Không có cơ sở',
        decidedOn: '2024-05-01',
        revokeAward: false,
        revokedAwardId: null,
        revocationDecisionNumber: null,
        awardId: 'a-1',
        dossierId: null,
        resolvedAt: NOW,
      },
    };
    const state = stateOf(filed(), accepted('2024-02-25'), resolvedLate);
    expect(complaintOverdue(state, '2024-05-01')).toBe(false);
    expect(complaintOverdue(state, '2025-01-01')).toBe(false);
    // …but as of a date before the (late) resolution it was overdue: due 2024-03-26.
    expect(complaintOverdue(state, '2024-03-26')).toBe(false);
    expect(complaintOverdue(state, '2024-03-27')).toBe(true);
  });

  it('answers as of the date for a complaint accepted late', () => {
    const state = stateOf(filed(), accepted('2024-03-05'));
    expect(complaintOverdue(state, '2024-03-02')).toBe(true); // still RECEIVED on day 11
    expect(complaintOverdue(state, '2024-03-05')).toBe(false); // accepted that day, due 2024-04-04
  });

  it('is never overdue before receipt or for a missing complaint', () => {
    expect(complaintOverdue(stateOf(filed()), '2024-01-01')).toBe(false);
    expect(complaintOverdue(stateOf(), '2024-12-31')).toBe(false);
  });

  it('takes a read-model row with the contract field names', () => {
    expect(
      complaintOverdue(
        { status: 'RECEIVED', receivedOn: '2024-02-20', acceptanceDueOn: '2024-03-01', dueOn: null },
        '2024-03-02',
      ),
    ).toBe(true);
    expect(
      complaintOverdue(
        {
          status: 'ACCEPTED',
          receivedOn: '2024-02-20',
          acceptanceDueOn: '2024-03-01',
          acceptedOn: '2024-02-25',
          dueOn: '2024-03-26',
          resolvedOn: null,
        },
        '2024-03-27',
      ),
    ).toBe(true);
    expect(
      complaintOverdue(
        { status: 'ACCEPTED', receivedOn: '2024-02-20', acceptanceDueOn: '2024-03-01', dueOn: '2024-03-26' },
        '2024-03-26',
      ),
    ).toBe(false);
    expect(
      complaintOverdue(
        { status: 'RESOLVED', receivedOn: '2024-02-20', acceptanceDueOn: '2024-03-01', dueOn: '2024-03-26' },
        '2024-12-31',
      ),
    ).toBe(false);
  });
});
