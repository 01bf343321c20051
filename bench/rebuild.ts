/**
 * Projection rebuilds from the full log.
 *  - ours, all read models: a fresh ProjectionRunner over every projection from
 *    position 0 (what a new deployment or `rebuild` does), until each has applied the log;
 *  - ours, one read model at a time: ProjectionRunner.rebuild(name) beside the live ones;
 *  - like for like with Emmett: one minimal read model (a copy of every event into a
 *    table, in batches of 500) run by our runner and by Emmett's rebuildPostgreSQLProjections.
 * Every run counts what the read model saw against the log.
 */
import type { Pool, PoolClient } from 'pg';
import { allProjections } from '../projections';
import type { RecordedEvent } from '../src/eventStore/eventStore.port';
import { PostgresEventStore } from '../src/eventStore/postgres/postgresEventStore';
import { createPool, quoteIdent } from '../src/infra/db';
import type { ProjectionDefinition } from '../src/projections/projection';
import { ProjectionRunner } from '../src/projections/projectionRunner';
import { EVENT_CATEGORY } from './generator';
import { nowMs, sleep } from './lib';

export interface ProjectionTiming {
  name: string;
  /** Events of the types it handles. */
  events: number;
  /** Events it recorded as applied. */
  applied: number;
  ms: number;
  eventsPerSec: number;
  complete: boolean;
}

export interface RebuildAllResult {
  logEvents: number;
  ms: number;
  /** Log events over the time until the last read model caught up. */
  eventsPerSec: number;
  projections: ProjectionTiming[];
}

/** Drops every read model (all generations) and their bookkeeping. */
async function resetReadModels(pool: Pool, definitions: readonly ProjectionDefinition[]): Promise<void> {
  const { rows } = await pool.query<{ nspname: string }>('SELECT nspname FROM pg_namespace');
  const names = new Set(definitions.map((d) => d.name));
  for (const { nspname } of rows) {
    const base = nspname.replace(/__g\d+$/, '');
    if (names.has(base)) await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(nspname)} CASCADE`);
  }
  const stateExists = (await pool.query(`SELECT to_regclass('public.projection_state') IS NOT NULL AS e`)).rows[0].e;
  if (stateExists) await pool.query('DELETE FROM projection_state');
  const migrationsExist = (await pool.query(`SELECT to_regclass('public.schema_migrations') IS NOT NULL AS e`)).rows[0]
    .e;
  if (migrationsExist) await pool.query(`DELETE FROM schema_migrations WHERE scope LIKE 'projection:%'`);
}

async function countByTypes(pool: Pool, types: readonly string[] | null): Promise<number> {
  const { rows } = types
    ? await pool.query('SELECT count(*)::int AS n FROM events WHERE type = ANY($1::text[])', [types])
    : await pool.query('SELECT count(*)::int AS n FROM events');
  return rows[0].n;
}

async function appliedCounts(pool: Pool): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ name: string; n: string }>(
    `SELECT name, events_applied::text AS n FROM projection_state WHERE status = 'active'`,
  );
  return new Map(rows.map((r) => [r.name, Number(r.n)]));
}

/** Runs `definitions` from position 0 with a fresh runner until each has applied the whole log. */
export async function rebuildFromZero(
  url: string,
  definitions: readonly ProjectionDefinition[],
  options: { batchSize?: number } = {},
): Promise<RebuildAllResult> {
  const pool = createPool(url, { max: 30, applicationName: 'bench-rebuild' });
  const store = new PostgresEventStore(pool, { listenUrl: url });
  try {
    await resetReadModels(pool, definitions);
    const logEvents = await countByTypes(pool, null);
    // The log is quiet here: its last event is the target, whatever the readable horizon
    // (another database's open transaction in the same cluster) says at this moment.
    const head = await store.lastCommittedPosition();
    const expected = new Map<string, number>();
    for (const d of definitions) expected.set(d.name, await countByTypes(pool, d.eventTypes));
    const runner = new ProjectionRunner(pool, store, definitions, { batchSize: options.batchSize });
    const start = nowMs();
    const doneAt = new Map<string, number>();
    await runner.start();
    const deadline = Date.now() + 3_600_000;
    while (doneAt.size < definitions.length && Date.now() < deadline) {
      for (const status of runner.status()) {
        if (status.state === 'failed') throw new Error(`projection ${status.name} failed: ${status.error}`);
        if (!doneAt.has(status.name) && BigInt(status.checkpoint) >= BigInt(head))
          doneAt.set(status.name, nowMs() - start);
      }
      if (doneAt.size < definitions.length) await sleep(20);
    }
    const ms = nowMs() - start;
    await runner.stop();
    const applied = await appliedCounts(pool);
    return {
      logEvents,
      ms: Math.round(ms),
      eventsPerSec: Math.round((logEvents / ms) * 1000),
      projections: definitions.map((d) => {
        const t = doneAt.get(d.name) ?? ms;
        const events = expected.get(d.name) ?? 0;
        return {
          name: d.name,
          events,
          applied: applied.get(d.name) ?? 0,
          ms: Math.round(t),
          eventsPerSec: Math.round((events / t) * 1000),
          complete: (applied.get(d.name) ?? 0) === events,
        };
      }),
    };
  } finally {
    await store.close();
    await pool.end();
  }
}

/**
 * With every read model live, rebuilds each one in turn (ProjectionRunner.rebuild: a new
 * generation from 0 beside the live one, then the switch). `eventsPerSec` counts the log.
 */
export async function rebuildEachInTurn(
  url: string,
  definitions: readonly ProjectionDefinition[],
): Promise<ProjectionTiming[]> {
  const pool = createPool(url, { max: 30, applicationName: 'bench-rebuild' });
  const store = new PostgresEventStore(pool, { listenUrl: url });
  const runner = new ProjectionRunner(pool, store, definitions);
  try {
    await runner.start();
    const head = await store.lastCommittedPosition();
    if (!(await runner.waitForPosition(head, 3_600_000)))
      throw new Error('read models did not catch up before the rebuilds');
    const logEvents = await countByTypes(pool, null);
    const out: ProjectionTiming[] = [];
    for (const d of definitions) {
      const events = await countByTypes(pool, d.eventTypes);
      const start = nowMs();
      await runner.rebuild(d.name);
      const ms = nowMs() - start;
      const applied = (await appliedCounts(pool)).get(d.name) ?? 0;
      out.push({
        name: d.name,
        events,
        applied,
        ms: Math.round(ms),
        eventsPerSec: Math.round((logEvents / ms) * 1000),
        complete: applied === events,
      });
    }
    return out;
  } finally {
    await runner.stop();
    await store.close();
    await pool.end();
  }
}

/** Every event copied into one table: the same read model for both runners. */
const COPY_TABLE_SQL =
  'CREATE TABLE IF NOT EXISTS bench_copy (position bigint PRIMARY KEY, stream_id text NOT NULL, type text NOT NULL, data jsonb NOT NULL)';
const COPY_INSERT_SQL =
  'INSERT INTO bench_copy (position, stream_id, type, data) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::jsonb[])';

const copyProjection: ProjectionDefinition = {
  name: 'bench_copy',
  version: 1,
  eventTypes: null,
  migrations: [{ id: '001_copy', sql: COPY_TABLE_SQL }],
  apply: async (events: RecordedEvent[], client: PoolClient) => {
    await client.query(COPY_INSERT_SQL, [
      events.map((e) => e.position),
      events.map((e) => e.streamId),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
    ]);
  },
};

export interface CopyRebuildResult {
  runner: 'ours' | 'emmett';
  logEvents: number;
  rows: number;
  ms: number;
  eventsPerSec: number;
  complete: boolean;
}

export async function ourCopyRebuild(url: string): Promise<CopyRebuildResult> {
  const result = await rebuildFromZero(url, [copyProjection], { batchSize: 500 }); // Emmett's pulling batch size
  const pool = createPool(url, { max: 1 });
  try {
    const rows = (await pool.query('SELECT count(*)::int AS n FROM bench_copy.bench_copy')).rows[0].n as number;
    return {
      runner: 'ours',
      logEvents: result.logEvents,
      rows,
      ms: result.ms,
      eventsPerSec: result.eventsPerSec,
      complete: rows === result.logEvents,
    };
  } finally {
    await pool.end();
    const cleanup = createPool(url, { max: 1 });
    await resetReadModels(cleanup, [copyProjection]).finally(() => cleanup.end());
  }
}

/** Emmett's rebuild of the same read model over its own log of the same events (worker process only). */
export async function emmettCopyRebuild(url: string): Promise<CopyRebuildResult> {
  const emmett = await import('@event-driven-io/emmett-postgresql');
  const { Pool: PgPool } = await import('pg');
  const pool = new PgPool({ connectionString: url, max: 4 });
  try {
    await pool.query('DROP TABLE IF EXISTS bench_copy');
    await pool.query(COPY_TABLE_SQL);
    // A rebuild starts from the beginning: forget any checkpoint an earlier run stored.
    for (const table of ['emt_processors', 'emt_projections']) {
      const exists = (await pool.query(`SELECT to_regclass($1) IS NOT NULL AS e`, [table])).rows[0].e;
      if (exists) await pool.query(`DELETE FROM ${table}`);
    }
    const logEvents = Number((await pool.query('SELECT count(*)::int AS n FROM emt_messages')).rows[0].n);
    const projection = emmett.postgreSQLProjection({
      name: 'bench_copy',
      canHandle: Object.keys(EVENT_CATEGORY),
      handle: async (events, context) => {
        await context.connection.client.query(COPY_INSERT_SQL, [
          events.map((e) => String(e.metadata.globalPosition)),
          events.map((e) => e.metadata.streamName),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
        ]);
      },
    });
    const consumer = emmett.rebuildPostgreSQLProjections({
      connectionString: url,
      projection,
      pulling: { batchSize: 500 },
    });
    const start = nowMs();
    await consumer.start();
    const ms = nowMs() - start;
    await consumer.close();
    const rows = Number((await pool.query('SELECT count(*)::int AS n FROM bench_copy')).rows[0].n);
    return {
      runner: 'emmett',
      logEvents,
      rows,
      ms: Math.round(ms),
      eventsPerSec: Math.round((logEvents / ms) * 1000),
      complete: rows === logEvents,
    };
  } finally {
    await pool.end();
  }
}

export { allProjections };
