/**
 * Append workloads over the same generated events, for four writers of the log:
 *  - ours: the app's PostgresEventStore through the EventStore port (hash chain,
 *    expected versions, xid-based positions, NOTIFY);
 *  - emmett: @event-driven-io/emmett-postgresql's event store (appendToStream);
 *  - raw-insert / raw-copy: the machine's ceiling, multi-row INSERT (unnest) or COPY of
 *    the same rows into a bare table with no index but its primary key.
 *
 * Emmett's connection layer (dumbo) replaces node-postgres' global type parsers
 * (bigint → BigInt, its own JSON reviver), so Emmett is only ever loaded in a worker
 * process of its own (bench/worker.ts), never next to the app's store.
 */
import { Pool } from 'pg';
import { Expected, type NewEvent, type StreamAppend } from '../src/eventStore/eventStore.port';
import { migratePostgresEventStore, PostgresEventStore } from '../src/eventStore/postgres/postgresEventStore';
import { createPool } from '../src/infra/db';
import { copyRows } from '../src/projections/copyRows';
import { ProvinceGenerator, type GeneratedEvent, type GeneratorOptions } from './generator';
import { latencySummary, nowMs, partition, runWriters, take } from './lib';

export type AppendTargetName = 'ours' | 'emmett' | 'raw-insert' | 'raw-copy';

export interface AppendTarget {
  readonly name: AppendTargetName;
  appendOne(event: GeneratedEvent): Promise<void>;
  /** `inLogOrder`: keep the order of the log across streams (runs of one stream), else one group per stream. */
  appendBatch(events: GeneratedEvent[], inLogOrder: boolean): Promise<void>;
  count(): Promise<number>;
  close(): Promise<void>;
}

const POOL_SIZE = 20;

function toNew(e: GeneratedEvent): NewEvent {
  // The generated id, derived from the command and the stream: a retried append is recognised by the store.
  return { type: e.type, data: e.data, metadata: e.metadata, eventId: e.eventId };
}

/**
 * Runs of consecutive events of the same stream, in log order. A batch appended as these
 * runs keeps the order of the log (positions follow the list of appends), so read models
 * that rely on causes coming first (a session convened before a dossier is resolved in
 * it) see the log as it happened; a stream may occur in several runs of one batch.
 */
export function runsOfStreams(events: GeneratedEvent[]): GeneratedEvent[][] {
  const runs: GeneratedEvent[][] = [];
  let current: GeneratedEvent[] | null = null;
  for (const e of events) {
    if (current && current[0].streamId === e.streamId) current.push(e);
    else {
      current = [e];
      runs.push(current);
    }
  }
  return runs;
}

/**
 * Every stream's events of the batch together, in order of first appearance (fewest
 * appends; reorders across streams).
 */
function groupByStream(events: GeneratedEvent[]): GeneratedEvent[][] {
  const groups = new Map<string, GeneratedEvent[]>();
  for (const e of events) {
    const list = groups.get(e.streamId);
    if (list) list.push(e);
    else groups.set(e.streamId, [e]);
  }
  return [...groups.values()];
}

function groupsOf(events: GeneratedEvent[], inLogOrder: boolean): GeneratedEvent[][] {
  return inLogOrder ? runsOfStreams(events) : groupByStream(events);
}

async function ourTarget(url: string): Promise<AppendTarget> {
  const pool = createPool(url, { max: POOL_SIZE, applicationName: 'bench-ours' });
  await migratePostgresEventStore(pool);
  const store = new PostgresEventStore(pool);
  return {
    name: 'ours',
    appendOne: async (e) => {
      await store.append(e.streamId, [toNew(e)], Expected.version(e.streamVersion - 1));
    },
    appendBatch: async (events, inLogOrder) => {
      const appends: StreamAppend[] = groupsOf(events, inLogOrder).map((group) => ({
        streamId: group[0].streamId,
        expected: Expected.version(group[0].streamVersion - 1),
        events: group.map(toNew),
      }));
      await store.appendToStreams(appends);
    },
    count: async () => Number((await pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n),
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
}

async function emmettTarget(url: string): Promise<AppendTarget> {
  const { getPostgreSQLEventStore } = await import('@event-driven-io/emmett-postgresql');
  const pool = new Pool({ connectionString: url, max: POOL_SIZE, application_name: 'bench-emmett' });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  await store.schema.migrate();
  const toEmmett = (e: GeneratedEvent) => ({
    type: e.type,
    data: e.data,
    metadata: e.metadata as unknown as Record<string, unknown>,
  });
  return {
    name: 'emmett',
    appendOne: async (e) => {
      await store.appendToStream(e.streamId, [toEmmett(e)], { expectedStreamVersion: BigInt(e.streamVersion - 1) });
    },
    // Emmett appends to one stream per call: a batch is one call per stream, in order.
    appendBatch: async (events, inLogOrder) => {
      for (const group of groupsOf(events, inLogOrder)) {
        await store.appendToStream(group[0].streamId, group.map(toEmmett), {
          expectedStreamVersion: BigInt(group[0].streamVersion - 1),
        });
      }
    },
    count: async () => Number((await pool.query('SELECT count(*)::int AS n FROM emt_messages')).rows[0].n),
    close: async () => {
      await store.close();
      await pool.end().catch(() => undefined);
    },
  };
}

const RAW_TABLE = `CREATE TABLE IF NOT EXISTS raw_events (
  id bigserial PRIMARY KEY,
  stream_id text NOT NULL,
  stream_version integer NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL
)`;

async function rawTarget(url: string, mode: 'raw-insert' | 'raw-copy'): Promise<AppendTarget> {
  const pool = new Pool({ connectionString: url, max: POOL_SIZE, application_name: 'bench-raw' });
  pool.on('error', () => undefined);
  await pool.query(RAW_TABLE);
  const insertOne = async (e: GeneratedEvent) => {
    await pool.query(
      'INSERT INTO raw_events (stream_id, stream_version, type, data, metadata, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [e.streamId, e.streamVersion, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), e.metadata.recordedAt],
    );
  };
  const insertMany = async (events: GeneratedEvent[]) => {
    await pool.query(
      `INSERT INTO raw_events (stream_id, stream_version, type, data, metadata, recorded_at)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::jsonb[], $5::jsonb[], $6::timestamptz[])`,
      [
        events.map((e) => e.streamId),
        events.map((e) => e.streamVersion),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
        events.map((e) => e.metadata.recordedAt),
      ],
    );
  };
  const copyMany = async (events: GeneratedEvent[]) => {
    const client = await pool.connect();
    try {
      await copyRows(
        client,
        'raw_events',
        ['stream_id', 'stream_version', 'type', 'data', 'metadata', 'recorded_at'],
        events.map((e) => [
          e.streamId,
          e.streamVersion,
          e.type,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
          e.metadata.recordedAt,
        ]),
      );
    } finally {
      client.release();
    }
  };
  return {
    name: mode,
    appendOne: insertOne,
    appendBatch: mode === 'raw-copy' ? copyMany : insertMany,
    count: async () => Number((await pool.query('SELECT count(*)::int AS n FROM raw_events')).rows[0].n),
    close: () => pool.end(),
  };
}

async function openTarget(name: AppendTargetName, url: string): Promise<AppendTarget> {
  switch (name) {
    case 'ours':
      return ourTarget(url);
    case 'emmett':
      return emmettTarget(url);
    case 'raw-insert':
    case 'raw-copy':
      return rawTarget(url, name);
  }
}

export interface AppendResult {
  target: AppendTargetName;
  mode: 'single' | 'batch';
  writers: number;
  batchSize: number;
  events: number;
  /** Time spent appending (generation between chunks excluded). */
  ms: number;
  eventsPerSec: number;
  /** Per call: one append of one event (single) or one batch. */
  latency: { p50: number; p99: number; max: number; count: number };
  /** Events in the store afterwards (a check that nothing was lost). */
  stored: number;
}

export interface AppendTask {
  target: AppendTargetName;
  url: string;
  mode: 'single' | 'batch';
  writers: number;
  batchSize: number;
  /** Only the first `limit` events of the log (single appends use a sample). */
  limit?: number;
  generator: GeneratorOptions;
  /** Events generated in memory at a time; each chunk is appended before the next is generated. */
  chunk?: number;
  /** Batches keep the log's order across streams (the import); else each batch is grouped by stream. */
  inLogOrder?: boolean;
}

/**
 * Appends the generated log (or its first `limit` events) to a target: `writers`
 * concurrent writers, each owning a share of the streams (so every stream's events
 * go in order with exact expected versions), one event per call or `batchSize` per call.
 */
export async function runAppendTask(task: AppendTask): Promise<AppendResult> {
  const target = await openTarget(task.target, task.url);
  try {
    const generator = new ProvinceGenerator(task.generator);
    const iterator = generator.events()[Symbol.iterator]();
    const limit = task.limit ?? Infinity;
    const chunkSize = task.chunk ?? 50_000;
    const latencies: number[] = [];
    let appended = 0;
    let ms = 0;
    for (;;) {
      const chunk = take(iterator, Math.min(chunkSize, limit - appended));
      if (chunk.length === 0) break;
      const batchSize = task.mode === 'single' ? 1 : task.batchSize;
      const work = partition(chunk, task.writers, batchSize, (e) => e.streamId);
      ms += await runWriters(work, async (batch) => {
        const start = nowMs();
        if (task.mode === 'single') await target.appendOne(batch[0]);
        else await target.appendBatch(batch, task.inLogOrder ?? false);
        latencies.push(nowMs() - start);
      });
      appended += chunk.length;
      if (appended >= limit) break;
    }
    const stored = await target.count();
    return {
      target: task.target,
      mode: task.mode,
      writers: task.writers,
      batchSize: task.mode === 'single' ? 1 : task.batchSize,
      events: appended,
      ms: Math.round(ms),
      eventsPerSec: Math.round((appended / ms) * 1000),
      latency: latencySummary(latencies),
      stored,
    };
  } finally {
    await target.close();
  }
}
