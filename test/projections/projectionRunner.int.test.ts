import type { PoolClient } from 'pg';
import { auditTrailProjection } from '../../projections/auditTrail/auditTrail.projection';
import { Expected, type RecordedEvent } from '../../src/eventStore/eventStore.port';
import type { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { ProjectionRunner } from '../../src/projections/projectionRunner';
import type { TestDatabase } from '../support/database';
import { testEvent, uniqueStream } from '../support/events';
import { createTestLog, type TestLog } from '../support/storedLog';

/** Counts events per stream with increments, so a double-applied batch shows as a wrong count. */
function countingProjection(name: string, failOn?: (event: RecordedEvent) => boolean): ProjectionDefinition {
  return {
    name,
    version: 1,
    eventTypes: ['Counted', 'Poison'],
    migrations: [
      {
        id: '001_counts',
        sql: 'CREATE TABLE counts (stream_id text PRIMARY KEY, n integer NOT NULL, total bigint NOT NULL)',
      },
    ],
    apply: async (events: RecordedEvent[], client: PoolClient) => {
      for (const event of events) {
        if (failOn?.(event)) throw new Error(`cannot count ${event.type}`);
        await client.query(
          `INSERT INTO counts (stream_id, n, total) VALUES ($1, 1, $2)
           ON CONFLICT (stream_id) DO UPDATE SET n = counts.n + 1, total = counts.total + $2`,
          [event.streamId, Number(event.data.amount ?? 0)],
        );
      }
    },
  };
}

/**
 * Records every event it applies by position: a double-applied event breaks the primary
 * key, a missed one shows in the comparison.
 */
function recordingProjection(
  name: string,
  eventTypes: readonly string[] | null,
  options: { delayMs?: number } = {},
): ProjectionDefinition {
  return {
    name,
    version: 1,
    eventTypes,
    migrations: [{ id: '001_seen', sql: 'CREATE TABLE seen (position bigint PRIMARY KEY, type text NOT NULL)' }],
    apply: async (events: RecordedEvent[], client: PoolClient) => {
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      await client.query('INSERT INTO seen (position, type) SELECT * FROM unnest($1::bigint[], $2::text[])', [
        events.map((e) => e.position),
        events.map((e) => e.type),
      ]);
    },
  };
}

async function seenPositions(db: TestDatabase, schema: string): Promise<string[]> {
  return (await db.pool.query(`SELECT position::text FROM ${schema}.seen ORDER BY seen.position`)).rows.map(
    (r) => r.position,
  );
}

async function logPositions(db: TestDatabase, types: readonly string[] | null): Promise<string[]> {
  const { rows } = types
    ? await db.pool.query('SELECT position::text FROM events WHERE type = ANY($1) ORDER BY events.position', [types])
    : await db.pool.query('SELECT position::text FROM events ORDER BY events.position');
  return rows.map((r) => r.position);
}

/** The store, counting how often the log is read. */
function countingReads(store: PostgresEventStore): { store: PostgresEventStore; reads: () => number } {
  let reads = 0;
  const counted = Object.create(store) as PostgresEventStore;
  counted.readAll = (options) => {
    reads++;
    return store.readAll(options);
  };
  return { store: counted, reads: () => reads };
}

/** Thrown by the test's hook: the runner stops the projection as if the process had been killed. */
class SimulatedCrash extends Error {}

async function appendMany(store: PostgresEventStore, streams: number, perStream: number): Promise<void> {
  await Promise.all(
    Array.from({ length: streams }, async () => {
      const stream = uniqueStream('counted');
      for (let i = 0; i < perStream; i++) {
        await store.append(stream, [testEvent('Counted', { amount: i + 1 }), testEvent('Noise', {})], Expected.any);
      }
    }),
  );
}

async function snapshot(db: TestDatabase, schema: string): Promise<unknown[]> {
  return (await db.pool.query(`SELECT stream_id, n, total::text FROM ${schema}.counts ORDER BY stream_id`)).rows;
}

/** Projection `name`'s status once it has failed, or as it stands after five seconds. */
async function statusOnceFailed(runner: ProjectionRunner, name: string) {
  const deadline = Date.now() + 5_000;
  while (runner.status().find((s) => s.name === name)?.state !== 'failed' && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  return runner.status().find((s) => s.name === name)!;
}

describe('ProjectionRunner', () => {
  let log: TestLog;
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => {
    log = await createTestLog({ pollIntervalMs: 20 });
    ({ db, store } = log);
  });
  afterEach(async () => log.drop());

  it('resumes after a crash mid-run without losing or double-counting an event', async () => {
    await appendMany(store, 12, 40); // 480 counted events among 480 others
    const projections = [countingProjection('counts'), auditTrailProjection];
    // Each projection dies (as if killed) inside the transaction of its 8th batch with events.
    const crashing = new ProjectionRunner(db.pool, store, projections, {
      batchSize: 50,
      hooks: {
        beforeCheckpoint: ({ batchesCommitted }) => {
          if (batchesCommitted >= 7) throw new SimulatedCrash(`simulated crash after ${batchesCommitted} batches`);
        },
      },
    });
    await crashing.start();
    const deadline = Date.now() + 10_000;
    while (crashing.status().some((s) => s.state === 'running') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(crashing.status().every((s) => s.state === 'stopped')).toBe(true);
    const partial = (await db.pool.query('SELECT coalesce(sum(n), 0)::int AS n FROM counts.counts')).rows[0].n;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(480);
    await crashing.stop();

    await appendMany(store, 3, 10); // more arrives while it is down
    const resumed = new ProjectionRunner(db.pool, store, projections, { batchSize: 50 });
    await resumed.start();
    expect(await resumed.waitForPosition(await store.lastCommittedPosition(), 15_000)).toBe(true);
    const incremental = await snapshot(db, 'counts');

    await resumed.rebuild('counts');
    const rebuilt = await snapshot(db, 'counts');
    expect(rebuilt).toEqual(incremental);
    expect((await db.pool.query('SELECT sum(n)::int AS n FROM counts.counts')).rows[0].n).toBe(510);
    const audit = await db.pool.query(
      'SELECT count(*)::int AS n, count(DISTINCT position)::int AS d FROM audit_trail.entries',
    );
    expect(audit.rows[0]).toEqual({ n: 1020, d: 1020 });
    await resumed.stop();
  });

  it('keeps its checkpoint row still while the log moves on without its events, and writes it with its next event', async () => {
    await store.append(uniqueStream('counted'), [testEvent('Counted', { amount: 1 })], Expected.noStream);
    const runner = new ProjectionRunner(db.pool, store, [countingProjection('counts')], {
      batchSize: 50,
      pollIntervalMs: 20,
    });
    await runner.start();
    try {
      expect(await runner.waitForPosition(await store.lastCommittedPosition(), 5_000)).toBe(true);
      const row = async () =>
        (
          await db.pool.query(
            `SELECT xmin::text AS row_version, position::text FROM projection_state WHERE name = 'counts' AND status = 'active'`,
          )
        ).rows[0];
      const before = await row();
      // Events of other types, and the transaction ids other writers take, move the readable horizon.
      for (let i = 0; i < 5; i++)
        await store.append(uniqueStream('noise'), [testEvent('Noise', {})], Expected.noStream);
      const noiseHead = await store.lastCommittedPosition();
      expect(await runner.waitForPosition(noiseHead, 5_000)).toBe(true); // read-your-writes still answers at once
      await new Promise((r) => setTimeout(r, 400)); // some twenty polls at the head
      expect(await row()).toEqual(before);

      await store.append(uniqueStream('counted'), [testEvent('Counted', { amount: 2 })], Expected.noStream);
      const counted = await store.lastCommittedPosition();
      expect(await runner.waitForPosition(counted, 5_000)).toBe(true);
      const after = await row();
      expect(after.row_version).not.toBe(before.row_version);
      expect(BigInt(after.position)).toBeGreaterThanOrEqual(BigInt(counted));
      expect((await db.pool.query('SELECT sum(n)::int AS n FROM counts.counts')).rows[0].n).toBe(2);
    } finally {
      await runner.stop();
    }
  });

  it('stops a failing projection at the failing event and keeps the others going', async () => {
    const stream = uniqueStream('counted');
    await store.append(
      stream,
      [testEvent('Counted', { amount: 1 }), testEvent('Counted', { amount: 2 })],
      Expected.noStream,
    );
    const poison = await store.append(
      stream,
      [testEvent('Poison', {}), testEvent('Counted', { amount: 4 })],
      Expected.version(2),
    );
    const runner = new ProjectionRunner(
      db.pool,
      store,
      [countingProjection('fragile', (e) => e.type === 'Poison'), countingProjection('sturdy')],
      { batchSize: 100 },
    );
    await runner.start();
    expect(await runner.waitForPosition(poison.position, 10_000, ['sturdy'])).toBe(true);
    const fragile = await statusOnceFailed(runner, 'fragile');
    expect(fragile.state).toBe('failed');
    expect(fragile.failedPosition).toBe(poison.events[0].position);
    expect(fragile.error).toMatch(/Poison/);
    // Everything before the poison was applied, nothing after it.
    expect(await snapshot(db, 'fragile')).toEqual([{ stream_id: stream, n: 2, total: '3' }]);
    const state = await db.pool.query(
      `SELECT failed, failed_position::text FROM projection_state WHERE name = 'fragile'`,
    );
    expect(state.rows[0]).toEqual({ failed: true, failed_position: poison.events[0].position });

    await store.append(stream, [testEvent('Counted', { amount: 8 })], Expected.version(4));
    expect(await runner.waitForPosition(await store.lastCommittedPosition(), 10_000, ['sturdy'])).toBe(true);
    expect(await snapshot(db, 'sturdy')).toEqual([{ stream_id: stream, n: 5, total: '15' }]); // it counts the poison too
    // Waiting for a read model that failed before the position is refused at once, naming it.
    await expect(
      runner.waitForPosition(await store.lastCommittedPosition(), 10_000, ['fragile']),
    ).rejects.toMatchObject({
      code: 'PROJECTION_FAILED',
      extensions: { projections: [{ name: 'fragile', failedPosition: poison.events[0].position }] },
    });
    await runner.stop();

    // A restart keeps it failed rather than silently skipping the event.
    const restarted = new ProjectionRunner(db.pool, store, [countingProjection('fragile', (e) => e.type === 'Poison')]);
    await restarted.start();
    expect(restarted.status()[0].state).toBe('failed');
    await restarted.stop();
  });

  it('rebuilds into fresh tables and switches over without queries ever seeing a partial model', async () => {
    await appendMany(store, 8, 30);
    const runner = new ProjectionRunner(db.pool, store, [countingProjection('counts')], { batchSize: 20 });
    await runner.start();
    expect(await runner.waitForPosition(await store.lastCommittedPosition(), 10_000)).toBe(true);
    const before = await snapshot(db, 'counts');
    const generationBefore = runner.status()[0].generation;

    let watching = true;
    const observed: number[] = [];
    const watcher = (async () => {
      while (watching) {
        observed.push((await db.pool.query('SELECT coalesce(sum(n), 0)::int AS n FROM counts.counts')).rows[0].n);
      }
    })();
    const writer = appendMany(store, 2, 10); // live appends during the rebuild
    await runner.rebuild('counts');
    await writer;
    expect(await runner.waitForPosition(await store.lastCommittedPosition(), 10_000)).toBe(true);
    watching = false;
    await watcher;

    expect(runner.status()[0].generation).toBe(generationBefore + 1);
    expect(Math.min(...observed)).toBeGreaterThanOrEqual(240);
    for (let i = 1; i < observed.length; i++) expect(observed[i]).toBeGreaterThanOrEqual(observed[i - 1]);
    const after = await snapshot(db, 'counts');
    expect(after.length).toBe(before.length + 2);
    expect((await db.pool.query('SELECT sum(n)::int AS n FROM counts.counts')).rows[0].n).toBe(260);
    const schemas = await db.pool.query(
      `SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'counts__g%'`,
    );
    expect(schemas.rows.map((r) => r.schema_name)).toEqual([`counts__g${generationBefore + 1}`]);
    await runner.stop();
  });

  it('reads the log once per batch for all projections and gives each exactly its own events', async () => {
    await appendMany(store, 10, 30); // 300 Counted and 300 Noise events
    const { store: counted, reads } = countingReads(store);
    const projections = [
      recordingProjection('every_event', null),
      recordingProjection('only_counted', ['Counted']),
      recordingProjection('only_noise', ['Noise', 'Absent']),
    ];
    const runner = new ProjectionRunner(db.pool, counted, projections, { catchUpBatchSize: 100, liveBatchSize: 7 });
    await runner.start();
    expect(await runner.waitForPosition(await store.lastCommittedPosition(), 10_000)).toBe(true);
    // 600 events in batches of 100: one shared read per batch (plus the read that finds the end),
    // not one per projection.
    expect(reads()).toBeLessThanOrEqual(8);

    await appendMany(store, 3, 5); // live, in small batches
    expect(await runner.waitForPosition(await store.lastCommittedPosition(), 10_000)).toBe(true);
    await runner.stop();
    expect(await seenPositions(db, 'every_event')).toEqual(await logPositions(db, null));
    expect(await seenPositions(db, 'only_counted')).toEqual(await logPositions(db, ['Counted']));
    expect(await seenPositions(db, 'only_noise')).toEqual(await logPositions(db, ['Noise']));
    const state = await db.pool.query(`SELECT name, events_applied::int AS n FROM projection_state ORDER BY name`);
    expect(state.rows).toEqual([
      { name: 'every_event', n: 630 },
      { name: 'only_counted', n: 315 },
      { name: 'only_noise', n: 315 },
    ]);
  });

  it('finds the failing event inside a large batch, applies everything before it, and keeps the others on the shared reader going', async () => {
    const stream = uniqueStream('counted');
    const events = Array.from({ length: 300 }, (_, i) =>
      i === 137 ? testEvent('Poison', {}) : testEvent('Counted', { amount: 1 }),
    );
    const appended = await store.append(stream, events, Expected.noStream);
    const runner = new ProjectionRunner(
      db.pool,
      store,
      [countingProjection('fragile', (e) => e.type === 'Poison'), recordingProjection('sturdy', null)],
      { catchUpBatchSize: 1000 },
    );
    await runner.start();
    expect(await runner.waitForPosition(appended.position, 10_000, ['sturdy'])).toBe(true);
    const fragile = await statusOnceFailed(runner, 'fragile');
    expect(fragile.state).toBe('failed');
    expect(fragile.failedPosition).toBe(appended.events[137].position);
    expect(fragile.checkpoint).toBe(appended.events[136].position);
    expect(await snapshot(db, 'fragile')).toEqual([{ stream_id: stream, n: 137, total: '137' }]);

    const more = await store.append(stream, [testEvent('Counted', { amount: 1 })], Expected.version(300));
    expect(await runner.waitForPosition(more.position, 10_000, ['sturdy'])).toBe(true);
    expect(await seenPositions(db, 'sturdy')).toEqual(await logPositions(db, null));
    await runner.stop();
  });

  it('lets a projection far behind catch up on its own reader while the others stay live, then share one reader', async () => {
    await appendMany(store, 10, 30);
    const first = new ProjectionRunner(db.pool, store, [recordingProjection('live_one', null)]);
    await first.start();
    expect(await first.waitForPosition(await store.lastCommittedPosition(), 10_000)).toBe(true);
    await first.stop();

    // A projection added later starts from zero, and slowly: 600 events in batches of 20, 150 ms each.
    const { store: counted, reads } = countingReads(store);
    const runner = new ProjectionRunner(
      db.pool,
      counted,
      [recordingProjection('live_one', null), recordingProjection('late_one', null, { delayMs: 150 })],
      {
        catchUpBatchSize: 20,
        liveBatchSize: 20,
      },
    );
    await runner.start();
    const live = await store.append(uniqueStream('counted'), [testEvent('Counted', { amount: 1 })], Expected.noStream);
    expect(await runner.waitForPosition(live.position, 2_000, ['live_one'])).toBe(true);
    expect(runner.status().find((s) => s.name === 'late_one')!.checkpoint < live.position).toBe(true);

    expect(await runner.waitForPosition(live.position, 30_000, ['late_one'])).toBe(true);
    // Joined: from now on one read serves both.
    await new Promise((r) => setTimeout(r, 300));
    const readsBefore = reads();
    for (let i = 0; i < 5; i++) {
      const next = await store.append(
        uniqueStream('counted'),
        [testEvent('Counted', { amount: 1 })],
        Expected.noStream,
      );
      expect(await runner.waitForPosition(next.position, 5_000)).toBe(true);
    }
    expect(reads() - readsBefore).toBeLessThanOrEqual(5 * 3);
    await runner.stop();
    expect(await seenPositions(db, 'live_one')).toEqual(await logPositions(db, null));
    expect(await seenPositions(db, 'late_one')).toEqual(await logPositions(db, null));
  });

  it('builds deferred indexes once a projection has caught up, and before a rebuilt generation goes live', async () => {
    await appendMany(store, 10, 15); // 300 events
    const indexed: ProjectionDefinition = {
      ...recordingProjection('indexed', null, { delayMs: 60 }),
      deferredIndexes: ['CREATE INDEX IF NOT EXISTS seen_by_type ON seen (type, position)'],
    };
    const indexesOf = async (schema: string) =>
      (
        await db.pool.query('SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname', [schema])
      ).rows.map((r) => r.indexname);
    // A page ends at the log's readable horizon, which any database's open transaction in this
    // cluster holds back: such a page counts as the head, and may build the indexes early.
    const pageEnds: boolean[] = [];
    const readAll = store.readAll.bind(store);
    store.readAll = async (options) => {
      const page = await readAll(options);
      pageEnds.push(page.endOfLog);
      return page;
    };
    const runner = new ProjectionRunner(db.pool, store, [indexed], { batchSize: 30 });
    await runner.start();
    const deadline = Date.now() + 5_000;
    while (runner.status()[0].checkpoint === '0' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const headSeen = pageEnds.includes(true);
    const whileCatchingUp = await indexesOf('indexed__g1');
    if (!headSeen) expect(whileCatchingUp).toEqual(['seen_pkey']); // catching up: not yet
    expect(await runner.waitForPosition(await store.lastCommittedPosition(), 10_000)).toBe(true);
    // Built with the batch that reaches the head of the log (or the empty read that finds it).
    const built = Date.now() + 5_000;
    while ((await indexesOf('indexed__g1')).length < 2 && Date.now() < built)
      await new Promise((r) => setTimeout(r, 20));
    expect(await indexesOf('indexed__g1')).toEqual(['seen_by_type', 'seen_pkey']);

    await runner.rebuild('indexed');
    expect(runner.status()[0].generation).toBe(2);
    expect(await indexesOf('indexed__g2')).toEqual(['seen_by_type', 'seen_pkey']);
    expect(await seenPositions(db, 'indexed')).toEqual(await logPositions(db, null));
    await runner.stop();
  });
});
