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
