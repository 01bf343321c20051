import { comparePositions, Expected, type EventStore } from '../../src/eventStore/eventStore.port';
import type { TestApp } from './app';
import { testEvent, uniqueStream } from './events';
import { until } from './until';

/**
 * Runs `attempt` (a command expected to be refused) and checks that none of the named
 * streams changed: same events, same versions, same hashes.
 */
export async function expectStreamsUnchanged(
  store: EventStore,
  streamIds: string[],
  attempt: () => Promise<unknown>,
): Promise<void> {
  const before = await Promise.all(streamIds.map((id) => store.readStream(id)));
  await attempt();
  const after = await Promise.all(streamIds.map((id) => store.readStream(id)));
  expect(after).toEqual(before);
}

/**
 * The log safely readable up to its newest committed event, which other test files'
 * transactions on the same server hold back for a moment.
 */
export async function untilReadable(store: EventStore): Promise<string> {
  const last = await store.lastCommittedPosition();
  await until(`the log is readable up to ${last}`, async () => comparePositions(await store.headPosition(), last) >= 0);
  return last;
}

/** A stream's events in the app's store: type, data, metadata and position. */
export async function streamEvents(
  t: TestApp,
  streamId: string,
): Promise<Array<{ type: string; data: any; metadata: any; position: string }>> {
  const events = await t.app.services.store.readStream(streamId);
  return events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata, position: e.position }));
}

/** An event's type and data alone, to compare events exactly without their metadata. */
export function typeAndData(event: { type: string; data: any }): { type: string; data: any } {
  return { type: event.type, data: event.data };
}

/** The newest event's position over several streams (positions are numeric strings). */
export async function lastPosition(t: TestApp, streamIds: string[]): Promise<string> {
  const positions = (await Promise.all(streamIds.map((id) => t.app.services.store.readStream(id)))).flatMap((events) =>
    events.map((e) => BigInt(e.position)),
  );
  return positions.reduce((a, b) => (a > b ? a : b)).toString();
}

/**
 * Every event committed to the log so far (count and newest position). Unlike the store's
 * head, which stops below the oldest transaction still running, this only changes on an append.
 */
export async function logExtent(t: TestApp): Promise<{ events: number; last: string }> {
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS events, coalesce(max(position), 0)::text AS last FROM events',
  );
  return rows[0];
}

/** Appends a new award stream of `events` events, Step1 … StepN with data `{ n }`, and returns its id. */
export async function appendSteps(store: EventStore, events: number): Promise<string> {
  const streamId = uniqueStream('award');
  await store.append(
    streamId,
    Array.from({ length: events }, (_, i) => testEvent(`Step${i + 1}`, { n: i + 1 })),
    Expected.noStream,
  );
  return streamId;
}
