import type { Pool, PoolClient } from 'pg';
import type { RecordedEvent } from '../eventStore/eventStore.port';
import { quoteIdent } from '../infra/db';
import { isDatabaseUnreachable } from '../infra/transientErrors';
import type { ProgressSignal } from './progressSignal';
import type { ProjectionWorker } from './projectionWorker';
import { PROGRESS_CHANNEL } from './storedProgress';
import { runBeforeCheckpoint, type ProjectionRunnerHooks } from './runnerHooks';

/** What committing a batch needs from the runner. */
export interface BatchCommitter {
  pool: Pool;
  hooks: ProjectionRunnerHooks;
  progress: ProgressSignal;
}

/** A batch to commit: the projection's events in it, where the read ended, whether to build deferred indexes. */
export interface BatchToCommit {
  events: RecordedEvent[];
  scannedTo: string;
  buildIndexes: boolean;
}

/** The stored checkpoint was not where this process last committed it: the batch was not applied. */
export class CheckpointMoved extends Error {
  constructor(readonly projection: string) {
    super(`checkpoint of ${projection} moved under us`);
  }
}

/**
 * Applies a batch and moves the projection's checkpoint in one transaction, so a crash
 * loses nothing and applies nothing twice. Throws (having rolled back) when the handler
 * fails, a hook ends the run, the database fails, or the stored checkpoint is not the one
 * this process last committed (CheckpointMoved).
 */
export async function commitBatch(
  committer: BatchCommitter,
  worker: ProjectionWorker,
  batch: BatchToCommit,
): Promise<void> {
  const client = await committer.pool.connect();
  let lostConnection = false;
  try {
    await applyWithCheckpoint(client, committer.hooks, worker, batch);
  } catch (error) {
    lostConnection = isDatabaseUnreachable(error);
    if (!lostConnection) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    // A connection that failed is not handed out again.
    client.release(lostConnection);
  }
  worker.committed(batch.scannedTo, { withEvents: batch.events.length > 0, builtIndexes: batch.buildIndexes });
  committer.progress.notify();
}

async function applyWithCheckpoint(
  client: PoolClient,
  hooks: ProjectionRunnerHooks,
  worker: ProjectionWorker,
  { events, scannedTo, buildIndexes }: BatchToCommit,
): Promise<void> {
  // One round trip to open the transaction on the generation's tables. The commit need
  // not wait for its WAL flush: a read model is derived from the log, and its rows and
  // checkpoint are lost together in a crash, so the batch is simply applied again.
  await client.query(
    `BEGIN; SET LOCAL search_path TO ${quoteIdent(worker.schema)}, public; SET LOCAL synchronous_commit = off`,
  );
  if (events.length > 0) await worker.definition.apply(events, client);
  if (buildIndexes) for (const statement of worker.definition.deferredIndexes ?? []) await client.query(statement);
  if (events.length > 0) {
    await runBeforeCheckpoint(hooks, { projection: worker.name, batchesCommitted: worker.batchesCommitted });
  }
  // Guarded by the stored checkpoint: a second runner on the same projection cannot double-apply.
  // The NOTIFY is delivered on commit: instances that do not run it learn of the progress.
  const updated = await client.query(
    `UPDATE projection_state SET position = $3, events_applied = events_applied + $5, updated_at = now()
     WHERE name = $1 AND generation = $2 AND position = $4 RETURNING pg_notify('${PROGRESS_CHANNEL}', name)`,
    [worker.name, worker.generation, scannedTo, worker.storedCheckpoint, events.length],
  );
  if (updated.rowCount !== 1) throw new CheckpointMoved(worker.name);
  await client.query('COMMIT');
}
