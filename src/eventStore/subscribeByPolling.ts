import type { EventStore, SubscribeOptions, Subscription } from './eventStore.port';

/**
 * Catch-up then live, for any store: read batches from the checkpoint until the end
 * of the log, then sleep until an append wakes us (or the poll interval passes).
 * The next read starts only after `onBatch` has finished with the previous batch.
 */
export function subscribeByPolling(store: EventStore, options: SubscribeOptions, pollIntervalMs: number): Subscription {
  let stopped = false;
  let after = options.from;
  const batchSize = options.batchSize ?? 500;
  const run = async () => {
    while (!stopped) {
      const batch = await store.readAll({ after, limit: batchSize, types: options.types });
      if (stopped) break;
      if (batch.events.length > 0 || batch.scannedTo !== after) {
        await options.onBatch(batch);
        after = batch.scannedTo;
      }
      if (batch.endOfLog && !stopped) await store.waitForAppend(pollIntervalMs);
    }
  };
  const done = run();
  done.catch(() => undefined); // surfaced through `done`, not as an unhandled rejection
  return {
    done,
    stop: async () => {
      stopped = true;
      await done.catch(() => undefined);
    },
  };
}
