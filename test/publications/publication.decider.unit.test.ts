import { ComplaintKind, AwardKind, DossierStatus, SubjectKind } from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import {
  complaintIdOfComment,
  publicationDecider,
  type NomineeToPublish,
  type PublishNominees,
  type RecordPublicationComment,
} from '../../src/publications/publication.decider';
import {
  PublicationChannel,
  type NomineesPublished,
  type PublicationCommentRecorded,
} from '../../src/publications/publication.events';
import { publicationWindowEnd, workingDaysBefore } from '../../src/rules/publicationRules';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(publicationDecider));
const NOW = '2025-09-05T02:00:00.000Z';

const hoa: NomineeToPublish = {
  dossierId: 'd-1',
  award: AwardKind.LABOR_ORDER_THIRD_CLASS,
  nominee: { kind: SubjectKind.INDIVIDUAL, id: 'p-hoa', name: 'Nguyễn Thị Hoa' },
  dossierStatus: DossierStatus.ELIGIBLE,
};
const school: NomineeToPublish = {
  dossierId: 'd-2',
  award: AwardKind.LABOR_ORDER_SECOND_CLASS,
  nominee: { kind: SubjectKind.COLLECTIVE, id: 'u-truong', name: 'Trường THCS Lê Lợi' },
  dossierStatus: DossierStatus.SUBMITTED,
};

function publishNominees(overrides: Partial<PublishNominees['data']> = {}): PublishNominees {
  return {
    type: 'PublishNominees',
    data: {
      publicationId: 'cc-1',
      nominees: [hoa, school],
      channels: [PublicationChannel.PORTAL, PublicationChannel.NOTICE_BOARD],
      location: 'https://snv.example.gov.vn/cong-khai',
      fromDate: '2025-08-25',
      windowWorkingDays: 10,
      today: '2025-09-05',
      now: NOW,
      ...overrides,
    },
  };
}

const published: NomineesPublished = {
  type: 'NomineesPublished',
  data: {
    publicationId: 'cc-1',
    nominees: [hoa, school].map(({ dossierStatus: _status, ...nominee }) => nominee),
    channels: [PublicationChannel.PORTAL, PublicationChannel.NOTICE_BOARD],
    location: 'https://snv.example.gov.vn/cong-khai',
    fromDate: '2025-08-25',
    // 25–29 Aug, then 1–2 Sep are National Day: 3, 4, 5, 8 and 9 Sep are the 6th to 10th working days.
    toDate: '2025-09-09',
    windowWorkingDays: 10,
    publishedAt: NOW,
  },
};

function comment(overrides: Partial<RecordPublicationComment['data']> = {}): RecordPublicationComment {
  return {
    type: 'RecordPublicationComment',
    data: {
      publicationId: 'cc-1',
      commenterName: 'Trần Văn Bình',
      content: 'Đề nghị xem xét lại thành tích.',
      receivedOn: '2025-09-03',
      dossierId: 'd-1',
      opensComplaint: null,
      today: '2025-09-05',
      now: NOW,
      ...overrides,
    },
  };
}

const firstComment: PublicationCommentRecorded = {
  type: 'PublicationCommentRecorded',
  data: {
    publicationId: 'cc-1',
    commentNo: 1,
    commenterName: 'Trần Văn Bình',
    content: 'Đề nghị xem xét lại thành tích.',
    receivedOn: '2025-09-03',
    dossierId: 'd-1',
    nominee: hoa.nominee,
    complaint: null,
    recordedAt: NOW,
  },
};

describe('the publication window and working days (holiday calendar)', () => {
  it('ends on the 10th working day counting the first day, skipping the National Day holidays', () => {
    expect(publicationWindowEnd('2025-08-25', 10)).toBe('2025-09-09');
    expect(publicationWindowEnd('2025-08-23', 1)).toBe('2025-08-25'); // from a Saturday
  });

  it('counts the working days from the first day up to the session, the session day not included', () => {
    expect(workingDaysBefore('2025-08-25', '2025-09-09')).toBe(9);
    expect(workingDaysBefore('2025-08-25', '2025-09-10')).toBe(10);
    expect(workingDaysBefore('2025-09-10', '2025-09-10')).toBe(0);
  });
});

describe('PublishNominees', () => {
  it('given nothing, when published, then NomineesPublished with the window it opens', () => {
    spec.given([]).when(publishNominees()).then([published]);
  });

  it('given a publication, when published again, then ALREADY_EXISTS', () => {
    spec.given([published]).when(publishNominees()).thenThrows('ALREADY_EXISTS', { publicationId: 'cc-1' });
  });

  it('refuses decided or withdrawn dossiers with DOSSIER_NOT_PUBLISHABLE naming each', () => {
    const granted = { ...school, dossierStatus: DossierStatus.GRANTED };
    spec
      .given([])
      .when(publishNominees({ nominees: [hoa, granted] }))
      .thenThrows('DOSSIER_NOT_PUBLISHABLE', { dossierId: 'd-2', status: 'GRANTED' });
  });

  it('refuses no dossier, a dossier twice, no channel, a channel twice, no location', () => {
    spec
      .given([])
      .when(publishNominees({ nominees: [] }))
      .thenThrows(InvalidInput, { field: 'dossierIds' });
    spec
      .given([])
      .when(publishNominees({ nominees: [hoa, hoa] }))
      .thenThrows(InvalidInput, { field: 'dossierIds' });
    spec
      .given([])
      .when(publishNominees({ channels: [] }))
      .thenThrows(InvalidInput, { field: 'channels' });
    spec
      .given([])
      .when(publishNominees({ channels: [PublicationChannel.PORTAL, PublicationChannel.PORTAL] }))
      .thenThrows(InvalidInput, { field: 'channels' });
    spec
      .given([])
      .when(publishNominees({ location: ' ' }))
      .thenThrows(InvalidInput, { field: 'location' });
  });

  it('refuses a first day after today or malformed', () => {
    spec
      .given([])
      .when(publishNominees({ fromDate: '2025-09-06' }))
      .thenThrows(InvalidInput, { field: 'fromDate' });
    spec
      .given([])
      .when(publishNominees({ fromDate: '2025-02-30' }))
      .thenThrows(InvalidInput, { field: 'fromDate' });
  });
});

describe('RecordPublicationComment', () => {
  it('given a publication, when a comment is received in the window, then it is recorded and numbered', () => {
    spec.given([published]).when(comment()).then([firstComment]);
    const second = spec
      .given([published, firstComment])
      .when(comment({ dossierId: null }))
      .events();
    expect(second[0].data).toMatchObject({ commentNo: 2, dossierId: null, nominee: null });
  });

  it('accepts the window’s first and last days, refuses the day before and after', () => {
    for (const receivedOn of ['2025-08-25', '2025-09-09'])
      spec
        .given([published])
        .when(comment({ receivedOn, today: '2025-09-20' }))
        .events();
    for (const receivedOn of ['2025-08-24', '2025-09-10'])
      spec
        .given([published])
        .when(comment({ receivedOn, today: '2025-09-20' }))
        .thenThrows('OUTSIDE_PUBLICATION_WINDOW', { fromDate: '2025-08-25', toDate: '2025-09-09', receivedOn });
  });

  it('names the complaint a comment opens after the comment', () => {
    const [event] = spec
      .given([published])
      .when(comment({ opensComplaint: ComplaintKind.COMPLAINT }))
      .events();
    expect(event.data).toMatchObject({
      complaint: { complaintId: complaintIdOfComment('cc-1', 1), kind: ComplaintKind.COMPLAINT },
    });
    expect(complaintIdOfComment('cc-1', 1)).not.toBe(complaintIdOfComment('cc-1', 2));
  });

  it('refuses a complaint without a dossier, a dossier off the list, a future date, an unknown publication', () => {
    spec
      .given([published])
      .when(comment({ dossierId: null, opensComplaint: ComplaintKind.PETITION }))
      .thenThrows(InvalidInput, { field: 'dossierId' });
    spec
      .given([published])
      .when(comment({ dossierId: 'd-9' }))
      .thenThrows(InvalidInput, { field: 'dossierId' });
    spec
      .given([published])
      .when(comment({ receivedOn: '2025-09-08' }))
      .thenThrows(InvalidInput, { field: 'receivedOn' });
    spec.given([]).when(comment()).thenThrows(NotFound, { entity: 'Publication', id: 'cc-1' });
  });
});
