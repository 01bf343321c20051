import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { comparePositions, type EventStore, type ReadAllResult, type Subscription } from '../eventStore/eventStore.port';
import { inTransaction, quoteIdent } from '../infra/db';
import { loadMigrations, migrate } from '../infra/migrations';
import { projectRoot } from '../infra/projectRoot';
import { generationSchema, type ProjectionDefinition } from './projection';

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
  batchSize?: number;
  pollIntervalMs?: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
  /** Tests: each projection dies (as if killed) inside the transaction of its batch N+1 with events. */
  crashAfterBatches?: number;
}

/** Thrown by the crash injection: the runner stops as if the process had been killed. */
export class SimulatedCrash extends Error {}

interface Worker {
  definition: ProjectionDefinition;
  generation: number;
  schema: string;
  checkpoint: string;
  state: ProjectionRunState;
  error: string | null;
  failedPosition: string | null;
  subscription?: Subscription;
  batchesWithEvents: number;
}

/**
 * Follows the global log for every projection: each batch is applied in one
 * transaction together with the projection's checkpoint, so a crash loses nothing
 * and applies nothing twice. A failing handler stops only its own projection, which
 * is marked failed at the event that broke it. A rebuild fills a new generation of
 * tables beside the live one and switches the views over once it has caught up.
 */
export class ProjectionRunner {
  private readonly workers = new Map<string, Worker>();
  private readonly rebuilds = new Map<string, Worker>();
  private readonly progress = new EventEmitter();
  private stopping = false;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly definitions: readonly ProjectionDefinition[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.progress.setMaxListeners(0);
  }

  /** Prepares every projection's tables (first generation, new migrations) and starts following the log. */
  async start(): Promise<void> {
    await migrateProjectionState(this.pool);
    for (const definition of this.definitions) {
      const active = await this.activeGeneration(definition);
      const worker = this.newWorker(definition, active.generation, active.position, 'running');
      if (active.failed) {
        worker.state = 'failed';
        worker.error = active.error;
        worker.failedPosition = active.failedPosition;
      }
      this.workers.set(definition.name, worker);
      if (worker.state !== 'failed') this.follow(worker);
      if (active.version !== definition.version) void this.rebuild(definition.name).catch((e) => this.log('rebuild failed', { name: definition.name, error: String(e) }));
    }
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
      return { generation: 1, version: definition.version, position: '0', failed: false, error: null, failedPosition: null };
    }
    const row = rows[0];
    // Forward-only: migrations added since this generation was made apply to it too.
    await migrate(this.pool, `projection:${generationSchema(definition.name, row.generation)}`, definition.migrations, {
      schema: generationSchema(definition.name, row.generation),
    });
    await this.switchViews(definition.name, row.generation);
    return { generation: row.generation as number, version: row.version as number, position: row.position as string, failed: row.failed as boolean, error: row.error as string | null, failedPosition: row.failed_position as string | null };
  }

  private async createGeneration(definition: ProjectionDefinition, generation: number, status: 'active' | 'rebuilding'): Promise<void> {
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

  /** Points the stable schema's views at a generation's tables, in one transaction. */
  private async switchViews(name: string, generation: number, client?: PoolClient): Promise<void> {
    const work = async (c: PoolClient) => {
      const schema = generationSchema(name, generation);
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(name)}`);
      const views = await c.query<{ table_name: string }>(`SELECT table_name FROM information_schema.views WHERE table_schema = $1`, [name]);
      for (const view of views.rows) await c.query(`DROP VIEW ${quoteIdent(name)}.${quoteIdent(view.table_name)}`);
      const tables = await c.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
        [schema],
      );
      for (const table of tables.rows) {
        await c.query(`CREATE VIEW ${quoteIdent(name)}.${quoteIdent(table.table_name)} AS SELECT * FROM ${quoteIdent(schema)}.${quoteIdent(table.table_name)}`);
      }
    };
    if (client) await work(client);
    else await inTransaction(this.pool, work);
  }

  private newWorker(definition: ProjectionDefinition, generation: number, checkpoint: string, state: ProjectionRunState): Worker {
    return { definition, generation, schema: generationSchema(definition.name, generation), checkpoint, state, error: null, failedPosition: null, batchesWithEvents: 0 };
  }

  private follow(worker: Worker): void {
    worker.subscription = this.store.subscribeToAll({
      from: worker.checkpoint,
      batchSize: this.options.batchSize ?? 500,
      types: worker.definition.eventTypes ?? undefined,
      onBatch: (batch) => this.applyBatch(worker, batch),
    });
    worker.subscription.done.catch((error) => {
      if (error instanceof SimulatedCrash) {
        worker.state = 'stopped';
        return;
      }
      if (worker.state === 'failed') return;
      this.log('projection stopped on an unexpected error', { name: worker.definition.name, error: String(error) });
      worker.state = 'stopped';
    });
  }

  private async applyBatch(worker: Worker, batch: ReadAllResult): Promise<void> {
    if (worker.state === 'failed' || worker.state === 'stopped') throw new Error('projection is not running');
    try {
      await this.commitBatch(worker, batch.events, batch.scannedTo);
    } catch (error) {
      if (error instanceof SimulatedCrash) throw error;
      if (batch.events.length === 0) throw error;
      await this.isolateFailure(worker, batch, error);
      throw error; // ends this projection's subscription; the others go on
    }
  }

  private async commitBatch(worker: Worker, events: ReadAllResult['events'], scannedTo: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(`SET LOCAL search_path TO ${quoteIdent(worker.schema)}, public`);
      if (events.length > 0) await worker.definition.apply(events, client);
      if (events.length > 0 && this.options.crashAfterBatches !== undefined && worker.batchesWithEvents >= this.options.crashAfterBatches) {
        throw new SimulatedCrash(`simulated crash after ${worker.batchesWithEvents} batches`);
      }
      // Guarded by the old checkpoint: a second runner on the same projection cannot double-apply.
      const updated = await client.query(
        `UPDATE projection_state SET position = $3, events_applied = events_applied + $5, updated_at = now()
         WHERE name = $1 AND generation = $2 AND position = $4`,
        [worker.definition.name, worker.generation, scannedTo, worker.checkpoint, events.length],
      );
      if (updated.rowCount !== 1) throw new Error(`checkpoint of ${worker.definition.name} moved under us`);
    });
    if (events.length > 0) worker.batchesWithEvents++;
    worker.checkpoint = scannedTo;
    this.progress.emit('progress');
  }

  /** Re-applies the failed batch one event at a time to find, and record, the event that breaks the handler. */
  private async isolateFailure(worker: Worker, batch: ReadAllResult, firstError: unknown): Promise<void> {
    let failedAt = batch.events[0];
    let failure = firstError;
    for (const event of batch.events) {
      try {
        await this.commitBatch(worker, [event], event.position);
      } catch (error) {
        failedAt = event;
        failure = error;
        break;
      }
    }
    const message = failure instanceof Error ? failure.message : String(failure);
    worker.state = 'failed';
    worker.error = `${failedAt.type} at ${failedAt.position}: ${message}`;
    worker.failedPosition = failedAt.position;
    await this.pool.query(
      `UPDATE projection_state SET failed = true, failed_position = $3, error = $4, updated_at = now() WHERE name = $1 AND generation = $2`,
      [worker.definition.name, worker.generation, failedAt.position, worker.error],
    );
    this.log('projection failed', { name: worker.definition.name, position: failedAt.position, error: message });
    this.progress.emit('progress');
  }

  /**
   * Builds a new generation from the start of the log while the active one keeps
   * serving, then switches the views once the new one has caught up with it.
   */
  async rebuild(name: string): Promise<void> {
    const definition = this.definitions.find((d) => d.name === name);
    if (!definition) throw new Error(`unknown projection ${name}`);
    if (this.rebuilds.has(name)) throw new Error(`${name} is already rebuilding`);
    const { rows } = await this.pool.query<{ max: number }>(`SELECT max(generation)::int AS max FROM projection_state WHERE name = $1`, [name]);
    const generation = (rows[0].max ?? 0) + 1;
    await this.createGeneration(definition, generation, 'rebuilding');
    const fresh = this.newWorker(definition, generation, '0', 'rebuilding');
    this.rebuilds.set(name, fresh);
    try {
      this.follow(fresh);
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
      const freshCaughtUp = comparePositions(fresh.checkpoint, live) >= 0 || (current.state === 'failed' && comparePositions(fresh.checkpoint, head) >= 0);
      if (!freshCaughtUp) return false;
      await this.switchViews(current.definition.name, fresh.generation, client);
      await client.query(`UPDATE projection_state SET status = 'retired' WHERE name = $1 AND generation = $2`, [current.definition.name, current.generation]);
      await client.query(`UPDATE projection_state SET status = 'active' WHERE name = $1 AND generation = $2`, [fresh.definition.name, fresh.generation]);
      return true;
    });
    if (!switched) return false;
    await current.subscription?.stop();
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

  /** True once every named (default: all) projection has applied the log up to `position`. */
  async waitForPosition(position: string, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const caughtUp = () =>
      [...this.workers.values()]
        .filter((w) => !names || names.includes(w.definition.name))
        .every((w) => comparePositions(w.checkpoint, position) >= 0);
    while (!caughtUp()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.waitForProgress(Math.min(left, 250));
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
    await Promise.all(all.map((w) => w.subscription?.stop()));
    for (const w of all) if (w.state !== 'failed') w.state = 'stopped';
  }

  private log(message: string, details?: Record<string, unknown>): void {
    this.options.log?.(message, details);
  }
}
