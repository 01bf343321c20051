import { randomUUID } from 'node:crypto';
import { VersionConflict } from '../../src/shared/errors';
import { comparePositions, Expected, type EventStore, type RecordedEvent } from '../../src/eventStore/eventStore.port';
import { verifyChain } from '../../src/eventStore/chainCheck';
import { GENESIS_HASH } from '../../src/eventStore/hashChain';
import { deterministicEventId } from '../../src/shared/ids';
import { testEvent, uniqueStream } from '../support/events';

export interface ContractTarget {
  store: EventStore;
  cleanup(): Promise<void>;
}

/**
 * Reads the global log in pages until it has been scanned past `until`. The safely
 * readable end may trail the newest append for a moment (PostgreSQL: a transaction
 * still running anywhere on the server holds it back), so a reader waits, as a
 * subscriber does.
 */
async function readAllUntil(
  store: EventStore,
  after: string,
  until: string,
  options: { limit?: number; types?: string[] } = {},
): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  let cursor = after;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const page = await store.readAll({ after: cursor, limit: options.limit ?? 7, types: options.types });
    seen.push(...page.events);
    cursor = page.scannedTo;
    if (page.endOfLog && comparePositions(cursor, until) >= 0) return seen;
    if (page.endOfLog) {
      if (Date.now() > deadline) throw new Error(`log not readable up to ${until} (scanned to ${cursor})`);
      await store.waitForAppend(20);
    }
  }
}

/**
 * The behaviour every EventStore adapter must have. Each adapter's test file calls
 * this with a factory for a fresh store.
 */
export function eventStoreContract(adapter: string, createTarget: () => Promise<ContractTarget>): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let target: ContractTarget;
    let store: EventStore;
    beforeAll(async () => {
      target = await createTarget();
      store = target.store;
    });
    afterAll(async () => {
      await target?.cleanup();
    });

    it('appends to a new stream with no_stream and reads it back in order', async () => {
      const stream = uniqueStream();
      const result = await store.append(
        stream,
        [testEvent('A', { n: 1 }), testEvent('B', { n: 2 })],
        Expected.noStream,
      );
      expect(result.version).toBe(2);
      expect(result.streamId).toBe(stream);
      const events = await store.readStream(stream);
      expect(events.map((e) => [e.streamVersion, e.type, e.data.n])).toEqual([
        [1, 'A', 1],
        [2, 'B', 2],
      ]);
      expect(result.position).toBe(events[1].position);
      expect(comparePositions(events[0].position, events[1].position)).toBeLessThan(0);
      expect(events[0].metadata.actorId).toBe('tester');
    });

    it('refuses no_stream on an existing stream and appends nothing', async () => {
      const stream = uniqueStream();
      await store.append(stream, [testEvent('A')], Expected.noStream);
      await expect(store.append(stream, [testEvent('B')], Expected.noStream)).rejects.toBeInstanceOf(VersionConflict);
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A']);
    });

    it('refuses stream_exists on a missing stream and appends nothing', async () => {
      const stream = uniqueStream();
      await expect(store.append(stream, [testEvent('A')], Expected.streamExists)).rejects.toBeInstanceOf(
        VersionConflict,
      );
      expect(await store.readStream(stream)).toEqual([]);
      await store.append(stream, [testEvent('A')], Expected.any);
      const result = await store.append(stream, [testEvent('B')], Expected.streamExists);
      expect(result.version).toBe(2);
    });

    it('appends at the exact expected version and refuses a stale one, appending nothing', async () => {
      const stream = uniqueStream();
      await store.append(stream, [testEvent('A'), testEvent('B')], Expected.noStream);
      const error = await store.append(stream, [testEvent('C')], Expected.version(1)).catch((e) => e);
      expect(error).toBeInstanceOf(VersionConflict);
      expect((error as VersionConflict).actual).toBe(2);
      expect((await store.readStream(stream)).length).toBe(2);
      const ok = await store.append(stream, [testEvent('C')], Expected.version(2));
      expect(ok.version).toBe(3);
    });

    it('appends with any to new and existing streams', async () => {
      const stream = uniqueStream();
      expect((await store.append(stream, [testEvent('A')], Expected.any)).version).toBe(1);
      expect((await store.append(stream, [testEvent('B'), testEvent('C')], Expected.any)).version).toBe(3);
    });

    it('lets exactly one of several concurrent writers at the same version win', async () => {
      const stream = uniqueStream();
      await store.append(stream, [testEvent('A')], Expected.noStream);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.append(stream, [testEvent('B', { writer: i }), testEvent('C', { writer: i })], Expected.version(1)),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) {
        if (o.status !== 'rejected') continue;
        expect(o.reason).toBeInstanceOf(VersionConflict);
        expect((o.reason as VersionConflict).actual).toBe(3); // the winner's version, whichever way the race was lost
      }
      const events = await store.readStream(stream);
      expect(events).toHaveLength(3);
      // A multi-event append is atomic: both events come from the same writer.
      expect(events[1].data.writer).toBe(events[2].data.writer);
    });

    it('reads a stream from a given version', async () => {
      const stream = uniqueStream();
      await store.append(stream, [testEvent('A'), testEvent('B'), testEvent('C')], Expected.noStream);
      expect((await store.readStream(stream, { fromVersion: 2 })).map((e) => e.type)).toEqual(['B', 'C']);
      expect(await store.readStream(uniqueStream())).toEqual([]);
    });

    it('reads a stream in pages of at most a given number of events', async () => {
      const stream = uniqueStream();
      await store.append(
        stream,
        ['A', 'B', 'C', 'D', 'E'].map((type) => testEvent(type)),
        Expected.noStream,
      );
      const page = async (fromVersion: number) =>
        (await store.readStream(stream, { fromVersion, limit: 2 })).map((e) => [e.streamVersion, e.type]);
      expect(await page(1)).toEqual([
        [1, 'A'],
        [2, 'B'],
      ]);
      expect(await page(3)).toEqual([
        [3, 'C'],
        [4, 'D'],
      ]);
      expect(await page(5)).toEqual([[5, 'E']]);
      expect(await page(6)).toEqual([]);
    });

    it('chains every event of a stream to the one before it', async () => {
      const stream = uniqueStream();
      await store.append(stream, [testEvent('A', { name: 'Nguyễn Văn An' })], Expected.noStream);
      await store.append(
        stream,
        [testEvent('B', { b: 2, a: 1 }), testEvent('C', { nested: { z: 1, y: [1, 2] } })],
        Expected.version(1),
      );
      const events = await store.readStream(stream);
      expect(events[0].metadata.prevHash).toBe(GENESIS_HASH);
      expect(events[1].metadata.prevHash).toBe(events[0].metadata.hash);
      expect(verifyChain(events)).toEqual({ valid: true, brokenAt: null });
      const tampered = events.map((e, i) => (i === 1 ? { ...e, data: { ...e.data, b: 3 } } : e));
      expect(verifyChain(tampered)).toEqual({ valid: false, brokenAt: 2 });
    });

    it('reads the global log in batches from a position, each event once, in position order', async () => {
      const start = await store.headPosition();
      const streams = [uniqueStream(), uniqueStream(), uniqueStream()];
      let last = start;
      for (let round = 0; round < 5; round++) {
        for (const stream of streams)
          last = (await store.append(stream, [testEvent('Tick', { round, stream })], Expected.any)).position;
      }
      const events = (await readAllUntil(store, start, last)).filter((e) => streams.includes(e.streamId));
      expect(events).toHaveLength(15);
      for (let i = 1; i < events.length; i++)
        expect(comparePositions(events[i - 1].position, events[i].position)).toBeLessThan(0);
      expect(events.map((e) => e.data.round)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
      expect(comparePositions(await store.headPosition(), events[14].position)).toBeGreaterThanOrEqual(0);
    });

    it('knows the newest committed position, even before it is safely readable', async () => {
      const { position } = await store.append(uniqueStream(), [testEvent('Newest')], Expected.noStream);
      expect(comparePositions(await store.lastCommittedPosition(), position)).toBeGreaterThanOrEqual(0);
    });

    it('filters the global log by event type', async () => {
      const start = await store.headPosition();
      const stream = uniqueStream();
      const { position } = await store.append(
        stream,
        [testEvent('Wanted'), testEvent('Other'), testEvent('Wanted')],
        Expected.noStream,
      );
      const events = await readAllUntil(store, start, position, { limit: 100, types: ['Wanted'] });
      expect(events.filter((e) => e.streamId === stream).map((e) => e.streamVersion)).toEqual([1, 3]);
    });

    it('answers an append whose event ids are all stored with the stored events, appending nothing', async () => {
      const stream = uniqueStream();
      const ids = [deterministicEventId(randomUUID(), stream, 0), deterministicEventId(randomUUID(), stream, 1)];
      const named = [testEvent('First'), testEvent('Second')].map((e, i) => ({ ...e, eventId: ids[i] }));
      const first = await store.append(stream, named, Expected.noStream);
      const again = await store.append(stream, named, Expected.noStream);
      expect(again.version).toBe(2);
      expect(again.position).toBe(first.position);
      expect(again.events.map((e) => e.metadata.hash)).toEqual(first.events.map((e) => e.metadata.hash));
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('refuses an event id stored in another stream, appending nothing', async () => {
      if (!store.capabilities.uniqueEventIdsAcrossStreams) return;
      const a = uniqueStream();
      const b = uniqueStream();
      const eventId = deterministicEventId(randomUUID(), a, 0);
      await store.append(a, [{ ...testEvent('A'), eventId }], Expected.noStream);
      await expect(store.append(b, [{ ...testEvent('B'), eventId }], Expected.noStream)).rejects.toBeInstanceOf(Error);
      expect(await store.readStream(b)).toEqual([]);
    });

    it('without multi-stream atomicity, keeps the streams appended before a refused one', async () => {
      if (store.capabilities.atomicMultiStreamAppend) return;
      const a = uniqueStream();
      const taken = uniqueStream();
      await store.append(taken, [testEvent('T')], Expected.noStream);
      const partial = store.appendToStreams([
        { streamId: a, events: [testEvent('A')], expected: Expected.noStream },
        { streamId: taken, events: [testEvent('T2')], expected: Expected.noStream },
      ]);
      await expect(partial).rejects.toBeInstanceOf(VersionConflict);
      expect(await store.readStream(a)).toHaveLength(1);
      expect(await store.readStream(taken)).toHaveLength(1);
    });

    it('appends to several streams in one command', async () => {
      const a = uniqueStream();
      const b = uniqueStream();
      const results = await store.appendToStreams([
        { streamId: a, events: [testEvent('A')], expected: Expected.noStream },
        { streamId: b, events: [testEvent('B')], expected: Expected.noStream },
      ]);
      expect(results.map((r) => r.version)).toEqual([1, 1]);
      expect(comparePositions(results[0].position, results[1].position)).toBeLessThan(0);
      if (store.capabilities.atomicMultiStreamAppend) {
        const c = uniqueStream();
        const failing = store.appendToStreams([
          { streamId: c, events: [testEvent('C')], expected: Expected.noStream },
          { streamId: a, events: [testEvent('A2')], expected: Expected.noStream },
        ]);
        await expect(failing).rejects.toBeInstanceOf(VersionConflict);
        expect(await store.readStream(c)).toEqual([]);
      }
    });

    it('reads every stream up to a position, stream after stream in version order, and each stream head there', async () => {
      const a = uniqueStream();
      const b = uniqueStream();
      const a2 = await store.append(a, [testEvent('A1'), testEvent('A2')], Expected.noStream);
      const middle = (await store.append(b, [testEvent('B1')], Expected.noStream)).position;
      await store.append(a, [testEvent('A3')], Expected.version(2));
      const end = (await store.append(b, [testEvent('B2')], Expected.version(1))).position;
      const read = async (upTo: string) => {
        const order: Array<[string, number]> = [];
        for await (const page of store.readEveryStream({ upTo, pageSize: 2 }))
          for (const e of page) order.push([e.streamId, e.streamVersion]);
        // Each stream's events come together, oldest first.
        const finished = new Set<string>();
        order.forEach(([streamId, version], i) => {
          const previous = order[i - 1];
          if (previous && previous[0] !== streamId) finished.add(previous[0]);
          expect(finished.has(streamId)).toBe(false);
          if (previous?.[0] === streamId) expect(version).toBe(previous[1] + 1);
        });
        return (streamId: string) => order.filter(([s]) => s === streamId).map(([, v]) => v);
      };
      const atMiddle = await read(middle);
      expect([atMiddle(a), atMiddle(b)]).toEqual([[1, 2], [1]]);
      const atEnd = await read(end);
      expect([atEnd(a), atEnd(b)]).toEqual([
        [1, 2, 3],
        [1, 2],
      ]);
      const heads = new Map((await store.streamHeads(middle)).map((head) => [head.streamId, head]));
      expect([heads.get(a), heads.get(b)]).toEqual([
        { streamId: a, version: 2, hash: a2.events[1].metadata.hash },
        { streamId: b, version: 1, hash: (await store.readStream(b))[0].metadata.hash },
      ]);
    });

    it('catches up a subscription and then delivers live appends', async () => {
      const stream = uniqueStream();
      const start = await store.headPosition();
      await store.append(stream, [testEvent('Before1'), testEvent('Before2')], Expected.noStream);
      const received: RecordedEvent[] = [];
      let resolveDone!: () => void;
      const allSeen = new Promise<void>((resolve) => (resolveDone = resolve));
      const subscription = store.subscribeToAll({
        from: start,
        batchSize: 2,
        onBatch: async (batch) => {
          received.push(...batch.events.filter((e) => e.streamId === stream));
          if (received.length >= 4) resolveDone();
        },
      });
      await new Promise((r) => setTimeout(r, 100));
      await store.append(stream, [testEvent('Live1')], Expected.version(2));
      await store.append(stream, [testEvent('Live2')], Expected.version(3));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), 10_000)));
      await Promise.race([allSeen, timedOut]).finally(() => clearTimeout(timer));
      await subscription.stop();
      expect(received.map((e) => e.type)).toEqual(['Before1', 'Before2', 'Live1', 'Live2']);
    });
  });
}
