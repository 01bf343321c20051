import { PostgresEventStore, migratePostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { comparePositions, Expected, type RecordedEvent } from '../../src/eventStore/eventStore.port';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { testEvent, uniqueStream } from '../support/events';
import { eventStoreContract } from './eventStoreContract';

eventStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase();
  await migratePostgresEventStore(db.pool);
  const store = new PostgresEventStore(db.pool, { listenUrl: db.url, pollIntervalMs: 50 });
  return { store, cleanup: async () => { await store.close(); await db.drop(); } };
});

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
    const delayed = new PostgresEventStore(db.pool, {
      beforeCommit: () => new Promise((resolve) => setTimeout(resolve, Math.random() * 15)),
    });
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
          const result = await delayed.append(stream, Array.from({ length: size }, (_, k) => testEvent('Gap', { w, i, k })), Expected.noStream);
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
    await expect(db.pool.query(`UPDATE events SET data = '{"v":2}' WHERE stream_id = $1`, [stream])).rejects.toThrow(/immutable/);
    await expect(db.pool.query('DELETE FROM events WHERE stream_id = $1', [stream])).rejects.toThrow(/immutable/);
    expect((await store.readStream(stream))[0].data).toEqual({ v: 1 });
  });

  it('keeps the log readable up to the oldest running writer only', async () => {
    const store = new PostgresEventStore(db.pool);
    // Other databases' transactions on the same server also hold the horizon back for a moment.
    const readable = async (position: string) => {
      const deadline = Date.now() + 10_000;
      while ((await store.headPosition()) !== position && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
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
});
