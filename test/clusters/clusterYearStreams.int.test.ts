/**
 * A cluster's years are streams of their own: the cluster stream holds its formation,
 * each year's scores go to `cluster_year-<clusterId>:<year>`, so a score of one year never
 * conflicts with one of another year, and a refused year command appends nothing.
 */
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../src/commands/commandHandler';
import type { CommandTransaction } from '../../src/commands/commandTransaction';
import { clusterDecider } from '../../src/clusters/cluster.decider';
import { clusterFactsOf } from '../../src/clusters/cluster.state';
import { clusterYearDecider, clusterYearKey } from '../../src/clusters/clusterYear.decider';
import { ScoreKind } from '../../src/shared/domain';
import { VersionConflict } from '../../src/shared/errors';
import { expectRefused, mutate, startTestApp, type TestApp } from '../support/app';
import { registerUnit } from '../support/reference';
import { logExtent, streamEvents } from '../support/streams';
import { caughtUp } from '../support/until';

const RESULT = '{ id streamId version eventTypes }';
const FORM = `mutation($input: FormClusterInput!) { formCluster(input: $input) ${RESULT} }`;
const CRITERIA = `mutation($input: SetClusterCriteriaInput!) { setClusterCriteria(input: $input) ${RESULT} }`;
const SCORE = `mutation($input: RecordClusterScoreInput!) { recordClusterScore(input: $input) ${RESULT} }`;
const LEAD = `mutation($clusterId: ID!, $year: Int!, $leaderUnitId: ID!, $deputyUnitId: ID!) {
  assignClusterLeadership(clusterId: $clusterId, year: $year, leaderUnitId: $leaderUnitId, deputyUnitId: $deputyUnitId) ${RESULT} }`;
const TRAIL = `query($filter: AuditFilter!) { auditTrail(filter: $filter, first: 100) { entries { streamId type } hasNextPage } }`;
const FINALIZE = `mutation($clusterId: ID!, $year: Int!) { finalizeClusterRanking(clusterId: $clusterId, year: $year) ${RESULT} }`;

const CLUSTER = 'khoi-truong';
const CLUSTER_STREAM = `cluster-${CLUSTER}`;
const yearStream = (year: number, clusterId = CLUSTER) => `cluster_year-${clusterId}:${year}`;
const MEMBERS = ['truong-a', 'truong-b', 'truong-c', 'truong-d'];

const score = (year: number, unitId: string, points: number, clusterId = CLUSTER) => ({
  input: { clusterId, year, unitId, criterionCode: 'TONG', points, kind: 'SELF' },
});

describe('a cluster year per stream', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await registerUnit(t, { id: 'phong-gd', name: 'Phòng Giáo dục', kind: 'AGENCY', level: 'DISTRICT' });
    for (const [i, id] of MEMBERS.entries())
      await registerUnit(t, {
        id,
        name: `Trường ${'ABCD'[i]}`,
        kind: 'SCHOOL',
        level: 'UNIT',
        parentUnitId: 'phong-gd',
      });
    await mutate(t, FORM, {
      input: {
        id: CLUSTER,
        name: 'Khối các trường',
        kind: 'BLOC',
        organizerUnitId: 'phong-gd',
        memberUnitIds: MEMBERS,
      },
    });
    for (const year of [2023, 2024])
      await mutate(t, CRITERIA, {
        input: { clusterId: CLUSTER, year, criteria: [{ code: 'TONG', name: 'Kết quả', maxPoints: 100 }] },
      });
  });
  afterAll(async () => t.stop());

  it("opens each year's stream with its first event and leaves the cluster stream to its formation", async () => {
    expect((await streamEvents(t, CLUSTER_STREAM)).map((e) => e.type)).toEqual(['ClusterFormed']);
    for (const year of [2023, 2024]) {
      const [criteria] = await t.app.services.store.readStream(yearStream(year));
      expect(criteria).toMatchObject({ type: 'ClusterCriteriaSet', streamVersion: 1, data: { year } });
    }
  });

  it('records the scores of two years of one cluster in two streams', async () => {
    const first = await mutate(t, SCORE, score(2023, 'truong-a', 80));
    const second = await mutate(t, SCORE, score(2024, 'truong-a', 85));
    expect(first).toMatchObject({ id: `${CLUSTER}:2023`, streamId: yearStream(2023), version: 2 });
    expect(second).toMatchObject({ id: `${CLUSTER}:2024`, streamId: yearStream(2024), version: 2 });
    for (const year of [2023, 2024]) {
      const events = await streamEvents(t, yearStream(year));
      expect(events.map((e) => [e.type, e.data.year])).toEqual([
        ['ClusterCriteriaSet', year],
        ['ClusterScoreRecorded', year],
      ]);
    }
    expect(await streamEvents(t, CLUSTER_STREAM)).toHaveLength(1);
  });

  /**
   * A 2023 score decided against its stream as loaded, committed without a retry after
   * another score was appended in between: the command handler refuses an append whose
   * stream moved on (VersionConflict).
   */
  async function scoreAround(year: number, meanwhile: () => Promise<unknown>) {
    const context: CommandContext = {
      identity: { actorId: 'test', role: 'ADMIN', unitId: null },
      correlationId: randomUUID(),
      idempotencyKey: null,
      now: () => new Date(),
    };
    return t.app.services.commands.execute(context, 'recordClusterScore', null, async (tx: CommandTransaction) => {
      const cluster = clusterFactsOf((await tx.load(clusterDecider, CLUSTER)).state);
      const loaded = await tx.load(clusterYearDecider, clusterYearKey(CLUSTER, year));
      await meanwhile();
      tx.decide(clusterYearDecider, loaded, {
        type: 'RecordClusterScore',
        data: {
          clusterId: CLUSTER,
          year,
          unitId: 'truong-b',
          criterionCode: 'TONG',
          points: 70,
          kind: ScoreKind.SELF,
          note: null,
          now: tx.nowIso,
          cluster,
        },
      });
    });
  }

  it("never conflicts with a score of another year, as it does with one of the same year's", async () => {
    const before = (await streamEvents(t, yearStream(2023))).length;
    const result = await scoreAround(2023, () => mutate(t, SCORE, score(2024, 'truong-c', 90)));
    expect(result).toMatchObject({ streamId: yearStream(2023), version: before + 1 });
    await expect(scoreAround(2023, () => mutate(t, SCORE, score(2023, 'truong-c', 60)))).rejects.toBeInstanceOf(
      VersionConflict,
    );
  });

  it('leaves the year stream unchanged when a year command is refused', async () => {
    await expectRefused(t, [CLUSTER_STREAM, yearStream(2023)], SCORE, score(2023, 'truong-a', 101), {
      code: 'RULE_VIOLATION',
      rule: 'CLUSTER_SCORE_OUT_OF_RANGE',
    });
    await expectRefused(
      t,
      [CLUSTER_STREAM, yearStream(2023)],
      LEAD,
      { clusterId: CLUSTER, year: 2023, leaderUnitId: 'truong-a', deputyUnitId: 'truong-a' },
      { code: 'RULE_VIOLATION', rule: 'CLUSTER_LEADERSHIP_SAME_UNIT' },
    );
    await expectRefused(
      t,
      [CLUSTER_STREAM, yearStream(2023)],
      FINALIZE,
      { clusterId: CLUSTER, year: 2023 },
      {
        code: 'RULE_VIOLATION',
        rule: 'CLUSTER_SCORES_MISSING',
      },
    );
    // A year without criteria has no stream yet, and a refusal does not start one.
    await expectRefused(t, [yearStream(2025)], SCORE, score(2025, 'truong-a', 50), {
      code: 'RULE_VIOLATION',
      rule: 'CLUSTER_CRITERIA_NOT_SET',
    });
    expect(await t.app.services.store.readStream(yearStream(2025))).toEqual([]);
  });

  it('answers a year command on an unknown cluster with NOT_FOUND and appends nothing anywhere', async () => {
    const before = await logExtent(t);
    const unknown = ['cluster-khoi-khong-co', yearStream(2023, 'khoi-khong-co')];
    await expectRefused(t, unknown, SCORE, score(2023, 'truong-a', 50, 'khoi-khong-co'), {
      code: 'NOT_FOUND',
      entity: 'Cluster',
      id: 'khoi-khong-co',
    });
    await expectRefused(
      t,
      unknown,
      CRITERIA,
      {
        input: {
          clusterId: 'khoi-khong-co',
          year: 2023,
          criteria: [{ code: 'TONG', name: 'Kết quả', maxPoints: 100 }],
        },
      },
      { code: 'NOT_FOUND', entity: 'Cluster', id: 'khoi-khong-co' },
    );
    expect(await logExtent(t)).toEqual(before);
  });

  it("lists a cluster's whole history in its audit trail: its own stream and every year stream", async () => {
    await caughtUp(t, (await logExtent(t)).last, { names: ['audit_trail'] });
    const { body } = await t.graphql(TRAIL, { filter: { clusterId: CLUSTER } });
    const entries: Array<{ streamId: string; type: string }> = body.data.auditTrail.entries;
    expect(entries[0]).toEqual({ streamId: CLUSTER_STREAM, type: 'ClusterFormed' });
    expect(new Set(entries.map((e) => e.streamId))).toEqual(
      new Set([CLUSTER_STREAM, yearStream(2023), yearStream(2024)]),
    );
    const stored = await Promise.all(
      [CLUSTER_STREAM, yearStream(2023), yearStream(2024)].map((id) => streamEvents(t, id)),
    );
    expect(entries).toHaveLength(stored.flat().length);
    const other = await t.graphql(TRAIL, { filter: { clusterId: 'khoi-khong-co' } });
    expect(other.body.data.auditTrail.entries).toEqual([]);
  });
});
