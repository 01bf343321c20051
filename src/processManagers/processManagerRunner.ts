import { join } from 'node:path';
import type { Pool } from 'pg';
import { comparePositions, type EventStore, type RecordedEvent } from '../eventStore/eventStore.port';
import type { ConsequenceGate } from '../commands/commandHandler';
import { loadMigrations, migrate } from '../infra/migrations';
import { projectRoot } from '../infra/projectRoot';
import { retryTransient } from '../infra/transientErrors';
import { PositionWaiters } from '../projections/positionWaiters';
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
}

export interface ProcessManagerRunnerOptions {
  log?: (message: string, details: Record<string, unknown>) => void;
  batchSize?: number;
  /** How long an idle manager waits for an append before it reads the log again. */
  idleWaitMs?: number;
}

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
    };
  }
}

/**
 * Runs the process managers, each in a loop of its own from its checkpoint: read a page of
 * the events it reacts to, carry each consequence, then move the checkpoint. A database
 * away for a while is waited out with backoff; an error of the manager itself stops that
 * manager at the event, named in its status, and `settle` answers with the failure.
 */
export class ProcessManagerRunner implements ConsequenceGate {
  private readonly loops: ManagerLoop[] = [];
  private readonly running: Array<Promise<void>> = [];
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

  async start(): Promise<void> {
    await migrateProcessManagers(this.pool);
    // Consequences carried before this start lie at or below the log's head now.
    this.consequencesUpTo = await this.store.lastCommittedPosition();
    const { rows } = await this.pool.query<{ name: string; position: string }>(
      'SELECT name, position::text FROM process_manager_checkpoints WHERE name = ANY($1)',
      [this.managers.map((m) => m.name)],
    );
    const saved = new Map(rows.map((r) => [r.name, r.position]));
    for (const manager of this.managers) {
      const loop = new ManagerLoop(manager, saved.get(manager.name) ?? '0');
      this.loops.push(loop);
      this.running.push(this.follow(loop));
    }
  }

  status(): ProcessManagerStatus[] {
    return this.loops.map((loop) => ({ ...loop.status }));
  }

  /**
   * Waits (at most `timeoutMs`) until every manager has carried the consequences of the log
   * up to `position`, then answers the position read models must reach to show them (null
   * on timeout). Throws ConsequencesFailed when a manager stopped at or before `position`.
   */
  async settle(position: string, timeoutMs: number): Promise<string | null> {
    if (!(await this.waiters.wait(position, timeoutMs))) return null;
    const failed = this.loops.find(
      (l) => l.status.failedPosition !== null && comparePositions(l.status.failedPosition, position) <= 0,
    );
    if (failed) throw new ConsequencesFailed(failed.manager.name, failed.status.failedPosition!, failed.status.error!);
    return comparePositions(this.consequencesUpTo, position) > 0 ? this.consequencesUpTo : position;
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
    await Promise.all(this.running);
    for (const loop of this.loops) if (loop.status.state === 'running') loop.status.state = 'stopped';
    this.waiters.stop();
  }

  private passed(position: string): boolean {
    return this.loops.every((l) => l.status.state === 'failed' || comparePositions(l.status.checkpoint, position) >= 0);
  }

  private async follow(loop: ManagerLoop): Promise<void> {
    try {
      while (!this.abort.signal.aborted) {
        const batch = await this.transient(loop, () =>
          this.store.readAll({
            after: loop.status.checkpoint,
            limit: this.options.batchSize ?? 100,
            types: loop.manager.eventTypes,
          }),
        );
        for (const event of batch.events) {
          if (this.abort.signal.aborted) return;
          await this.carryAll(loop, event);
        }
        await this.advance(loop, batch.scannedTo, batch.events.length > 0);
        if (batch.endOfLog && !this.abort.signal.aborted)
          await this.store.waitForAppend(this.options.idleWaitMs ?? 250);
      }
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.fail(loop, loop.status.checkpoint, error);
    }
  }

  /** Carries every consequence of one event; a manager's own error stops it at that event. */
  private async carryAll(loop: ManagerLoop, event: RecordedEvent): Promise<void> {
    try {
      for (const target of loop.manager.consequencesOf(event)) {
        const outcome = await this.transient(loop, () =>
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
    } catch (error) {
      if (this.abort.signal.aborted) throw error;
      this.fail(loop, event.position, error, event.type);
      throw new StoppedManager();
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
      await this.transient(loop, () =>
        this.pool.query(
          `INSERT INTO process_manager_checkpoints (name, position) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET position = GREATEST(process_manager_checkpoints.position, EXCLUDED.position), updated_at = now()`,
          [loop.manager.name, scannedTo],
        ),
      );
      loop.saved = scannedTo;
      loop.savedAt = Date.now();
    }
    this.waiters.check();
  }

  private transient<T>(loop: ManagerLoop, operation: () => Promise<T>): Promise<T> {
    return retryTransient(
      async () => {
        const result = await operation();
        loop.status.retrying = null;
        return result;
      },
      {
        signal: this.abort.signal,
        onRetry: (error) => {
          loop.status.retrying = String(error);
        },
      },
    );
  }

  private fail(loop: ManagerLoop, position: string, error: unknown, type?: string): void {
    if (error instanceof StoppedManager || loop.status.state === 'failed') return;
    const message = error instanceof Error ? error.message : String(error);
    loop.status.state = 'failed';
    loop.status.failedPosition = position;
    loop.status.error = type ? `${type} at ${position}: ${message}` : message;
    this.options.log?.('process manager failed', { name: loop.manager.name, position, error: message });
    this.waiters.check();
  }
}

/** Thrown out of the loop once a manager's failure is recorded. */
class StoppedManager extends Error {}
