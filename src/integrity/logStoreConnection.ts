import type { StoreConfig } from '../config';
import type { EventStore } from '../eventStore/eventStore.port';
import { EventStoreDbEventStore } from '../eventStore/eventStoreDb/eventStoreDbEventStore';
import { PostgresEventStore } from '../eventStore/postgres/postgresEventStore';
import { createPool } from '../infra/db';
import { EMBEDDED_DATABASE, runningEmbeddedPostgresUrl } from '../infra/embeddedPostgres';
import { relocatedDataDir } from '../infra/postgresPlacement';

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
 * server `npm start` runs on its data folder (`EMBEDDED_PG_DATA_DIR`, default
 * `.data/postgres`). It never starts or stops that server: starting one clears away
 * whatever server it takes for an orphan on the same folder. PostgreSQL sessions are read-only.
 */
export async function openLogStore(config: StoreConfig): Promise<LogStoreConnection> {
  if (config.eventStore === 'eventstoredb') {
    const store = new EventStoreDbEventStore(config.eventStoreUrl!);
    return { store, description: 'EventStoreDB at EVENTSTORE_URL', close: () => store.close() };
  }
  if (config.databaseUrl) return openPostgres(config.databaseUrl, 'PostgreSQL at DATABASE_URL');
  // As root from a private folder, `npm start` keeps the data where the postgres user can reach it.
  for (const dataDir of [config.embeddedDataDir, relocatedDataDir(config.embeddedDataDir)]) {
    const running = runningEmbeddedPostgresUrl(dataDir, EMBEDDED_DATABASE);
    if (running) return openPostgres(running, `the embedded PostgreSQL running on ${dataDir}`);
  }
  throw new Error(
    `no embedded PostgreSQL runs on ${config.embeddedDataDir}: start the app (npm start), or set DATABASE_URL`,
  );
}

async function openPostgres(url: string, description: string): Promise<LogStoreConnection> {
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
    },
  };
}
