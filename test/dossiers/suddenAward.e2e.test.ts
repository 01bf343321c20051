import type { Actor } from '../support/auth';
import type { TestApp } from '../support/app';
import {
  GRANT,
  ORG,
  SECRETARIAT,
  SUBMIT,
  TODAY,
  UNIT_OFFICER,
  appraise,
  expectRefused,
  mutate,
  person,
  startOrganisationApp,
  year,
} from '../support/awarding';
import { streamEvents } from '../support/streams';
import { caughtUp } from '../support/until';

const RESULT = '{ id position eventTypes }';
const RECEIVE = `mutation($dossierId: ID!, $receivedOn: Date!, $receivingUnitId: ID) {
  receiveDossier(dossierId: $dossierId, receivedOn: $receivedOn, receivingUnitId: $receivingUnitId) ${RESULT} }`;
const APPRAISE = `mutation($dossierId: ID!) { appraiseDossier(dossierId: $dossierId) ${RESULT} }`;
const QUEUE = `query($filter: DossierFilter) {
  dossiers(filter: $filter) { edges { node { id status procedure achievedOn dueOn awardId } } totalCount }
}`;

const SCHOOL_HEAD_DECISION = {
  decisionNumber: '07/QĐ-THCS',
  decidedOn: '2025-11-21',
  issuedByUnitId: ORG.school,
  signerName: 'Lê Văn Tám',
};

/** A sudden award (khen thưởng đột xuất) proposed by the school's officer for Lan, who saved a pupil from drowning. */
const SUDDEN = {
  proposingUnitId: ORG.school,
  nominee: person('gv-lan'),
  award: 'CERTIFICATE_OF_MERIT',
  period: year(2025),
  procedure: 'SIMPLIFIED',
  achievedOn: '2025-11-15',
  achievements: 'Dũng cảm cứu học sinh đuối nước tại sông Thu Bồn ngày 15/11/2025.',
};

/**
 * Sudden awards by the simplified procedure through GraphQL, under the 2025 set (the test
 * clock is 2025-11-20): no registration nor rating, the simplified appraisal term, and the
 * award decided on the appraisal without a council where the rule set allows it.
 */
describe('sudden awards by the simplified procedure', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startOrganisationApp();
  });
  afterAll(async () => t.stop());

  it('the unit submits, the secretariat receives and appraises, and the head grants without a council', async () => {
    const submitted = await mutate(t, SUBMIT, { input: { id: 'dx-lan', ...SUDDEN } }, UNIT_OFFICER);
    expect(submitted.eventTypes).toEqual(['DossierSubmitted']);
    await mutate(t, RECEIVE, { dossierId: 'dx-lan', receivedOn: TODAY, receivingUnitId: ORG.homeAffairs });

    const appraisal = await appraise(t, 'dx-lan');
    expect(appraisal.eligible).toBe(true);
    // Lan has no rating and no registration: the record-based criteria do not apply to a sudden achievement.
    expect(appraisal.checks.map((c) => c.rule)).toEqual([
      'SUDDEN_ACHIEVEMENT',
      'ONE_AWARD_PER_ACHIEVEMENT',
      'PENDING_COMPLAINT',
    ]);

    const granted = await mutate(t, GRANT, { input: { id: 'a-dx-lan', dossierId: 'dx-lan', ...SCHOOL_HEAD_DECISION } });
    expect(granted.eventTypes).toEqual(['DossierGranted']);
    const events = await streamEvents(t, 'dossier-dx-lan');
    expect(events.map((e) => e.type)).toEqual([
      'DossierSubmitted',
      'DossierReceived',
      'DossierAppraised',
      'DossierGranted',
    ]);
    expect(events[0].data).toMatchObject({ procedure: 'SIMPLIFIED', achievedOn: '2025-11-15' });
    expect(events[3].data).toMatchObject({ awardId: 'a-dx-lan', withoutCouncil: true });

    await caughtUp(t, granted.position);
    const { body } = await t.graphql(QUEUE, { filter: { procedure: 'SIMPLIFIED' } });
    // 10 working days from Thursday 2025-11-20 under the simplified term (the standard one is 20).
    expect(body.data.dossiers).toEqual({
      edges: [
        {
          node: {
            id: 'dx-lan',
            status: 'GRANTED',
            procedure: 'SIMPLIFIED',
            achievedOn: '2025-11-15',
            dueOn: '2025-12-04',
            awardId: 'a-dx-lan',
          },
        },
      ],
      totalCount: 1,
    });
  });

  it('refuses a simplified dossier for an emulation title, a future achievement, or without its date', async () => {
    const streams = ['dossier-dx-bad'];
    await expectRefused(
      t,
      streams,
      SUBMIT,
      { input: { id: 'dx-bad', ...SUDDEN, award: 'ADVANCED_WORKER' } },
      { code: 'RULE_VIOLATION', rule: 'SIMPLIFIED_PROCEDURE_AWARD', award: 'ADVANCED_WORKER' },
    );
    await expectRefused(
      t,
      streams,
      SUBMIT,
      { input: { id: 'dx-bad', ...SUDDEN, achievedOn: '2025-11-21', submittedOn: TODAY } },
      { code: 'RULE_VIOLATION', rule: 'ACHIEVEMENT_IN_FUTURE', achievedOn: '2025-11-21' },
    );
    await expectRefused(
      t,
      streams,
      SUBMIT,
      { input: { id: 'dx-bad', ...SUDDEN, achievedOn: null } },
      { code: 'BAD_USER_INPUT', field: 'achievedOn' },
    );
    await expectRefused(
      t,
      streams,
      SUBMIT,
      { input: { id: 'dx-bad', ...SUDDEN, procedure: 'STANDARD' } },
      { code: 'BAD_USER_INPUT', field: 'achievedOn' },
    );
  });

  it('a Labour Order by the simplified procedure still needs the council: COUNCIL_VOTE_REQUIRED, nothing recorded', async () => {
    await mutate(t, SUBMIT, {
      input: { id: 'dx-order', ...SUDDEN, nominee: person('gv-ba'), award: 'LABOR_ORDER_THIRD_CLASS' },
    });
    expect((await appraise(t, 'dx-order')).eligible).toBe(true);
    await expectRefused(
      t,
      ['dossier-dx-order', 'award-a-dx-order'],
      GRANT,
      {
        input: {
          id: 'a-dx-order',
          dossierId: 'dx-order',
          decisionNumber: '1/QĐ-CTN',
          decidedOn: '2025-11-21',
          issuedByUnitId: ORG.province,
          signerName: 'Chủ tịch nước',
        },
      },
      { code: 'RULE_VIOLATION', rule: 'COUNCIL_VOTE_REQUIRED', award: 'LABOR_ORDER_THIRD_CLASS' },
    );
  });

  it('roles: the unit officer may propose but neither appraise nor grant', async () => {
    await mutate(t, SUBMIT, { input: { id: 'dx-tu', ...SUDDEN, nominee: person('gv-tu') } }, UNIT_OFFICER);
    const officer: Actor = UNIT_OFFICER;
    await expectRefused(t, ['dossier-dx-tu'], APPRAISE, { dossierId: 'dx-tu' }, { code: 'FORBIDDEN' }, officer);
    await mutate(t, APPRAISE, { dossierId: 'dx-tu' }, SECRETARIAT);
    await expectRefused(
      t,
      ['dossier-dx-tu', 'award-a-dx-tu'],
      GRANT,
      { input: { id: 'a-dx-tu', dossierId: 'dx-tu', ...SCHOOL_HEAD_DECISION, decisionNumber: '08/QĐ-THCS' } },
      { code: 'FORBIDDEN' },
      officer,
    );
  });
});
