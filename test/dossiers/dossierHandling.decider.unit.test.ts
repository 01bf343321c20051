import { dossierDecider, type AssignDossier, type ReceiveDossier } from '../../src/dossiers/dossier.decider';
import type {
  DossierAssigned,
  DossierContext,
  DossierReceived,
  DossierSubmitted,
  DossierWithdrawn,
} from '../../src/dossiers/dossier.events';
import { AuthorityLevel, AwardKind, DossierStatus, PeriodKind, SubjectKind } from '../../src/shared/domain';
import { NotFound } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(dossierDecider));
const NOW = '2024-11-25T03:00:00.000Z';

const context: DossierContext = {
  dossierId: 'd-1',
  proposingUnitId: 'truong',
  nominee: { kind: SubjectKind.INDIVIDUAL, id: 'gv-hoa', name: 'Nguyễn Thị Hoa' },
  nomineeUnitId: 'truong',
  award: AwardKind.ADVANCED_WORKER,
  period: { kind: PeriodKind.CALENDAR_YEAR, year: 2024 },
};
const submitted: DossierSubmitted = {
  type: 'DossierSubmitted',
  data: {
    ...context,
    proposingUnitName: 'Trường THCS Lê Lợi',
    movementId: null,
    movementThematic: false,
    achievements: 'Hoàn thành tốt nhiệm vụ.',
    submittedOn: '2024-11-20',
    submittedAt: '2024-11-20T02:00:00.000Z',
    ruleSetId: 'tdkt-2022',
  },
};
const district = { id: 'huyen', name: 'UBND huyện Duy Xuyên', level: AuthorityLevel.DISTRICT };

const receive = (receivedOn: string, now = NOW): ReceiveDossier => ({
  type: 'ReceiveDossier',
  data: { dossierId: 'd-1', receivedOn, receivingUnit: district, now },
});
const assign = (officerId: string, officerName = 'Phan Văn Thụ'): AssignDossier => ({
  type: 'AssignDossier',
  data: { dossierId: 'd-1', officer: { id: officerId, name: officerName }, now: NOW },
});

const received: DossierReceived = {
  type: 'DossierReceived',
  data: {
    ...context,
    receivedOn: '2024-11-21',
    receivingUnitId: 'huyen',
    receivingUnitName: 'UBND huyện Duy Xuyên',
    handlingLevel: AuthorityLevel.DISTRICT,
    ruleSetId: 'tdkt-2022',
    receivedAt: NOW,
  },
};
const assigned: DossierAssigned = {
  type: 'DossierAssigned',
  data: { ...context, officerId: 'cb-thu', officerName: 'Phan Văn Thụ', previousOfficerId: null, assignedAt: NOW },
};
const withdrawn: DossierWithdrawn = {
  type: 'DossierWithdrawn',
  data: { ...context, reason: 'Rút.', statusBefore: DossierStatus.SUBMITTED, withdrawnAt: NOW },
};

describe('receiving a dossier (tiếp nhận)', () => {
  it('records the day, the receiving unit, its level and the rule set', () => {
    spec.given([submitted]).when(receive('2024-11-21')).then([received]);
  });

  it('accepts the submission day itself, and the day after today by the UTC+7 calendar', () => {
    expect(spec.given([submitted]).when(receive('2024-11-20')).events()).toHaveLength(1);
    expect(spec.given([submitted]).when(receive('2024-11-26')).events()).toHaveLength(1);
  });

  it('refuses a day before the submission, and one further in the future', () => {
    spec.given([submitted]).when(receive('2024-11-19')).thenThrows('RECEIVED_BEFORE_SUBMISSION');
    spec.given([submitted]).when(receive('2024-11-27')).thenThrows('RECEIVED_IN_FUTURE');
  });

  it('receives once, and only a submitted dossier', () => {
    spec.given([submitted, received]).when(receive('2024-11-22')).thenThrows('DOSSIER_ALREADY_RECEIVED');
    spec
      .given([submitted, withdrawn])
      .when(receive('2024-11-22'))
      .thenThrows('DOSSIER_NOT_AWAITING_RECEPTION', { status: 'WITHDRAWN' });
    spec.given([]).when(receive('2024-11-22')).thenThrows(NotFound, { entity: 'Dossier', id: 'd-1' });
  });
});

describe('assigning a handling officer (cán bộ thụ lý)', () => {
  it('assigns a received dossier, then reassigns it naming the officer before', () => {
    spec.given([submitted, received]).when(assign('cb-thu')).then([assigned]);
    const [reassigned] = spec.given([submitted, received, assigned]).when(assign('cb-moi', 'Lê Mới')).events();
    expect(reassigned.data).toMatchObject({ officerId: 'cb-moi', previousOfficerId: 'cb-thu' });
  });

  it('refuses a dossier not received, one whose handling ended, and the officer already in charge', () => {
    spec.given([submitted]).when(assign('cb-thu')).thenThrows('DOSSIER_NOT_RECEIVED');
    spec.given([submitted, received, withdrawn]).when(assign('cb-thu')).thenThrows('DOSSIER_NOT_IN_HANDLING');
    spec.given([submitted, received, assigned]).when(assign('cb-thu')).thenThrows('OFFICER_ALREADY_ASSIGNED');
  });
});
