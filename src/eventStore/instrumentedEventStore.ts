import { VersionConflict } from '../shared/errors';
import type { Metrics } from '../infra/metrics';
import type { EventStore } from './eventStore.port';

/** The store methods that append: each call is timed and its outcome counted. */
const APPENDS: ReadonlySet<PropertyKey> = new Set(['append', 'appendToStreams']);

/**
 * The event store with its appends measured (tdkt_event_store_append_duration_seconds,
 * tdkt_event_store_append_conflicts_total); every other call passes through unchanged.
 */
export function instrumentedEventStore(store: EventStore, metrics: Metrics): EventStore {
  return new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== 'function' || key === 'constructor') return value;
      if (!APPENDS.has(key)) return value.bind(target);
      return async (...args: unknown[]) => {
        const done = metrics.appendDuration.startTimer();
        try {
          const result = await value.apply(target, args);
          done({ outcome: 'ok' });
          return result;
        } catch (error) {
          const conflict = error instanceof VersionConflict;
          done({ outcome: conflict ? 'conflict' : 'error' });
          if (conflict) metrics.appendConflicts.inc();
          throw error;
        }
      };
    },
  });
}
