import { allProjections } from '../../projections';
import { dossiersProjectionWith } from '../../projections/dossiers/dossiers.projection';
import { dossierDueDate, type DossierDueDateFacts } from '../../src/dossiers/dossierDueDate';
import { appraisalDueDate } from '../../src/rules/legalTerms';
import { AuthorityLevel, DossierProcedure, addDays } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import { ORG, APPRAISE, mutate, person, startOrganisationApp, submitDossier, year } from '../support/awarding';
import { caughtUp } from '../support/until';

const RECEIVE = `mutation($dossierId: ID!, $receivedOn: Date!) {
  receiveDossier(dossierId: $dossierId, receivedOn: $receivedOn) { position } }`;
const OVERDUE = `query($on: Date!) { dossiers(filter: { overdueOn: $on }) { edges { node { id dueOn } } totalCount } }`;

/** A rule for this test only: a province-level reception is due 10 days later; other levels have no term. */
function tenDaysAtProvince(facts: DossierDueDateFacts): string | null {
  return facts.handlingLevel === AuthorityLevel.PROVINCE ? addDays(facts.receivedOn, 10) : null;
}

describe('overdueOn: dossiers still awaiting appraisal past their due date', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The app with the dossiers read model dating receptions by the rule above.
    const projections = allProjections.map((p) =>
      p.name === 'dossiers' ? dossiersProjectionWith(tenDaysAtProvince) : p,
    );
    t = await startOrganisationApp({ projections });
    for (const id of ['gv-hoa', 'gv-nam', 'gv-ba']) {
      await submitDossier(t, {
        id: `hs-${id}`,
        nominee: person(id),
        award: 'ADVANCED_WORKER',
        period: year(2025),
        submittedOn: '2025-10-01',
      });
    }
    await mutate(t, RECEIVE, { dossierId: 'hs-gv-hoa', receivedOn: '2025-10-02' });
    await mutate(t, RECEIVE, { dossierId: 'hs-gv-nam', receivedOn: '2025-11-15' });
    // hs-gv-ba is received by the district, whose level has no term under this rule.
    const last = await mutate(
      t,
      RECEIVE,
      { dossierId: 'hs-gv-ba', receivedOn: '2025-10-02' },
      { sub: 's-h', role: 'SECRETARIAT', unitId: ORG.district },
    );
    await caughtUp(t, last.position);
  }, 60_000);
  afterAll(async () => t.stop());

  it('lists the received dossiers whose due date is before the day, and no others', async () => {
    const on = async (day: string) => (await t.graphql(OVERDUE, { on: day })).body.data.dossiers;
    expect(await on('2025-10-12')).toEqual({ edges: [], totalCount: 0 });
    expect(await on('2025-10-13')).toEqual({
      edges: [{ node: { id: 'hs-gv-hoa', dueOn: '2025-10-12' } }],
      totalCount: 1,
    });
    expect((await on('2025-11-26')).edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      'hs-gv-hoa',
      'hs-gv-nam',
    ]);
  });

  it('drops a dossier once it is appraised', async () => {
    const appraised = await mutate(t, APPRAISE, { dossierId: 'hs-gv-hoa' });
    await caughtUp(t, appraised.position);
    const { body } = await t.graphql(OVERDUE, { on: '2025-11-26' });
    expect(body.data.dossiers.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['hs-gv-nam']);
  });

  it("the app's own rule is the rule set's appraisal term, in working days, and dates no district under the 2025 set", () => {
    const province = {
      receivedOn: '2025-10-02',
      handlingLevel: AuthorityLevel.PROVINCE,
      ruleSetId: 'tdkt-2025' as const,
      procedure: DossierProcedure.STANDARD,
    };
    expect(dossierDueDate(province)).toBe(appraisalDueDate('2025-10-02', AuthorityLevel.PROVINCE, 'tdkt-2025'));
    // 20 working days from Thursday 2025-10-02: no holiday in between, four weeks later.
    expect(dossierDueDate(province)).toBe('2025-10-30');
    const district = {
      receivedOn: '2025-10-02',
      handlingLevel: AuthorityLevel.DISTRICT,
      ruleSetId: 'tdkt-2025' as const,
      procedure: DossierProcedure.STANDARD,
    };
    expect(dossierDueDate(district)).toBeNull();
    // A sudden award's dossier is due under the simplified procedure's shorter term: 10 working days.
    expect(dossierDueDate({ ...province, procedure: DossierProcedure.SIMPLIFIED })).toBe('2025-10-16');
  });
});
