import { clusterScoringProjection } from '../../projections/clusterScoring/clusterScoring.projection';
import { Expected, type NewEvent } from '../../src/eventStore/eventStore.port';
import { startTestApp, type TestApp } from '../support/app';
import { testMetadata } from '../support/events';
import { caughtUp } from '../support/until';

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Criterion {
  code: string;
  name: string;
  maxPoints: number;
}
interface Score {
  clusterId: string;
  year: number;
  unitId: string;
  code: string;
  kind: 'SELF' | 'ASSESSED';
  points: number;
  at: number;
}
interface ClusterPlan {
  id: string;
  name: string;
  members: Array<{ unitId: string; unitName: string }>;
}

/**
 * The oracle: standings folded with plain code written apart from the product's, from
 * the rules as the domain states them (ranking by total, ties by the criteria's order).
 */
function expectedStandings(
  cluster: ClusterPlan,
  criteria: Criterion[],
  scores: Score[],
  at: number,
  finalizedAt: number | null,
) {
  const counting = (unitId: string, code: string) => {
    const mine = scores.filter((s) => s.unitId === unitId && s.code === code && s.at <= at);
    const assessed = mine.filter((s) => s.kind === 'ASSESSED');
    const self = mine.filter((s) => s.kind === 'SELF');
    return assessed.length ? assessed[assessed.length - 1].points : self.length ? self[self.length - 1].points : 0;
  };
  const rows = cluster.members.map((m) => {
    const points = criteria.map((c) => counting(m.unitId, c.code));
    return {
      unitId: m.unitId,
      unitName: m.unitName,
      points,
      total: Math.round(points.reduce((x, y) => x + y, 0) * 1e6) / 1e6,
    };
  });
  rows.sort((a, b) => {
    if (a.total !== b.total) return b.total - a.total;
    for (let i = 0; i < criteria.length; i++) if (a.points[i] !== b.points[i]) return b.points[i] - a.points[i];
    const byName = a.unitName.localeCompare(b.unitName, 'vi');
    return byName !== 0 ? byName : a.unitId < b.unitId ? -1 : 1;
  });
  const finalized = finalizedAt !== null && finalizedAt <= at;
  return {
    finalized,
    rows: rows.map((r, i) => ({
      rank: i + 1,
      unitId: r.unitId,
      totalPoints: r.total,
      proposedForFlag: finalized && i === 0,
      scores: r.points,
    })),
  };
}

describe('cluster standings against an independent fold of random scores', () => {
  let t: TestApp;
  const random = prng(20241120);
  const base = Date.parse('2024-01-01T00:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  const clusters: ClusterPlan[] = [];
  const criteria = new Map<string, Criterion[]>();
  const scores: Score[] = [];
  const finalizedAt = new Map<string, number>();
  const names = [
    'Sở Nội vụ',
    'Sở Y tế',
    'Sở Tài chính',
    'Sở Xây dựng',
    'UBND xã Quân Hà',
    'UBND xã Cẩm Giàng',
    'Ủy ban Mặt trận',
    'Đoàn Thanh niên',
    'Hội Nông dân',
    'Hội Phụ nữ',
  ];
  let clock = base;
  let last = '0';

  beforeAll(async () => {
    t = await startTestApp({ projections: [clusterScoringProjection] });
    const store = t.app.services.store;
    const append = async (streamId: string, events: Array<[string, Record<string, unknown>]>) => {
      const batch: NewEvent[] = events.map(([type, data]) => {
        clock += 1_000 + Math.floor(random() * 3_600_000);
        return { type, data, metadata: testMetadata({ recordedAt: iso(clock) }) };
      });
      last = (await store.append(streamId, batch, Expected.any)).position;
      return clock;
    };
    for (let c = 0; c < 5; c++) {
      const size = 4 + Math.floor(random() * 5);
      // Names repeat across units on purpose, so ties fall through to the unit id.
      const members = Array.from({ length: size }, (_, i) => ({
        unitId: `c${c}-u${i}`,
        unitName: names[Math.floor(random() * names.length)],
      }));
      const cluster = { id: `c${c}`, name: `Cụm thi đua số ${c + 1}`, members };
      clusters.push(cluster);
      await append(`cluster-${cluster.id}`, [
        [
          'ClusterFormed',
          { clusterId: cluster.id, name: cluster.name, kind: 'CLUSTER', organizerUnitId: 'tinh', members },
        ],
      ]);
      for (const year of [2023, 2024]) {
        const list = [
          { code: 'A', name: 'Nhiệm vụ chính trị', maxPoints: 50 },
          { code: 'B', name: 'Công tác thi đua', maxPoints: 30 },
          { code: 'C', name: 'Xây dựng Đảng', maxPoints: 20 },
        ];
        criteria.set(`${cluster.id}:${year}`, list);
        await append(`cluster_year-${cluster.id}:${year}`, [
          [
            'ClusterCriteriaSet',
            {
              clusterId: cluster.id,
              clusterName: cluster.name,
              year,
              scale: 100,
              criteria: list.map((x) => ({ ...x, kind: 'ORDINARY' })),
              replacesPrevious: false,
            },
          ],
        ]);
      }
    }
    // A few thousand scores, self and assessed, with corrections and many ties.
    for (let i = 0; i < 2_500; i++) {
      const cluster = clusters[Math.floor(random() * clusters.length)];
      const year = random() < 0.5 ? 2023 : 2024;
      const member = cluster.members[Math.floor(random() * cluster.members.length)];
      const criterion = criteria.get(`${cluster.id}:${year}`)![Math.floor(random() * 3)];
      const kind = random() < 0.6 ? 'SELF' : 'ASSESSED';
      const points = Math.floor(random() * 4) + criterion.maxPoints - 4 + (random() < 0.2 ? 0.5 : 0);
      const at = await append(`cluster_year-${cluster.id}:${year}`, [
        [
          'ClusterScoreRecorded',
          {
            clusterId: cluster.id,
            clusterName: cluster.name,
            year,
            unitId: member.unitId,
            unitName: member.unitName,
            criterionCode: criterion.code,
            criterionName: criterion.name,
            maxPoints: criterion.maxPoints,
            points,
            kind,
            note: null,
            recordedAt: iso(clock),
          },
        ],
      ]);
      scores.push({ clusterId: cluster.id, year, unitId: member.unitId, code: criterion.code, kind, points, at });
      if (i === 1_800) {
        for (const c of clusters.slice(0, 3)) {
          const year2023 = expectedStandings(
            c,
            criteria.get(`${c.id}:2023`)!,
            scores.filter((s) => s.clusterId === c.id && s.year === 2023),
            Infinity,
            null,
          );
          const finalAt = await append(`cluster_year-${c.id}:2023`, [
            [
              'ClusterRankingFinalized',
              {
                clusterId: c.id,
                clusterName: c.name,
                year: 2023,
                finalizedAt: iso(clock + 1),
                criteria: [],
                flagUnitId: year2023.rows[0].unitId,
                certificateUnitIds: [],
                certificateCount: 2,
                rows: year2023.rows.map((r) => ({
                  rank: r.rank,
                  unitId: r.unitId,
                  unitName: c.members.find((m) => m.unitId === r.unitId)!.unitName,
                  totalPoints: r.totalPoints,
                })),
              },
            ],
          ]);
          finalizedAt.set(c.id, finalAt);
        }
      }
    }
    await caughtUp(t, last, { timeoutMs: 20_000 });
  }, 120_000);
  afterAll(async () => t.stop());

  const QUERY = `query($c: ID!, $y: Int!, $asOf: DateTime) { clusterStandings(clusterId: $c, year: $y, asOf: $asOf) { finalized rows { rank unitId totalPoints proposedForFlag scores { code points } } } }`;

  const compareAt = async (instants: number[]) => {
    for (const cluster of clusters) {
      for (const year of [2023, 2024]) {
        for (const at of instants) {
          const mine = scores.filter((s) => s.clusterId === cluster.id && s.year === year);
          const oracle = expectedStandings(
            cluster,
            criteria.get(`${cluster.id}:${year}`)!,
            mine,
            at,
            year === 2023 ? (finalizedAt.get(cluster.id) ?? null) : null,
          );
          const { body } = await t.graphql(QUERY, {
            c: cluster.id,
            y: year,
            asOf: Number.isFinite(at) ? iso(at) : null,
          });
          const answer = body.data.clusterStandings;
          expect([cluster.id, year, at, answer.finalized]).toEqual([cluster.id, year, at, oracle.finalized]);
          expect(answer.rows.map((r: any) => ({ ...r, scores: r.scores.map((s: any) => s.points) }))).toEqual(
            oracle.rows,
          );
        }
      }
    }
  };

  it('answers the current standings of every cluster and year as the oracle folds them', async () => {
    await compareAt([Infinity]);
  });

  it('answers as of random past instants as the oracle folds them', async () => {
    const instants = Array.from({ length: 6 }, () => base + Math.floor(random() * (clock - base)));
    await compareAt(instants);
  });

  it('answers the same after a rebuild', async () => {
    await t.app.services.projections.rebuild('cluster_scoring');
    await compareAt([Infinity, base + (clock - base) / 2]);
  });
});
