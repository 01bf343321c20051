import { comparePositions, type EventStore } from '../../src/eventStore/eventStore.port';
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

/** The log safely readable up to its newest committed event, which other test files' transactions on the same server hold back for a moment. */
export async function untilReadable(store: EventStore): Promise<string> {
  const last = await store.lastCommittedPosition();
  await until(`the log is readable up to ${last}`, async () => comparePositions(await store.headPosition(), last) >= 0);
  return last;
}
