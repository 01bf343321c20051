// Two projection runners in one process on one database, each with leases of its own, as
// two instances would run: only the lease holder applies a projection, the other answers
// waits and status from the database, and takes over once the holder's lease connection drops.
import type { PoolClient } from 'pg';
import { Expected, type RecordedEvent } from '../../src/eventStore/eventStore.port';
import type { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { Leases } from '../../src/infra/leases';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { ProjectionRunner } from '../../src/projections/projectionRunner';
import { StoredProgress } from '../../src/projections/storedProgress';
import { NotLeaseHolder } from '../../src/shared/errors';
import type { TestDatabase } from '../support/database';
import { testEvent, uniqueStream } from '../support/events';
import { createTestLog, type TestLog } from '../support/storedLog';
import { until } from '../support/until';

/** Records every event it applies by position: one applied twice breaks the primary key. */
function recording(name: string, eventTypes: readonly string[] | null): ProjectionDefinition {
  return {
    name,
    version: 1,
    eventTypes,
    migrations: [{ id: '001_seen', sql: 'CREATE TABLE seen (position bigint PRIMARY KEY, type text NOT NULL)' }],
    apply: async (events: RecordedEvent[], client: PoolClient) => {
      await client.query('INSERT INTO seen (position, type) SELECT * FROM unnest($1::bigint[], $2::text[])', [
        events.map((e) => e.position),
        events.map((e) => e.type),
      ]);
    },
  };
}

const DEFINITIONS = [recording('rare', ['Rare']), recording('every', null)];

interface Instance {
  id: string;
  leases: Leases;
  progress: StoredProgress;
  runner: ProjectionRunner;
  stop(): Promise<void>;
}

async function startInstance(db: TestDatabase, store: PostgresEventStore, id: string): Promise<Instance> {
  const leases = new Leases({ connectionString: db.url, instanceId: id, retryIntervalMs: 100 });
  const tracked = DEFINITIONS.map((d) => ({ kind: 'projection' as const, name: d.name, types: d.eventTypes }));
  const progress = new StoredProgress(db.pool, store, tracked, { listenUrl: db.url, pollIntervalMs: 200 });
  const runner = new ProjectionRunner(db.pool, store, DEFINITIONS, {
    pollIntervalMs: 20,
    instances: { leases, progress },
  });
  await runner.start();
  await progress.start();
  return {
    id,
    leases,
    progress,
    runner,
    stop: async () => {
      await runner.stop();
      await leases.stop();
      await progress.stop();
    },
  };
}

async function appendEvents(store: PostgresEventStore, count: number): Promise<string> {
  let last = '0';
  const stream = uniqueStream('leased');
  for (let i = 0; i < count; i++) {
    const type = i % 10 === 0 ? 'Rare' : 'Common';
    last = (await store.append(stream, [testEvent(type, { i })], Expected.any)).position;
  }
  return last;
}

async function seen(db: TestDatabase, name: string): Promise<string[]> {
  return (await db.pool.query(`SELECT position::text FROM ${name}.seen ORDER BY seen.position`)).rows.map(
    (r) => r.position,
  );
}

async function logged(db: TestDatabase, types: readonly string[] | null): Promise<string[]> {
  const { rows } = types
    ? await db.pool.query('SELECT position::text FROM events WHERE type = ANY($1) ORDER BY events.position', [types])
    : await db.pool.query('SELECT position::text FROM events ORDER BY events.position');
  return rows.map((r) => r.position);
}

const holders = (instance: Instance) => instance.runner.status().map((s) => [s.name, s.holder]);

describe('projection runners of two instances on one database', () => {
  let log: TestLog;
  let db: TestDatabase;
  let store: PostgresEventStore;
  const instances: Instance[] = [];

  beforeEach(async () => {
    log = await createTestLog({ pollIntervalMs: 20 });
    ({ db, store } = log);
  });
  afterEach(async () => {
    await Promise.all(instances.splice(0).map((i) => i.stop()));
    await log.drop();
  });

  it('applies each projection on one instance only, and on the other once the holder loses its lease', async () => {
    const a = await startInstance(db, store, 'instance-a');
    instances.push(a);
    const b = await startInstance(db, store, 'instance-b');
    instances.push(b);
    expect(holders(a)).toEqual([
      ['rare', 'instance-a'],
      ['every', 'instance-a'],
    ]);

    const first = await appendEvents(store, 95);
    // The follower learns the progress from the database; the rare projection's checkpoint
    // lags behind over positions without its events, which the follower sees past.
    expect(await b.runner.waitForPosition(first, 10_000)).toBe(true);
    expect(await a.runner.waitForPosition(first, 10_000)).toBe(true);
    await until('the follower names the holder', () => holders(b).every(([, holder]) => holder === 'instance-a'));
    expect(b.runner.status().map((s) => s.state)).toEqual(['running', 'running']);
    await expect(b.runner.rebuild('every')).rejects.toThrow(NotLeaseHolder);
    await expect(b.runner.rebuild('every')).rejects.toMatchObject({ code: 'NOT_LEASE_HOLDER' });

    // The holder's lease connection drops: it stops at once, and the other takes over.
    await db.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tdkt-lease instance-a'`,
    );
    await until('the second instance holds both leases', () =>
      DEFINITIONS.every((d) => b.leases.holds('projection', d.name)),
    );
    const last = await appendEvents(store, 60);
    expect(await b.runner.waitForPosition(last, 10_000)).toBe(true);
    expect(await a.runner.waitForPosition(last, 10_000)).toBe(true);
    await until('the first instance names the new holder', () =>
      holders(a).every(([, holder]) => holder === 'instance-b'),
    );

    // Every event applied once, none missed, whoever applied it.
    for (const definition of DEFINITIONS)
      expect(await seen(db, definition.name)).toEqual(await logged(db, definition.eventTypes));
    const { rows } = await db.pool.query(
      `SELECT name, events_applied::int AS applied FROM projection_state WHERE status = 'active' ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: 'every', applied: 155 },
      { name: 'rare', applied: 16 },
    ]);
  }, 60_000);
});
