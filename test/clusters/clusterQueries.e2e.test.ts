import { TEST_ADMIN, type Actor } from '../support/auth';
import { mutate, startTestApp, type TestApp } from '../support/app';
import { caughtUp } from '../support/until';

const STANDINGS = `query($clusterId: ID!, $year: Int!, $asOf: DateTime) {
  clusterStandings(clusterId: $clusterId, year: $year, asOf: $asOf) {
    clusterId clusterName year finalized leaderUnitId
    rows { rank unitId unitName totalPoints proposedForFlag scores { code name points maxPoints } }
  }
}`;

describe('clusters and clusterStandings', () => {
  let t: TestApp;
  let clock = new Date('2024-03-01T08:00:00Z');
  const at = (iso: string) => {
    clock = new Date(iso);
  };
  /** The province's standing agency organizes the cluster; each member unit's officer enters its self-scores. */
  const secretariat: Actor = { sub: 'secretariat', role: 'SECRETARIAT', unitId: 'tinh' };
  const officerOf = (unitId: string): Actor => ({ sub: `officer-${unitId}`, role: 'UNIT_OFFICER', unitId });
  const ok = (query: string, variables: Record<string, unknown>, as: Actor = secretariat) =>
    mutate(t, query, variables, as);
  const score = (unitId: string, criterionCode: string, points: number, kind: 'SELF' | 'ASSESSED') =>
    ok(
      'mutation($i: RecordClusterScoreInput!) { recordClusterScore(input: $i) { position } }',
      { i: { clusterId: 'cum-1', year: 2024, unitId, criterionCode, points, kind } },
      kind === 'SELF' ? officerOf(unitId) : secretariat,
    );
  const units = ['dv-a', 'dv-b', 'dv-c', 'dv-d'];
  let last = '0';

  beforeAll(async () => {
    t = await startTestApp({ now: () => clock });
    await ok(
      'mutation($i: RegisterUnitInput!) { registerUnit(input: $i) { position } }',
      { i: { id: 'tinh', name: 'UBND tỉnh', kind: 'PEOPLES_COMMITTEE', level: 'PROVINCE' } },
      TEST_ADMIN,
    );
    for (const [i, id] of units.entries()) {
      await ok('mutation($i: RegisterUnitInput!) { registerUnit(input: $i) { position } }', {
        i: {
          id,
          name: `Sở ${['Nội vụ', 'Tài chính', 'Y tế', 'Xây dựng'][i]}`,
          kind: 'AGENCY',
          level: 'PROVINCE',
          parentUnitId: 'tinh',
        },
      });
    }
    await ok('mutation($i: FormClusterInput!) { formCluster(input: $i) { position } }', {
      i: { id: 'cum-1', name: 'Cụm thi đua số 1', kind: 'CLUSTER', organizerUnitId: 'tinh', memberUnitIds: units },
    });
    await ok(
      'mutation { assignClusterLeadership(clusterId: "cum-1", year: 2024, leaderUnitId: "dv-b", deputyUnitId: "dv-c") { position } }',
      {},
    );
    await ok('mutation($i: SetClusterCriteriaInput!) { setClusterCriteria(input: $i) { position } }', {
      i: {
        clusterId: 'cum-1',
        year: 2024,
        criteria: [
          { code: 'NV', name: 'Nhiệm vụ chuyên môn', maxPoints: 70 },
          { code: 'TD', name: 'Thi đua', maxPoints: 30 },
        ],
      },
    });
    at('2024-11-01T08:00:00Z'); // self-scores
    for (const [i, unitId] of units.entries()) {
      await score(unitId, 'NV', 70 - i, 'SELF');
      await score(unitId, 'TD', 30 - i, 'SELF');
    }
    at('2024-12-01T08:00:00Z'); // the cluster's assessment reverses the order of a and d
    await score('dv-a', 'NV', 60, 'ASSESSED');
    await score('dv-d', 'NV', 69, 'ASSESSED');
    await score('dv-d', 'TD', 28, 'ASSESSED');
    at('2024-12-20T08:00:00Z');
    last = (await ok('mutation { finalizeClusterRanking(clusterId: "cum-1", year: 2024) { position } }', {})).position;
    await caughtUp(t, last);
  });
  afterAll(async () => t.stop());

  const standings = async (asOf?: string) =>
    (await t.graphql(STANDINGS, { clusterId: 'cum-1', year: 2024, asOf })).body.data.clusterStandings;

  it('lists clusters with their members', async () => {
    const { body } = await t.graphql('{ clusters { id name kind organizerUnitId memberUnitIds } }');
    expect(body.data.clusters).toEqual([
      { id: 'cum-1', name: 'Cụm thi đua số 1', kind: 'CLUSTER', organizerUnitId: 'tinh', memberUnitIds: units },
    ]);
  });

  it('ranks by the assessed score where there is one, proposing rank 1 for the flag once finalized', async () => {
    const now = await standings();
    expect(now).toMatchObject({ clusterName: 'Cụm thi đua số 1', finalized: true, leaderUnitId: 'dv-b' });
    expect(now.rows.map((r: any) => [r.rank, r.unitId, r.totalPoints, r.proposedForFlag])).toEqual([
      [1, 'dv-b', 98, true],
      [2, 'dv-d', 97, false],
      [3, 'dv-c', 96, false],
      [4, 'dv-a', 90, false],
    ]);
    expect(now.rows[3].scores).toEqual([
      { code: 'NV', name: 'Nhiệm vụ chuyên môn', points: 60, maxPoints: 70 },
      { code: 'TD', name: 'Thi đua', points: 30, maxPoints: 30 },
    ]);
  });

  it('answers as the standings were at a past instant', async () => {
    const selfOnly = await standings('2024-11-15T00:00:00Z');
    expect(selfOnly.finalized).toBe(false);
    expect(selfOnly.rows.map((r: any) => [r.unitId, r.totalPoints, r.proposedForFlag])).toEqual([
      ['dv-a', 100, false],
      ['dv-b', 98, false],
      ['dv-c', 96, false],
      ['dv-d', 94, false],
    ]);
    const beforeScores = await standings('2024-06-01T00:00:00Z');
    expect(beforeScores.rows.every((r: any) => r.totalPoints === 0)).toBe(true);
    expect((await standings('2024-12-10T00:00:00Z')).finalized).toBe(false);
  });

  it('answers NOT_FOUND for an unknown cluster and BAD_USER_INPUT for a year out of range', async () => {
    expect((await t.graphql(STANDINGS, { clusterId: 'none', year: 2024 })).body.errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await t.graphql(STANDINGS, { clusterId: 'cum-1', year: 1900 })).body.errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
