import type { RecordedEvent } from '../eventStore/eventStore.port';
import { comparePositions } from '../eventStore/eventStore.port';
import type { Logger } from '../infra/logger';
import { retryTransient } from '../infra/transientErrors';
import { CheckpointMoved, commitBatch, type BatchCommitter, type BatchToCommit } from './batchCommit';
import { findPoisonEvent } from './poisonEventSearch';
import type { ProjectionWorker } from './projectionWorker';
import { EndedByHook } from './runnerHooks';
import type { SharedBatch } from './sharedLogReader';
import { checkStoredCheckpoint } from './storedCheckpoint';

/** What applying batches needs from the runner. */
export interface BatchApplierContext extends BatchCommitter {
  /** Told of every transient database error a commit waits out. */
  onTransientError(error: unknown): void;
}

/**
 * Applies the batches a projection is handed, each with its checkpoint in one
 * transaction. A transient database error (the server restarting, a dropped connection)
 * is waited out and the batch tried again. Only the handler's own error stops a
 * projection: it is marked failed at the event that broke it, and the others go on.
 */
export class BatchApplier {
  constructor(
    private readonly context: BatchApplierContext,
    private readonly log: Logger['info'],
  ) {}

  apply(worker: ProjectionWorker, batch: SharedBatch): Promise<void> {
    return worker.exclusively(() => this.applyNow(worker, batch));
  }

  private async applyNow(worker: ProjectionWorker, batch: SharedBatch): Promise<void> {
    if (worker.hasEnded) return;
    const buildIndexes = batch.endOfLog && !worker.indexesBuilt;
    const order = comparePositions(batch.scannedTo, worker.checkpoint);
    // Already past this batch; at the head, a batch at its own checkpoint still builds deferred indexes.
    if (order < 0 || (order === 0 && !buildIndexes)) return;
    // Past a gap, queued before a rewind: the reader reads the log again from the checkpoint.
    if (comparePositions(batch.from, worker.checkpoint) > 0) return;
    const events = worker.eventsToApply(batch);
    if (events.length === 0 && !buildIndexes && !worker.idleCheckpointDue) {
      // Nothing of its own to apply: it has read this far (waiters may go on), and the row is
      // written with its next events or after a while (a restart reads these positions again).
      worker.passedWithoutEvents(batch.scannedTo);
      this.context.progress.notify();
      return;
    }
    const toCommit: BatchToCommit = { events, scannedTo: batch.scannedTo, buildIndexes };
    try {
      await this.commitRetrying(worker, toCommit);
    } catch (error) {
      await this.afterFailure(worker, toCommit, error);
    }
  }

  /** Commits the batch, trying again after each transient database error until it commits or the worker closes. */
  private commitRetrying(worker: ProjectionWorker, batch: BatchToCommit): Promise<void> {
    return retryTransient(() => commitBatch(this.context, worker, batch), {
      signal: worker.closed,
      onRetry: (error, attempt) => {
        if (attempt === 1)
          this.log('projection batch hit a transient database error; retrying', {
            name: worker.name,
            error: String(error),
          });
        worker.retrying(error);
        this.context.onTransientError(error);
        this.context.progress.notify();
      },
    });
  }

  private async afterFailure(worker: ProjectionWorker, batch: BatchToCommit, error: unknown): Promise<void> {
    if (worker.closed.aborted) return; // the runner stops: the batch is read again at the next start
    try {
      if (!(await this.settle(worker, batch, error))) void worker.close(); // the others go on
    } catch (failing) {
      // Could not even record the outcome (the worker closed meanwhile): stop, apply nothing more.
      this.log('projection stopped on an unexpected error', { name: worker.name, error: String(failing) });
      worker.markStopped();
      void worker.close();
    }
    this.context.progress.notify();
  }

  /** Deals with a batch that did not commit; true when the projection goes on. */
  private async settle(worker: ProjectionWorker, batch: BatchToCommit, error: unknown): Promise<boolean> {
    if (error instanceof CheckpointMoved) {
      const check = await checkStoredCheckpoint(this.context.pool, worker, batch);
      if (check === 'committed' || check === 'rewound') return true;
      this.log('projection stopped: its stored checkpoint moved ahead (another runner applies it)', {
        name: worker.name,
      });
    } else if (error instanceof EndedByHook) {
      // Ends the run as a crash would: not failed.
    } else if (batch.events.length === 0) {
      this.log('projection stopped on an unexpected error', { name: worker.name, error: String(error) });
    } else {
      await this.isolateFailure(worker, batch.events, error);
      return false;
    }
    worker.markStopped();
    return false;
  }

  /** Commits what applies of a failed batch and records the projection failed at the event that breaks it. */
  private async isolateFailure(worker: ProjectionWorker, events: RecordedEvent[], firstError: unknown): Promise<void> {
    const { event, error } = await findPoisonEvent(
      events,
      firstError,
      (part) =>
        this.commitRetrying(worker, { events: part, scannedTo: part[part.length - 1].position, buildIndexes: false }),
      // Not the handler's: a hook ending the run, a checkpoint moved, the worker closing.
      (failure) => failure instanceof EndedByHook || failure instanceof CheckpointMoved || worker.closed.aborted,
    );
    const message = error instanceof Error ? error.message : String(error);
    worker.markFailed(`${event.type} at ${event.position}: ${message}`, event.position);
    await retryTransient(
      () =>
        this.context.pool.query(
          `UPDATE projection_state SET failed = true, failed_position = $3, error = $4, updated_at = now() WHERE name = $1 AND generation = $2`,
          [worker.name, worker.generation, event.position, worker.error],
        ),
      { signal: worker.closed },
    );
    this.log('projection failed', { name: worker.name, position: event.position, error: message });
  }
}
