import type { Pool } from 'pg';
import { comparePositions, type EventStore } from '../eventStore/eventStore.port';
import type { Leases } from '../infra/leases';
import type { Logger } from '../infra/logger';
import { NotLeaseHolder } from '../shared/errors';
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
import type { StoredProgress } from './storedProgress';

export type { ProjectionRunState, ProjectionStatus, TransientOutage } from './projectionWorker';

export interface ProjectionRunnerOptions extends LogReadingOptions {
  log?: (message: string, details?: Record<string, unknown>) => void;
  /** Steps into the runner's work, e.g. to inject faults (see ProjectionRunnerHooks). */
  hooks?: ProjectionRunnerHooks;
  /**
   * With several instances on one database: each projection runs only while this instance
   * holds its lease, and `progress` tells how far the others have got. Without them, this
   * runner runs every projection.
   */
  instances?: { leases: Leases; progress: StoredProgress };
}

/**
 * Follows the global log for every projection: each batch is applied in one transaction
 * together with the projection's checkpoint (BatchApplier), on readers shared by the
 * projections at about the same position (LogReaders). A rebuild fills a new generation of
 * tables beside the live one and switches the views over once it has caught up (Rebuilds).
 * A database outage is waited out: reads and commits are retried until the database
 * answers, and then every projection's stored checkpoint is checked (OutageRecovery).
 * Among several instances, a projection runs on the one holding its lease; the others
 * answer its waits and status from what the database records (StoredProgress).
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
  /** Projections whose leases were taken in the same round, about to start together. */
  private starting: { definitions: ProjectionDefinition[]; done: Promise<void> } | undefined;
  private readonly instances: ProjectionRunnerOptions['instances'];

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
    this.instances = options.instances;
    this.instances?.progress.onRefresh(() => this.progress.notify());
  }

  /**
   * Prepares the projections' tables (first generation, new migrations) and starts following
   * the log: every projection, or, among several instances, those whose lease it takes (now,
   * and whenever one is free later).
   */
  async start(): Promise<void> {
    await migrateProjectionState(this.pool);
    if (!this.instances) return this.run(this.definitions);
    await this.instances.leases.claim(
      this.definitions.map((definition) => ({
        kind: 'projection' as const,
        name: definition.name,
        acquired: (lost: AbortSignal) => this.takeOver(definition, lost),
      })),
    );
  }

  /** Runs a projection whose lease was just taken, until the lease is lost. */
  private async takeOver(definition: ProjectionDefinition, lost: AbortSignal): Promise<void> {
    if (this.stopping) return;
    try {
      await this.runTogether(definition);
    } catch (error) {
      // The lease goes back (Leases): nothing of it may keep running here.
      await this.release(definition.name);
      throw error;
    }
    if (lost.aborted) return this.release(definition.name);
    lost.addEventListener('abort', () => void this.release(definition.name), { once: true });
  }

  /**
   * Starts the projections whose leases were taken in one round together, so that the
   * readers place them as at a start: one far behind catches up on a reader of its own.
   */
  private runTogether(definition: ProjectionDefinition): Promise<void> {
    if (!this.starting) {
      const batch = { definitions: [] as ProjectionDefinition[], done: Promise.resolve() };
      batch.done = Promise.resolve().then(() => {
        this.starting = undefined;
        return this.run(batch.definitions);
      });
      this.starting = batch;
    }
    this.starting.definitions.push(definition);
    return this.starting.done;
  }

  /** The lease is lost: the projection stops applying at once (a batch in flight rolls back or commits). */
  private async release(name: string): Promise<void> {
    const worker = this.workers.get(name);
    this.workers.delete(name);
    await Promise.all([worker?.close(), this.rebuilds.abandon(name)]);
    worker?.markStopped();
    this.progress.notify();
    void this.instances?.progress.refresh();
  }

  /** Opens the active generation of each projection and follows the log; rebuilds those of an older version. */
  private async run(definitions: readonly ProjectionDefinition[]): Promise<void> {
    const following: ProjectionWorker[] = [];
    const toRebuild: string[] = [];
    for (const definition of definitions) {
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
    // Only the lease holder builds generations: two builders would drop each other's tables.
    if (this.instances && !this.instances.leases.holds('projection', name))
      throw new NotLeaseHolder(`rebuilding ${name}`, this.instances.progress.get('projection', name)?.holder ?? null);
    await this.rebuilds.run(definition);
  }

  /**
   * Each projection's state; `retrying` while the runner waits out a database outage. Among
   * several instances, a projection another instance runs shows as the database records it,
   * `holder` naming that instance (`stopped` while no instance holds its lease).
   */
  status(): ProjectionStatus[] {
    const outage = this.recovery.outage;
    const own = this.instances?.leases.instanceId ?? null;
    const local = [...this.workers.values()].map((w) => ({
      ...w.status(this.rebuilds.isRebuilding(w.name), outage),
      holder: own,
    }));
    if (!this.instances) return local;
    return this.definitions.map((d) => local.find((s) => s.name === d.name) ?? this.storedStatus(d.name));
  }

  /** A projection run by another instance (or by none), as the database records it. */
  private storedStatus(name: string): ProjectionStatus {
    const stored = this.instances?.progress.get('projection', name);
    // While the database is away this instance cannot tell how far the holder got.
    const outage = this.instances?.progress.outage ?? null;
    let state: ProjectionStatus['state'] = stored?.holder ? 'running' : 'stopped';
    if (stored?.failed) state = 'failed';
    else if (outage) state = 'retrying';
    return {
      name,
      generation: stored?.generation ?? 0,
      checkpoint: stored?.reached ?? '0',
      state,
      error: stored?.error ?? null,
      failedPosition: stored?.failedPosition ?? null,
      retrying: stored?.failed ? null : outage,
      holder: stored?.holder ?? null,
    };
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

  /** Events each projection still has to apply (at most `cap` counted), counted by `counter` (default: the store). */
  async lag(
    name: string,
    cap = 1_000_000,
    counter: Pick<EventStore, 'countEventsAfter'> = this.store,
  ): Promise<number> {
    const worker = this.workers.get(name);
    const from = worker?.checkpoint ?? this.instances?.progress.get('projection', name)?.reached;
    if (from === undefined) return 0;
    const types = this.definitions.find((d) => d.name === name)?.eventTypes ?? undefined;
    return counter.countEventsAfter(from, { types, cap });
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
    if (!this.instances) return true;
    for (const { name } of this.definitions) {
      if (this.workers.has(name) || (names && !names.includes(name))) continue;
      const stored = this.instances.progress.get('projection', name);
      if (!stored || comparePositions(stored.reached, position) < 0) return false;
    }
    return true;
  }

  /** The projections among `names` (default: all) that failed before reaching `position`, which they never will. */
  private failedBefore(position: string, names?: readonly string[]): ProjectionStatus[] {
    return this.status().filter(
      (s) => s.state === 'failed' && (!names || names.includes(s.name)) && comparePositions(s.checkpoint, position) < 0,
    );
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
