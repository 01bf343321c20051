import type { EventStore } from '../../src/eventStore/eventStore.port';

/**
 * Runs `attempt` (a command expected to be refused) and checks that none of the named
 * streams changed: same events, same versions, same hashes.
 */
export async function expectStreamsUnchanged(store: EventStore, streamIds: string[], attempt: () => Promise<unknown>): Promise<void> {
  const before = await Promise.all(streamIds.map((id) => store.readStream(id)));
  await attempt();
  const after = await Promise.all(streamIds.map((id) => store.readStream(id)));
  expect(after).toEqual(before);
}

/**
 * Waits (10 s at most) until the log is safely readable up to its newest committed
 * event, which other test files' transactions on the same server hold back for a moment.
 */
export async function untilReadable(store: EventStore): Promise<string> {
  const last = await store.lastCommittedPosition();
  const deadline = Date.now() + 10_000;
  while ((await store.headPosition()) !== last && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return last;
}
