import { excludeSystemEvents, END, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import { AppendWaiters } from '../appendWaiters';
import type { SubscribeOptions, Subscription } from '../eventStore.port';
import { LogSubscription } from './logSubscription';

/**
 * `subscribeToAll` of the port: one filtered catch-up subscription, its batches handed to
 * `onBatch` in log order, the next taken only after `onBatch` has finished (the feed pauses
 * the subscription meanwhile). A batch is what is waiting, up to `batchSize` events.
 */
export function subscribeToLog(client: EventStoreDBClient, options: SubscribeOptions): Subscription {
  const batchSize = options.batchSize ?? 500;
  const subscription = new LogSubscription(client, {
    from: options.from,
    types: options.types,
    highWater: batchSize * 2,
  });
  let stopped = false;
  let handed = options.from;
  let handedEnd = false;
  const run = async () => {
    while (!stopped) {
      try {
        await subscription.feed.ready();
      } catch (error) {
        if (stopped) return;
        throw error;
      }
      const batch = subscription.feed.take(batchSize);
      if (batch.events.length === 0 && batch.scannedTo === handed && batch.endOfLog === handedEnd) continue;
      await options.onBatch(batch);
      handed = batch.scannedTo;
      handedEnd = batch.endOfLog;
    }
  };
  const done = run();
  done.catch(() => undefined); // surfaced through `done`, not as an unhandled rejection
  return {
    done,
    stop: async () => {
      stopped = true;
      await subscription.close();
      await done.catch(() => undefined);
    },
  };
}

/**
 * Wakes `waitForAppend` callers on every new non-system event: one light live subscription
 * from the end of the log, opened on the first wait and opened again after it drops.
 */
export class AppendWakeUps {
  private readonly waiters = new AppendWaiters();
  private live: AllStreamSubscription | undefined;

  constructor(private readonly client: EventStoreDBClient) {}

  wait(timeoutMs: number): Promise<void> {
    this.ensureLive();
    return this.waiters.wait(timeoutMs);
  }

  private ensureLive(): void {
    if (this.live) return;
    const live = this.client.subscribeToAll({
      fromPosition: END,
      resolveLinkTos: false,
      filter: excludeSystemEvents(),
    });
    this.live = live;
    live.on('data', () => this.waiters.wakeAll());
    live.on('error', () => {
      // Waiters still wake on their timeout; the next wait subscribes again.
      if (this.live === live) this.live = undefined;
    });
  }

  async close(): Promise<void> {
    this.waiters.wakeAll();
    const live = this.live;
    this.live = undefined;
    await live?.unsubscribe().catch(() => undefined);
  }
}
