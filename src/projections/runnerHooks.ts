/** What a hook is told about the batch being committed. */
export interface BatchInProgress {
  projection: string;
  /** Batches with events this projection has committed in this process before this one. */
  batchesCommitted: number;
}

/** Points where the caller of the runner steps into its work, e.g. to inject faults. */
export interface ProjectionRunnerHooks {
  /**
   * Runs inside the transaction of each batch with events, after the projection has
   * applied them and before its checkpoint is written. An error it throws ends that
   * projection's run as if the process had died there: the transaction rolls back and
   * the projection stops, without being marked failed; the others go on.
   */
  beforeCheckpoint?(batch: BatchInProgress): void | Promise<void>;
}

/** A hook's error, carried out of the batch: the runner stops the projection instead of looking for a bad event. */
export class EndedByHook extends Error {
  constructor(cause: unknown) {
    super(`a runner hook ended the run: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export async function runBeforeCheckpoint(hooks: ProjectionRunnerHooks, batch: BatchInProgress): Promise<void> {
  if (!hooks.beforeCheckpoint) return;
  try {
    await hooks.beforeCheckpoint(batch);
  } catch (error) {
    throw new EndedByHook(error);
  }
}
