/** How fast the app refuses a query too costly to run (a fragment bomb). */
import { authorizationOf } from '../auth';
import type { GraphQLClient } from '../http';
import { latencySummary } from '../lib';

/** A query of `levels` fragments, each spreading the next twice: 2^levels paths in ~40 bytes a level. */
export function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `query Bomb { ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { __typename }`;
}

export interface RefusalResult {
  levels: number;
  bytes: number;
  requests: number;
  /** Answered with HTTP 400 and an error code. */
  refused: number;
  codes: string[];
  p50: number;
  max: number;
}

/** Sends a fragment bomb `requests` times, one at a time: how long the server takes to refuse it. */
export async function timeBombRefusals(
  client: GraphQLClient,
  levels: number,
  requests: number,
): Promise<RefusalResult> {
  const query = fragmentBomb(levels);
  const latencies: number[] = [];
  const codes = new Set<string>();
  let refused = 0;
  // An authenticated caller: an anonymous one is turned away before the query is read.
  const headers = await authorizationOf({ actorId: 'bench-bomber', role: 'INSPECTOR', unitId: null });
  for (let i = 0; i < requests; i++) {
    const res = await client.request(query, {}, headers);
    latencies.push(res.ms);
    const code = res.body.errors?.[0]?.extensions?.code;
    if (res.status === 400 && typeof code === 'string') {
      refused++;
      codes.add(code);
    }
  }
  const { p50, max } = latencySummary(latencies);
  return { levels, bytes: Buffer.byteLength(query), requests, refused, codes: [...codes], p50, max };
}
