// How far the projections and process managers run by other instances have got, as the
// database records it: what an instance that does not hold a lease answers waits and
// status from. Each checkpoint write sends a NOTIFY in its own transaction (delivered on
// commit); one LISTEN connection hears them, and a poll covers what it misses (a
// notification is lost while that connection is down).
import { Client, type Pool } from 'pg';
import { comparePositions, type EventStore } from '../eventStore/eventStore.port';
import { leaseKey, LEASE_HOLDERS_SQL, type LeaseKind } from '../infra/leases';
import type { TransientOutage } from './projectionWorker';

/** The channel checkpoint writes notify on. */
export const PROGRESS_CHANNEL = 'tdkt_progress';

/** What is tracked: a projection or a process manager, and the event types it reads (null: all). */
export interface TrackedReader {
  kind: LeaseKind;
  name: string;
  types: readonly string[] | null;
}

/** A projection's or process manager's progress as the database holds it. */
export interface StoredState {
  kind: LeaseKind;
  name: string;
  /** The active generation (projections); null for a process manager or one not created yet. */
  generation: number | null;
  checkpoint: string;
  /**
   * Every event of its types up to here is applied: the stored checkpoint, or past it when
   * the log after it holds none of its events up to where it is safely readable.
   */
  reached: string;
  failed: boolean;
  failedPosition: string | null;
  error: string | null;
  /** The instance holding its lease, null when none does. */
  holder: string | null;
}

export interface StoredProgressOptions {
  /** The LISTEN connection's connection string; without it, progress is learnt by polling only. */
  listenUrl?: string;
  pollIntervalMs: number;
  /** True for a reader this instance runs itself (holds its lease): its progress is not read. */
  runsHere?: (kind: LeaseKind, name: string) => boolean;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

interface StateRow {
  kind: LeaseKind;
  name: string;
  generation: number | null;
  position: string;
  failed: boolean;
  failed_position: string | null;
  error: string | null;
  holder: string | null;
}

/**
 * The stored rows of every tracked reader, with the lease holders, in one statement; each
 * kind's table is read only when that kind is tracked (it may not exist otherwise).
 */
function statesSql(kinds: ReadonlySet<LeaseKind>): string {
  const projections = kinds.has('projection')
    ? `LEFT JOIN projection_state p ON w.kind = 'projection' AND p.name = w.name AND p.status = 'active'`
    : `LEFT JOIN (SELECT NULL::int AS generation, NULL::bigint AS position, NULL::boolean AS failed,
         NULL::bigint AS failed_position, NULL::text AS error) p ON false`;
  const managers = kinds.has('process-manager')
    ? `LEFT JOIN process_manager_checkpoints m ON w.kind = 'process-manager' AND m.name = w.name`
    : `LEFT JOIN (SELECT NULL::bigint AS position, NULL::bigint AS failed_position, NULL::text AS error) m ON false`;
  return `
  WITH wanted AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS w(kind text, name text, key text))
  SELECT w.kind, w.name, p.generation, coalesce(p.position, m.position, 0)::text AS position,
         coalesce(p.failed, m.failed_position IS NOT NULL, false) AS failed,
         coalesce(p.failed_position, m.failed_position)::text AS failed_position, coalesce(p.error, m.error) AS error,
         h.holder
  FROM wanted w
  ${projections}
  ${managers}
  LEFT JOIN (${LEASE_HOLDERS_SQL}) h ON h.key = w.key`;
}

/**
 * The database's account of every tracked reader, refreshed on each notification and
 * every `pollIntervalMs`; refreshes never overlap (one runs, at most one more is queued).
 */
export class StoredProgress {
  private states = new Map<string, StoredState>();
  private committed = '0';
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private failure: TransientOutage | null = null;
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly tracked: readonly TrackedReader[],
    private readonly options: StoredProgressOptions,
  ) {}

  /** Reads the progress once, then follows it. */
  async start(): Promise<void> {
    await this.refresh();
    await this.listen();
    this.timer = setInterval(() => {
      if (!this.listener) void this.listen();
      void this.refresh();
    }, this.options.pollIntervalMs);
    this.timer.unref();
  }

  /** What the database holds for a reader, as of the last refresh. */
  get(kind: LeaseKind, name: string): StoredState | undefined {
    return this.states.get(`${kind}:${name}`);
  }

  /**
   * The newest committed event as of the last refresh, read after the checkpoints: any
   * consequence carried before a checkpoint seen then lies at or below it.
   */
  get lastCommitted(): string {
    return this.committed;
  }

  /** While the progress cannot be read (the database away): the last error and since when. */
  get outage(): TransientOutage | null {
    return this.failure;
  }

  /** Calls `listener` after each refresh. */
  onRefresh(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Reads the progress again (a refresh in progress is followed by one more). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = this.readAll()
      .then(
        () => {
          this.failure = null;
        },
        (error) => {
          if (!this.failure) this.options.log?.('reading the stored progress failed', { error: String(error) });
          const message = error instanceof Error ? error.message : String(error);
          this.failure = { error: message, since: this.failure?.since ?? new Date() };
        },
      )
      .finally(() => {
        this.refreshing = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.refresh();
        }
      });
    return this.refreshing ?? Promise.resolve();
  }

  private async readAll(): Promise<void> {
    const elsewhere = this.tracked.filter((t) => !this.options.runsHere?.(t.kind, t.name));
    // The instance that runs them all has nothing to learn: its runners answer from memory.
    if (elsewhere.length === 0) return;
    const wanted = elsewhere.map((t) => ({ kind: t.kind, name: t.name, key: leaseKey(t.kind, t.name) }));
    const sql = statesSql(new Set(elsewhere.map((t) => t.kind)));
    const { rows } = await this.pool.query<StateRow>(sql, [JSON.stringify(wanted)]);
    // One read at a time: the pool is the projections' own, and their commits come first.
    const states: StoredState[] = [];
    for (const row of rows) states.push(await this.withReached(row));
    this.committed = await this.store.lastCommittedPosition();
    this.states = new Map(states.map((s) => [`${s.kind}:${s.name}`, s]));
    for (const listener of this.listeners) listener();
  }

  /** The row with how far its reader has reached: up to its next event after the checkpoint, or the readable end. */
  private async withReached(row: StateRow): Promise<StoredState> {
    const types = this.tracked.find((t) => t.kind === row.kind && t.name === row.name)?.types;
    const next = await this.store.readAll({ after: row.position, limit: 1, types: types ?? undefined });
    const before = next.events[0] ? (BigInt(next.events[0].position) - 1n).toString() : next.scannedTo;
    return {
      kind: row.kind,
      name: row.name,
      generation: row.generation,
      checkpoint: row.position,
      reached: comparePositions(before, row.position) > 0 ? before : row.position,
      failed: row.failed,
      failedPosition: row.failed_position,
      error: row.error,
      holder: row.holder,
    };
  }

  /** Opens the LISTEN connection; when it drops, the poll opens it again. */
  private async listen(): Promise<void> {
    if (!this.options.listenUrl || this.stopped) return;
    const listener = new Client({ connectionString: this.options.listenUrl, application_name: 'tdkt-progress' });
    const drop = () => {
      if (this.listener === listener) this.listener = undefined;
      listener.end().catch(() => undefined);
    };
    listener.on('error', drop);
    listener.on('end', drop);
    listener.on('notification', () => void this.refresh());
    try {
      await listener.connect();
      await listener.query(`LISTEN ${PROGRESS_CHANNEL}`);
    } catch (error) {
      drop();
      this.options.log?.('listening for progress failed; polling meanwhile', { error: String(error) });
      return;
    }
    if (this.stopped) return drop();
    this.listener = listener;
    // Notifications sent while it was away were lost.
    void this.refresh();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.refreshing;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }
}
