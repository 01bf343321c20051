import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreDbEventStore } from '../../src/eventStore/eventStoreDb/eventStoreDbEventStore';
import { comparePositions, Expected } from '../../src/eventStore/eventStore.port';
import { StreamDeleted, VersionConflict } from '../../src/shared/errors';
import { deterministicEventId } from '../../src/shared/ids';
import { testEvent, uniqueStream } from '../support/events';
import { eventStoreContract } from './eventStoreContract';

const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract('EventStoreDB', async () => {
    const store = new EventStoreDbEventStore(url);
    return { store, cleanup: () => store.close() };
  });

  describe('EventStoreDB adapter specifics', () => {
    let store: EventStoreDbEventStore;
    let client: EventStoreDBClient;
    beforeAll(() => {
      store = new EventStoreDbEventStore(url);
      client = EventStoreDBClient.connectionString`${url}`;
    });
    afterAll(async () => {
      await store.close();
      await client.dispose();
    });

    it('chains to the hash the caller loaded, and a retry of the same ids at that version appends nothing', async () => {
      const stream = uniqueStream();
      const first = await store.append(stream, [testEvent('A')], Expected.noStream);
      const origin = randomUUID();
      const named = [testEvent('B'), testEvent('C')].map((e, i) => ({
        ...e,
        eventId: deterministicEventId(origin, stream, 1 + i),
      }));
      const expected = Expected.version(1, first.events[0].metadata.hash);
      const appended = await store.append(stream, named, expected);
      const retried = await store.append(stream, named, expected);
      const stored = await store.readStream(stream);
      expect(stored.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      expect(stored[1].metadata.prevHash).toBe(first.events[0].metadata.hash);
      expect([appended.version, appended.position]).toEqual([3, stored[2].position]);
      expect([retried.version, retried.position]).toEqual([3, stored[2].position]);
      expect(retried.events.map((e) => e.metadata.hash)).toEqual(stored.slice(1).map((e) => e.metadata.hash));
    });

    it('refuses a stale exact version with the actual one, appending nothing', async () => {
      const stream = uniqueStream();
      const first = await store.append(stream, [testEvent('A'), testEvent('B')], Expected.noStream);
      const error = await store
        .append(stream, [testEvent('C')], Expected.version(1, first.events[0].metadata.hash))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VersionConflict);
      expect((error as VersionConflict).actual).toBe(2);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('answers a deleted stream with StreamDeleted on append and read', async () => {
      const stream = uniqueStream();
      await store.append(stream, [testEvent('A')], Expected.noStream);
      await client.tombstoneStream(stream);
      await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamDeleted);
      const error = await store.append(stream, [testEvent('B')], Expected.any).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StreamDeleted);
      expect((error as StreamDeleted).code).toBe('STREAM_DELETED');
    });

    it('finds the newest event behind system events, and counts matching events after a position', async () => {
      const start = await store.headPosition();
      const stream = uniqueStream();
      const { position } = await store.append(
        stream,
        [testEvent('Counted'), testEvent('Other'), testEvent('Counted')],
        Expected.noStream,
      );
      await client.setStreamMetadata(stream, { maxCount: 100 }); // a system event after ours
      expect(comparePositions(await store.headPosition(), position)).toBeGreaterThanOrEqual(0);
      expect(await store.countEventsAfter(start, { types: ['Counted'] })).toBeGreaterThanOrEqual(2);
      expect(await store.countEventsAfter(start, { types: ['Counted'], cap: 1 })).toBe(1);
    });
  });
} else {
  // No EventStoreDB server here: the contract is reported as skipped, never as passed.
  describe('EventStore contract: EventStoreDB (skipped: set EVENTSTORE_URL, e.g. esdb://localhost:2113?tls=false)', () => {
    it.skip('runs the shared EventStore contract and the adapter specifics against EventStoreDB', () => undefined);
  });
}
