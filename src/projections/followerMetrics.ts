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
  metrics.watchFollowers('projection', () =>
    Promise.all(
      projections.status().map(async (status) => ({
        name: status.name,
        state: status.state,
        lagEvents: await countOrNull(projections.lag(status.name, LAG_COUNT_CAP)),
      })),
    ),
  );
  metrics.watchFollowers('process_manager', () =>
    Promise.all(
      processManagers.status().map(async (status) => ({
        name: status.name,
        state: status.state,
        lagEvents: await countOrNull(store.countEventsAfter(status.checkpoint, { cap: LAG_COUNT_CAP })),
      })),
    ),
  );
}
