/**
 * The commands' load: the slice's runs of given sizes never send the same first rating,
 * title registration or ballot twice; the open loop settles every scheduled action once
 * and sheds beyond its in-flight bound; the report judges the goal only at its rate; the
 * set-up's dossiers hold their documents before their appraisal.
 */
import { createHash } from 'node:crypto';
import { commandRows, commandTarget } from '../../bench/commandReport';
import { ProvinceGenerator } from '../../bench/generator';
import { atFixedRate, planCommandSlice, type OfferedOpsResult, type OpsResult } from '../../bench/load';
import { countsSince } from '../../bench/load/opsTally';
import type { BenchResults } from '../../bench/report';
import { requiredDocumentKinds } from '../../src/rules/dossierDocuments';
import { ruleSetFor } from '../../src/rules/ruleSets';
import { AwardKind } from '../../src/shared/domain';

const keyOf = (name: string, variables: Record<string, unknown>): string => {
  const input = variables.input as Record<string, unknown>;
  if (name === 'castBallot') return `${input.sessionId}/${input.dossierId}/${input.memberId}`;
  if (name === 'ratePerformance') return JSON.stringify([input.subject, input.period]);
  if (name === 'registerTitle') return JSON.stringify([input.subject, input.award, input.period]);
  return '';
};

describe('the command slice with runs of different sizes', () => {
  it('gives each run about its share, and no rating, registration or ballot twice', () => {
    const { province } = new ProvinceGenerator({ events: 20_000, seed: 5 });
    const slice = planCommandSlice(province, { year: 2026, today: '2026-12-07', runSizes: [900, 300, 300], seed: 5 });
    expect(slice.runs.map((r) => r.length)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(slice.runs[0].length).toBeGreaterThan(2.5 * slice.runs[1].length);
    const seen = new Set<string>();
    for (const op of slice.runs.flat()) {
      const key = keyOf(op.name, op.variables);
      if (key === '') continue;
      expect(seen.has(`${op.name} ${key}`)).toBe(false);
      seen.add(`${op.name} ${key}`);
    }
    expect(new Set(slice.runs[0].map((op) => op.name))).toEqual(
      new Set(['castBallot', 'recordClusterScore', 'registerTitle', 'ratePerformance']),
    );
  });
});

describe("the command slice's set-up", () => {
  it('uploads and attaches every document the rule set requires of each dossier before its appraisal', () => {
    const { province } = new ProvinceGenerator({ events: 20_000, seed: 5 });
    const slice = planCommandSlice(province, { year: 2026, today: '2026-12-07', runSizes: [300, 100], seed: 5 });
    const phaseOf = (name: string) => slice.setup.findIndex((ops) => ops.some((op) => op.name === name));
    expect(phaseOf('submitDossier')).toBe(slice.documents.afterPhase);
    expect(slice.documents.afterPhase).toBeLessThan(phaseOf('attachDocument'));
    expect(phaseOf('attachDocument')).toBeLessThan(phaseOf('appraiseDossier'));
    const required = requiredDocumentKinds(ruleSetFor('2026-12-07').dossierDocuments, AwardKind.ADVANCED_WORKER);
    expect(required.length).toBeGreaterThan(0);
    const uploaded = new Set(slice.documents.files.map((d) => createHash('sha256').update(d.content).digest('hex')));
    const attached = new Map<string, string[]>();
    for (const op of slice.setup[phaseOf('attachDocument')]) {
      const { dossierId, kind, sha256 } = op.variables as { dossierId: string; kind: string; sha256: string };
      expect(uploaded.has(sha256)).toBe(true);
      attached.set(dossierId, [...(attached.get(dossierId) ?? []), kind]);
    }
    const appraised = slice.setup[phaseOf('appraiseDossier')].map((op) => op.variables.dossierId as string);
    expect(appraised.length).toBeGreaterThan(0);
    for (const dossierId of appraised) expect(attached.get(dossierId)?.sort()).toEqual([...required].sort());
  });
});

describe('atFixedRate', () => {
  it('settles every scheduled action once, passing on its error', async () => {
    const settled: Array<[number, unknown]> = [];
    const paced = await atFixedRate(
      { rate: 2_000, durationMs: 20 },
      async (index) => {
        if (index % 10 === 3) throw new Error(`no ${index}`);
      },
      (index, ms, error) => {
        expect(ms).toBeGreaterThanOrEqual(0);
        settled.push([index, error]);
      },
    );
    expect(paced).toMatchObject({ scheduled: 40, shed: 0 });
    expect(settled.map(([i]) => i).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(settled.filter(([, error]) => error !== null).map(([i]) => i)).toEqual([3, 13, 23, 33]);
  });

  it('sheds the actions beyond its in-flight bound and never starts them', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const started: number[] = [];
    const pacing = atFixedRate(
      { rate: 1_000, durationMs: 30, maxInflight: 4 },
      (index) => {
        started.push(index);
        return held;
      },
      () => undefined,
    );
    // Long after the 30 actions were scheduled (no assertion is on time).
    setTimeout(release, 500);
    const paced = await pacing;
    expect(started).toEqual([0, 1, 2, 3]);
    expect(paced).toMatchObject({ scheduled: 30, shed: 26 });
  });
});

describe('conflict counts between two readings', () => {
  it('are what grew, per name, and unknown when the app does not tell', () => {
    expect(countsSince({ castBallot: 2 }, { castBallot: 5, recordClusterScore: 1 })).toEqual({
      castBallot: 3,
      recordClusterScore: 1,
    });
    expect(countsSince({ castBallot: 2 }, { castBallot: 2 })).toEqual({});
    expect(countsSince(null, { castBallot: 2 })).toBeNull();
  });
});

const measured = (overrides: Partial<OpsResult> = {}): OpsResult => ({
  ops: 1_000,
  ms: 1_250,
  opsPerSec: 800,
  latency: { p50: 12, p99: 80, max: 140, count: 1_000 },
  errors: 0,
  errorsByCode: {},
  versionConflicts: 0,
  conflictsRetried: { castBallot: 7 },
  errorSamples: [],
  byName: { castBallot: { ops: 1_000, p50: 12, p99: 80, errors: 0 } },
  ...overrides,
});
const offeredAt = (rate: number, overrides: Partial<OpsResult> = {}): OfferedOpsResult => ({
  ...measured(overrides),
  offered: rate,
  offeredMs: 20_000,
  shed: 0,
});
const resultsWith = (offered: OfferedOpsResult): BenchResults =>
  ({
    commands: { setup: [], offered, runs: [measured()], median: measured(), mix: { castBallot: 1 } },
  }) as unknown as BenchResults;

describe('the commands’ rows and goal', () => {
  it('holds at 800/s with p99 ≤ 100 ms and no error, and reports retried and surfaced conflicts', () => {
    const held = resultsWith(offeredAt(800));
    expect(commandTarget(held).met).toBe(true);
    const [open, perCommand, saturation] = commandRows(held);
    expect(open[0]).toContain('open loop: 800/s offered for 20 s');
    expect(open[1]).toContain('version conflicts 7 retried (castBallot 7), 0 surfaced as errors');
    expect(open[1]).toContain('**held**');
    expect(perCommand[1]).toContain('7 conflicts retried');
    expect(saturation[0]).toContain('saturation: closed loop of 32 clients');
  });

  it('is not held with an error, and is not judged at another rate', () => {
    const refused = offeredAt(800, { errors: 2, errorsByCode: { CONFLICT: 2 }, versionConflicts: 2 });
    expect(commandTarget(resultsWith(refused))).toMatchObject({
      met: false,
      value: expect.stringContaining('CONFLICT 2'),
    });
    expect(commandRows(resultsWith(refused))[0][1]).toContain('2 surfaced as errors');
    expect(commandTarget(resultsWith(offeredAt(400))).met).toBeNull();
  });
});
