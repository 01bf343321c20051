import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, type Pool, type PoolClient } from 'pg';
import { VersionConflict } from '../../shared/errors';
import { loadMigrations, migrate } from '../../infra/migrations';
import { projectRoot } from '../../infra/projectRoot';
import { chainNewEvents, GENESIS_HASH } from '../hashChain';
import {
  comparePositions,
  describeExpected,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllResult,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from '../eventStore.port';
import { subscribeByPolling } from '../subscribeByPolling';

/** Events one transaction may append: the ordinal is the low 16 bits of a position. */
const MAX_EVENTS_PER_TRANSACTION = 65_535;
const NOTIFY_CHANNEL = 'tdkt_events';
/** Everything below this position belongs to finished transactions. */
const HORIZON_SQL = `(pg_snapshot_xmin(pg_current_snapshot())::text::bigint * 65536)`;

export interface PostgresEventStoreOptions {
  /** A connection string for the LISTEN connection (live wake-ups). Omit to poll only. */
  listenUrl?: string;
  /** How often a subscriber polls when no notification comes. */
  pollIntervalMs?: number;
  /** Retries of an `any` append that lost a race for the next version. */
  anyRetries?: number;
  /** Runs inside each append transaction just before COMMIT (tests hold transactions open with it). */
  beforeCommit?: () => Promise<void>;
}

interface EventRow {
  position: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date;
}

const SELECT_COLUMNS = 'position, stream_id, stream_version, type, data, metadata, recorded_at';

export function postgresEventStoreMigrations() {
  return loadMigrations(join(projectRoot(), 'src/eventStore/postgres/migrations'));
}

export async function migratePostgresEventStore(pool: Pool): Promise<void> {
  await migrate(pool, 'event_store', postgresEventStoreMigrations());
}

/**
 * The event log in one PostgreSQL table.
 *
 * Gap-free global reads: a position is `xid * 65536 + ordinal`, taken from the
 * appending transaction's own id. Positions therefore follow transaction-id order,
 * and a reader only returns positions below `pg_snapshot_xmin(pg_current_snapshot())`
 * — the oldest transaction still running. Every transaction below it has committed
 * or rolled back, so a slower writer can never later commit a position the reader
 * has already passed. Writers never wait on each other (no global lock), and commits
 * still group on disk.
 */
export class PostgresEventStore implements EventStore {
  readonly name = 'postgres';
  readonly capabilities = { atomicMultiStreamAppend: true };
  private listener: Client | undefined;
  private listenerReady: Promise<void> | undefined;
  private waiters = new Set<() => void>();
  private closed = false;

  constructor(private readonly pool: Pool, private readonly options: PostgresEventStoreOptions = {}) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ streamId, events, expected }]);
    return result;
  }

  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const total = appends.reduce((sum, a) => sum + a.events.length, 0);
    if (total === 0) throw new Error('nothing to append');
    if (total > MAX_EVENTS_PER_TRANSACTION) throw new Error(`at most ${MAX_EVENTS_PER_TRANSACTION} events per append`);
    const retries = appends.every((a) => a.expected.kind === 'any') ? (this.options.anyRetries ?? 5) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.appendOnce(appends);
      } catch (error) {
        if (error instanceof VersionConflict && attempt < retries) continue;
        throw error;
      }
    }
  }

  private async appendOnce(appends: StreamAppend[]): Promise<AppendResult[]> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const results: AppendResult[] = [];
      let ordinal = 0;
      for (const { streamId, events, expected } of appends) {
        if (events.length === 0) continue;
        const head = await this.streamHead(client, streamId);
        checkExpected(streamId, expected, head.version);
        const chained = chainNewEvents(streamId, head.version, head.hash, events);
        const inserted = await this.insert(client, streamId, chained, ordinal, expected);
        ordinal += chained.length;
        results.push({
          streamId,
          version: head.version + events.length,
          position: inserted[inserted.length - 1].position,
          events: inserted,
        });
      }
      await client.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, results[results.length - 1].position]);
      if (this.options.beforeCommit) await this.options.beforeCommit();
      await client.query('COMMIT');
      return results;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async streamHead(client: Pick<PoolClient, 'query'>, streamId: string): Promise<{ version: number; hash: string }> {
    const { rows } = await client.query<{ stream_version: number; hash: string }>(
      `SELECT stream_version, metadata->>'hash' AS hash FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1`,
      [streamId],
    );
    return rows.length === 0 ? { version: 0, hash: GENESIS_HASH } : { version: rows[0].stream_version, hash: rows[0].hash };
  }

  private async insert(
    client: PoolClient,
    streamId: string,
    events: ReturnType<typeof chainNewEvents<NewEvent>>,
    firstOrdinal: number,
    expected: ExpectedVersion,
  ): Promise<RecordedEvent[]> {
    try {
      const { rows } = await client.query<EventRow>(
        `INSERT INTO events (position, stream_id, stream_version, event_id, type, data, metadata, recorded_at)
         SELECT pg_current_xact_id()::text::bigint * 65536 + $2::int + e.ord, $1, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at
         FROM unnest($3::int[], $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[], $8::timestamptz[])
              WITH ORDINALITY AS e(version, event_id, type, data, metadata, recorded_at, ord)
         RETURNING ${SELECT_COLUMNS}`,
        [
          streamId,
          firstOrdinal,
          events.map((e) => e.streamVersion),
          events.map(() => randomUUID()),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
          events.map((e) => e.metadata.recordedAt),
        ],
      );
      return rows.map(toRecorded).sort((a, b) => a.streamVersion - b.streamVersion);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        // Another writer took the next version between our read and our insert. Our
        // transaction is aborted now, so the current version is read outside it.
        const actual = (await this.streamHead(this.pool, streamId).catch(() => ({ version: -1 }))).version;
        throw new VersionConflict(streamId, describeExpected(expected), actual);
      }
      throw error;
    }
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${SELECT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 1],
    );
    return rows.map(toRecorded);
  }

  async readAll({ after, limit, types }: ReadAllOptions): Promise<ReadAllResult> {
    const filter = types ? 'AND type = ANY($3::text[])' : '';
    const params: unknown[] = [after, limit];
    if (types) params.push(types);
    // One statement, so the horizon and the rows come from the same snapshot.
    const { rows } = await this.pool.query<EventRow & { horizon: string }>(
      `WITH h AS (SELECT ${HORIZON_SQL} AS horizon)
       SELECT h.horizon::text AS horizon, e.* FROM h
       LEFT JOIN LATERAL (
         SELECT ${SELECT_COLUMNS} FROM events
         WHERE position > $1::bigint AND position < h.horizon ${filter}
         ORDER BY position LIMIT $2
       ) e ON true
       ORDER BY e.position`,
      params,
    );
    const horizon = rows[0].horizon;
    const events = rows.filter((row) => row.position !== null).map(toRecorded);
    const full = events.length === limit;
    const lastBelowHorizon = (BigInt(horizon) - 1n).toString();
    const scannedTo = full
      ? events[events.length - 1].position
      : comparePositions(lastBelowHorizon, after) > 0 ? lastBelowHorizon : after;
    return { events, scannedTo, endOfLog: !full };
  }

  async headPosition(): Promise<string> {
    const { rows } = await this.pool.query<{ position: string | null }>(
      `SELECT max(position)::text AS position FROM events WHERE position < ${HORIZON_SQL}`,
    );
    return rows[0].position ?? '0';
  }

  async lastCommittedPosition(): Promise<string> {
    const { rows } = await this.pool.query<{ position: string | null }>('SELECT max(position)::text AS position FROM events');
    return rows[0].position ?? '0';
  }

  async countEventsAfter(position: string, options: { types?: readonly string[]; cap?: number } = {}): Promise<number> {
    const params: unknown[] = [position, options.cap ?? 1_000_000];
    if (options.types) params.push(options.types);
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM events WHERE position > $1::bigint AND position < ${HORIZON_SQL}
       ${options.types ? 'AND type = ANY($3::text[])' : ''} LIMIT $2) capped`,
      params,
    );
    return rows[0].n;
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return subscribeByPolling(this, options, this.options.pollIntervalMs ?? 250);
  }

  async waitForAppend(timeoutMs: number): Promise<void> {
    if (this.closed) return;
    await this.ensureListening();
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      timer.unref();
      this.waiters.add(wake);
    });
  }

  private ensureListening(): Promise<void> {
    if (!this.options.listenUrl || this.closed) return Promise.resolve();
    if (!this.listenerReady) {
      const listener = new Client({ connectionString: this.options.listenUrl, application_name: 'tdkt-listen' });
      this.listener = listener;
      listener.on('notification', () => this.wakeAll());
      listener.on('error', () => {
        // The polling fallback keeps subscribers going; reconnect on the next wait.
        this.listener = undefined;
        this.listenerReady = undefined;
        listener.end().catch(() => undefined);
      });
      this.listenerReady = listener
        .connect()
        .then(() => listener.query(`LISTEN ${NOTIFY_CHANNEL}`))
        .then(() => undefined)
        .catch(() => {
          this.listener = undefined;
          this.listenerReady = undefined;
        });
    }
    return this.listenerReady ?? Promise.resolve();
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    const listener = this.listener;
    this.listener = undefined;
    if (listener) await listener.end().catch(() => undefined);
  }
}

function checkExpected(streamId: string, expected: ExpectedVersion, actual: number): void {
  const ok =
    expected.kind === 'any' ||
    (expected.kind === 'no_stream' && actual === 0) ||
    (expected.kind === 'stream_exists' && actual > 0) ||
    (expected.kind === 'exact' && expected.version === actual);
  if (!ok) throw new VersionConflict(streamId, describeExpected(expected), actual);
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    position: String(row.position),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at.toISOString(),
  };
}
