/** Query latency of a reader: at fixed request rates (open loop) and at saturation (closed loop). */
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

/**
 * Open loop: starts `rate` actions per second for `durationMs` regardless of responses
 * (at most `maxInflight` in flight).
 */
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
  let shed = 0;
  let inflight = 0;
  let started = 0;
  const pending = new Set<Promise<void>>();
  const start = nowMs();
  const total = Math.min(Math.round((rate * durationMs) / 1000), 1_000_000);
  while (started < total) {
    const due = Math.min(total, Math.floor(((nowMs() - start) * rate) / 1000) + 1);
    while (started < due) {
      started++;
      if (inflight >= maxInflight) {
        shed++;
        continue;
      }
      inflight++;
      const t0 = nowMs();
      const p = user
        .action(client, rng)
        .then(() => {
          latencies.push(nowMs() - t0);
        })
        .catch(() => {
          errors++;
        })
        .finally(() => {
          inflight--;
          pending.delete(p);
        });
      pending.add(p);
    }
    await sleep(2);
  }
  await Promise.all([...pending]);
  return ratePoint(user, rate, latencies, nowMs() - start, errors, shed);
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
