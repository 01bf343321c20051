/**
 * One reader measured against the running app: a closed loop at saturation, then the
 * open loop at rising fixed request rates until it falls behind; the highest rate held
 * with p99 ≤ 20 ms is its figure. Shared by the benchmark and the readers' A/B run.
 */
import { Pool } from 'pg';
import type { GraphQLClient } from './http';
import { nowMs, sleep } from './lib';
import { closedLoop, openLoop, type RatePoint, type ReadUser } from './load';
import type { Random } from './random';
import type { UserResult } from './report';

/** Concurrent users of the closed loop (saturation). */
const SATURATION_CLIENTS = 32;
/** How long a reader waits for autovacuum before it is measured anyway. */
export const AUTOVACUUM_WAIT_MAX_MS = 60_000;
/** The request rates of the open loop, per second: the full run and `--quick`. */
export const READER_RATES = [250, 500, 1_000, 1_500, 2_000, 3_000];
export const QUICK_READER_RATES = [250, 1_000];

export interface ReaderPhaseOptions {
  /** The database the app serves (autovacuum is watched there). */
  databaseUrl: string;
  /** Seconds per rate point and at saturation. */
  seconds: number;
  rates: readonly number[];
  autovacuumWaitMs: number;
  log: (line: string) => void;
}

/** Measures `user`; the notes say what the measurement waited for. */
export async function measureReader(
  client: GraphQLClient,
  user: ReadUser,
  rng: Random,
  options: ReaderPhaseOptions,
): Promise<{ result: UserResult; notes: string[] }> {
  const { log, seconds } = options;
  const notes: string[] = [];
  // Each reader is measured once autovacuum (after the commands, or the reader before) is done, up to a minute.
  const settled = await untilAutovacuumIdle(options.databaseUrl, options.autovacuumWaitMs);
  if (settled.ms >= 250) {
    log(
      `queries: ${user.name}: waited ${settled.ms} ms for autovacuum${settled.stillRunning ? ' (still running)' : ''}`,
    );
    notes.push(
      `${user.name}: measured after waiting ${(settled.ms / 1000).toFixed(1)} s for autovacuum to finish${settled.stillRunning ? ' (it was still running)' : ''}.`,
    );
  }
  log(`queries: ${user.name}`);
  const warmStart = nowMs();
  await user.warmUp?.(client);
  if (user.warmUp) log(`queries: ${user.name} warmed up in ${Math.round(nowMs() - warmStart)} ms`);
  await closedLoop(client, user, 8, Math.min(1_000, seconds * 500), rng); // warm-up
  const saturation = await closedLoop(client, user, SATURATION_CLIENTS, seconds * 1000, rng);
  const points: RatePoint[] = [];
  for (const requestRate of options.rates) {
    const actionRate = requestRate / user.requestsPerAction;
    const point = await openLoop(client, user, actionRate, seconds * 1000, rng);
    points.push(point);
    if (point.shed > 0 || point.p99 > 200 || point.achievedRequestsPerSec < requestRate * 0.8) break; // past saturation
  }
  const result = {
    name: user.name,
    description: user.description,
    requestsPerAction: user.requestsPerAction,
    saturation,
    points,
    maxRequestsPerSecWithinP99: maxRequestsPerSecWithinP99(user, points),
  };
  return { result, notes };
}

/** The highest rate held with p99 ≤ 20 ms, no error and nothing shed (0 if none). */
function maxRequestsPerSecWithinP99(user: ReadUser, points: RatePoint[]): number {
  // A point that served every action it was offered holds the offered rate: its achieved rate
  // divides by a window that also waits for the last responses, so it reads a little lower.
  const held = (p: RatePoint) =>
    p.achievedRequestsPerSec >= p.offered * user.requestsPerAction * 0.99
      ? p.offered * user.requestsPerAction
      : p.achievedRequestsPerSec;
  const within = points.filter((p) => p.p99 <= 20 && p.errors === 0 && p.shed === 0).map(held);
  return within.length > 0 ? Math.max(...within) : 0;
}

/**
 * Waits until no autovacuum worker runs on the server, at most `maxMs`: how long it
 * waited, and whether one still runs.
 */
export async function untilAutovacuumIdle(url: string, maxMs: number): Promise<{ ms: number; stillRunning: boolean }> {
  const pool = new Pool({ connectionString: url, max: 1 });
  const start = nowMs();
  try {
    for (;;) {
      const { rows } = await pool.query<{ workers: number }>(
        `SELECT count(*)::int AS workers FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`,
      );
      const ms = Math.round(nowMs() - start);
      if (rows[0].workers === 0) return { ms, stillRunning: false };
      if (ms >= maxMs) return { ms, stillRunning: true };
      await sleep(250);
    }
  } finally {
    await pool.end();
  }
}
