import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../eventStore/eventStore.port';
import type { Migration } from '../infra/migrations';

/**
 * A read model built from the global log. `apply` runs inside the batch's transaction
 * with the generation's schema first on the search path, so its SQL names tables
 * unqualified; it must use bound parameters only.
 */
export interface ProjectionDefinition {
  /** Also the schema that queries read (views onto the active generation). */
  name: string;
  /** Bump to rebuild from the log (new tables, new handler semantics). */
  version: number;
  /** Event types it handles (the runner reads only these), or null for every event. */
  eventTypes: readonly string[] | null;
  /** Numbered, forward-only; run in each new generation's schema. */
  migrations: Migration[];
  /**
   * `CREATE [UNIQUE] INDEX IF NOT EXISTS …` statements the runner runs, in the batch's
   * transaction, once the projection first reaches the head of the log (and before a
   * rebuilt generation goes live): one sort is much cheaper than maintaining the index
   * row by row while catching up. Optional; queries must not need them before then.
   */
  deferredIndexes?: readonly string[];
  apply(events: RecordedEvent[], client: PoolClient): Promise<void>;
}

export function generationSchema(name: string, generation: number): string {
  return `${name}__g${generation}`;
}
