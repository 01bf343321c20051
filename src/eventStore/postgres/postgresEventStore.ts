import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { VersionConflict } from '../../shared/errors';
import { loadMigrations, migrate } from '../../infra/migrations';
import { PreparedStatements } from '../../infra/preparedQuery';
import { projectRoot } from '../../infra/projectRoot';
import { chainNewEvents, GENESIS_HASH } from '../hashChain';
import {
  comparePositions,
  describeExpected,
  type AppendResult,
  type EventStore,
  type EventStoreCapabilities,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllResult,
  type RecordedEvent,
  type ShownEvent,
  type ShownEvents,
  type ShownEventsRead,
  type StreamAppend,
  type StreamHead,
  type SubscribeOptions,
  type Subscription,
} from '../eventStore.port';
import { subscribeByPolling } from '../subscribeByPolling';
import { SELECT_COLUMNS, toRecorded, type EventRow } from './eventRows';
import { storedAppend } from './storedAppend';
import { readEveryStream, streamHeads } from './logScan';
import { ChainWatchReader } from './chainWatch';
import { AppendWakeUps } from './appendWakeUps';
import { CHAIN_TIP_CACHE_SIZE, ChainTipCache, type ChainTip } from './chainTipCache';

/** Events one transaction may append: the ordinal is the low 16 bits of a position. */
const MAX_EVENTS_PER_TRANSACTION = 65_535;
/** Everything below this position belongs to finished transactions. */
const HORIZON_SQL = `(pg_snapshot_xmin(pg_current_snapshot())::text::bigint * 65536)`;

export interface PostgresEventStoreOptions {
  /**
   * A connection string for the LISTEN connection, which wakes this process's subscribers
   * on other processes' appends. Without it they see those appends by polling only.
   */
  listenUrl?: string;
  /** Reads of the global log (the projections' readers) go through this pool when given, not the request pool. */
  logPool?: Pool;
  /** How often a subscriber polls when no notification comes. */
  pollIntervalMs?: number;
  /** Retries of an `any` append that lost a race for the next version. */
  anyRetries?: number;
  /**
   * false: `appendToStreams` appends stream after stream, each on its own, as EventStoreDB
   * does; what runs on PostgreSQL then runs as it would there (default true).
   */
  atomicMultiStreamAppend?: boolean;
}

/** The one statement of an append: it inserts every event and returns the first position as `first`. */
export interface AppendStatement {
  text: string;
  values: unknown[];
}

type ChainedEvent = ReturnType<typeof chainNewEvents<NewEvent>>[number];

/** The stream named in a unique-violation detail: `Key (stream_id, stream_version)=(s, 3) already exists.` */
function conflictingStream(error: unknown): string | null {
  const detail = (error as { detail?: string }).detail ?? '';
  const match = /^Key \(stream_id, stream_version\)=\((.*), \d+\) already exists\.$/.exec(detail);
  return match ? match[1] : null;
}

function postgresEventStoreMigrations() {
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
  readonly capabilities: EventStoreCapabilities;
  private readonly heads = new ChainTipCache(CHAIN_TIP_CACHE_SIZE);
  private readonly wakeUps: AppendWakeUps;
  private readonly chainWatch = new ChainWatchReader();
  /** The store's statement names: the stream read and the append, every command's, run prepared. */
  private readonly statements = new PreparedStatements();

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.wakeUps = new AppendWakeUps(pool, options.listenUrl);
    this.capabilities = {
      atomicMultiStreamAppend: options.atomicMultiStreamAppend ?? true,
      historySeal: true,
      uniqueEventIdsAcrossStreams: true,
    };
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ streamId, events, expected }]);
    return result;
  }

  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    if (!this.capabilities.atomicMultiStreamAppend && appends.length > 1) {
      const results: AppendResult[] = [];
      for (const one of appends) results.push(...(await this.appendAtomically([one])));
      return results;
    }
    return this.appendAtomically(appends);
  }

  private async appendAtomically(appends: StreamAppend[]): Promise<AppendResult[]> {
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

  /**
   * One INSERT for every event of every stream, so an append whose stream heads are known
   * costs one round trip and commits on its own; a conflicting writer is caught by the
   * unique (stream_id, stream_version) key. Subscribers are woken after the commit.
   */
  private async appendOnce(appends: StreamAppend[]): Promise<AppendResult[]> {
    try {
      return await this.insertAppends(appends);
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      // The stream moved on: by this very append, when its event ids are stored there.
      const stored = await storedAppend(
        this.pool,
        appends.map((a) => ({ streamId: a.streamId, eventIds: a.events.map((e) => e.eventId) })),
      );
      if (stored) return stored;
      throw error;
    }
  }

  private async insertAppends(appends: StreamAppend[]): Promise<AppendResult[]> {
    const heads = await this.headsFor(appends);
    const planned: Array<{ streamId: string; expected: ExpectedVersion; chained: ChainedEvent[] }> = [];
    const rows: ChainedEvent[] = [];
    const streamIds: string[] = [];
    for (const { streamId, events, expected } of appends) {
      if (events.length === 0) continue;
      const head = heads.get(streamId)!;
      checkExpected(streamId, expected, head.version);
      const chained = chainNewEvents(streamId, head.version, head.hash, events);
      const last = chained[chained.length - 1];
      // A stream may occur more than once in one append: the next occurrence continues it.
      heads.set(streamId, { version: last.streamVersion, hash: last.metadata.hash });
      planned.push({ streamId, expected, chained });
      for (const event of chained) {
        rows.push(event);
        streamIds.push(streamId);
      }
    }
    let firstPosition: bigint;
    try {
      firstPosition = await this.insertAll(streamIds, rows);
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      // Another writer took a version first; the statement appended nothing.
      const streamId = conflictingStream(error) ?? planned[0].streamId;
      const conflicting = planned.find((p) => p.streamId === streamId) ?? planned[0];
      for (const p of planned) this.heads.forget(p.streamId);
      const actual =
        (await this.readHeads([conflicting.streamId]).catch(() => new Map<string, ChainTip>())).get(
          conflicting.streamId,
        )?.version ?? -1;
      throw new VersionConflict(conflicting.streamId, describeExpected(conflicting.expected), actual);
    }
    const results: AppendResult[] = [];
    let ordinal = 0n;
    for (const { streamId, chained } of planned) {
      const recorded = chained.map((event) => ({
        position: String(firstPosition + ordinal++),
        streamId,
        streamVersion: event.streamVersion,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
        recordedAt: new Date(event.metadata.recordedAt).toISOString(),
      }));
      const last = recorded[recorded.length - 1];
      this.heads.remember(streamId, last.streamVersion, last.metadata.hash);
      results.push({ streamId, version: last.streamVersion, position: last.position, events: recorded });
    }
    this.wakeUps.announce();
    return results;
  }

  /**
   * The version and last hash each append continues from. A new stream needs no read;
   * an exact version is taken from the head cache when it matches; the rest are read in
   * one query (a writer racing in between is caught by the unique version key).
   */
  private async headsFor(appends: StreamAppend[]): Promise<Map<string, ChainTip>> {
    const heads = new Map<string, ChainTip>();
    const unknown = new Set<string>();
    for (const { streamId, expected } of appends) {
      if (heads.has(streamId) || unknown.has(streamId)) continue;
      if (expected.kind === 'no_stream') {
        heads.set(streamId, { version: 0, hash: GENESIS_HASH });
        continue;
      }
      const cached = this.heads.get(streamId);
      if (cached && expected.kind === 'exact' && cached.version === expected.version) heads.set(streamId, cached);
      else unknown.add(streamId);
    }
    if (unknown.size > 0) {
      const read = await this.readHeads([...unknown]);
      for (const streamId of unknown) heads.set(streamId, read.get(streamId) ?? { version: 0, hash: GENESIS_HASH });
    }
    return heads;
  }

  private async readHeads(streamIds: string[]): Promise<Map<string, ChainTip>> {
    const { rows } = await this.pool.query<{ stream_id: string; stream_version: number; hash: string }>(
      `SELECT s.stream_id, h.stream_version, h.hash FROM unnest($1::text[]) AS s(stream_id)
       JOIN LATERAL (
         SELECT stream_version, metadata->>'hash' AS hash FROM events
         WHERE stream_id = s.stream_id ORDER BY stream_version DESC LIMIT 1
       ) h ON true`,
      [streamIds],
    );
    const heads = new Map<string, ChainTip>();
    for (const row of rows) {
      heads.set(row.stream_id, { version: row.stream_version, hash: row.hash });
      this.heads.remember(row.stream_id, row.stream_version, row.hash);
    }
    return heads;
  }

  /** Inserts the rows in one statement; returns the first position. */
  private async insertAll(streamIds: string[], rows: ChainedEvent[]): Promise<bigint> {
    const text = `WITH inserted AS (
        INSERT INTO events (position, stream_id, stream_version, event_id, type, data, metadata, recorded_at)
        SELECT pg_current_xact_id()::text::bigint * 65536 + e.ord - 1, e.stream_id, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at
        FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[], $7::timestamptz[])
             WITH ORDINALITY AS e(stream_id, version, event_id, type, data, metadata, recorded_at, ord)
        RETURNING position
      )
      SELECT min(position)::text AS first FROM inserted`;
    const values = [
      streamIds,
      rows.map((e) => e.streamVersion),
      rows.map((e) => e.eventId ?? randomUUID()),
      rows.map((e) => e.type),
      rows.map((e) => e.dataJson),
      rows.map((e) => e.metadataJson),
      rows.map((e) => e.metadata.recordedAt),
    ];
    return BigInt(await this.runAppend({ text, values }));
  }

  /**
   * Runs an append's statement on the pool, where it commits on its own, and returns the
   * first position. An extension may run it within a transaction of its own making; the
   * events are appended when that transaction commits.
   */
  protected async runAppend(statement: AppendStatement): Promise<string> {
    const { rows } = await this.statements.query<{ first: string }>(this.pool, statement.text, statement.values);
    return rows[0].first;
  }

  async readStream(streamId: string, options: { fromVersion?: number; limit?: number } = {}): Promise<RecordedEvent[]> {
    const fromVersion = options.fromVersion ?? 1;
    const { rows } =
      options.limit === undefined
        ? await this.statements.query<EventRow>(
            this.pool,
            `SELECT ${SELECT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
            [streamId, fromVersion],
          )
        : await this.statements.query<EventRow>(
            this.pool,
            `SELECT ${SELECT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version LIMIT $3`,
            [streamId, fromVersion, options.limit],
          );
    const events = rows.map(toRecorded);
    const last = events[events.length - 1];
    if (last && (options.limit === undefined || events.length < options.limit))
      this.heads.remember(streamId, last.streamVersion, last.metadata.hash);
    return events;
  }

  async readAll({ after, limit, types }: ReadAllOptions): Promise<ReadAllResult> {
    const filter = types ? 'AND type = ANY($3::text[])' : '';
    const params: unknown[] = [after, limit];
    if (types) params.push(types);
    // One statement, so the horizon and the rows come from the same snapshot.
    const { rows } = await (this.options.logPool ?? this.pool).query<EventRow & { horizon: string }>(
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
      : comparePositions(lastBelowHorizon, after) > 0
        ? lastBelowHorizon
        : after;
    return { events, scannedTo, endOfLog: !full };
  }

  async headPosition(): Promise<string> {
    const { rows } = await (this.options.logPool ?? this.pool).query<{ position: string | null }>(
      `SELECT max(position)::text AS position FROM events WHERE position < ${HORIZON_SQL}`,
    );
    return rows[0].position ?? '0';
  }

  async lastCommittedPosition(): Promise<string> {
    const { rows } = await this.pool.query<{ position: string | null }>(
      'SELECT max(position)::text AS position FROM events',
    );
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

  readEveryStream(options: { upTo: string; pageSize?: number }): AsyncIterable<RecordedEvent[]> {
    return readEveryStream(this.pool, options);
  }

  streamHeads(at: string): Promise<StreamHead[]> {
    return streamHeads(this.pool, at);
  }

  readShownEvents<R extends ShownEvent>(read: ShownEventsRead): Promise<ShownEvents<R>> {
    return this.chainWatch.read<R>(read);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return subscribeByPolling(this, options, this.options.pollIntervalMs ?? 250);
  }

  waitForAppend(timeoutMs: number): Promise<void> {
    return this.wakeUps.wait(timeoutMs);
  }

  close(): Promise<void> {
    return this.wakeUps.close();
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
