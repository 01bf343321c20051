/** Command throughput: a list of GraphQL operations sent by concurrent clients, each taking the next when done. */
import { authorizationOf } from '../auth';
import type { GraphQLOp } from '../generator';
import type { GraphQLClient } from '../http';
import { latencySummary, nowMs } from '../lib';

export interface OpsResult {
  ops: number;
  ms: number;
  opsPerSec: number;
  latency: { p50: number; p99: number; max: number; count: number };
  errors: number;
  errorSamples: string[];
  byName: Record<string, { ops: number; p50: number; p99: number; errors: number }>;
}

/**
 * Runs `ops` with `clients` concurrent clients (closed loop), each taking the next op when
 * done, for at most `maxMs`.
 */
export async function runOps(
  client: GraphQLClient,
  ops: GraphQLOp[],
  clients: number,
  maxMs = Infinity,
): Promise<OpsResult> {
  const latencies: number[] = [];
  const byName = new Map<string, { lat: number[]; errors: number }>();
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const start = nowMs();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < ops.length && nowMs() - start < maxMs) {
        const op = ops[next++];
        const entry = byName.get(op.name) ?? { lat: [], errors: 0 };
        byName.set(op.name, entry);
        try {
          const res = await client.request(op.query, op.variables, {
            ...op.headers,
            ...(await authorizationOf(op.actor)),
          });
          latencies.push(res.ms);
          entry.lat.push(res.ms);
          if (res.status !== 200 || res.body.errors?.length) {
            errors++;
            entry.errors++;
            if (errorSamples.length < 5)
              errorSamples.push(
                `${op.name}: ${res.status} ${JSON.stringify(res.body.errors?.[0] ?? res.body).slice(0, 300)}`,
              );
          }
        } catch (error) {
          errors++;
          entry.errors++;
          if (errorSamples.length < 5) errorSamples.push(`${op.name}: ${String(error)}`);
        }
      }
    }),
  );
  const ms = nowMs() - start;
  const done = Math.min(next, ops.length);
  return {
    ops: done,
    ms: Math.round(ms),
    opsPerSec: Math.round((done / ms) * 1000),
    latency: latencySummary(latencies),
    errors,
    errorSamples,
    byName: Object.fromEntries(
      [...byName].map(([name, e]) => {
        const s = latencySummary(e.lat);
        return [name, { ops: e.lat.length, p50: s.p50, p99: s.p99, errors: e.errors }];
      }),
    ),
  };
}
