import type { Pool } from 'pg';
import {
  PostgresEventStore,
  migratePostgresEventStore,
  type AppendStatement,
} from '../../src/eventStore/postgres/postgresEventStore';
import { verifyChain } from '../../src/eventStore/chainCheck';
import { VersionConflict } from '../../src/shared/errors';
import { comparePositions, Expected, type RecordedEvent } from '../../src/eventStore/eventStore.port';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { testEvent, uniqueStream } from '../support/events';
import { createTestLog } from '../support/storedLog';
import { eventStoreContract } from './eventStoreContract';

eventStoreContract('PostgreSQL', async () => {
  const log = await createTestLog({ pollIntervalMs: 50, atomicMultiStreamAppend: true });
  return { store: log.store, cleanup: log.drop };
});

eventStoreContract('PostgreSQL, multi-stream atomicity off', async () => {
  const log = await createTestLog({ pollIntervalMs: 50, atomicMultiStreamAppend: false });
  return { store: log.store, cleanup: log.drop };
});

/** Runs each append in a transaction of its own and waits for `beforeCommit` before committing it. */
class DelayedCommitStore extends PostgresEventStore {
  constructor(
    private readonly connections: Pool,
    private readonly beforeCommit: () => Promise<void>,
  ) {
    super(connections);
  }

  protected override async runAppend(statement: AppendStatement): Promise<string> {
    const client = await this.connections.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ first: string }>(statement.text, statement.values);
      await this.beforeCommit();
      await client.query('COMMIT');
      return rows[0].first;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

describe('PostgreSQL event store', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ max: 40 });
    await migratePostgresEventStore(db.pool);
  });
  afterAll(async () => db.drop());

  it('never lets a subscriber skip an event that a slower transaction commits later', async () => {
    // Writers hold their transactions open for a random while after inserting, so
    // lower positions regularly commit after higher ones. A reader that followed
    // positions alone would pass the in-flight ones and lose them.
    const writers = 16;
    const appendsPerWriter = 25;
    const store = new PostgresEventStore(db.pool, { listenUrl: db.url, pollIntervalMs: 5 });
    const delayed = new DelayedCommitStore(
      db.pool,
      () => new Promise((resolve) => setTimeout(resolve, Math.random() * 15)),
    );
    const start = await store.headPosition();
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({
      from: start,
      batchSize: 10,
      onBatch: async (batch) => {
        received.push(...batch.events);
      },
    });
    const expected: string[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < appendsPerWriter; i++) {
          const stream = uniqueStream('gap');
          const size = 1 + (i % 3);
          const result = await delayed.append(
            stream,
            Array.from({ length: size }, (_, k) => testEvent('Gap', { w, i, k })),
            Expected.noStream,
          );
          expected.push(...result.events.map((e) => e.position));
        }
      }),
    );
    const deadline = Date.now() + 20_000;
    while (received.length < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100)); // any duplicate would arrive now
    await subscription.stop();
    await store.close();

    const positions = received.map((e) => e.position);
    expect(new Set(positions).size).toBe(positions.length); // exactly once
    expect([...positions].sort(comparePositions)).toEqual(positions); // in position order
    expect([...positions].sort(comparePositions)).toEqual([...expected].sort(comparePositions)); // none lost
  });

  it('refuses to change or delete stored events', async () => {
    const store = new PostgresEventStore(db.pool);
    const stream = uniqueStream();
    await store.append(stream, [testEvent('A', { v: 1 })], Expected.noStream);
    await expect(db.pool.query(`UPDATE events SET data = '{"v":2}' WHERE stream_id = $1`, [stream])).rejects.toThrow(
      /immutable/,
    );
    await expect(db.pool.query('DELETE FROM events WHERE stream_id = $1', [stream])).rejects.toThrow(/immutable/);
    expect((await store.readStream(stream))[0].data).toEqual({ v: 1 });
  });

  it('refuses changes also in a session that skips ordinary triggers (replication role replica)', async () => {
    const store = new PostgresEventStore(db.pool);
    const stream = uniqueStream();
    await store.append(stream, [testEvent('A', { v: 1 })], Expected.noStream);
    const client = await db.pool.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      await expect(client.query(`UPDATE events SET data = '{"v":2}' WHERE stream_id = $1`, [stream])).rejects.toThrow(
        /immutable/,
      );
      await expect(client.query('TRUNCATE events')).rejects.toThrow(/immutable/);
      await client.query(`RESET session_replication_role`);
    } finally {
      client.release();
    }
    expect((await store.readStream(stream))[0].data).toEqual({ v: 1 });
  });

  it('reads shown events with each stream head and a seal that holds while the immutability triggers do', async () => {
    const store = new PostgresEventStore(db.pool);
    const a = uniqueStream('shown');
    const b = uniqueStream('shown');
    await store.append(a, [testEvent('A'), testEvent('A')], Expected.noStream);
    await store.append(b, [testEvent('B')], Expected.noStream);
    await store.append(a, [testEvent('A')], Expected.version(2));
    // The events table itself stands in for a read model showing the first event of each stream.
    const read = () =>
      store.readShownEvents({
        text: `SELECT position::text AS position, stream_id AS "streamId", stream_version AS "streamVersion",
                      metadata->>'hash' AS hash
               FROM events WHERE stream_id = ANY($1::text[]) AND stream_version = 1`,
        params: [[a, b]],
        run: async (text, params) => (await db.pool.query(text, params)).rows,
      });
    const first = await read();
    expect(first.rows.map((row) => [row.streamId, row.streamVersion])).toEqual([
      [a, 1],
      [b, 1],
    ]);
    expect(first.watch.heads).toEqual({ [a]: 3, [b]: 1 });
    expect(first.watch.seal).toEqual(expect.any(String));
    expect((await read()).watch.seal).toBe(first.watch.seal);

    await db.pool.query('ALTER TABLE events DISABLE TRIGGER events_no_update');
    try {
      expect((await read()).watch.seal).toBeNull();
      await db.pool.query('ALTER TABLE events ENABLE TRIGGER events_no_update'); // ordinary sessions only
      expect((await read()).watch.seal).toBeNull();
    } finally {
      await db.pool.query('ALTER TABLE events ENABLE ALWAYS TRIGGER events_no_update');
    }
    const resealed = (await read()).watch.seal;
    expect(resealed).toEqual(expect.any(String));
    expect(resealed).not.toBe(first.watch.seal);
    // No rows: the log is not asked about anything.
    const none = await store.readShownEvents({
      text: `SELECT position::text AS position, stream_id AS "streamId" FROM events WHERE false`,
      params: [],
      run: async (text, params) => (await db.pool.query(text, params)).rows,
    });
    expect(none).toEqual({ rows: [], watch: { heads: {}, seal: null } });
  });

  it('keeps the log readable up to the oldest running writer only', async () => {
    const store = new PostgresEventStore(db.pool);
    // Other databases' transactions on the same server also hold the horizon back for a moment.
    const readable = async (position: string) => {
      const deadline = Date.now() + 10_000;
      while ((await store.headPosition()) !== position && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      return store.headPosition();
    };
    const marker = await store.append(uniqueStream(), [testEvent('Marker')], Expected.noStream);
    expect(await readable(marker.position)).toBe(marker.position);
    const blocker = await db.pool.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT pg_current_xact_id()'); // takes a transaction id, like a writer
    const later = await store.append(uniqueStream(), [testEvent('After')], Expected.noStream);
    await new Promise((r) => setTimeout(r, 50));
    expect(await store.headPosition()).toBe(marker.position);
    expect(await store.lastCommittedPosition()).toBe(later.position); // committed, not yet safely readable
    expect((await store.readAll({ after: marker.position, limit: 10 })).events).toEqual([]);
    await blocker.query('ROLLBACK');
    blocker.release();
    expect(await readable(later.position)).toBe(later.position);
  });

  it('continues from the remembered head, and a writer elsewhere makes that head stale without corrupting the chain', async () => {
    const ours = new PostgresEventStore(db.pool);
    const elsewhere = new PostgresEventStore(db.pool); // another process with its own memory
    const stream = uniqueStream('cache');
    await ours.append(stream, [testEvent('A', { n: 1 })], Expected.noStream);
    await ours.append(stream, [testEvent('A', { n: 2 })], Expected.version(1)); // from the remembered head
    await elsewhere.append(stream, [testEvent('A', { n: 3 })], Expected.version(2));

    // `ours` still remembers version 2: the stale expectation collides and appends nothing.
    const before = await ours.readStream(stream);
    await expect(ours.append(stream, [testEvent('A', { n: 99 })], Expected.version(2))).rejects.toMatchObject({
      streamId: stream,
      actual: 3,
    });
    expect(await ours.readStream(stream)).toEqual(before);

    // The right expectation (unknown to its memory) reads the head and chains from it.
    await ours.append(stream, [testEvent('A', { n: 4 })], Expected.version(3));
    await elsewhere.append(stream, [testEvent('A', { n: 5 })], Expected.any);
    await ours.append(stream, [testEvent('A', { n: 6 })], Expected.streamExists);
    const events = await ours.readStream(stream);
    expect(events.map((e) => e.data.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(verifyChain(events)).toEqual({ valid: true, brokenAt: null });
  });

  it('appends a stream that occurs several times in one call as one continuing chain, between other streams', async () => {
    const store = new PostgresEventStore(db.pool);
    const a = uniqueStream('runs');
    const b = uniqueStream('runs');
    const results = await store.appendToStreams([
      { streamId: a, expected: Expected.noStream, events: [testEvent('A', { n: 1 })] },
      { streamId: b, expected: Expected.noStream, events: [testEvent('B', { n: 1 })] },
      { streamId: a, expected: Expected.version(1), events: [testEvent('A', { n: 2 }), testEvent('A', { n: 3 })] },
    ]);
    expect(results.map((r) => [r.streamId, r.version])).toEqual([
      [a, 1],
      [b, 1],
      [a, 3],
    ]);
    const positions = results.flatMap((r) => r.events.map((e) => e.position));
    expect([...positions].sort(comparePositions)).toEqual(positions); // the order of the call
    const streamA = await store.readStream(a);
    expect(streamA.map((e) => e.position)).toEqual([results[0].position, ...results[2].events.map((e) => e.position)]);
    expect(verifyChain(streamA)).toEqual({ valid: true, brokenAt: null });
    expect(streamA).toEqual([...results[0].events, ...results[2].events]);
  });

  it('names the stream that conflicted in a multi-stream append and appends none of it', async () => {
    const store = new PostgresEventStore(db.pool);
    const fresh = uniqueStream('multi');
    const taken = uniqueStream('multi');
    await store.append(taken, [testEvent('T')], Expected.noStream);
    const head = await store.lastCommittedPosition();
    const attempt = store.appendToStreams([
      { streamId: fresh, expected: Expected.noStream, events: [testEvent('F')] },
      { streamId: taken, expected: Expected.noStream, events: [testEvent('T')] },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(VersionConflict);
    await expect(attempt).rejects.toMatchObject({ streamId: taken, actual: 1 });
    expect(await store.readStream(fresh)).toEqual([]);
    expect(await store.lastCommittedPosition()).toBe(head);
  });

  it('wakes a subscriber of another process after an append, without waiting for its poll', async () => {
    const subscriberSide = new PostgresEventStore(db.pool, { listenUrl: db.url, pollIntervalMs: 60_000 });
    const writerSide = new PostgresEventStore(db.pool);
    await subscriberSide.waitForAppend(1); // its LISTEN connection is up
    const from = await subscriberSide.lastCommittedPosition();
    const seen: RecordedEvent[] = [];
    const subscription = subscriberSide.subscribeToAll({
      from,
      onBatch: async (batch) => void seen.push(...batch.events),
    });
    const stream = uniqueStream('wake');
    // A wake-up can come while another server-wide transaction still holds the readable
    // horizon back; each further append wakes it again. Without NOTIFY it would sleep 60 s.
    const deadline = Date.now() + 10_000;
    while (!seen.some((e) => e.streamId === stream) && Date.now() < deadline) {
      await writerSide.append(stream, [testEvent('Wake')], Expected.any);
      const retry = Date.now() + 500;
      while (!seen.some((e) => e.streamId === stream) && Date.now() < retry)
        await new Promise((r) => setTimeout(r, 20));
    }
    await subscriberSide.close(); // wakes the subscription's long wait
    await subscription.stop();
    await writerSide.close();
    expect(seen.some((e) => e.streamId === stream)).toBe(true);
  });
});
