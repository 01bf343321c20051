import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { comparePositions, type EventStore, type RecordedEvent } from '../eventStore/eventStore.port';
import { inTransaction, quoteIdent } from '../infra/db';
import { loadMigrations, migrate } from '../infra/migrations';
import { projectRoot } from '../infra/projectRoot';
import { generationSchema, type ProjectionDefinition } from './projection';
import { PositionWaiters } from './positionWaiters';
import { SharedLogReader, type BatchConsumer, type SharedBatch } from './sharedLogReader';

export async function migrateProjectionState(pool: Pool): Promise<void> {
  await migrate(pool, 'projections', loadMigrations(join(projectRoot(), 'src/projections/migrations')));
}

export type ProjectionRunState = 'running' | 'rebuilding' | 'failed' | 'stopped';

export interface ProjectionStatus {
  name: string;
  generation: number;
  checkpoint: string;
  state: ProjectionRunState;
  error: string | null;
  failedPosition: string | null;
}

export interface ProjectionRunnerOptions {
  /** Events per read, both catching up and live (tests); overrides the two below. */
  batchSize?: number;
  /** Events per read while behind the head of the log (default 10,000). */
  catchUpBatchSize?: number;
  /** Events per read at the head of the log (default 500). */
  liveBatchSize?: number;
  pollIntervalMs?: number;
  /**
   * While catching up, how long the shared reader waits for a projection whose queue is
   * full before that projection continues on a reader of its own (default 1,000 ms).
   */
  lagToleranceMs?: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
  /** Tests: each projection dies (as if killed) inside the transaction of its batch N+1 with events. */
  crashAfterBatches?: number;
}

/** Thrown by the crash injection: the runner stops as if the process had been killed. */
export class SimulatedCrash extends Error {}

/** Batches a projection may have waiting before the shared reader waits for it. */
const MAX_QUEUED_BATCHES = 2;

/**
 * How often a checkpoint that moved only over positions without any of the projection's
 * events is written. Writing every such move would keep an idle app writing: each
 * checkpoint write takes a transaction id, which moves the log's readable horizon,
 * which hands every projection another empty batch to checkpoint (some 36 writes a
 * second with nine read models, 3 million transaction ids a day).
 */
export const IDLE_CHECKPOINT_INTERVAL_MS = 60_000;

/**
 * One generation of one projection: takes the shared reader's batches into a short
 * queue and applies them one after the other, each in its own transaction.
 */
class Worker implements BatchConsumer {
  readonly schema: string;
  readonly eventTypes: readonly string[] | null;
  private readonly handles: ReadonlySet<string> | null;
  state: ProjectionRunState;
  error: string | null = null;
  failedPosition: string | null = null;
  batchesWithEvents = 0;
  /** Its deferred indexes exist (or it has none). */
  indexesBuilt: boolean;
  receivedTo: string;
  /** The checkpoint as projection_state holds it (`checkpoint` may be ahead over positions with none of its events). */
  persistedCheckpoint: string;
  persistedAt = Date.now();
  reader: SharedLogReader | undefined;
  private readonly queue: SharedBatch[] = [];
  private closed = false;
  private wakeConsumer: (() => void) | undefined;
  private readonly roomWaiters: Array<() => void> = [];
  loop: Promise<void> = Promise.resolve();

  constructor(
    readonly definition: ProjectionDefinition,
    readonly generation: number,
    public checkpoint: string,
    state: ProjectionRunState,
  ) {
    this.schema = generationSchema(definition.name, generation);
    this.eventTypes = definition.eventTypes;
    this.handles = definition.eventTypes ? new Set(definition.eventTypes) : null;
    this.state = state;
    this.receivedTo = checkpoint;
    this.persistedCheckpoint = checkpoint;
    this.indexesBuilt = !definition.deferredIndexes?.length;
  }

  get wantsHeadBatch(): boolean {
    return !this.indexesBuilt && !this.closed;
  }

  /** Its events of a batch that it has not applied yet. */
  eventsToApply(batch: SharedBatch): RecordedEvent[] {
    const after = BigInt(this.checkpoint);
    const alreadyHasSome = BigInt(batch.from) < after;
    return batch.events.filter(
      (e) => (this.handles === null || this.handles.has(e.type)) && (!alreadyHasSome || BigInt(e.position) > after),
    );
  }

  offer(batch: SharedBatch): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.queue.push(batch);
    if (comparePositions(batch.scannedTo, this.receivedTo) > 0) this.receivedTo = batch.scannedTo;
    this.wakeConsumer?.();
    if (this.queue.length <= MAX_QUEUED_BATCHES) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Starts applying queued batches with `apply` until closed. */
  consume(apply: (batch: SharedBatch) => Promise<void>): void {
    this.loop = (async () => {
      while (!this.closed) {
        const batch = this.queue.shift();
        if (!batch) {
          await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
          this.wakeConsumer = undefined;
          continue;
        }
        if (this.queue.length <= MAX_QUEUED_BATCHES) this.releaseRoom();
        await apply(batch);
      }
    })();
  }

  /** Stops taking batches: the one being applied finishes (commits or rolls back) first. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    this.reader?.remove(this);
    this.reader = undefined;
    this.releaseRoom();
    this.wakeConsumer?.();
    await this.loop.catch(() => undefined);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private releaseRoom(): void {
    for (const resolve of this.roomWaiters.splice(0)) resolve();
  }
}

/**
 * Follows the global log for every projection: each batch is applied in one
 * transaction together with the projection's checkpoint, so a crash loses nothing
 * and applies nothing twice. A failing handler stops only its own projection, which
 * is marked failed at the event that broke it. A rebuild fills a new generation of
 * tables beside the live one and switches the views over once it has caught up.
 *
 * The projections that are at (about) the same position share one reader of the log
 * (`shared`): one read per batch, fanned out to each of them. A projection far behind
 * the others (a rebuild from zero, one added later) gets a reader of its own, so the
 * others stay live, and joins the shared reader once it has caught up or passed it.
 */
export class ProjectionRunner {
  private readonly workers = new Map<string, Worker>();
  private readonly rebuilds = new Map<string, Worker>();
  private readonly catchUpReaders = new Set<SharedLogReader>();
  private readonly progress = new EventEmitter();
  private readonly waiters = new PositionWaiters((position, names) => this.reached(position, names));
  private readonly shared: SharedLogReader;
  private stopping = false;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly definitions: readonly ProjectionDefinition[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.progress.setMaxListeners(0);
    this.progress.on('progress', () => this.waiters.check());
    this.shared = this.newReader('shared');
  }

  /**
   * `behind`: for projections that start behind the shared reader (a rebuild, one added
   * later), joining it when at the head of the log or past it. `laggard`: for one that
   * fell behind the shared reader's pace, joining it only at the head of the log.
   */
  private newReader(kind: 'shared' | 'behind' | 'laggard'): SharedLogReader {
    const catchingUp = kind !== 'shared';
    const reader = new SharedLogReader(this.store, {
      catchUpBatchSize: this.options.batchSize ?? this.options.catchUpBatchSize ?? 10_000,
      liveBatchSize: this.options.batchSize ?? this.options.liveBatchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 250,
      log: (message, details) => this.log(message, details),
      afterRead: catchingUp ? (r) => this.joinSharedIfCaughtUp(r, kind === 'behind') : undefined,
      onLagging: catchingUp ? undefined : (_, laggards) => this.catchUpAlone(laggards as Worker[]),
      lagToleranceMs: this.options.lagToleranceMs ?? 1_000,
    });
    if (catchingUp) this.catchUpReaders.add(reader);
    return reader;
  }

  /** A catch-up reader hands its projections to the shared one once at the head of the log or past the shared reader. */
  private joinSharedIfCaughtUp(reader: SharedLogReader, orPassedIt: boolean): boolean {
    if (this.stopping) return false;
    const own = reader.nextFrom;
    const shared = this.shared.nextFrom;
    const passed = orPassedIt && own !== null && shared !== null && comparePositions(own, shared) >= 0;
    if (!reader.caughtUp && !passed && own !== null) return false;
    for (const worker of reader.members() as Worker[]) this.attach(worker, this.shared);
    this.catchUpReaders.delete(reader);
    return true;
  }

  /** Projections slower than the shared reader go on at their own pace, each reading only its own event types. */
  private catchUpAlone(laggards: Worker[]): void {
    if (this.stopping) return;
    for (const worker of laggards) {
      this.log('projection catches up on its own reader', {
        name: worker.definition.name,
        position: worker.receivedTo,
      });
      this.attach(worker, this.newReader('laggard'));
    }
  }

  private attach(worker: Worker, reader: SharedLogReader): void {
    worker.reader?.remove(worker);
    worker.reader = reader;
    reader.add(worker);
  }

  /** Prepares every projection's tables (first generation, new migrations) and starts following the log. */
  async start(): Promise<void> {
    await migrateProjectionState(this.pool);
    const following: Worker[] = [];
    const toRebuild: string[] = [];
    for (const definition of this.definitions) {
      const active = await this.activeGeneration(definition);
      const worker = new Worker(definition, active.generation, active.position, 'running');
      if (active.failed) {
        worker.state = 'failed';
        worker.error = active.error;
        worker.failedPosition = active.failedPosition;
      }
      this.workers.set(definition.name, worker);
      if (worker.state !== 'failed') following.push(worker);
      if (active.version !== definition.version) toRebuild.push(definition.name);
    }
    await this.follow(following);
    for (const name of toRebuild)
      void this.rebuild(name).catch((e) => this.log('rebuild failed', { name, error: String(e) }));
  }

  /**
   * Puts the projections on readers: together on the shared one, except those more than
   * a catch-up batch behind the most advanced one, which catch up on their own reader
   * (one per checkpoint) rather than holding the others back.
   */
  private async follow(workers: Worker[]): Promise<void> {
    if (workers.length === 0) return;
    const catchUp = this.options.batchSize ?? this.options.catchUpBatchSize ?? 10_000;
    const distinct = [...new Set(workers.map((w) => w.checkpoint))];
    const behind = new Map<string, number>();
    if (distinct.length > 1) {
      // Events after each checkpoint, counted up to a limit: far-behind ones differ by more than a batch.
      for (const position of distinct)
        behind.set(position, await this.store.countEventsAfter(position, { cap: 2 * catchUp }));
    }
    const leastBehind = Math.min(...distinct.map((p) => behind.get(p) ?? 0));
    const ownReaders = new Map<string, SharedLogReader>();
    for (const worker of workers) {
      this.startWorker(worker);
      if ((behind.get(worker.checkpoint) ?? 0) - leastBehind <= catchUp) {
        this.attach(worker, this.shared);
        continue;
      }
      let reader = ownReaders.get(worker.checkpoint);
      if (!reader) ownReaders.set(worker.checkpoint, (reader = this.newReader('behind')));
      this.attach(worker, reader);
    }
  }

  private startWorker(worker: Worker): void {
    worker.consume((batch) => this.applyBatch(worker, batch));
  }

  private async activeGeneration(definition: ProjectionDefinition) {
    const { rows } = await this.pool.query(
      `SELECT generation, version, position::text, failed, error, failed_position::text AS failed_position
       FROM projection_state WHERE name = $1 AND status = 'active'`,
      [definition.name],
    );
    if (rows.length === 0) {
      await this.createGeneration(definition, 1, 'active');
      await this.switchViews(definition.name, 1);
      return {
        generation: 1,
        version: definition.version,
        position: '0',
        failed: false,
        error: null,
        failedPosition: null,
      };
    }
    const row = rows[0];
    // Forward-only: migrations added since this generation was made apply to it too.
    const schema = generationSchema(definition.name, row.generation);
    const applied = await this.pool.query<{ id: string }>('SELECT id FROM schema_migrations WHERE scope = $1', [
      `projection:${schema}`,
    ]);
    const done = new Set(applied.rows.map((r) => r.id));
    if (definition.migrations.some((m) => !done.has(m.id))) {
      // A view onto a table blocks changing its columns' types; switchViews below recreates them.
      await this.dropViews(definition.name);
    }
    await migrate(this.pool, `projection:${schema}`, definition.migrations, { schema });
    await this.switchViews(definition.name, row.generation);
    return {
      generation: row.generation as number,
      version: row.version as number,
      position: row.position as string,
      failed: row.failed as boolean,
      error: row.error as string | null,
      failedPosition: row.failed_position as string | null,
    };
  }

  private async createGeneration(
    definition: ProjectionDefinition,
    generation: number,
    status: 'active' | 'rebuilding',
  ): Promise<void> {
    const schema = generationSchema(definition.name, generation);
    await this.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    await this.pool.query(`DELETE FROM schema_migrations WHERE scope = $1`, [`projection:${schema}`]);
    await migrate(this.pool, `projection:${schema}`, definition.migrations, { schema });
    await this.pool.query(
      `INSERT INTO projection_state (name, generation, version, status) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name, generation) DO UPDATE SET version = $3, status = $4, position = 0, failed = false, error = NULL, failed_position = NULL, events_applied = 0`,
      [definition.name, generation, definition.version, status],
    );
  }

  private async dropViews(name: string, client?: PoolClient): Promise<void> {
    const work = async (c: PoolClient) => {
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(name)}`);
      const views = await c.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.views WHERE table_schema = $1`,
        [name],
      );
      for (const view of views.rows) await c.query(`DROP VIEW ${quoteIdent(name)}.${quoteIdent(view.table_name)}`);
    };
    if (client) await work(client);
    else await inTransaction(this.pool, work);
  }

  /** Points the stable schema's views at a generation's tables, in one transaction. */
  private async switchViews(name: string, generation: number, client?: PoolClient): Promise<void> {
    const work = async (c: PoolClient) => {
      const schema = generationSchema(name, generation);
      await this.dropViews(name, c);
      const tables = await c.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
        [schema],
      );
      for (const table of tables.rows) {
        await c.query(
          `CREATE VIEW ${quoteIdent(name)}.${quoteIdent(table.table_name)} AS SELECT * FROM ${quoteIdent(schema)}.${quoteIdent(table.table_name)}`,
        );
      }
    };
    if (client) await work(client);
    else await inTransaction(this.pool, work);
  }

  private async applyBatch(worker: Worker, batch: SharedBatch): Promise<void> {
    if (worker.state === 'failed' || worker.state === 'stopped') return;
    const buildIndexes = batch.endOfLog && !worker.indexesBuilt;
    const order = comparePositions(batch.scannedTo, worker.checkpoint);
    // Already past this batch; at the head, a batch at its own checkpoint still builds deferred indexes.
    if (order < 0 || (order === 0 && !buildIndexes)) return;
    const events = worker.eventsToApply(batch);
    if (events.length === 0 && !buildIndexes && Date.now() - worker.persistedAt < IDLE_CHECKPOINT_INTERVAL_MS) {
      // Nothing of its own to apply: it has read this far (waiters may go on), and the row is
      // written with its next events or after a while (a restart reads these positions again).
      worker.checkpoint = batch.scannedTo;
      this.progress.emit('progress');
      return;
    }
    try {
      await this.commitBatch(worker, events, batch.scannedTo, buildIndexes);
    } catch (error) {
      if (error instanceof SimulatedCrash) {
        worker.state = 'stopped';
      } else if (events.length === 0) {
        this.log('projection stopped on an unexpected error', { name: worker.definition.name, error: String(error) });
        worker.state = 'stopped';
      } else {
        await this.isolateFailure(worker, events, error).catch((isolating) => {
          // Could not even record the failure (e.g. the database went away): stop, apply nothing more.
          this.log('projection stopped on an unexpected error', {
            name: worker.definition.name,
            error: String(isolating),
          });
          if (worker.state !== 'failed') worker.state = 'stopped';
        });
      }
      void worker.close(); // the others go on
      this.progress.emit('progress');
    }
  }

  private async commitBatch(
    worker: Worker,
    events: RecordedEvent[],
    scannedTo: string,
    buildIndexes = false,
  ): Promise<void> {
    const client = await this.pool.connect();
    try {
      // One round trip to open the transaction on the generation's tables. The commit need
      // not wait for its WAL flush: a read model is derived from the log, and its rows and
      // checkpoint are lost together in a crash, so the batch is simply applied again.
      await client.query(
        `BEGIN; SET LOCAL search_path TO ${quoteIdent(worker.schema)}, public; SET LOCAL synchronous_commit = off`,
      );
      if (events.length > 0) await worker.definition.apply(events, client);
      if (buildIndexes) for (const statement of worker.definition.deferredIndexes ?? []) await client.query(statement);
      if (
        events.length > 0 &&
        this.options.crashAfterBatches !== undefined &&
        worker.batchesWithEvents >= this.options.crashAfterBatches
      ) {
        throw new SimulatedCrash(`simulated crash after ${worker.batchesWithEvents} batches`);
      }
      // Guarded by the old checkpoint: a second runner on the same projection cannot double-apply.
      const updated = await client.query(
        `UPDATE projection_state SET position = $3, events_applied = events_applied + $5, updated_at = now()
         WHERE name = $1 AND generation = $2 AND position = $4`,
        [worker.definition.name, worker.generation, scannedTo, worker.persistedCheckpoint, events.length],
      );
      if (updated.rowCount !== 1) throw new Error(`checkpoint of ${worker.definition.name} moved under us`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    if (events.length > 0) worker.batchesWithEvents++;
    if (buildIndexes) worker.indexesBuilt = true;
    worker.checkpoint = scannedTo;
    worker.persistedCheckpoint = scannedTo;
    worker.persistedAt = Date.now();
    this.progress.emit('progress');
  }

  /**
   * Re-applies the failed batch in halves, committing the parts that apply, down to the
   * single event that breaks the handler, and records it. Everything before it is applied.
   */
  private async isolateFailure(worker: Worker, events: RecordedEvent[], firstError: unknown): Promise<void> {
    const firstFailure = async (
      part: RecordedEvent[],
      knownToFail: boolean,
    ): Promise<{ event: RecordedEvent; error: unknown } | null> => {
      if (!knownToFail) {
        try {
          await this.commitBatch(worker, part, part[part.length - 1].position);
          return null;
        } catch (error) {
          if (error instanceof SimulatedCrash) throw error;
          if (part.length === 1) return { event: part[0], error };
        }
      }
      if (part.length === 1) return { event: part[0], error: firstError };
      const middle = Math.ceil(part.length / 2);
      return (await firstFailure(part.slice(0, middle), false)) ?? (await firstFailure(part.slice(middle), false));
    };
    const found = await firstFailure(events, true);
    // A batch that fails only as a whole is blamed on its first event, as applying stops there.
    const failedAt = found?.event ?? events[0];
    const failure = found?.error ?? firstError;
    const message = failure instanceof Error ? failure.message : String(failure);
    worker.state = 'failed';
    worker.error = `${failedAt.type} at ${failedAt.position}: ${message}`;
    worker.failedPosition = failedAt.position;
    await this.pool.query(
      `UPDATE projection_state SET failed = true, failed_position = $3, error = $4, updated_at = now() WHERE name = $1 AND generation = $2`,
      [worker.definition.name, worker.generation, failedAt.position, worker.error],
    );
    this.log('projection failed', { name: worker.definition.name, position: failedAt.position, error: message });
  }

  /**
   * Builds a new generation from the start of the log while the active one keeps
   * serving, then switches the views once the new one has caught up with it.
   */
  async rebuild(name: string): Promise<void> {
    const definition = this.definitions.find((d) => d.name === name);
    if (!definition) throw new Error(`unknown projection ${name}`);
    if (this.rebuilds.has(name)) throw new Error(`${name} is already rebuilding`);
    const { rows } = await this.pool.query<{ max: number }>(
      `SELECT max(generation)::int AS max FROM projection_state WHERE name = $1`,
      [name],
    );
    const generation = (rows[0].max ?? 0) + 1;
    await this.createGeneration(definition, generation, 'rebuilding');
    const fresh = new Worker(definition, generation, '0', 'rebuilding');
    this.rebuilds.set(name, fresh);
    try {
      // From zero on a reader of its own, so the live projections do not wait for it.
      this.startWorker(fresh);
      this.attach(fresh, this.newReader('behind'));
      for (;;) {
        if (this.stopping) return;
        if (fresh.state === 'failed') throw new Error(`rebuild of ${name} failed: ${fresh.error}`);
        const current = this.workers.get(name);
        if (current && (await this.trySwitch(current, fresh))) return;
        await this.waitForProgress(200);
      }
    } finally {
      this.rebuilds.delete(name);
    }
  }

  private async trySwitch(current: Worker, fresh: Worker): Promise<boolean> {
    const switched = await inTransaction(this.pool, async (client) => {
      // Locks the live generation's row: its next batch waits until the switch is done.
      const { rows } = await client.query<{ position: string }>(
        `SELECT position::text FROM projection_state WHERE name = $1 AND generation = $2 FOR UPDATE`,
        [current.definition.name, current.generation],
      );
      const live = rows[0]?.position ?? '0';
      const head = await this.store.headPosition();
      const freshCaughtUp =
        comparePositions(fresh.checkpoint, live) >= 0 ||
        (current.state === 'failed' && comparePositions(fresh.checkpoint, head) >= 0);
      if (!freshCaughtUp || !fresh.indexesBuilt) return false;
      await this.switchViews(current.definition.name, fresh.generation, client);
      await client.query(`UPDATE projection_state SET status = 'retired' WHERE name = $1 AND generation = $2`, [
        current.definition.name,
        current.generation,
      ]);
      await client.query(`UPDATE projection_state SET status = 'active' WHERE name = $1 AND generation = $2`, [
        fresh.definition.name,
        fresh.generation,
      ]);
      return true;
    });
    if (!switched) return false;
    await current.close();
    fresh.state = 'running';
    this.workers.set(fresh.definition.name, fresh);
    await this.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(current.schema)} CASCADE`);
    this.log('projection rebuilt', { name: fresh.definition.name, generation: fresh.generation });
    this.progress.emit('progress');
    return true;
  }

  status(): ProjectionStatus[] {
    return [...this.workers.values()].map((w) => {
      const rebuilding = this.rebuilds.get(w.definition.name);
      return {
        name: w.definition.name,
        generation: w.generation,
        checkpoint: w.checkpoint,
        state: rebuilding && w.state === 'running' ? 'rebuilding' : w.state,
        error: w.error,
        failedPosition: w.failedPosition,
      };
    });
  }

  /** Events each projection still has to apply (at most `cap` counted). */
  async lag(name: string, cap = 1_000_000): Promise<number> {
    const worker = this.workers.get(name);
    if (!worker) return 0;
    return this.store.countEventsAfter(worker.checkpoint, { types: worker.definition.eventTypes ?? undefined, cap });
  }

  /**
   * True once every named (default: all) projection has applied the log up to `position`,
   * false after `timeoutMs`; refused (SERVICE_BUSY) while the process's waiting list is full.
   */
  waitForPosition(position: string, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    return this.waiters.wait(position, timeoutMs, names);
  }

  /** Callers waiting in `waitForPosition` now. */
  get waitingCallers(): number {
    return this.waiters.size;
  }

  private reached(position: string, names?: readonly string[]): boolean {
    for (const worker of this.workers.values()) {
      if (names && !names.includes(worker.definition.name)) continue;
      if (comparePositions(worker.checkpoint, position) < 0) return false;
    }
    return true;
  }

  private waitForProgress(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.progress.off('progress', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      this.progress.on('progress', done);
    });
  }

  /** Stops following the log; a batch in flight finishes (commits or rolls back) first. */
  async stop(): Promise<void> {
    this.stopping = true;
    const all = [...this.workers.values(), ...this.rebuilds.values()];
    // Closing a worker empties its queue, which also frees a reader waiting for room.
    await Promise.all([...[this.shared, ...this.catchUpReaders].map((r) => r.stop()), ...all.map((w) => w.close())]);
    for (const w of all) if (w.state !== 'failed') w.state = 'stopped';
    this.waiters.stop();
  }

  private log(message: string, details?: Record<string, unknown>): void {
    this.options.log?.(message, details);
  }
}
