// A PostgreSQL server of a test's own, which the test can stop and start again (pg_ctl)
// while an app runs on it: restarting the run's shared server would break the other test
// files. The embedded package is ESM, which Jest's module sandbox cannot load, so the
// first start runs in a child process (test/support/embeddedPostgresChild.ts); pg_ctl,
// which ships next to `postgres`, stops and starts it as the user that owns the data.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';

const projectRoot = join(__dirname, '../..');

/** How PostgreSQL stops: `immediate` as in a crash (no checkpoint), `fast` ending the sessions cleanly. */
export type ShutdownMode = 'immediate' | 'fast';

export interface RestartablePostgres {
  /** A database of its own on the server. */
  databaseUrl: string;
  /** Stops the server; resolves once it is down. */
  stop(mode: ShutdownMode): Promise<void>;
  /** Starts it again with the settings of its first start; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it for good and removes its data. */
  close(): Promise<void>;
}

/** The first line a child prints; rejects with what it wrote to stderr if it exits first. */
export function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const errors: string[] = [];
    child.stderr.on('data', (chunk) => errors.push(String(chunk)));
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code}): ${errors.join('')}`)));
  });
}

/** Runs a TypeScript file of the project in a child process (test/support/registerTs.js). */
export function runTs(script: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(
    process.execPath,
    ['-r', join(projectRoot, 'test/support/registerTs.js'), join(projectRoot, script), ...args],
    { cwd: projectRoot },
  );
}

function run(command: string, args: string[], as: { uid: number; gid: number } | null, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The server pg_ctl starts outlives it: no pipe of ours may stay open in it.
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], ...(as ?? {}) });
    const errors: string[] = [];
    child.stderr.on('data', (chunk) => errors.push(String(chunk)));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}: ${errors.join('')}`)),
    );
  });
}

/** Starts a server of the test's own with one database on it. */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'tdkt-fault-pg-'));
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(projectRoot, 'test/support/registerTs.js'),
      join(projectRoot, 'test/support/embeddedPostgresChild.ts'),
      dataFolder,
    ],
    { cwd: projectRoot },
  );
  const handle = JSON.parse(await firstLine(child)) as { databaseUrl: string; dataDir: string; pid: number };
  const { dataDir } = handle;
  const pgCtl = join(dirname(readlinkSync(`/proc/${handle.pid}/exe`)), 'pg_ctl');
  // The postmaster's own command line: every setting it was started with.
  const opts = readFileSync(join(dataDir, 'postmaster.opts'), 'utf8').trim();
  const options = opts.slice(opts.indexOf(' ') + 1);
  const owner = statSync(dataDir);
  const as = process.getuid?.() === 0 ? { uid: owner.uid, gid: owner.gid } : null;
  const pgCtlRun = (...args: string[]) => run(pgCtl, [...args, '-D', dataDir, '-w', '-t', '60'], as, dataDir);

  const admin = new Client({ connectionString: handle.databaseUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE faults');
  await admin.end();
  const url = new URL(handle.databaseUrl);
  url.pathname = '/faults';

  let running = true;
  return {
    databaseUrl: url.toString(),
    stop: async (mode) => {
      await pgCtlRun('stop', '-m', mode);
      running = false;
    },
    start: async () => {
      await pgCtlRun('start', '-l', join(dataDir, 'restarted.log'), '-o', options);
      running = true;
    },
    close: async () => {
      if (running) await pgCtlRun('stop', '-m', 'fast').catch(() => undefined);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end(); // the child removes the data folder and exits
      await exited;
      rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}
