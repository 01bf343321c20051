import type { Pool, PoolClient } from 'pg';
import { comparePositions, type EventStore } from '../eventStore/eventStore.port';
import { inTransaction } from '../infra/db';
import type { Logger } from '../infra/logger';
import { retryTransient } from '../infra/transientErrors';
import { createGeneration, dropGeneration, nextGeneration, switchActiveGeneration } from './generations';
import type { LogReaders } from './logReaders';
import type { ProgressSignal } from './progressSignal';
import type { ProjectionDefinition } from './projection';
import { ProjectionWorker } from './projectionWorker';

/** What a rebuild needs from the runner. */
export interface RebuildContext {
  pool: Pool;
  store: EventStore;
  readers: LogReaders;
  progress: ProgressSignal;
  log: Logger['info'];
  /** The runner's active generation of each projection: a switch puts the rebuilt one in its place. */
  active: Map<string, ProjectionWorker>;
  /** Sets a projection applying the batches it is handed. */
  startApplying(worker: ProjectionWorker): void;
  isStopping(): boolean;
}

/** How often a rebuild looks whether it has caught up with the live generation, at most. */
const SWITCH_CHECK_INTERVAL_MS = 200;

/**
 * Rebuilds projections: each builds a new generation from the start of the log while the
 * active one keeps serving, then switches the views once the new one has caught up with it.
 */
export class Rebuilds {
  private readonly inProgress = new Map<string, ProjectionWorker>();

  constructor(private readonly context: RebuildContext) {}

  isRebuilding(name: string): boolean {
    return this.inProgress.has(name);
  }

  /** The generations being built. */
  workers(): ProjectionWorker[] {
    return [...this.inProgress.values()];
  }

  /** Stops building a projection's new generation (its lease is lost): the next holder starts again. */
  async abandon(name: string): Promise<void> {
    const fresh = this.inProgress.get(name);
    if (!fresh) return;
    await fresh.close();
    fresh.markStopped();
  }

  /** Resolves once the rebuilt generation is live (or the runner stops); throws if it fails. */
  async run(definition: ProjectionDefinition): Promise<void> {
    const { name } = definition;
    if (this.inProgress.has(name)) throw new Error(`${name} is already rebuilding`);
    const { pool, readers, progress, active } = this.context;
    const generation = await nextGeneration(pool, name);
    await createGeneration(pool, definition, generation, 'rebuilding');
    const fresh = new ProjectionWorker(definition, generation, '0', 'rebuilding');
    this.inProgress.set(name, fresh);
    try {
      this.context.startApplying(fresh);
      readers.followFromStart(fresh);
      for (;;) {
        if (this.context.isStopping()) return;
        if (fresh.hasEnded && !fresh.hasFailed) throw new Error(`rebuild of ${name} stopped: its lease was lost`);
        if (fresh.hasFailed) throw new Error(`rebuild of ${name} failed: ${fresh.error}`);
        const current = active.get(name);
        if (current && (await this.trySwitch(current, fresh))) return;
        await progress.next(SWITCH_CHECK_INTERVAL_MS);
      }
    } finally {
      this.inProgress.delete(name);
    }
  }

  private async trySwitch(current: ProjectionWorker, fresh: ProjectionWorker): Promise<boolean> {
    const { pool, store, progress, active, log } = this.context;
    // A database outage is waited out here too, so that the rebuild goes on after it.
    const retrying = { signal: fresh.closed };
    const switched = await retryTransient(
      () => inTransaction(pool, (client) => switchIfCaughtUp(client, store, current, fresh)),
      retrying,
    );
    if (!switched) return false;
    await current.close();
    fresh.markLive();
    active.set(fresh.name, fresh);
    await retryTransient(() => dropGeneration(pool, current.schema), retrying);
    log('projection rebuilt', { name: fresh.name, generation: fresh.generation });
    progress.notify();
    return true;
  }
}

/**
 * Switches to the fresh generation if it has caught up with the live one (or, the live
 * one having failed, with the head of the log) and built its deferred indexes.
 */
async function switchIfCaughtUp(
  client: PoolClient,
  store: EventStore,
  current: ProjectionWorker,
  fresh: ProjectionWorker,
): Promise<boolean> {
  // Locks the live generation's row: its next batch waits until the switch is done.
  const { rows } = await client.query<{ position: string }>(
    `SELECT position::text FROM projection_state WHERE name = $1 AND generation = $2 FOR UPDATE`,
    [current.name, current.generation],
  );
  const live = rows[0]?.position ?? '0';
  const head = await store.headPosition();
  const freshCaughtUp =
    comparePositions(fresh.checkpoint, live) >= 0 ||
    (current.hasFailed && comparePositions(fresh.checkpoint, head) >= 0);
  if (!freshCaughtUp || !fresh.indexesBuilt) return false;
  await switchActiveGeneration(client, current.name, current.generation, fresh.generation);
  return true;
}
