import { join } from 'node:path';
import type { Pool } from 'pg';
import { comparePositions, type EventStore, type RecordedEvent } from '../eventStore/eventStore.port';
import type { ConsequenceGate } from '../commands/commandTransaction';
import type { Leases } from '../infra/leases';
import { loadMigrations, migrate } from '../infra/migrations';
import { projectRoot } from '../infra/projectRoot';
import { retryTransient } from '../infra/transientErrors';
import { PositionWaiters } from '../projections/positionWaiters';
import { PROGRESS_CHANNEL, type StoredProgress } from '../projections/storedProgress';
import { ConsequencesFailed, ConsequencesPending } from '../shared/errors';
import { carryConsequence } from './carryConsequence';
import type { ProcessManager } from './processManager';

export interface ProcessManagerStatus {
  name: string;
  state: 'running' | 'failed' | 'stopped';
  /** Every consequence of the log up to here is carried. */
  checkpoint: string;
  /** Consequences the target's decider refused (each logged with its reason). */
  declined: number;
  failedPosition: string | null;
  error: string | null;
  /** The last transient error while it retries (the database away), null when none. */
  retrying: string | null;
  /** The instance holding its lease (among several instances); null otherwise. */
  holder: string | null;
}

export interface ProcessManagerRunnerOptions {
  log?: (message: string, details: Record<string, unknown>) => void;
  batchSize?: number;
  /** How long an idle manager waits for an append before it reads the log again. */
  idleWaitMs?: number;
  /**
   * With several instances on one database: each manager runs only while this instance
   * holds its lease, and `progress` tells how far the others have got.
   */
  instances?: { leases: Leases; progress: StoredProgress };
}

/** An idle reader reads the log at most this often, however many appends wake it. */
const READ_INTERVAL_MS = 10;
/** An unchanged checkpoint is saved at most this often (a restart reads these positions again). */
const IDLE_CHECKPOINT_MS = 5_000;

export async function migrateProcessManagers(pool: Pool): Promise<void> {
  await migrate(pool, 'process_managers', loadMigrations(join(projectRoot(), 'src/processManagers/migrations')));
}

/** One manager's loop state. */
class ManagerLoop {
  status: ProcessManagerStatus;
  savedAt = 0;
  saved: string;

  constructor(
    readonly manager: ProcessManager,
    checkpoint: string,
  ) {
    this.saved = checkpoint;
    this.status = {
      name: manager.name,
      state: 'running',
      checkpoint,
      declined: 0,
      failedPosition: null,
      error: null,
      retrying: null,
      holder: null,
    };
  }
}

/**
 * Runs the process managers, each in a loop of its own from its checkpoint: read a page of
 * the events it reacts to, carry each consequence, then move the checkpoint. A database
 * away for a while is waited out with backoff; an error of the manager itself stops that
 * manager at the event, named in its status, and `settle` answers with the failure.
 * Among several instances, a manager runs on the one holding its lease; the others learn
 * how far it got from the database (StoredProgress).
 */
export class ProcessManagerRunner implements ConsequenceGate {
  /** The managers this instance runs, by name. */
  private readonly loops = new Map<string, ManagerLoop>();
  private running: Promise<void> = Promise.resolve();
  private following = false;
  private readonly abort = new AbortController();
  private readonly waiters = new PositionWaiters((position) => this.passed(position));
  /** The highest position a consequence is known at: read models reaching it show every consequence carried. */
  private consequencesUpTo = '0';

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly managers: readonly ProcessManager[],
    private readonly options: ProcessManagerRunnerOptions = {},
  ) {}

  /** Starts every manager, or, among several instances, those whose lease it takes (now or once one is free). */
  async start(): Promise<void> {
    await migrateProcessManagers(this.pool);
    // Consequences carried before this start lie at or below the log's head now.
    this.consequencesUpTo = await this.store.lastCommittedPosition();
    const instances = this.options.instances;
    if (!instances) return this.run(this.managers);
    instances.progress.onRefresh(() => this.waiters.check());
    await instances.leases.claim(
      this.managers.map((manager) => ({
        kind: 'process-manager' as const,
        name: manager.name,
        acquired: (lost: AbortSignal) => this.takeOver(manager, lost),
      })),
    );
  }

  /** Runs a manager whose lease was just taken, until the lease is lost. */
  private async takeOver(manager: ProcessManager, lost: AbortSignal): Promise<void> {
    if (this.abort.signal.aborted) return;
    await this.run([manager]);
    const release = () => {
      const loop = this.loops.get(manager.name);
      // It carries nothing more: the loop skips managers that are not running.
      if (loop && loop.status.state === 'running') loop.status.state = 'stopped';
      this.loops.delete(manager.name);
      this.waiters.check();
      void this.options.instances?.progress.refresh();
    };
    if (lost.aborted) return release();
    lost.addEventListener('abort', release, { once: true });
  }

  /** Starts loops for `managers` from their saved checkpoints, and the reader if it is not running. */
  private async run(managers: readonly ProcessManager[]): Promise<void> {
    const { rows } = await this.pool.query<{ name: string; position: string }>(
      'SELECT name, position::text FROM process_manager_checkpoints WHERE name = ANY($1)',
      [managers.map((m) => m.name)],
    );
    const saved = new Map(rows.map((r) => [r.name, r.position]));
    // Started again: a failure recorded before is tried again (it stays in the log of the instance that met it).
    await this.pool.query(
      'UPDATE process_manager_checkpoints SET failed_position = NULL, error = NULL WHERE name = ANY($1) AND failed_position IS NOT NULL',
      [managers.map((m) => m.name)],
    );
    for (const manager of managers)
      this.loops.set(manager.name, new ManagerLoop(manager, saved.get(manager.name) ?? '0'));
    if (this.following || this.abort.signal.aborted) return;
    this.following = true;
    this.running = this.follow();
  }

  /** Each manager's state; one another instance runs shows as the database records it. */
  status(): ProcessManagerStatus[] {
    const own = this.options.instances?.leases.instanceId ?? null;
    return this.managers.map((manager) => {
      const loop = this.loops.get(manager.name);
      if (loop) return { ...loop.status, holder: own };
      const stored = this.options.instances?.progress.get('process-manager', manager.name);
      let state: ProcessManagerStatus['state'] = stored?.holder ? 'running' : 'stopped';
      if (stored?.failed) state = 'failed';
      return {
        name: manager.name,
        state,
        checkpoint: stored?.reached ?? '0',
        declined: 0,
        failedPosition: stored?.failedPosition ?? null,
        error: stored?.error ?? null,
        retrying: null,
        holder: stored?.holder ?? null,
      };
    });
  }

  /**
   * Waits (at most `timeoutMs`) until every manager has carried the consequences of the log
   * up to `position`, then answers the position read models must reach to show them (null
   * on timeout). Throws ConsequencesFailed when a manager stopped at or before `position`.
   */
  async settle(position: string, timeoutMs: number): Promise<string | null> {
    if (!(await this.waiters.wait(position, timeoutMs))) return null;
    const failed = this.status().find(
      (s) => s.state === 'failed' && s.failedPosition !== null && comparePositions(s.failedPosition, position) <= 0,
    );
    if (failed) throw new ConsequencesFailed(failed.name, failed.failedPosition!, failed.error ?? 'unknown error');
    const upTo = this.consequencesBound();
    return comparePositions(upTo, position) > 0 ? upTo : position;
  }

  /**
   * The highest position a consequence is known at. Those carried by other instances are
   * committed before their checkpoints, so they lie at or below the newest event read
   * after those checkpoints (StoredProgress.lastCommitted).
   */
  private consequencesBound(): string {
    const progress = this.options.instances?.progress;
    if (!progress || this.managers.every((m) => this.loops.has(m.name))) return this.consequencesUpTo;
    const remote = progress.lastCommitted;
    return comparePositions(remote, this.consequencesUpTo) > 0 ? remote : this.consequencesUpTo;
  }

  /** Callers waiting in `settle` now. */
  get waitingCallers(): number {
    return this.waiters.size;
  }

  /** True when a process manager appends to streams of this type. */
  writes(streamType: string): boolean {
    return this.managers.some((m) => m.targetStreamTypes.includes(streamType));
  }

  /**
   * Resolves once every consequence of the log committed so far is carried; throws
   * ConsequencesFailed when a manager stopped, ConsequencesPending after `timeoutMs`.
   */
  async settleCommitted(timeoutMs = 5_000): Promise<void> {
    const head = await this.store.lastCommittedPosition();
    if ((await this.settle(head, timeoutMs)) === null) throw new ConsequencesPending();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    for (const loop of this.loops.values()) if (loop.status.state === 'running') loop.status.state = 'stopped';
    this.waiters.stop();
  }

  private passed(position: string): boolean {
    return this.managers.every((manager) => {
      const loop = this.loops.get(manager.name);
      if (loop) return loop.status.state === 'failed' || comparePositions(loop.status.checkpoint, position) >= 0;
      const stored = this.options.instances?.progress.get('process-manager', manager.name);
      return stored !== undefined && (stored.failed || comparePositions(stored.reached, position) >= 0);
    });
  }

  /**
   * One reader for every manager: a page of the events any running manager reacts to,
   * from the oldest checkpoint, each event handed to the managers it concerns. An idle
   * reader reads again on the next append, at most every READ_INTERVAL_MS, so a busy log
   * costs a read per interval rather than one per append.
   */
  private async follow(): Promise<void> {
    let readAt: number;
    while (!this.abort.signal.aborted) {
      const active = [...this.loops.values()].filter((l) => l.status.state === 'running');
      // Cleared in the same turn as the check, so a manager taken over meanwhile starts a new reader.
      if (active.length === 0) return void (this.following = false);
      const after = active.map((l) => l.status.checkpoint).reduce((a, b) => (comparePositions(a, b) <= 0 ? a : b));
      const types = [...new Set(active.flatMap((l) => l.manager.eventTypes))];
      readAt = Date.now();
      let batch;
      try {
        batch = await this.transient(active, () =>
          this.store.readAll({ after, limit: this.options.batchSize ?? 100, types }),
        );
      } catch (error) {
        // Not the database being away (that is retried): the log cannot be read, so none can go on.
        if (!this.abort.signal.aborted) for (const loop of active) this.fail(loop, loop.status.checkpoint, error);
        return void (this.following = false);
      }
      const carried = new Set<ManagerLoop>();
      for (const event of batch.events) {
        for (const loop of active) {
          if (this.abort.signal.aborted) return;
          if (!this.concerns(loop, event)) continue;
          if (await this.carryAll(loop, event)) carried.add(loop);
        }
      }
      for (const loop of active)
        if (loop.status.state === 'running') await this.advance(loop, batch.scannedTo, carried.has(loop));
      if (batch.endOfLog && !this.abort.signal.aborted) {
        await this.store.waitForAppend(this.options.idleWaitMs ?? 250);
        const since = Date.now() - readAt;
        if (since < READ_INTERVAL_MS) await new Promise((resolve) => setTimeout(resolve, READ_INTERVAL_MS - since));
      }
    }
  }

  private concerns(loop: ManagerLoop, event: RecordedEvent): boolean {
    return (
      loop.status.state === 'running' &&
      loop.manager.eventTypes.includes(event.type) &&
      comparePositions(event.position, loop.status.checkpoint) > 0
    );
  }

  /**
   * Carries every consequence of one event (true when it had any); a manager's own error
   * stops that manager at the event, and the others go on.
   */
  private async carryAll(loop: ManagerLoop, event: RecordedEvent): Promise<boolean> {
    try {
      const targets = loop.manager.consequencesOf(event);
      for (const target of targets) {
        const outcome = await this.transient([loop], () =>
          carryConsequence(this.store, loop.manager.name, event, target),
        );
        if (outcome.kind === 'appended' || outcome.kind === 'carried_before') this.noteConsequence(outcome);
        if (outcome.kind === 'declined') {
          loop.status.declined += 1;
          this.options.log?.('consequence declined', {
            processManager: loop.manager.name,
            cause: `${event.type} at ${event.position}`,
            stream: outcome.streamId,
            code: outcome.code,
            reason: outcome.reason,
          });
        }
      }
      return targets.length > 0;
    } catch (error) {
      if (!this.abort.signal.aborted) this.fail(loop, event.position, error, event.type);
      return false;
    }
  }

  private noteConsequence(outcome: { kind: string; streamId: string; position?: string }): void {
    if (outcome.position && comparePositions(outcome.position, this.consequencesUpTo) > 0)
      this.consequencesUpTo = outcome.position;
  }

  private async advance(loop: ManagerLoop, scannedTo: string, carried: boolean): Promise<void> {
    if (comparePositions(scannedTo, loop.status.checkpoint) <= 0) return;
    loop.status.checkpoint = scannedTo;
    if (carried || Date.now() - loop.savedAt > IDLE_CHECKPOINT_MS) {
      await this.transient([loop], () =>
        this.pool.query(
          `INSERT INTO process_manager_checkpoints (name, position) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET position = GREATEST(process_manager_checkpoints.position, EXCLUDED.position), updated_at = now()
           RETURNING pg_notify('${PROGRESS_CHANNEL}', name)`,
          [loop.manager.name, scannedTo],
        ),
      );
      loop.saved = scannedTo;
      loop.savedAt = Date.now();
    }
    this.waiters.check();
  }

  /** Retries a transient error (the database away) with backoff; the managers' status shows it meanwhile. */
  private transient<T>(loops: ManagerLoop[], operation: () => Promise<T>): Promise<T> {
    return retryTransient(
      async () => {
        const result = await operation();
        for (const loop of loops) loop.status.retrying = null;
        return result;
      },
      {
        signal: this.abort.signal,
        onRetry: (error) => {
          for (const loop of loops) loop.status.retrying = String(error);
        },
      },
    );
  }

  private fail(loop: ManagerLoop, position: string, error: unknown, type?: string): void {
    if (loop.status.state === 'failed') return;
    const message = error instanceof Error ? error.message : String(error);
    loop.status.state = 'failed';
    loop.status.failedPosition = position;
    loop.status.error = type ? `${type} at ${position}: ${message}` : message;
    this.options.log?.('process manager failed', { name: loop.manager.name, position, error: message });
    this.waiters.check();
    void this.recordFailure(loop).catch(() => undefined);
  }

  /** Records where the manager stopped, for the instances that do not run it. */
  private recordFailure(loop: ManagerLoop): Promise<unknown> {
    return retryTransient(
      () =>
        this.pool.query(
          `INSERT INTO process_manager_checkpoints (name, position, failed_position, error) VALUES ($1, $2, $3, $4)
           ON CONFLICT (name) DO UPDATE SET failed_position = $3, error = $4, updated_at = now()
           RETURNING pg_notify('${PROGRESS_CHANNEL}', name)`,
          [loop.manager.name, loop.saved, loop.status.failedPosition, loop.status.error],
        ),
      { signal: this.abort.signal },
    );
  }
}
