import type { Config } from '../config';
import {
  EMBEDDED_DATABASE,
  runningEmbeddedPostgresUrl,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '../infra/embeddedPostgres';
import { relocatedDataDir } from '../infra/postgresPlacement';

/** The app's database as a command reaches it, and how to let go of it. */
export interface CliDatabase {
  url: string;
  /** Where it is, for messages. */
  description: string;
  close(): Promise<void>;
}

/**
 * The database the app's configuration names: `DATABASE_URL`, else the embedded server a
 * running app (`npm start`) serves from its data folder, else that folder's server started
 * for this command and stopped after it. Only started when nothing runs on the folder:
 * starting one clears away a server it takes for an orphan on the same folder.
 */
export async function openCliDatabase(config: Config, say: (line: string) => void): Promise<CliDatabase> {
  const none = async () => undefined;
  if (config.databaseUrl) return { url: config.databaseUrl, description: 'PostgreSQL at DATABASE_URL', close: none };
  // As root from a private folder, `npm start` keeps the data where the postgres user can reach it.
  for (const dataDir of [config.embeddedDataDir, relocatedDataDir(config.embeddedDataDir)]) {
    const running = runningEmbeddedPostgresUrl(dataDir, EMBEDDED_DATABASE);
    if (running) return { url: running, description: `the embedded PostgreSQL running on ${dataDir}`, close: none };
  }
  say(`starting embedded PostgreSQL on ${config.embeddedDataDir}`);
  const embedded: EmbeddedPostgresHandle = await startEmbeddedPostgres({
    dataDir: config.embeddedDataDir,
    port: config.embeddedPort,
    persistent: true,
    database: EMBEDDED_DATABASE,
    log: () => undefined,
    notice: () => undefined,
  });
  return {
    url: embedded.databaseUrl,
    description: `the embedded PostgreSQL on ${embedded.dataDir}`,
    close: () => embedded.stop(),
  };
}
