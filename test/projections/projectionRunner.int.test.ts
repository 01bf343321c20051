import type { PoolClient } from 'pg';
import { auditTrailProjection } from '../../projections/auditTrail/auditTrail.projection';
import { Expected, type RecordedEvent } from '../../src/eventStore/eventStore.port';
import { PostgresEventStore, migratePostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { ProjectionRunner } from '../../src/projections/projectionRunner';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { testEvent, uniqueStream } from '../support/events';

/** Counts events per stream with increments, so a double-applied batch shows as a wrong count. */
function countingProjection(name: string, failOn?: (event: RecordedEvent) => boolean): ProjectionDefinition {
  return {
    name,
    version: 1,
    eventTypes: ['Counted', 'Poison'],
    migrations: [{ id: '001_counts', sql: 'CREATE TABLE counts (stream_id text PRIMARY KEY, n integer NOT NULL, total bigint NOT NULL)' }],
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

describe('ProjectionRunner', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => {
    db = await createTestDatabase();
    await migratePostgresEventStore(db.pool);
    store = new PostgresEventStore(db.pool, { listenUrl: db.url, pollIntervalMs: 20 });
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  it('resumes after a crash mid-run without losing or double-counting an event', async () => {
    await appendMany(store, 12, 40); // 480 counted events among 480 others
    const projections = [countingProjection('counts'), auditTrailProjection];
    const crashing = new ProjectionRunner(db.pool, store, projections, { batchSize: 50, crashAfterBatches: 7 });
    await crashing.start();
    const deadline = Date.now() + 10_000;
    while (crashing.status().some((s) => s.state === 'running') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
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
    const audit = await db.pool.query('SELECT count(*)::int AS n, count(DISTINCT position)::int AS d FROM audit_trail.entries');
    expect(audit.rows[0]).toEqual({ n: 1020, d: 1020 });
    await resumed.stop();
  });

  it('stops a failing projection at the failing event and keeps the others going', async () => {
    const stream = uniqueStream('counted');
    await store.append(stream, [testEvent('Counted', { amount: 1 }), testEvent('Counted', { amount: 2 })], Expected.noStream);
    const poison = await store.append(stream, [testEvent('Poison', {}), testEvent('Counted', { amount: 4 })], Expected.version(2));
    const runner = new ProjectionRunner(db.pool, store, [countingProjection('fragile', (e) => e.type === 'Poison'), countingProjection('sturdy')], { batchSize: 100 });
    await runner.start();
    expect(await runner.waitForPosition(poison.position, 10_000, ['sturdy'])).toBe(true);
    const deadline = Date.now() + 5_000;
    while (runner.status().find((s) => s.name === 'fragile')?.state !== 'failed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const fragile = runner.status().find((s) => s.name === 'fragile')!;
    expect(fragile.state).toBe('failed');
    expect(fragile.failedPosition).toBe(poison.events[0].position);
    expect(fragile.error).toMatch(/Poison/);
    // Everything before the poison was applied, nothing after it.
    expect(await snapshot(db, 'fragile')).toEqual([{ stream_id: stream, n: 2, total: '3' }]);
    const state = await db.pool.query(`SELECT failed, failed_position::text FROM projection_state WHERE name = 'fragile'`);
    expect(state.rows[0]).toEqual({ failed: true, failed_position: poison.events[0].position });

    await store.append(stream, [testEvent('Counted', { amount: 8 })], Expected.version(4));
    expect(await runner.waitForPosition(await store.lastCommittedPosition(), 10_000, ['sturdy'])).toBe(true);
    expect(await snapshot(db, 'sturdy')).toEqual([{ stream_id: stream, n: 5, total: '15' }]); // it counts the poison too
    expect(await runner.waitForPosition(await store.lastCommittedPosition(), 300, ['fragile'])).toBe(false);
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
    const schemas = await db.pool.query(`SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'counts__g%'`);
    expect(schemas.rows.map((r) => r.schema_name)).toEqual([`counts__g${generationBefore + 1}`]);
    await runner.stop();
  });
});
