/**
 * verify-chain over the province's log: every stream's chain recomputed by one reader
 * (what `npm run verify-chain` does), and the digest the `logDigest` query reads.
 */
import { PostgresEventStore } from '../src/eventStore/postgres/postgresEventStore';
import { createPool } from '../src/infra/db';
import { checkLog } from '../src/integrity/logCheck';
import { currentLogDigest } from '../src/integrity/logDigest';
import { nowMs } from './lib';

export interface VerifyChainResult {
  events: number;
  streams: number;
  brokenStreams: number;
  ms: number;
  eventsPerSec: number;
  /** The logDigest query's read of every stream head and its root. */
  digestMs: number;
}

export async function runVerifyChain(url: string): Promise<VerifyChainResult> {
  const pool = createPool(url, { max: 2, applicationName: 'bench-verify-chain', readOnly: true });
  const store = new PostgresEventStore(pool);
  try {
    const result = await checkLog(store);
    const digestStart = nowMs();
    await currentLogDigest(store);
    const digestMs = Math.round(nowMs() - digestStart);
    return {
      events: result.events,
      streams: result.streams,
      brokenStreams: result.findings.length,
      ms: result.elapsedMs,
      eventsPerSec: Math.round((result.events / Math.max(result.elapsedMs, 1)) * 1000),
      digestMs,
    };
  } finally {
    await store.close();
    await pool.end();
  }
}
