import { DEMO_YEAR, type DemoYearSummary } from '../../src/demo/demoYear';
import type { TestApp } from '../support/app';
import { startDemoApp } from '../support/demo';

const DOSSIER = `query($id: ID!) {
  dossier(id: $id) {
    id status nominee { kind id name } nomineeUnitId award period { kind year label } proposingUnitId
    submittedOn submittedAt ruleSet checks { rule passed detail } returnCount
    tally { approve reject abstain members barredMembers thresholdShare approved } sessionId resolvedOn awardId version
  }
}`;

/** The demo year through GraphQL, then the dossier lookups over HTTP. */
describe('dossier query', () => {
  let t: TestApp;
  let year: DemoYearSummary;

  const dossier = async (id: string) => {
    const { body } = await t.graphql(DOSSIER, { id });
    expect(body.errors).toBeUndefined();
    return body.data.dossier;
  };

  beforeAll(async () => {
    ({ t, year } = await startDemoApp());
  }, 120_000);
  afterAll(async () => t.stop());

  it('shows the returned and resubmitted dossier through appraisal, vote and award', async () => {
    const d = await dossier(year.dossiers['p-do-thi-ngoc']);
    expect(d).toMatchObject({
      id: 'hs-ldtt-do-thi-ngoc',
      status: 'GRANTED',
      nominee: { kind: 'INDIVIDUAL', id: 'p-do-thi-ngoc', name: 'Đỗ Thị Ngọc' },
      nomineeUnitId: 'phong-tckh',
      award: 'ADVANCED_WORKER',
      period: { kind: 'CALENDAR_YEAR', year: DEMO_YEAR, label: String(DEMO_YEAR) },
      proposingUnitId: 'phong-tckh',
      submittedOn: `${DEMO_YEAR}-12-02`,
      ruleSet: 'tdkt-2022',
      returnCount: 1,
      // Lê Văn Cường sits in the nominee's unit: barred, so 8 of the 9 members count; one member abstains.
      tally: { approve: 7, reject: 0, abstain: 1, members: 8, barredMembers: 1, thresholdShare: 0.5, approved: true },
      sessionId: year.sessions[0],
      resolvedOn: `${DEMO_YEAR}-12-10`,
      awardId: year.awards['p-do-thi-ngoc'],
      // Submitted, returned, resubmitted, received, assigned, appraised, resolved, granted.
      version: 8,
    });
    expect(d.checks.length).toBeGreaterThan(0);
    expect(d.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
    expect(d.checks.map((c: { rule: string }) => c.rule)).toContain('RATING');
  });

  it('dates the submission by when it was recorded', async () => {
    const d = await dossier(year.dossiers['p-do-thi-ngoc']);
    const [submitted] = await t.app.services.store.readStream(`dossier-${year.dossiers['p-do-thi-ngoc']}`);
    expect(submitted.type).toBe('DossierSubmitted');
    expect(new Date(d.submittedAt).toISOString()).toBe(new Date(submitted.recordedAt).toISOString());
  });

  it('shows the ineligible dossier with the failed check and no vote', async () => {
    const d = await dossier(year.dossiers['p-duong-thi-quynh']);
    expect(d).toMatchObject({
      status: 'INELIGIBLE',
      ruleSet: 'tdkt-2022',
      tally: null,
      sessionId: null,
      resolvedOn: null,
      awardId: null,
      returnCount: 0,
      version: 4,
    });
    expect(d.checks.find((c: { rule: string }) => c.rule === 'RATING')).toMatchObject({ passed: false });
    expect(d.checks.find((c: { rule: string }) => c.rule === 'RATING').detail).not.toBe('');
  });

  it("shows the province council's session that supported the collective nominee's flag", async () => {
    const flag = await dossier(year.dossiers.flag);
    expect(flag).toMatchObject({
      status: 'GRANTED',
      nominee: { kind: 'COLLECTIVE', id: 'xa-quan-ha', name: 'UBND xã Quân Hà' },
      nomineeUnitId: 'xa-quan-ha',
      award: 'PROVINCIAL_EMULATION_FLAG',
      resolvedOn: `${DEMO_YEAR + 1}-01-06`,
      sessionId: year.sessions[3],
      awardId: year.awards.flag,
      version: 10,
    });
    expect(flag.checks.find((c: { rule: string }) => c.rule === 'CLUSTER_LEADER')).toMatchObject({ passed: true });
  });

  it("lists the year's dossiers in the queue, received and assigned to the district's standing agency", async () => {
    const { body } = await t.graphql(
      `query($f: DossierFilter) { dossiers(filter: $f) { edges { node { id receivedOn handlingLevel handlingOfficerName } } totalCount } }`,
      { f: { handlingOfficerId: 'p-nguyen-van-an', proposingUnitId: 'huyen-bach-thong' } },
    );
    expect(body.errors).toBeUndefined();
    // All but the two forwarded to the province: Sở Nội vụ handles them now, with no district officer.
    expect(body.data.dossiers.totalCount).toBe(Object.keys(year.dossiers).length - 2);
    const ngoc = body.data.dossiers.edges.find((e: { node: { id: string } }) => e.node.id === 'hs-ldtt-do-thi-ngoc');
    expect(ngoc.node).toEqual({
      id: 'hs-ldtt-do-thi-ngoc',
      receivedOn: `${DEMO_YEAR}-12-04`,
      handlingLevel: 'DISTRICT',
      handlingOfficerName: 'Nguyễn Văn An',
    });
  });

  it("lists the year's council sessions, the district's three and the province's, closed, with their tallies", async () => {
    const { body } = await t.graphql(
      `{ councilSessions(filter: { status: CLOSED }) { edges { node { id level agenda { tally { approved } } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const sessions = body.data.councilSessions.edges.map((e: { node: any }) => e.node);
    expect(sessions.map((s: { id: string }) => s.id)).toEqual(year.sessions);
    expect(sessions.map((s: { level: string }) => s.level)).toEqual(['DISTRICT', 'DISTRICT', 'DISTRICT', 'PROVINCE']);
    expect(sessions.flatMap((s: any) => s.agenda.map((a: any) => a.tally.approved))).not.toContain(null);
  });

  it('answers null for an unknown dossier and refuses a malformed id', async () => {
    expect(await dossier('hs-khong-co')).toBeNull();
    const { body } = await t.graphql(DOSSIER, { id: 'not an id!' });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('agrees with the dossier streams on status and version for every dossier', async () => {
    for (const id of Object.values(year.dossiers)) {
      const events = await t.app.services.store.readStream(`dossier-${id}`);
      const d = await dossier(id);
      expect(d.version).toBe(events.length);
      const last = events[events.length - 1].type;
      const expected = {
        DossierGranted: 'GRANTED',
        DossierAppraised: d.status === 'INELIGIBLE' ? 'INELIGIBLE' : 'ELIGIBLE',
        DossierAssigned: 'SUBMITTED', // received and assigned, awaiting appraisal
      }[last as 'DossierGranted'];
      expect(d.status).toBe(expected);
    }
  });

  it('gives the same answers after the dossiers read model is rebuilt from the log', async () => {
    const ids = Object.values(year.dossiers);
    const before = await Promise.all(ids.map(dossier));
    const generation = () => t.app.services.projections.status().find((s) => s.name === 'dossiers')!.generation;
    const old = generation();
    await t.app.services.projections.rebuild('dossiers');
    expect(generation()).toBe(old + 1);
    const after = await Promise.all(ids.map(dossier));
    expect(after).toEqual(before);
  });
});
