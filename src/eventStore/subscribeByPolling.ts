import { retryTransient } from '../infra/transientErrors';
import type { EventStore, SubscribeOptions, Subscription } from './eventStore.port';

/**
 * Catch-up then live, for any store: read batches from the checkpoint until the end
 * of the log, then sleep until an append wakes us (or the poll interval passes).
 * The next read starts only after `onBatch` has finished with the previous batch.
 * A read that fails on a transient database error (the server restarting, a dropped
 * connection) is tried again until it succeeds; any other error ends the subscription.
 */
export function subscribeByPolling(store: EventStore, options: SubscribeOptions, pollIntervalMs: number): Subscription {
  const stopping = new AbortController();
  let after = options.from;
  const batchSize = options.batchSize ?? 500;
  const read = () =>
    retryTransient(() => store.readAll({ after, limit: batchSize, types: options.types }), {
      signal: stopping.signal,
    });
  const run = async () => {
    while (!stopping.signal.aborted) {
      let batch;
      try {
        batch = await read();
      } catch (error) {
        if (stopping.signal.aborted) break;
        throw error;
      }
      if (stopping.signal.aborted) break;
      if (batch.events.length > 0 || batch.scannedTo !== after) {
        await options.onBatch(batch);
        after = batch.scannedTo;
      }
      if (batch.endOfLog && !stopping.signal.aborted) await store.waitForAppend(pollIntervalMs);
    }
  };
  const done = run();
  done.catch(() => undefined); // surfaced through `done`, not as an unhandled rejection
  return {
    done,
    stop: async () => {
      stopping.abort(new Error('subscription stopped'));
      await done.catch(() => undefined);
    },
  };
}
