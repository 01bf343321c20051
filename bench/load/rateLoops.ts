/** Open loops at a fixed rate (the readers' and the commands') and a reader's closed loop at saturation. */
import type { GraphQLClient } from '../http';
import { latencySummary, nowMs, sleep } from '../lib';
import type { Random } from '../random';
import type { ReadUser } from './readUsers';

export interface RatePoint {
  /** Actions per second offered (each action is requestsPerAction HTTP requests). */
  offered: number;
  /** HTTP requests per second completed. */
  achievedRequestsPerSec: number;
  actions: number;
  p50: number;
  p99: number;
  errors: number;
  /** Actions not started because too many were already in flight (the server fell behind). */
  shed: number;
}

/** An open loop's pace: how many actions a second, for how long, and how many may be in flight. */
export interface Pace {
  rate: number;
  durationMs: number;
  /** Actions beyond this many in flight are shed: counted, never started (default 256). */
  maxInflight?: number;
}

/** What an open loop did: actions shed, and the time from its start until the last response. */
export interface Paced {
  /** Actions scheduled (rate × duration, at most 1,000,000). */
  scheduled: number;
  shed: number;
  elapsedMs: number;
}

/**
 * Open loop: starts action `i` at `i / rate` seconds, for `durationMs`, regardless of
 * responses, and hands each outcome to `settled` with its latency from the time it was
 * scheduled to start: a server that falls behind delays the starts, and the delay counts
 * (no coordinated omission). Each action settles once, with its error or null.
 */
export async function atFixedRate(
  pace: Pace,
  act: (index: number) => Promise<void>,
  settled: (index: number, msFromSchedule: number, error: unknown) => void,
): Promise<Paced> {
  const { rate, durationMs, maxInflight = 256 } = pace;
  const pending = new Set<Promise<void>>();
  const scheduled = Math.min(Math.round((rate * durationMs) / 1000), 1_000_000);
  const start = nowMs();
  const scheduledAt = (index: number) => start + (index * 1000) / rate;
  let shed = 0;
  let next = 0;
  while (next < scheduled) {
    const due = Math.min(scheduled, Math.floor(((nowMs() - start) * rate) / 1000) + 1);
    for (; next < due; next++) {
      if (pending.size >= maxInflight) {
        shed++;
        continue;
      }
      const index = next;
      const p = act(index)
        .then(
          () => settled(index, nowMs() - scheduledAt(index), null),
          (error: unknown) => settled(index, nowMs() - scheduledAt(index), error ?? new Error('failed')),
        )
        .finally(() => pending.delete(p));
      pending.add(p);
    }
    if (next < scheduled) await sleep(Math.max(1, scheduledAt(next) - nowMs()));
  }
  await Promise.all([...pending]);
  return { scheduled, shed, elapsedMs: nowMs() - start };
}

/** A reader's open loop: `rate` actions per second for `durationMs` (at most `maxInflight` in flight). */
export async function openLoop(
  client: GraphQLClient,
  user: ReadUser,
  rate: number,
  durationMs: number,
  rng: Random,
  maxInflight = 256,
): Promise<RatePoint> {
  const latencies: number[] = [];
  let errors = 0;
  const paced = await atFixedRate(
    { rate, durationMs, maxInflight },
    () => user.action(client, rng),
    (_, ms, error) => (error === null ? latencies.push(ms) : errors++),
  );
  return ratePoint(user, rate, latencies, paced.elapsedMs, errors, paced.shed);
}

/** Closed loop: `clients` users acting back to back for `durationMs`: the saturation throughput. */
export async function closedLoop(
  client: GraphQLClient,
  user: ReadUser,
  clients: number,
  durationMs: number,
  rng: Random,
): Promise<RatePoint> {
  const latencies: number[] = [];
  let errors = 0;
  const start = nowMs();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (nowMs() < end) {
        const t0 = nowMs();
        try {
          await user.action(client, rng);
          latencies.push(nowMs() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return ratePoint(user, NaN, latencies, nowMs() - start, errors, 0);
}

/** A loop's outcome: actions' latencies over the time it ran, as HTTP requests per second. */
function ratePoint(
  user: ReadUser,
  offered: number,
  latencies: number[],
  elapsedMs: number,
  errors: number,
  shed: number,
): RatePoint {
  const s = latencySummary(latencies);
  return {
    offered,
    achievedRequestsPerSec: Math.round(((latencies.length * user.requestsPerAction) / elapsedMs) * 1000),
    actions: latencies.length,
    p50: s.p50,
    p99: s.p99,
    errors,
    shed,
  };
}
