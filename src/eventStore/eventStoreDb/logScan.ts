import { BACKWARDS, END, type EventStoreDBClient, type Position, type ReadPosition } from '@eventstore/db-client';
import type { ReadAllResult, RecordedEvent } from '../eventStore.port';
import { isSystemEvent } from './filters';
import { LogSubscription } from './logSubscription';
import { laterPosition, portPosition } from './positions';

/** Events read per page while looking backwards for the newest non-system event. */
const HEAD_PAGE = 1_000;

/**
 * The commit position of the newest non-system event ('0' for none): `$all` read backwards
 * page by page, past any run of system events (stream metadata, projections' own events).
 */
export async function headPosition(client: EventStoreDBClient): Promise<string> {
  let from: ReadPosition = END;
  let seenBelow: bigint | null = null;
  for (;;) {
    let read = 0;
    let oldest: Position | undefined;
    for await (const resolved of client.readAll({
      direction: BACKWARDS,
      fromPosition: from,
      maxCount: HEAD_PAGE,
      resolveLinkTos: false,
    })) {
      read++;
      const event = resolved.event;
      if (!event) continue;
      oldest = event.position;
      // A page that starts where the last one ended may repeat its oldest event.
      if (seenBelow !== null && event.position.commit >= seenBelow) continue;
      if (!isSystemEvent(event)) return portPosition(event.position);
    }
    if (read < HEAD_PAGE || !oldest || (seenBelow !== null && oldest.commit >= seenBelow)) return '0';
    seenBelow = oldest.commit;
    from = oldest;
  }
}

export interface ScanOptions {
  after: string;
  limit: number;
  types?: readonly string[];
  /** Count the events without keeping them. */
  countOnly?: boolean;
}

/**
 * One page of the log after `after`, read as a short-lived filtered catch-up subscription
 * (the client's `readAll` takes no server-side filter): it stops after `limit` matching
 * events, or once it has scanned past the newest event there was when it began, or at
 * `caughtUp`. Nothing to read past that head costs one backward read and no subscription.
 */
export async function scanLog(
  client: EventStoreDBClient,
  options: ScanOptions,
): Promise<ReadAllResult & { count: number }> {
  const head = await headPosition(client);
  if (BigInt(options.after) >= BigInt(head)) return { events: [], count: 0, scannedTo: options.after, endOfLog: true };
  const subscription = new LogSubscription(client, {
    from: options.after,
    types: options.types,
    highWater: Math.min(options.limit + 1, 10_000),
  });
  const events: RecordedEvent[] = [];
  let count = 0;
  try {
    for (;;) {
      await subscription.feed.ready();
      const batch = subscription.feed.take(options.limit - count);
      count += batch.events.length;
      if (!options.countOnly) events.push(...batch.events);
      if (count >= options.limit) return { events, count, scannedTo: batch.scannedTo, endOfLog: false };
      const passedHead = BigInt(batch.scannedTo) >= BigInt(head);
      if (passedHead || batch.endOfLog)
        return { events, count, scannedTo: laterPosition(batch.scannedTo, head), endOfLog: true };
    }
  } finally {
    await subscription.close();
  }
}
