import type { RecordedEvent } from '../eventStore/eventStore.port';
import { comparePositions } from '../eventStore/eventStore.port';
import type { Logger } from '../infra/logger';
import { commitBatch, type BatchCommitter } from './batchCommit';
import { findPoisonEvent } from './poisonEventSearch';
import type { ProjectionWorker } from './projectionWorker';
import { EndedByHook } from './runnerHooks';
import type { SharedBatch } from './sharedLogReader';

/**
 * Applies the batches a projection is handed, each with its checkpoint in one
 * transaction. A failing handler stops only its own projection, which is marked failed
 * at the event that broke it; the others go on.
 */
export class BatchApplier {
  constructor(
    private readonly committer: BatchCommitter,
    private readonly log: Logger['info'],
  ) {}

  async apply(worker: ProjectionWorker, batch: SharedBatch): Promise<void> {
    if (worker.hasEnded) return;
    const buildIndexes = batch.endOfLog && !worker.indexesBuilt;
    const order = comparePositions(batch.scannedTo, worker.checkpoint);
    // Already past this batch; at the head, a batch at its own checkpoint still builds deferred indexes.
    if (order < 0 || (order === 0 && !buildIndexes)) return;
    const events = worker.eventsToApply(batch);
    if (events.length === 0 && !buildIndexes && !worker.idleCheckpointDue) {
      // Nothing of its own to apply: it has read this far (waiters may go on), and the row is
      // written with its next events or after a while (a restart reads these positions again).
      worker.passedWithoutEvents(batch.scannedTo);
      this.committer.progress.notify();
      return;
    }
    try {
      await commitBatch(this.committer, worker, { events, scannedTo: batch.scannedTo, buildIndexes });
    } catch (error) {
      await this.stopOnError(worker, events, error);
      void worker.close(); // the others go on
      this.committer.progress.notify();
    }
  }

  private async stopOnError(worker: ProjectionWorker, events: RecordedEvent[], error: unknown): Promise<void> {
    if (error instanceof EndedByHook) {
      worker.markStopped();
    } else if (events.length === 0) {
      this.log('projection stopped on an unexpected error', { name: worker.name, error: String(error) });
      worker.markStopped();
    } else {
      await this.isolateFailure(worker, events, error).catch((isolating) => {
        // Could not even record the failure (e.g. the database went away): stop, apply nothing more.
        this.log('projection stopped on an unexpected error', { name: worker.name, error: String(isolating) });
        worker.markStopped();
      });
    }
  }

  /** Commits what applies of a failed batch and records the projection failed at the event that breaks it. */
  private async isolateFailure(worker: ProjectionWorker, events: RecordedEvent[], firstError: unknown): Promise<void> {
    const { event, error } = await findPoisonEvent(events, firstError, (part) =>
      commitBatch(this.committer, worker, {
        events: part,
        scannedTo: part[part.length - 1].position,
        buildIndexes: false,
      }),
    );
    const message = error instanceof Error ? error.message : String(error);
    worker.markFailed(`${event.type} at ${event.position}: ${message}`, event.position);
    await this.committer.pool.query(
      `UPDATE projection_state SET failed = true, failed_position = $3, error = $4, updated_at = now() WHERE name = $1 AND generation = $2`,
      [worker.name, worker.generation, event.position, worker.error],
    );
    this.log('projection failed', { name: worker.name, position: event.position, error: message });
  }
}
