import {
  BACKWARDS,
  END,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type AppendResult as ClientAppendResult,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { StreamDeleted, VersionConflict } from '../../shared/errors';
import { chainNewEvents, GENESIS_HASH } from '../hashChain';
import {
  describeExpected,
  type AppendResult,
  type EventMetadata,
  type ExpectedVersion,
  type NewEvent,
  type RecordedEvent,
} from '../eventStore.port';
import { portPosition } from './positions';
import { toRecorded } from './recorded';

/** Where an append continues its stream: the version, the hash it chains from, what the server is told to expect. */
export interface AppendHead {
  version: number;
  hash: string;
  expectedRevision: AppendExpectedRevision;
}

/**
 * One append to one stream. With a known head (no_stream, or an exact version carrying
 * the loaded head's hash) it is one round trip: the server checks the revision, and the
 * version and position come from its answer. An append whose event ids are the events
 * stored at that revision is answered by the server as a success without a second write
 * (idempotent write); the stored events are then returned.
 */
export async function appendToStream(
  client: EventStoreDBClient,
  streamId: string,
  events: NewEvent[],
  expected: ExpectedVersion,
): Promise<AppendResult> {
  if (events.length === 0) throw new Error('nothing to append');
  const head = await appendHead(client, streamId, expected);
  const chained = chainNewEvents(streamId, head.version, head.hash, events);
  let result: ClientAppendResult;
  try {
    result = await client.appendToStream(
      streamId,
      chained.map((event) =>
        jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata: event.metadata }),
      ),
      { expectedRevision: head.expectedRevision },
    );
  } catch (error) {
    throw await appendError(client, streamId, expected, error);
  }
  const version = Number(result.nextExpectedRevision) + 1;
  if (!result.position || version !== head.version + events.length)
    return storedAppend(client, streamId, head.version, events.length);
  const position = portPosition(result.position);
  // The server reports the position of the append's last event only: the earlier events of a
  // batch carry it as an upper bound (callers use `position`, the last event's).
  const recorded: RecordedEvent[] = chained.map((event) => ({
    streamId,
    streamVersion: event.streamVersion,
    position,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: new Date(event.metadata.recordedAt).toISOString(),
  }));
  return { streamId, version, position, events: recorded };
}

async function appendHead(
  client: EventStoreDBClient,
  streamId: string,
  expected: ExpectedVersion,
): Promise<AppendHead> {
  switch (expected.kind) {
    case 'no_stream':
      return { version: 0, hash: GENESIS_HASH, expectedRevision: NO_STREAM };
    case 'exact': {
      const hash = expected.hash ?? (await hashAt(client, streamId, expected.version));
      if (hash === null)
        throw new VersionConflict(streamId, describeExpected(expected), await tipVersion(client, streamId));
      return { version: expected.version, hash, expectedRevision: BigInt(expected.version - 1) };
    }
    default: {
      // The chain needs the exact predecessor, so `any` and `stream_exists` pin the revision they read.
      const tip = await streamTip(client, streamId);
      if (expected.kind === 'stream_exists' && tip.version === 0)
        throw new VersionConflict(streamId, describeExpected(expected), 0);
      return { ...tip, expectedRevision: tip.version === 0 ? NO_STREAM : BigInt(tip.version - 1) };
    }
  }
}

/** The hash of the stream's `version`-th event, or null when the stream holds fewer events. */
async function hashAt(client: EventStoreDBClient, streamId: string, version: number): Promise<string | null> {
  const [event] = await readEvents(client, streamId, version, 1);
  return event?.streamVersion === version ? event.metadata.hash : null;
}

/** The stream's newest version and hash (version 0 and the genesis hash for a stream with no events). */
export async function streamTip(
  client: EventStoreDBClient,
  streamId: string,
): Promise<{ version: number; hash: string }> {
  try {
    for await (const resolved of client.readStream(streamId, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    })) {
      const event = resolved.event;
      if (event)
        return { version: Number(event.revision) + 1, hash: (event.metadata as unknown as EventMetadata).hash };
    }
  } catch (error) {
    if (error instanceof StreamDeletedError) throw new StreamDeleted(streamId);
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return { version: 0, hash: GENESIS_HASH };
}

async function tipVersion(client: EventStoreDBClient, streamId: string): Promise<number> {
  return (await streamTip(client, streamId)).version;
}

/** Events of a stream from `fromVersion` (1-based), at most `limit` when given. */
export async function readEvents(
  client: EventStoreDBClient,
  streamId: string,
  fromVersion: number,
  limit?: number,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    for await (const resolved of client.readStream(streamId, {
      direction: FORWARDS,
      fromRevision: BigInt(Math.max(1, fromVersion) - 1),
      resolveLinkTos: false,
      ...(limit === undefined ? {} : { maxCount: limit }),
    })) {
      const event = toRecorded(resolved);
      if (event) events.push(event);
    }
  } catch (error) {
    if (error instanceof StreamDeletedError) throw new StreamDeleted(streamId);
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return events;
}

/** The events an idempotent append matched, as stored (read back: the server's answer named no position). */
async function storedAppend(
  client: EventStoreDBClient,
  streamId: string,
  headVersion: number,
  count: number,
): Promise<AppendResult> {
  const events = await readEvents(client, streamId, headVersion + 1, count);
  if (events.length !== count) throw new Error(`append to ${streamId} reported success but its events are not there`);
  const last = events[events.length - 1];
  return { streamId, version: last.streamVersion, position: last.position, events };
}

/** The port's error for what the server refused. */
async function appendError(
  client: EventStoreDBClient,
  streamId: string,
  expected: ExpectedVersion,
  error: unknown,
): Promise<unknown> {
  if (error instanceof StreamDeletedError) return new StreamDeleted(streamId);
  if (!(error instanceof WrongExpectedVersionError)) return error;
  const actual = error.actualVersion;
  const version =
    typeof actual === 'bigint' ? Number(actual) + 1 : actual === NO_STREAM ? 0 : await tipVersion(client, streamId);
  return new VersionConflict(streamId, describeExpected(expected), version);
}
