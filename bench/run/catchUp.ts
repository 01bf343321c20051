/**
 * The app started on an imported log carries no consequence yet: its process managers
 * first read the log's history from their checkpoints (each consequence there is found
 * carried already, the generator having decided it as the app does). Commands that load a
 * dossier or an award wait for them, so the load starts once they have caught up, as an
 * operator would wait after restoring a log; how long that took is reported.
 */
import { Pool } from 'pg';
import { authorizationOf } from '../auth';
import type { GraphQLClient } from '../http';
import { nowMs } from '../lib';

const CAUGHT_UP = 'query($p: String!) { projectionsCaughtUp(position: $p, timeoutMs: 30000) }';
/** Longer than any catch-up of a 1M-event log seen here; past it the run goes on and says so. */
const MAX_WAIT_MS = 15 * 60_000;

/** Milliseconds until read models and process managers have caught up with the log's head (null: gave up). */
export async function waitUntilCaughtUp(client: GraphQLClient, databaseUrl: string): Promise<number | null> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  let head: string;
  try {
    head = (await pool.query<{ p: string }>('SELECT coalesce(max(position), 0)::text AS p FROM events')).rows[0].p;
  } finally {
    await pool.end();
  }
  const headers = await authorizationOf({ actorId: 'bench-operator', role: 'ADMIN', unitId: null });
  const start = nowMs();
  while (nowMs() - start < MAX_WAIT_MS) {
    const answer = await client.request(CAUGHT_UP, { p: head }, headers);
    if (answer.body.data?.projectionsCaughtUp === true) return Math.round(nowMs() - start);
    if (answer.body.errors) throw new Error(`projectionsCaughtUp: ${JSON.stringify(answer.body.errors)}`);
  }
  return null;
}
