import { EventStoreDBClient, FORWARDS, START } from '@eventstore/db-client';
import { StreamDeleted, VersionConflict } from '../../shared/errors';
import {
  type AppendResult,
  type EventStore,
  type EventStoreCapabilities,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllResult,
  type RecordedEvent,
  type ShownEvent,
  type ShownEvents,
  type ShownEventsRead,
  type StreamAppend,
  type StreamHead,
  type SubscribeOptions,
  type Subscription,
} from '../eventStore.port';
import { appendToStream, readEvents, streamTip } from './append';
import { isSystemEvent } from './filters';
import { headPosition, scanLog } from './logScan';
import { AppendWakeUps, subscribeToLog } from './subscriptions';

/** Events a `countEventsAfter` counts at most when the caller names no cap. */
const DEFAULT_COUNT_CAP = 100_000;

/**
 * EventStoreDB through its gRPC client (`@eventstore/db-client`; the code that knows the
 * client lives in this folder, so its successor can replace it behind the port). Streams
 * map 1:1; the port's position is an event's commit position in `$all`
 * (src/eventStore/eventStoreDb/positions.ts); our stream versions are 1-based, EventStoreDB
 * revisions 0-based. Reads of `$all` are filtered catch-up subscriptions, since only those
 * filter on the server. Checkpoints live in PostgreSQL with the read models. Needs server
 * 23.10 or later (`caughtUp` on subscriptions, positions on stream reads).
 */
export class EventStoreDbEventStore implements EventStore {
  readonly name = 'eventstoredb';
  readonly capabilities: EventStoreCapabilities = {
    atomicMultiStreamAppend: false,
    historySeal: false,
    uniqueEventIdsAcrossStreams: false,
  };
  private readonly client: EventStoreDBClient;
  private readonly wakeUps: AppendWakeUps;

  constructor(
    connectionString: string,
    private readonly options: { anyRetries?: number } = {},
  ) {
    this.client = EventStoreDBClient.connectionString`${connectionString}`;
    this.wakeUps = new AppendWakeUps(this.client);
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    // An `any` append pins the revision it read (the chain needs its predecessor) and tries again when it lost.
    const retries = expected.kind === 'any' ? (this.options.anyRetries ?? 5) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await appendToStream(this.client, streamId, events, expected);
      } catch (error) {
        if (error instanceof VersionConflict && attempt < retries) continue;
        throw error;
      }
    }
  }

  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    for (const { streamId, events, expected } of appends) {
      if (events.length > 0) results.push(await this.append(streamId, events, expected));
    }
    return results;
  }

  /** A deleted stream is refused with `StreamDeleted`; a stream that never existed reads as empty. */
  readStream(streamId: string, options: { fromVersion?: number; limit?: number } = {}): Promise<RecordedEvent[]> {
    return readEvents(this.client, streamId, options.fromVersion ?? 1, options.limit);
  }

  async readAll({ after, limit, types }: ReadAllOptions): Promise<ReadAllResult> {
    const { events, scannedTo, endOfLog } = await scanLog(this.client, { after, limit, types });
    return { events, scannedTo, endOfLog };
  }

  headPosition(): Promise<string> {
    return headPosition(this.client);
  }

  /** EventStoreDB makes events readable as it commits them, in log order: the newest is the newest readable. */
  lastCommittedPosition(): Promise<string> {
    return headPosition(this.client);
  }

  async countEventsAfter(position: string, options: { types?: readonly string[]; cap?: number } = {}): Promise<number> {
    const cap = options.cap ?? DEFAULT_COUNT_CAP;
    const { count } = await scanLog(this.client, {
      after: position,
      limit: cap,
      types: options.types,
      countOnly: true,
    });
    return count;
  }

  /**
   * Streams are found in `$all`, then each is read as a stream, so what its metadata hides
   * (`$tb` truncation, deletion) is absent even before a scavenge removes it.
   */
  async *readEveryStream(options: { upTo: string; pageSize?: number }): AsyncIterable<RecordedEvent[]> {
    const upTo = BigInt(options.upTo);
    for (const streamId of await this.streamIdsUpTo(upTo)) {
      const events = (await this.readStream(streamId).catch(deletedAsEmpty)).filter(
        (event) => BigInt(event.position) <= upTo,
      );
      if (events.length > 0) yield events;
    }
  }

  async streamHeads(at: string): Promise<StreamHead[]> {
    const heads: StreamHead[] = [];
    for await (const events of this.readEveryStream({ upTo: at })) {
      const last = events[events.length - 1];
      heads.push({ streamId: last.streamId, version: last.streamVersion, hash: last.metadata.hash });
    }
    return heads;
  }

  /**
   * The rows, then each named stream's head read after them. There is no seal: a stream's
   * metadata can hide events at its start (`$tb`, `$maxCount`, `$maxAge`) and a scavenge
   * then removes them, which leaves its head as it was.
   */
  async readShownEvents<R extends ShownEvent>(read: ShownEventsRead): Promise<ShownEvents<R>> {
    const rows = (await read.run(read.text, read.params)) as R[];
    const streamIds = [...new Set(rows.map((row) => row.streamId))];
    const versions = await Promise.all(streamIds.map((streamId) => this.headVersion(streamId)));
    const heads: Record<string, number | null> = {};
    streamIds.forEach((streamId, i) => (heads[streamId] = versions[i] === 0 ? null : versions[i]));
    return { rows, watch: { heads, seal: null } };
  }

  /** The stream's newest version; 0 for a stream that does not exist or was deleted. */
  private async headVersion(streamId: string): Promise<number> {
    try {
      return (await streamTip(this.client, streamId)).version;
    } catch (error) {
      if (error instanceof StreamDeleted) return 0;
      throw error;
    }
  }

  /** The ids of the (non-system) streams with an event in `$all` at or below `upTo`. */
  private async streamIdsUpTo(upTo: bigint): Promise<string[]> {
    const streamIds = new Set<string>();
    for await (const resolved of this.client.readAll({
      direction: FORWARDS,
      fromPosition: START,
      resolveLinkTos: false,
    })) {
      const event = resolved.event;
      if (!event) continue;
      if (event.position.commit > upTo) break;
      if (!isSystemEvent(event)) streamIds.add(event.streamId);
    }
    return [...streamIds];
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return subscribeToLog(this.client, options);
  }

  waitForAppend(timeoutMs: number): Promise<void> {
    return this.wakeUps.wait(timeoutMs);
  }

  async close(): Promise<void> {
    await this.wakeUps.close();
    await this.client.dispose();
  }
}

/** A deleted stream reads as no events where the whole log is walked. */
function deletedAsEmpty(error: unknown): RecordedEvent[] {
  if (error instanceof StreamDeleted) return [];
  throw error;
}
