import type { Pool } from 'pg';
import { comparePositions, type EventStore } from '../eventStore/eventStore.port';
import type { Logger } from '../infra/logger';
import { BatchApplier } from './batchApplier';
import { migrateProjectionState, openActiveGeneration } from './generations';
import { LogReaders, type LogReadingOptions } from './logReaders';
import { OutageRecovery } from './outageRecovery';
import { MAX_POSITION_WAITERS, PositionWaiters } from './positionWaiters';
import { ProgressSignal } from './progressSignal';
import type { ProjectionDefinition } from './projection';
import { ProjectionWorker, type ProjectionStatus } from './projectionWorker';
import { Rebuilds } from './rebuild';
import type { ProjectionRunnerHooks } from './runnerHooks';
import { checkStoredCheckpoint } from './storedCheckpoint';

export type { ProjectionRunState, ProjectionStatus, TransientOutage } from './projectionWorker';

export interface ProjectionRunnerOptions extends LogReadingOptions {
  log?: (message: string, details?: Record<string, unknown>) => void;
  /** Steps into the runner's work, e.g. to inject faults (see ProjectionRunnerHooks). */
  hooks?: ProjectionRunnerHooks;
}

/**
 * Follows the global log for every projection: each batch is applied in one transaction
 * together with the projection's checkpoint (BatchApplier), on readers shared by the
 * projections at about the same position (LogReaders). A rebuild fills a new generation of
 * tables beside the live one and switches the views over once it has caught up (Rebuilds).
 * A database outage is waited out: reads and commits are retried until the database
 * answers, and then every projection's stored checkpoint is checked (OutageRecovery).
 */
export class ProjectionRunner {
  /** The active generation of each projection. */
  private readonly workers = new Map<string, ProjectionWorker>();
  private readonly progress = new ProgressSignal();
  private readonly waiters = new PositionWaiters(
    (position, names) => this.reached(position, names),
    MAX_POSITION_WAITERS,
    (position, names) => this.failedBefore(position, names),
  );
  private readonly readers: LogReaders;
  private readonly recovery: OutageRecovery;
  private readonly onPoolError = (error: Error) => this.recovery.failed(error);
  private readonly applier: BatchApplier;
  private readonly rebuilds: Rebuilds;
  private readonly log: Logger['info'];
  private stopping = false;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly definitions: readonly ProjectionDefinition[],
    options: ProjectionRunnerOptions = {},
  ) {
    const log: Logger['info'] = (message, details) => options.log?.(message, details);
    this.progress.onEach(() => this.waiters.check());
    this.recovery = new OutageRecovery(() => this.checkStoredCheckpoints(), log);
    // An idle connection of its pool lost: the database went away, and may have lost the last commits.
    pool.on('error', this.onPoolError);
    this.readers = new LogReaders(store, options, log, this.recovery);
    this.applier = new BatchApplier(
      {
        pool,
        hooks: options.hooks ?? {},
        progress: this.progress,
        onTransientError: (error) => this.recovery.failed(error),
      },
      log,
    );
    this.rebuilds = new Rebuilds({
      pool,
      store,
      readers: this.readers,
      progress: this.progress,
      log,
      active: this.workers,
      startApplying: (worker) => this.startApplying(worker),
      isStopping: () => this.stopping,
    });
    this.log = log;
  }

  /** Prepares every projection's tables (first generation, new migrations) and starts following the log. */
  async start(): Promise<void> {
    await migrateProjectionState(this.pool);
    const following: ProjectionWorker[] = [];
    const toRebuild: string[] = [];
    for (const definition of this.definitions) {
      const active = await openActiveGeneration(this.pool, definition);
      const worker = new ProjectionWorker(definition, active.generation, active.position, 'running');
      if (active.failed) worker.markFailed(active.error, active.failedPosition);
      this.workers.set(definition.name, worker);
      if (!worker.hasFailed) following.push(worker);
      if (active.version !== definition.version) toRebuild.push(definition.name);
    }
    await this.readers.follow(following, (worker) => this.startApplying(worker));
    for (const name of toRebuild)
      void this.rebuild(name).catch((e) => this.log('rebuild failed', { name, error: String(e) }));
  }

  private startApplying(worker: ProjectionWorker): void {
    worker.startApplying((batch) => this.applier.apply(worker, batch));
  }

  /**
   * Builds a new generation from the start of the log while the active one keeps
   * serving, then switches the views once the new one has caught up with it.
   */
  async rebuild(name: string): Promise<void> {
    const definition = this.definitions.find((d) => d.name === name);
    if (!definition) throw new Error(`unknown projection ${name}`);
    await this.rebuilds.run(definition);
  }

  /** Each projection's state; `retrying` while the runner waits out a database outage. */
  status(): ProjectionStatus[] {
    const outage = this.recovery.outage;
    return [...this.workers.values()].map((w) => w.status(this.rebuilds.isRebuilding(w.name), outage));
  }

  /**
   * After an outage: each projection's stored checkpoint against what this process
   * committed, as the database may have lost the last commits (see ProjectionWorker.rewind).
   */
  private async checkStoredCheckpoints(): Promise<void> {
    const all = [...this.workers.values(), ...this.rebuilds.workers()].filter((w) => !w.hasEnded);
    await Promise.all(
      all.map((worker) =>
        worker.exclusively(async () => {
          if (worker.hasEnded) return;
          const check = await checkStoredCheckpoint(this.pool, worker);
          if (check === 'rewound') this.log('projection reads again what the database lost', { name: worker.name });
        }),
      ),
    );
    this.progress.notify();
  }

  /** Events each projection still has to apply (at most `cap` counted). */
  async lag(name: string, cap = 1_000_000): Promise<number> {
    const worker = this.workers.get(name);
    if (!worker) return 0;
    return this.store.countEventsAfter(worker.checkpoint, { types: worker.eventTypes ?? undefined, cap });
  }

  /**
   * True once every named (default: all) projection has applied the log up to `position`,
   * false after `timeoutMs`; refused (SERVICE_BUSY) while the process's waiting list is full,
   * and rejected with ProjectionFailed, at once, when one of them failed before reaching it.
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
      if (names && !names.includes(worker.name)) continue;
      if (comparePositions(worker.checkpoint, position) < 0) return false;
    }
    return true;
  }

  /** The projections among `names` (default: all) that failed before reaching `position`, which they never will. */
  private failedBefore(position: string, names?: readonly string[]): ProjectionStatus[] {
    return [...this.workers.values()]
      .filter((w) => w.hasFailed && (!names || names.includes(w.name)) && comparePositions(w.checkpoint, position) < 0)
      .map((w) => w.status(false));
  }

  /** Stops following the log; a batch in flight finishes (commits or rolls back) first. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.pool.off('error', this.onPoolError);
    const all = [...this.workers.values(), ...this.rebuilds.workers()];
    // Closing a worker empties its queue, which also frees a reader waiting for room.
    await Promise.all([this.readers.stop(), ...all.map((w) => w.close())]);
    for (const w of all) w.markStopped();
    await this.recovery.settled();
    this.waiters.stop();
  }
}
