/** Live projection lag: how long after an append every read model has applied it. */
import { Expected, type AppendResult, type NewEvent, type StreamAppend } from '../../src/eventStore/eventStore.port';
import { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { createPool } from '../../src/infra/db';
import { VersionConflict } from '../../src/shared/errors';
import { runsOfStreams } from '../appends';
import { authorizationOf } from '../auth';
import { ProvinceGenerator, type GeneratedEvent } from '../generator';
import type { GraphQLClient } from '../http';
import { latencySummary, nowMs, sleep } from '../lib';

export interface LagResult {
  targetRate: number;
  achievedRate: number;
  seconds: number;
  appended: number;
  samples: number;
  p50: number;
  p99: number;
  max: number;
  timeouts: number;
}

interface LagOptions {
  rate: number;
  seconds: number;
  seed: number;
  sampleEveryMs?: number;
}

/** The answers of the probes: lags in milliseconds, and probes that timed out or failed. */
interface LagTally {
  lags: number[];
  timeouts: number;
}

/**
 * Appends a second, independent generated province ("live-") at a steady `rate` events
 * per second: whatever is due every few milliseconds goes in one append (runs of
 * streams in log order, one transaction), and about every `sampleEveryMs` the server is
 * asked (projectionsCaughtUp) when every read model has applied the newest position.
 * The lag is the time from the append's commit to that answer.
 */
export async function measureLag(databaseUrl: string, client: GraphQLClient, options: LagOptions): Promise<LagResult> {
  const lagProbe = await authorizationOf({ actorId: 'bench-lag-probe', role: 'INSPECTOR', unitId: null });
  const pool = createPool(databaseUrl, { max: 4, applicationName: 'bench-lag' });
  const store = new PostgresEventStore(pool);
  const generator = new ProvinceGenerator({
    events: Math.max(5_000, Math.ceil(options.rate * options.seconds * 1.3)),
    seed: options.seed,
    idPrefix: `live${options.seed % 1000}-`,
  });
  const events = generator.events()[Symbol.iterator]();
  const tally: LagTally = { lags: [], timeouts: 0 };
  const start = nowMs();
  let appended: number;
  try {
    const probe = (position: string, committedAt: number) => probeLag(client, lagProbe, position, committedAt, tally);
    appended = await appendSteadily(store, events, options, start, probe);
  } finally {
    await store.close();
    await pool.end();
  }
  const elapsed = (nowMs() - start) / 1000;
  const s = latencySummary(tally.lags);
  return {
    targetRate: options.rate,
    achievedRate: Math.round(appended / Math.min(elapsed, options.seconds)),
    seconds: Math.round(elapsed),
    appended,
    samples: tally.lags.length,
    p50: s.p50,
    p99: s.p99,
    max: s.max,
    timeouts: tally.timeouts,
  };
}

/** Appends what is due until the time is up, probing every `sampleEveryMs`; returns how many events went in. */
async function appendSteadily(
  store: PostgresEventStore,
  events: Iterator<GeneratedEvent>,
  options: LagOptions,
  start: number,
  probe: (position: string, committedAt: number) => Promise<void>,
): Promise<number> {
  const sampleEveryMs = options.sampleEveryMs ?? 50;
  const end = start + options.seconds * 1000;
  const checks: Promise<void>[] = [];
  let appended = 0;
  let lastSample = 0;
  while (nowMs() < end) {
    const due = Math.floor(((nowMs() - start) * options.rate) / 1000) - appended;
    if (due <= 0) {
      await sleep(1);
      continue;
    }
    const batch = nextEvents(events, due);
    if (batch.length === 0) break;
    const results = await appendBatch(store, batch);
    const committedAt = nowMs();
    appended += batch.length;
    if (committedAt - lastSample >= sampleEveryMs) {
      lastSample = committedAt;
      checks.push(probe(results[results.length - 1].position, committedAt));
    }
  }
  await Promise.all(checks);
  return appended;
}

const newEventOf = (e: GeneratedEvent): NewEvent => ({
  type: e.type,
  data: e.data,
  metadata: e.metadata,
  eventId: e.eventId,
});

/**
 * The batch in one append. The app's process managers may have carried some of its
 * consequences first (their events have the generated ids): then event by event, each
 * one already carried answered with the stored event. Not stream by stream: a run of one
 * stream can hold the consequences of several process managers, each carried alone.
 */
export async function appendBatch(store: PostgresEventStore, batch: GeneratedEvent[]): Promise<AppendResult[]> {
  const appends: StreamAppend[] = runsOfStreams(batch).map((group) => ({
    streamId: group[0].streamId,
    expected: Expected.version(group[0].streamVersion - 1),
    events: group.map(newEventOf),
  }));
  try {
    return await store.appendToStreams(appends);
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    const results: AppendResult[] = [];
    for (const event of batch)
      results.push(await store.append(event.streamId, [newEventOf(event)], Expected.version(event.streamVersion - 1)));
    return results;
  }
}

function nextEvents(events: Iterator<GeneratedEvent>, count: number): GeneratedEvent[] {
  const batch: GeneratedEvent[] = [];
  while (batch.length < count) {
    const next = events.next();
    if (next.done) break;
    batch.push(next.value);
  }
  return batch;
}

/** Asks the app when every read model has applied `position`: the lag since the commit, or a timeout. */
async function probeLag(
  client: GraphQLClient,
  headers: Record<string, string>,
  position: string,
  committedAt: number,
  tally: LagTally,
): Promise<void> {
  try {
    const res = await client.request(
      'query($p: String!) { projectionsCaughtUp(position: $p, timeoutMs: 15000) }',
      { p: position },
      headers,
    );
    if (res.body.data?.projectionsCaughtUp === true) tally.lags.push(nowMs() - committedAt);
    else tally.timeouts++;
  } catch {
    tally.timeouts++;
  }
}
