import type { RatePoint } from '../../bench/load';
import { renderReadersAB, summarize, type ReadersABResults, type ReadersABRun } from '../../bench/readersABReport';
import type { UserResult } from '../../bench/report';

const point = (achieved: number): RatePoint => ({
  offered: NaN,
  achievedRequestsPerSec: achieved,
  actions: 100,
  p50: 2,
  p99: 9,
  errors: 0,
  shed: 0,
});

function user(name: UserResult['name'], within: number, saturation: number): UserResult {
  return {
    name,
    description: name,
    requestsPerAction: 1,
    saturation: point(saturation),
    points: [{ ...point(within), offered: within }],
    maxRequestsPerSecWithinP99: within,
  };
}

function run(
  build: ReadersABRun['build'],
  index: number,
  inspector: [number, number],
  desk: [number, number] | null,
): ReadersABRun {
  const users = [user('inspector', ...inspector), ...(desk ? [user('complaint desk', ...desk)] : [])];
  return { build, run: index, users, notes: [] };
}

// A B A B A B, as the A/B run alternates; the complaint desk is missing from one baseline run.
const runs = [
  run('auth', 1, [2_000, 2_100], [1_500, 2_900]),
  run('baseline', 1, [2_000, 2_400], [2_000, 3_100]),
  run('auth', 2, [1_500, 1_900], [2_000, 2_800]),
  run('baseline', 2, [3_000, 2_600], null),
  run('auth', 3, [2_000, 2_000], [2_000, 3_000]),
  run('baseline', 3, [2_000, 2_500], [2_000, 3_200]),
];

describe('readers A/B summary', () => {
  it('gives each reader and build the medians of its runs, a missing reader counting as 0', () => {
    const summary = summarize(runs);
    const of = (name: string, build: string) => summary.find((s) => s.name === name && s.build === build)!;
    expect(of('inspector', 'auth')).toMatchObject({
      medianRequestsPerSecWithinP99: 2_000,
      medianSaturationRequestsPerSec: 2_000,
      runsWithinP99: [2_000, 1_500, 2_000],
    });
    expect(of('inspector', 'baseline')).toMatchObject({
      medianRequestsPerSecWithinP99: 2_000,
      medianSaturationRequestsPerSec: 2_500,
    });
    expect(of('complaint desk', 'baseline')).toMatchObject({
      runsWithinP99: [2_000, 0, 2_000],
      runsSaturation: [3_100, 0, 3_200],
      medianSaturationRequestsPerSec: 3_100,
    });
  });

  it('renders the medians, the goal and every run in the order run', () => {
    const results: ReadersABResults = {
      date: '2026-12-06T00:00:00.000Z',
      durationSec: 600,
      machine: { nproc: 2, memoryGiB: 8, cpu: 'test', node: 'v20', postgres: 'PostgreSQL 18' },
      options: { events: 1_000, runs: 3, quick: true, seed: 1, seconds: 2, rates: [250, 1_000] },
      builds: {
        auth: { name: 'auth', root: '/a', commit: 'aaaaaaa', dirty: false },
        baseline: { name: 'baseline', root: '/b', commit: '104a57e', dirty: false },
      },
      province: {
        events: 1_000,
        commands: 900,
        streams: 100,
        byType: {},
        byCategory: {},
        lastSixWeeksShare: 0.5,
        firstRecordedAt: null,
        lastRecordedAt: null,
        scale: 0.001,
        people: 90,
        units: 10,
        clusters: 1,
      },
      preparation: { importEventsPerSec: 10_000, rebuildEventsPerSec: 20_000, ms: 3_000 },
      runs,
      summary: summarize(runs),
      notes: [],
    };
    const markdown = renderReadersAB(results);
    expect(markdown).toContain(
      '| inspector | with auth (aaaaaaa) | 2,000 | 2,000 | 2,000 / 1,500 / 2,000 | 2,100 / 1,900 / 2,000 |',
    );
    expect(markdown).toContain('| inspector | with ÷ without | 1.00× | 0.80× | | |');
    expect(markdown).toContain('| complaint desk, with auth: ≥ 1,500 req/s with p99 ≤ 20 ms | 2,000 req/s | **met** |');
    const order = [...markdown.matchAll(/^\| \d+ \| (\w+ \d) \| inspector \|/gm)].map((m) => m[1]);
    expect(order).toEqual(['auth 1', 'baseline 1', 'auth 2', 'baseline 2', 'auth 3', 'baseline 3']);
  });
});
