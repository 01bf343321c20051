import type { EventStore } from '../eventStore/eventStore.port';
import type { Metrics } from '../infra/metrics';
import type { ProcessManagerRunner } from '../processManagers/processManagerRunner';
import type { ProjectionRunner } from './projectionRunner';

/**
 * Lag is counted up to this many events per follower and scrape: past it the gauge stays
 * there, and a scrape never counts the whole log of a follower rebuilding from the start.
 */
export const LAG_COUNT_CAP = 100_000;

/**
 * Each read model's and process manager's state and lag (events after its checkpoint that
 * it reads), gauged when the metrics are scraped. A lag the store cannot count just then
 * (the database unreachable) is left out of that scrape; the state still reports it.
 */
export function watchFollowers(
  metrics: Metrics,
  store: EventStore,
  projections: ProjectionRunner,
  processManagers: ProcessManagerRunner,
): void {
  const countOrNull = (count: Promise<number>) => count.catch(() => null);
  metrics.watchFollowers(
    'projection',
    () => projections.status(),
    (name) => countOrNull(projections.lag(name, LAG_COUNT_CAP)),
  );
  const checkpointOf = (name: string) => processManagers.status().find((status) => status.name === name)?.checkpoint;
  metrics.watchFollowers(
    'process_manager',
    () => processManagers.status(),
    async (name) => {
      const checkpoint = checkpointOf(name);
      return checkpoint === undefined ? null : countOrNull(store.countEventsAfter(checkpoint, { cap: LAG_COUNT_CAP }));
    },
  );
}
