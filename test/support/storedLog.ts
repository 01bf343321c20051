import type { Pool } from 'pg';
import { migratePostgresEventStore, PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { loadStoreConfig } from '../../src/config';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestLog {
  db: TestDatabase;
  store: PostgresEventStore;
  drop(): Promise<void>;
}

/**
 * Whether the tests' PostgreSQL stores commit multi-stream appends atomically: as the
 * environment says (POSTGRES_ATOMIC_MULTI_STREAM=false runs the suite as EventStoreDB would).
 */
export function testAtomicity(): boolean {
  return loadStoreConfig().atomicMultiStreamAppend;
}

/**
 * A PostgreSQL event store on a database of its own. With `pollIntervalMs`, its
 * subscribers also listen for new events on the database and poll that often.
 */
export async function createTestLog(
  options: { pollIntervalMs?: number; atomicMultiStreamAppend?: boolean } = {},
): Promise<TestLog> {
  const db = await createTestDatabase();
  await migratePostgresEventStore(db.pool);
  const atomicMultiStreamAppend = options.atomicMultiStreamAppend ?? testAtomicity();
  const store = new PostgresEventStore(
    db.pool,
    options.pollIntervalMs === undefined
      ? { atomicMultiStreamAppend }
      : { listenUrl: db.url, pollIntervalMs: options.pollIntervalMs, atomicMultiStreamAppend },
  );
  return {
    db,
    store,
    drop: async () => {
      await store.close();
      await db.drop();
    },
  };
}

/** Runs statements as an administrator who switched the immutability trigger off for a moment. */
export async function asAdministrator(pool: Pool, statements: Array<[string, unknown[]?]>): Promise<void> {
  await pool.query('ALTER TABLE events DISABLE TRIGGER events_no_update');
  try {
    for (const [sql, params] of statements) await pool.query(sql, params);
  } finally {
    await pool.query('ALTER TABLE events ENABLE ALWAYS TRIGGER events_no_update');
  }
}
