import type { Pool } from 'pg';
import type { EventStore } from '../eventStore/eventStore.port';
import type { ProcessManagerRunner } from '../processManagers/processManagerRunner';
import type { ProjectionRunner, ProjectionStatus } from '../projections/projectionRunner';
import type { Readiness } from '../server';

/** What the readiness check looks at. */
export interface ReadinessSources {
  /** Connections of their own, with a short timeout, so a busy request pool cannot make the check fail. */
  health: Pool;
  store: EventStore;
  /** Counts the events the read models have still to apply, on connections requests do not take. */
  counter: Pick<EventStore, 'countEventsAfter'>;
  projections: ProjectionRunner;
  processManagers: ProcessManagerRunner;
  /** Ready only while every read model that has not failed is at most this many events behind the log. */
  maxLagEvents: number;
}

/** Whether the database answers on the health pool (within its connection and statement timeout). */
async function databaseState(
  health: Pool,
): Promise<{ database: 'reachable' } | { database: 'unreachable'; error: string }> {
  try {
    await health.query('SELECT 1');
    return { database: 'reachable' };
  } catch (error) {
    return { database: 'unreachable', error: error instanceof Error ? error.message : String(error) };
  }
}

/** Each read model's events still to apply, counted up to one past the bound (none while the database is away). */
async function lags(sources: ReadinessSources, statuses: ProjectionStatus[]): Promise<Map<string, number>> {
  const counted = await Promise.all(
    statuses.map(
      async (s) => [s.name, await sources.projections.lag(s.name, sources.maxLagEvents + 1, sources.counter)] as const,
    ),
  );
  return new Map(counted);
}

/**
 * `/health/ready` (and `/health`): ready while the database answers on the health pool, no
 * projection is waiting out an outage (`retrying`), and every read model that has not
 * failed is within `maxLagEvents` of the log, whichever instance runs it (a lease no
 * instance holds shows as a growing lag). The details give the database's state (with its
 * error while unreachable), each projection's state, checkpoint, lag and lease holder (with
 * the last transient error and since when while it retries), and each process manager's.
 * A failed projection or process manager is reported but leaves the app ready: the others serve.
 */
export async function readiness(sources: ReadinessSources): Promise<Readiness> {
  const database = await databaseState(sources.health);
  const statuses = sources.projections.status();
  const retrying = statuses.some((s) => s.state === 'retrying');
  const lag = database.database === 'reachable' ? await lags(sources, statuses) : new Map<string, number>();
  const behind = statuses.some((s) => s.state !== 'failed' && (lag.get(s.name) ?? 0) > sources.maxLagEvents);
  const ready = database.database === 'reachable' && !retrying && !behind;
  return {
    ready,
    status: ready ? 'ok' : 'unavailable',
    details: {
      eventStore: sources.store.name,
      ...database,
      ...(behind ? { reason: `a read model is more than ${sources.maxLagEvents} events behind the log` } : {}),
      projections: statuses.map((s) => ({
        name: s.name,
        state: s.state,
        checkpoint: s.checkpoint,
        ...(lag.has(s.name) ? { lag: lag.get(s.name) } : {}),
        holder: s.holder,
        ...(s.retrying ? { retrying: { error: s.retrying.error, since: s.retrying.since.toISOString() } } : {}),
        ...(s.state === 'failed' ? { error: s.error, failedPosition: s.failedPosition } : {}),
      })),
      processManagers: sources.processManagers.status().map((s) => ({
        name: s.name,
        state: s.state,
        checkpoint: s.checkpoint,
        holder: s.holder,
        ...(s.retrying ? { retrying: s.retrying } : {}),
        ...(s.state === 'failed' ? { error: s.error, failedPosition: s.failedPosition } : {}),
      })),
    },
  };
}
