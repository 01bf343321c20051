import type { Pool } from 'pg';
import { comparePositions } from '../eventStore/eventStore.port';
import { retryTransient } from '../infra/transientErrors';
import type { BatchToCommit } from './batchCommit';
import type { ProjectionWorker } from './projectionWorker';

/**
 * What the stored checkpoint showed: `committed`, the batch whose commit seemed to fail
 * had committed (its answer was lost with the connection); `rewound`, the database lost
 * commits of this process in a crash and the projection reads them again; `inStep`,
 * nothing to do; `movedAhead`, another runner applies this projection.
 */
export type CheckpointCheck = 'committed' | 'rewound' | 'inStep' | 'movedAhead';

/** The checkpoint projection_state holds for the worker's generation, waiting out transient errors. */
async function storedPosition(pool: Pool, worker: ProjectionWorker): Promise<string> {
  const { rows } = await retryTransient(
    () =>
      pool.query<{ position: string }>(
        `SELECT position::text FROM projection_state WHERE name = $1 AND generation = $2`,
        [worker.name, worker.generation],
      ),
    { signal: worker.closed },
  );
  return rows[0]?.position ?? '0';
}

/**
 * Brings the worker in line with the checkpoint the database holds, after a database
 * outage or a commit refused with CheckpointMoved. `batch`: the batch whose commit failed
 * or whose outcome is unknown. Run through `worker.exclusively`, never beside a commit.
 */
export async function checkStoredCheckpoint(
  pool: Pool,
  worker: ProjectionWorker,
  batch?: BatchToCommit,
): Promise<CheckpointCheck> {
  const stored = await storedPosition(pool, worker);
  const order = comparePositions(stored, worker.storedCheckpoint);
  if (order === 0) {
    worker.resumed();
    return 'inStep';
  }
  if (batch && stored === batch.scannedTo) {
    worker.committed(batch.scannedTo, { withEvents: batch.events.length > 0, builtIndexes: batch.buildIndexes });
    return 'committed';
  }
  if (order < 0) {
    worker.rewind(stored);
    worker.resumed();
    return 'rewound';
  }
  return 'movedAhead';
}
