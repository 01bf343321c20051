/**
 * The benchmark's tools at a tiny size (no thresholds: figures come from `npm run bench`):
 * the generator is deterministic and its events fold through the real deciders; the
 * same commands sent over GraphQL make the app store the same events (path b); and the
 * benchmark functions run end to end against the test database and produce the table.
 */
import { createHash } from 'node:crypto';
import { EVENT_CATEGORY, foldAll, ProvinceGenerator, type GeneratedEvent } from '../../bench/generator';
import { tableRows, renderMarkdown } from '../../bench/report';
import { runBenchmark } from '../../bench/run';
import { untilAutovacuumIdle } from '../../bench/readers';
import { startTestApp, type TestApp } from '../support/app';

function digest(events: GeneratedEvent[]): string {
  const hash = createHash('sha256');
  for (const e of events) hash.update(JSON.stringify(e)).update('\n');
  return hash.digest('hex');
}

describe('province generator', () => {
  it('gives the same events for the same seed, and other events for another seed', () => {
    const a = [...new ProvinceGenerator({ events: 3_000, seed: 42 }).events()];
    const b = [...new ProvinceGenerator({ events: 3_000, seed: 42 }).events()];
    const c = [...new ProvinceGenerator({ events: 3_000, seed: 43 }).events()];
    expect(a.length).toBeGreaterThan(1_000);
    expect(digest(b)).toBe(digest(a));
    expect(digest(c)).not.toBe(digest(a));
  });

  it('produces events that fold through the real deciders, grouped by stream with consecutive versions, in calendar order', () => {
    const generator = new ProvinceGenerator({ events: 6_000, seed: 7 });
    const events = [...generator.events()];
    const states = foldAll(events); // throws on a gap in versions or an event evolve refuses
    expect(states.size).toBe(generator.stats.streams);
    for (let i = 1; i < events.length; i++)
      expect(events[i].metadata.recordedAt >= events[i - 1].metadata.recordedAt).toBe(true);
    for (const e of events) expect(EVENT_CATEGORY[e.type]).toBeDefined();
    const types = new Set(events.map((e) => e.type));
    for (const type of [
      'UnitRegistered',
      'PersonRegistered',
      'TitleRegistered',
      'ClusterScoreRecorded',
      'DossierAppraised',
      'BallotCast',
      'DossierResolved',
      'AwardGranted',
      'ComplaintFiled',
    ])
      expect(types).toContain(type);
    expect(generator.stats.events).toBe(events.length);
    expect(new Set(events.map((e) => e.metadata.recordedAt.slice(0, 4))).size).toBeGreaterThanOrEqual(5);
  });
});

describe('the same commands over GraphQL (path b)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('make the app store the same events as the generator decided', async () => {
    const generator = new ProvinceGenerator({ events: 800, years: 1, seed: 11 });
    const steps = [...generator.steps()];
    for (const step of steps) {
      const op = step.op();
      const { body } = await t.graphql(
        op.query,
        op.variables,
        { sub: op.actor.actorId, role: op.actor.role, unitId: op.actor.unitId },
        op.headers,
      );
      if (body.errors?.length)
        throw new Error(`${op.name} ${JSON.stringify(op.variables)} failed: ${JSON.stringify(body.errors[0])}`);
    }
    // Wall-clock fields differ (the app records now); everything else must match.
    const timeless = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(timeless);
      if (value && typeof value === 'object') {
        return Object.fromEntries(
          Object.entries(value)
            .filter(([k]) => !k.endsWith('At') && k !== 'reportedOn')
            .map(([k, v]) => [k, timeless(v)]),
        );
      }
      return value;
    };
    const comparable = (e: Pick<GeneratedEvent, 'streamVersion' | 'type' | 'data' | 'metadata'>) => ({
      v: e.streamVersion,
      type: e.type,
      data: timeless(e.data),
      ruleSetId: e.metadata.ruleSetId,
      actorId: e.metadata.actorId,
      correlationId: e.metadata.correlationId,
    });
    const byStream = new Map<string, GeneratedEvent[]>();
    for (const e of steps.flatMap((s) => s.events)) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
    for (const [streamId, expected] of byStream) {
      const stored = await t.app.services.store.readStream(streamId);
      expect({
        streamId,
        events: stored.map(comparable),
      }).toEqual({
        streamId,
        events: expected.map(comparable),
      });
    }
  });
});

describe('benchmark smoke run', () => {
  it('completes at a tiny size and produces the table rows', async () => {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const results = await runBenchmark({
      serverUrl,
      events: 2_000,
      runs: 1,
      quick: true,
      skipEmmett: true,
      isolate: false,
      commandsPerRun: 120,
      commandRate: 100,
      commandSeconds: 1,
      querySeconds: 0.3,
      queryRates: [50],
      lagSeconds: 1,
      // Other test files' databases share this server and its autovacuum.
      autovacuumWaitMs: 1_000,
    });
    expect(results.notes.filter((n) => n.includes('failed'))).toEqual([]);
    // Every command is sent as an actor the access policy lets run it (at this size some still lose races: CONFLICT).
    expect(results.notes.filter((n) => n.includes('FORBIDDEN'))).toEqual([]);
    const rows = tableRows(results);
    const labels = rows.map((r) => r[0]);
    for (const label of [
      'Single-event appends',
      'Batched appends',
      'Bulk import in log order',
      'Rebuild of all',
      'Rebuild of one minimal read model',
      'verify-chain',
      'Live projection lag',
      'Commands over GraphQL/HTTP, open loop: 100/s offered',
      'Commands over GraphQL/HTTP, saturation',
      'Queries, dashboard',
      'Queries, inspector',
      'Queries, complaint desk',
      'Refusal of a 22-level fragment bomb',
    ]) {
      expect(labels.some((l) => l.startsWith(label))).toBe(true);
    }
    // The app ran in-process: its command handler told how many conflicts it retried.
    expect(results.commands?.offered?.conflictsRetried).toEqual(expect.any(Object));
    expect(results.commands?.median?.conflictsRetried).toEqual(expect.any(Object));
    expect(results.rebuild.all?.projections.every((p) => p.complete)).toBe(true);
    expect(results.verifyChain).toMatchObject({ brokenStreams: 0, events: expect.any(Number) });
    expect(results.targets.length).toBeGreaterThan(5);
    expect(renderMarkdown(results)).toContain('| measure | ours | Emmett |');
    expect(results.notes.some((n) => /VACUUM ANALYZEd after the rebuild/.test(n))).toBe(true);
  }, 120_000);
});

describe('untilAutovacuumIdle', () => {
  it('answers at once on an idle server, and waits no longer than it is allowed', async () => {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const settled = await untilAutovacuumIdle(serverUrl, 5_000);
    expect(settled.ms).toBeLessThanOrEqual(5_000 + 1_000);
    expect(settled.stillRunning || settled.ms < 5_000).toBe(true);
  });
});
