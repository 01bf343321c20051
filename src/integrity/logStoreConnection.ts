import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreConfig } from '../config';
import type { EventStore } from '../eventStore/eventStore.port';
import { EventStoreDbEventStore } from '../eventStore/eventStoreDb/eventStoreDbEventStore';
import { PostgresEventStore } from '../eventStore/postgres/postgresEventStore';
import { createPool } from '../infra/db';
import { EMBEDDED_DATABASE, runningEmbeddedPostgresUrl, startEmbeddedPostgres } from '../infra/embeddedPostgres';

/** An event store opened for reading the log, and how to let go of it. */
export interface LogStoreConnection {
  store: EventStore;
  /** Where the log is, for the report. */
  description: string;
  close(): Promise<void>;
}

/**
 * Opens the log the app's configuration names: EventStoreDB with
 * `EVENT_STORE=eventstoredb`, else PostgreSQL at `DATABASE_URL`, else the embedded
 * server's data folder (`EMBEDDED_PG_DATA_DIR`, default `.data/postgres`): the server
 * `npm start` runs there, or, when none runs, one started for the check and stopped after.
 * PostgreSQL sessions are read-only.
 */
export async function openLogStore(config: StoreConfig): Promise<LogStoreConnection> {
  if (config.eventStore === 'eventstoredb') {
    const store = new EventStoreDbEventStore(config.eventStoreUrl!);
    return { store, description: 'EventStoreDB at EVENTSTORE_URL', close: () => store.close() };
  }
  if (config.databaseUrl) return openPostgres(config.databaseUrl, 'PostgreSQL at DATABASE_URL', async () => undefined);
  const dataDir = config.embeddedDataDir;
  const running = runningEmbeddedPostgresUrl(dataDir, EMBEDDED_DATABASE);
  if (running) return openPostgres(running, `the embedded PostgreSQL running on ${dataDir}`, async () => undefined);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`no event log: ${dataDir} holds no database (set DATABASE_URL, or EMBEDDED_PG_DATA_DIR to the app's data folder)`);
  const embedded = await startEmbeddedPostgres({ dataDir, port: config.embeddedPort, persistent: true, database: EMBEDDED_DATABASE });
  return openPostgres(embedded.databaseUrl, `the embedded PostgreSQL in ${dataDir} (started for this check)`, () => embedded.stop()).catch(async (error) => {
    await embedded.stop();
    throw error;
  });
}

async function openPostgres(url: string, description: string, release: () => Promise<void>): Promise<LogStoreConnection> {
  const pool = createPool(url, { max: 2, applicationName: 'tdkt-verify-chain', readOnly: true });
  try {
    const { rows } = await pool.query<{ present: boolean }>(`SELECT to_regclass('events') IS NOT NULL AS present`);
    if (!rows[0].present) throw new Error(`no event log: ${description} has no events table`);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const store = new PostgresEventStore(pool);
  return {
    store,
    description,
    close: async () => {
      await store.close();
      await pool.end();
      await release();
    },
  };
}
