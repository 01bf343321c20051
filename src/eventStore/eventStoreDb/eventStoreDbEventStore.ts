import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { VersionConflict } from '../../shared/errors';
import { AppendWaiters } from '../appendWaiters';
import { chainNewEvents, GENESIS_HASH } from '../hashChain';
import {
  describeExpected,
  type AppendResult,
  type EventMetadata,
  type EventStore,
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
import { subscribeByPolling } from '../subscribeByPolling';

/**
 * EventStoreDB through its gRPC client. Streams map 1:1 (`dossier-<id>` is a
 * category stream there too); the global position is the event's prepare position
 * in `$all`, which grows along the log. Our stream versions are 1-based, EventStoreDB
 * revisions 0-based. Checkpoints live in PostgreSQL with the read models.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly name = 'eventstoredb';
  readonly capabilities = { atomicMultiStreamAppend: false, historySeal: false };
  private readonly client: EventStoreDBClient;
  private liveSubscription: ReturnType<EventStoreDBClient['subscribeToAll']> | undefined;
  private readonly waiters = new AppendWaiters();

  constructor(
    connectionString: string,
    private readonly options: { pollIntervalMs?: number; anyRetries?: number } = {},
  ) {
    this.client = EventStoreDBClient.connectionString`${connectionString}`;
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    // The hash chain needs the exact predecessor, so even an `any` append pins the
    // revision it read and retries when another writer got there first.
    const retries = expected.kind === 'any' ? (this.options.anyRetries ?? 5) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.appendOnce(streamId, events, expected);
      } catch (error) {
        if (error instanceof VersionConflict && attempt < retries) continue;
        throw error;
      }
    }
  }

  private async appendOnce(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) throw new Error('nothing to append');
    const head = await this.streamHead(streamId);
    const ok =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && head.version === 0) ||
      (expected.kind === 'stream_exists' && head.version > 0) ||
      (expected.kind === 'exact' && expected.version === head.version);
    if (!ok) throw new VersionConflict(streamId, describeExpected(expected), head.version);
    const chained = chainNewEvents(streamId, head.version, head.hash, events);
    try {
      await this.client.appendToStream(
        streamId,
        chained.map((event) =>
          jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata: event.metadata }),
        ),
        { expectedRevision: head.version === 0 ? NO_STREAM : BigInt(head.version - 1) },
      );
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = (await this.streamHead(streamId)).version;
        throw new VersionConflict(streamId, describeExpected(expected), actual);
      }
      throw error;
    }
    const recorded = await this.readStream(streamId, { fromVersion: head.version + 1 });
    const mine = recorded.slice(0, chained.length);
    return { streamId, version: head.version + events.length, position: mine[mine.length - 1].position, events: mine };
  }

  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    for (const { streamId, events, expected } of appends) {
      if (events.length > 0) results.push(await this.append(streamId, events, expected));
    }
    return results;
  }

  private async streamHead(streamId: string): Promise<{ version: number; hash: string }> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        const event = resolved.event;
        if (!event) continue;
        return { version: Number(event.revision) + 1, hash: (event.metadata as unknown as EventMetadata).hash };
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { version: 0, hash: GENESIS_HASH };
  }

  async readStream(streamId: string, options: { fromVersion?: number; limit?: number } = {}): Promise<RecordedEvent[]> {
    const from = Math.max(1, options.fromVersion ?? 1);
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: FORWARDS,
        fromRevision: BigInt(from - 1),
        ...(options.limit === undefined ? {} : { maxCount: options.limit }),
      })) {
        const event = toRecorded(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }

  async readAll({ after, limit, types }: ReadAllOptions): Promise<ReadAllResult> {
    const wanted = types ? new Set(types) : undefined;
    const events: RecordedEvent[] = [];
    const afterPosition = BigInt(after);
    let scannedTo = after;
    let endOfLog = true;
    const fromPosition = afterPosition === 0n ? START : { commit: afterPosition, prepare: afterPosition };
    // Reads a little more than asked, since system events and other types are skipped client-side.
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition,
      maxCount: limit * 4 + 1,
      resolveLinkTos: false,
    });
    let seen = 0;
    for await (const resolved of read) {
      seen++;
      const event = resolved.event;
      if (!event || !event.position) continue;
      const position = event.position.prepare;
      if (position <= afterPosition) continue;
      scannedTo = position.toString();
      if (event.type.startsWith('$') || event.streamId.startsWith('$')) continue;
      if (wanted && !wanted.has(event.type)) continue;
      const recorded = toRecorded(resolved as ResolvedEvent);
      if (recorded) events.push(recorded);
      if (events.length === limit) {
        endOfLog = false;
        break;
      }
    }
    if (seen >= limit * 4 + 1) endOfLog = false;
    return { events, scannedTo, endOfLog };
  }

  async headPosition(): Promise<string> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1000 })) {
      const event = resolved.event;
      if (event?.position && !event.type.startsWith('$') && !event.streamId.startsWith('$'))
        return event.position.prepare.toString();
    }
    return '0';
  }

  /** EventStoreDB commits in log order: the newest event is also the newest readable one. */
  lastCommittedPosition(): Promise<string> {
    return this.headPosition();
  }

  async countEventsAfter(position: string, options: { types?: readonly string[]; cap?: number } = {}): Promise<number> {
    const cap = options.cap ?? 100_000;
    let count = 0;
    let after = position;
    for (;;) {
      const page = await this.readAll({ after, limit: Math.min(1000, cap - count), types: options.types });
      count += page.events.length;
      after = page.scannedTo;
      if (page.endOfLog || count >= cap) return count;
    }
  }

  /**
   * Streams are found in `$all`, then each is read as a stream, so what its metadata
   * hides (`$tb` truncation, deletion) is absent even before a scavenge removes it.
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

  /** The stream's newest version; 0 for a stream that does not exist or was hard-deleted. */
  private async headVersion(streamId: string): Promise<number> {
    try {
      return (await this.streamHead(streamId)).version;
    } catch (error) {
      if (error instanceof StreamDeletedError) return 0;
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
      if (!event?.position) continue;
      if (event.position.prepare > upTo) break;
      if (!event.streamId.startsWith('$') && !event.type.startsWith('$')) streamIds.add(event.streamId);
    }
    return [...streamIds];
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return subscribeByPolling(this, options, this.options.pollIntervalMs ?? 250);
  }

  async waitForAppend(timeoutMs: number): Promise<void> {
    this.ensureLive();
    await this.waiters.wait(timeoutMs);
  }

  private ensureLive(): void {
    if (this.liveSubscription) return;
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    this.liveSubscription = subscription;
    subscription.on('data', (_resolved: AllStreamResolvedEvent) => {
      this.waiters.wakeAll();
    });
    subscription.on('error', () => {
      // Polling still covers subscribers; resubscribe on the next wait.
      this.liveSubscription = undefined;
    });
  }

  async close(): Promise<void> {
    this.waiters.wakeAll();
    await this.liveSubscription?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }
}

/** A hard-deleted (tombstoned) stream reads as no events. */
function deletedAsEmpty(error: unknown): RecordedEvent[] {
  if (error instanceof StreamDeletedError) return [];
  throw error;
}

function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson) return undefined;
  const metadata = event.metadata as unknown as EventMetadata;
  return {
    streamId: event.streamId,
    streamVersion: Number(event.revision) + 1,
    position: (event.position?.prepare ?? 0n).toString(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata,
    recordedAt: metadata.recordedAt ?? event.created.toISOString(),
  };
}
