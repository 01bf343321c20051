import { AwardKind, DossierStatus, SubjectKind } from '../../src/shared/domain';
import { councilSessionDecider, type ConveneCouncilSession } from '../../src/councilSessions/councilSession.decider';
import { NO_PUBLICATION_REQUIRED } from '../../src/councilSessions/councilSession.publication';
import { agendaItemOf } from '../../src/councilSessions/councilSession.commands';
import type { SubmittedDossier } from '../../src/dossiers/dossier.decider';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(councilSessionDecider));
type AgendaInput = ConveneCouncilSession['data']['agenda'][number];

const laborOrder = (publishedFrom: string | null): AgendaInput => ({
  dossierId: 'd-1',
  award: AwardKind.LABOR_ORDER_THIRD_CLASS,
  nominee: { kind: SubjectKind.INDIVIDUAL, id: 'p-100', name: 'Phạm Văn Cường' },
  nomineeUnitId: 'u-100',
  dossierStatus: DossierStatus.ELIGIBLE,
  publication: { requiredWorkingDays: 10, source: 'Nghị định 152/2025/NĐ-CP Art. 60(3)', publishedFrom },
  thresholdShare: 0.5,
  thresholdInclusive: false,
});

const flag: AgendaInput = {
  ...laborOrder(null),
  dossierId: 'd-2',
  award: AwardKind.PROVINCIAL_EMULATION_FLAG,
  nominee: { kind: SubjectKind.COLLECTIVE, id: 'u-200', name: 'Xã Quân Hà' },
  nomineeUnitId: 'u-200',
  publication: NO_PUBLICATION_REQUIRED,
};

function convene(agenda: AgendaInput[], heldOn: string): ConveneCouncilSession {
  return {
    type: 'ConveneCouncilSession',
    data: {
      sessionId: 's-1',
      councilUnitId: 'u-province',
      heldOn,
      members: [{ personId: 'm-1', name: 'Thành viên 1', unitId: 'mu-1' }],
      agenda,
      now: '2025-09-10T02:00:00.000Z',
    },
  };
}

describe('ConveneCouncilSession: publication before the council', () => {
  it('refuses a State-level award published 9 working days before (1–2 Sep off), naming the count', () => {
    spec
      .given([])
      .when(convene([flag, laborOrder('2025-08-25')], '2025-09-09'))
      .thenThrows('PUBLICATION', { dossierId: 'd-1', publishedFrom: '2025-08-25', workingDays: 9, needed: 10 });
  });

  it('accepts it published 10 working days before', () => {
    const [event] = spec
      .given([])
      .when(convene([flag, laborOrder('2025-08-25')], '2025-09-10'))
      .events();
    if (event.type !== 'CouncilSessionConvened') throw new Error(`expected CouncilSessionConvened, got ${event.type}`);
    expect(event.data.agenda.map((item) => item.dossierId)).toEqual(['d-2', 'd-1']);
    expect(event.data.agenda[1]).not.toHaveProperty('publication');
  });

  it('refuses one never published', () => {
    spec
      .given([])
      .when(convene([laborOrder(null)], '2025-12-01'))
      .thenThrows('PUBLICATION', { dossierId: 'd-1', publishedFrom: null, workingDays: 0 });
  });

  it('needs no publication for awards the rule set does not require it of', () => {
    spec
      .given([])
      .when(convene([flag], '2025-09-09'))
      .events();
  });
});

describe('agendaItemOf: the requirement comes from the dossier’s rule set', () => {
  const dossier = (award: AwardKind, ruleSetId: 'tdkt-2013' | 'tdkt-2022' | 'tdkt-2025') =>
    ({
      status: DossierStatus.ELIGIBLE,
      award,
      ruleSetId,
      nominee: { kind: SubjectKind.INDIVIDUAL, id: 'p-1', name: 'A' },
      nomineeUnitId: 'u-1',
    }) as SubmittedDossier;

  it('requires 10 working days of State-level awards under the 2022 and 2025 sets, not under 2013', () => {
    expect(
      agendaItemOf('d', dossier(AwardKind.LABOR_ORDER_FIRST_CLASS, 'tdkt-2022'), '2024-05-02').publication,
    ).toEqual({
      requiredWorkingDays: 10,
      source: 'Nghị định 98/2023/NĐ-CP Art. 46(1)–(2)',
      publishedFrom: '2024-05-02',
    });
    expect(
      agendaItemOf('d', dossier(AwardKind.LABOR_ORDER_THIRD_CLASS, 'tdkt-2025')).publication.requiredWorkingDays,
    ).toBe(10);
    expect(agendaItemOf('d', dossier(AwardKind.LABOR_ORDER_THIRD_CLASS, 'tdkt-2013')).publication).toEqual(
      NO_PUBLICATION_REQUIRED,
    );
    expect(agendaItemOf('d', dossier(AwardKind.PROVINCIAL_EMULATION_FIGHTER, 'tdkt-2025')).publication).toEqual(
      NO_PUBLICATION_REQUIRED,
    );
  });
});
