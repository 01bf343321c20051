import type { Pool } from 'pg';
import { allProjections } from '../../projections';
import type { Config } from '../config';
import type { EventStore } from '../eventStore/eventStore.port';
import { EventStoreDbEventStore } from '../eventStore/eventStoreDb/eventStoreDbEventStore';
import { PostgresEventStore } from '../eventStore/postgres/postgresEventStore';
import { createPool } from '../infra/db';
import type { ProjectionDefinition } from '../projections/projection';
import { openCliDatabase, type CliDatabase } from './database';
import { CliFailure, EXIT, type CliIo } from './io';
import { loadCliConfig } from './session';

/** The database and the log, as the projection commands read them. */
export interface LogAccess {
  config: Config;
  database: CliDatabase;
  pool: Pool;
  store: EventStore;
  close(): Promise<void>;
}

/** Opens the configured database and event store with a pool of `poolSize` connections. */
export async function openLogAccess(io: CliIo, poolSize: number, applicationName: string): Promise<LogAccess> {
  const config = loadCliConfig(io);
  const database = await openCliDatabase(config, (line) => io.err(`${line}\n`));
  const pool = createPool(database.url, { max: poolSize, applicationName });
  try {
    const { rows } = await pool.query<{ present: boolean }>(
      `SELECT to_regclass('projection_state') IS NOT NULL AS present`,
    );
    if (!rows[0].present) throw new CliFailure(`no read models yet in ${database.description}: start the app once`);
  } catch (error) {
    await pool.end();
    await database.close();
    throw error;
  }
  const store: EventStore =
    config.eventStore === 'eventstoredb'
      ? new EventStoreDbEventStore(config.eventStoreUrl!)
      : new PostgresEventStore(pool);
  return {
    config,
    database,
    pool,
    store,
    close: async () => {
      await store.close();
      await pool.end();
      await database.close();
    },
  };
}

/** The projections `name` stands for: one by its name, or `all`. */
export function projectionsNamed(name: string): readonly ProjectionDefinition[] {
  if (name === 'all') return allProjections;
  const found = allProjections.find((definition) => definition.name === name);
  if (!found)
    throw new CliFailure(
      `unknown projection ${name}: one of ${allProjections.map((d) => d.name).join(', ')}, or all`,
      EXIT.usage,
    );
  return [found];
}
