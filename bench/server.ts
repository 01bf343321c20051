/**
 * The app under test. The benchmark runs it as `node dist/src/main.js` in a child
 * process (its own heap and CPU, peak RSS from /proc/<pid>/status); tests run it in-process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/app';
import { BENCH_TOKEN_SETTINGS } from './auth';
import { findFreePort } from '../src/infra/embeddedPostgres';
import { silentLogger } from '../src/infra/logger';
import { COMMAND_STATS, type CommandStatsMessage } from '../src/infra/parentProcess';
import { projectRoot } from '../src/infra/projectRoot';
import { sleep } from './lib';
import {
  PROBED_APP_ROOT,
  STATEMENT_COUNTS,
  type StatementCounts,
  type StatementCountsMessage,
} from './statementCounts';

export interface ServerHandle {
  url: string;
  pid: number | null;
  /** Version conflicts the app's command handler retried so far, per command name (null: the app does not tell). */
  conflictRetries(): Promise<Record<string, number> | null>;
  /** The statements the app has sent PostgreSQL so far, by kind (null: not counted, as for an app in this process). */
  statementCounts(): Promise<StatementCounts | null>;
  stop(): Promise<void>;
}

/** How long the app has to answer over its IPC channel (a build without the channel never answers). */
const IPC_ANSWER_MS = 5_000;

/**
 * Asks the app in `child` over the IPC channel it was spawned with: sends `{ kind }` and
 * resolves with what `pick` takes from the first answer it recognises (null when none comes).
 */
function askChild<T>(child: ChildProcess, kind: string, pick: (answer: unknown) => T | undefined): Promise<T | null> {
  if (!child.connected) return Promise.resolve(null);
  return new Promise((resolve) => {
    const done = (answer: T | null) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(answer);
    };
    const onMessage = (message: unknown) => {
      const picked = pick(message);
      if (picked !== undefined) done(picked);
    };
    const timer = setTimeout(() => done(null), IPC_ANSWER_MS);
    child.on('message', onMessage);
    child.send({ kind }, (error) => {
      if (error) done(null);
    });
  });
}

/** The app's command counts (a build without the channel never answers). */
function conflictRetriesOf(child: ChildProcess): Promise<Record<string, number> | null> {
  return askChild(child, COMMAND_STATS, (message) => {
    const answer = message as Partial<CommandStatsMessage> | null;
    return answer?.kind === COMMAND_STATS ? answer.conflictRetries : undefined;
  });
}

/** The statements the app has sent so far, as the benchmark's probe in it counted them. */
function statementCountsOf(child: ChildProcess): Promise<StatementCounts | null> {
  return askChild(child, STATEMENT_COUNTS, (message) => {
    const answer = message as Partial<StatementCountsMessage> | null;
    return answer?.kind === STATEMENT_COUNTS ? answer.counts : undefined;
  });
}

export interface MemorySample {
  /** Resident set size now, in MiB. */
  rssMiB: number;
  /** Peak resident set size so far (VmHWM), in MiB. */
  peakMiB: number;
}

function readMemory(pid: number): MemorySample | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: Math.round(kib('VmRSS') / 1024), peakMiB: Math.round(kib('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

/** Samples a process's memory every `intervalMs` until stopped. */
export function sampleMemory(pid: number, intervalMs = 250): { stop(): MemorySample | null } {
  let last: MemorySample | null = readMemory(pid);
  let maxRss = last?.rssMiB ?? 0;
  const timer = setInterval(() => {
    const sample = readMemory(pid);
    if (sample) {
      last = sample;
      maxRss = Math.max(maxRss, sample.rssMiB);
    }
  }, intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      const final = readMemory(pid) ?? last;
      return final ? { rssMiB: Math.max(maxRss, final.rssMiB), peakMiB: final.peakMiB } : null;
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the server at ${url} did not become healthy in ${timeoutMs} ms`);
}

/**
 * The app's Node flags: package.json's `config.nodeFlags`, which `npm start` and the
 * Dockerfile pass too, so the benchmark runs the app as shipped. A larger young
 * generation lets a request's garbage die before it is collected, instead of being
 * copied and promoted while the request is in flight; a fixed old-generation growth
 * factor of 2 (V8 picks up to 4) collects promoted garbage before the heap has tripled
 * its live size; and no allocation-site pretenuring keeps a request's allocations out of
 * the old generation, where, dead, they would keep its young rows alive through every
 * scavenge. They pay in memory: the app's peak RSS was 212 MiB with them and 251 without
 * in a same-session A/B (bench/README.md, "Speed tricks").
 */
export const APP_NODE_FLAGS: readonly string[] = appNodeFlags(projectRoot());

interface PackageJson {
  config?: { nodeFlags?: string };
  scripts?: Record<string, string>;
}

/** The Node flags of the app in the checkout at `appRoot` (its package.json). */
export function appNodeFlags(appRoot: string): string[] {
  const pkg = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as PackageJson;
  const flags = pkg.config?.nodeFlags ?? flagsOfStartScript(pkg.scripts?.start ?? '');
  return flags.split(/\s+/).filter(Boolean);
}

/** A checkout whose package.json has no `config.nodeFlags` (a baseline build) names its flags in its start script. */
function flagsOfStartScript(start: string): string {
  const command = /node((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/src\/main\.js/.exec(start);
  return command ? command[1] : '';
}

export interface ServerProcessOptions {
  cpuProfileDir?: string;
  log?: (line: string) => void;
  /** The checkout whose build runs (default this one): its `dist/src/main.js` with its `npm start` flags. */
  appRoot?: string;
}

/** Node's arguments for the app's `main`: its `npm start` flags, the CPU profile if asked, the statement probe. */
function appArguments(main: string, options: ServerProcessOptions): string[] {
  const nodeFlags = options.appRoot === undefined ? APP_NODE_FLAGS : appNodeFlags(options.appRoot);
  return [
    ...nodeFlags,
    ...(options.cpuProfileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`, '--cpu-prof-name=server.cpuprofile']
      : []),
    // Counts the app's statements by kind (bench/statementProbe.ts); the app's code runs as shipped.
    '--require',
    join(projectRoot(), 'dist', 'bench', 'statementProbe.js'),
    main,
  ];
}

export async function startServerProcess(
  databaseUrl: string,
  options: ServerProcessOptions = {},
): Promise<ServerHandle> {
  const appRoot = options.appRoot ?? projectRoot();
  const main = join(appRoot, 'dist', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} not found: run npm run build in ${appRoot} first`);
  const port = await findFreePort();
  // The documents the command slice uploads, kept out of the checkout's `.data`.
  const documentsDir = mkdtempSync(join(tmpdir(), 'tdkt-bench-documents-'));
  const child = spawn(process.execPath, appArguments(main, options), {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      EVENT_STORE: 'postgres',
      NODE_ENV: 'production',
      JWT_SECRET: BENCH_TOKEN_SETTINGS.secret,
      DOCUMENTS_DIR: documentsDir,
      [PROBED_APP_ROOT]: appRoot,
    },
    // The IPC channel is how the benchmark asks the app for its command counts (src/infra/parentProcess.ts).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const log = options.log ?? (() => undefined);
  child.stdout?.on('data', (c: Buffer) => log(c.toString().trimEnd()));
  child.stderr?.on('data', (c: Buffer) => log(c.toString().trimEnd()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, 120_000);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(documentsDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    pid: child.pid ?? null,
    conflictRetries: () => conflictRetriesOf(child),
    statementCounts: () => statementCountsOf(child),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timeout = sleep(20_000).then(() => 'timeout');
        if ((await Promise.race([exited.then(() => 'exited'), timeout])) === 'timeout') {
          child.kill('SIGKILL');
          await exited;
        }
      }
      rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the app at `url` rebuilds no read model, at most `maxMs`: how long a
 * rebuild kept it waiting (0 when none ran).
 * An app whose projection versions differ from those of the database's read models
 * rebuilds them right after it starts, and readers measured meanwhile share the cores with it.
 */
export async function untilNoRebuild(url: string, maxMs: number): Promise<number> {
  const start = Date.now();
  // Two answers a second apart: a rebuild registers itself a moment after the app starts serving.
  let quietBefore = false;
  let rebuilt = false;
  for (;;) {
    const health = (await (await fetch(`${url}/health`)).json()) as {
      projections?: Array<{ name: string; state: string }>;
    };
    const projections = health.projections ?? [];
    const failed = projections.filter((p) => p.state === 'failed').map((p) => p.name);
    if (failed.length > 0) throw new Error(`read models failed in the app at ${url}: ${failed.join(', ')}`);
    const waited = Date.now() - start;
    const quiet = !projections.some((p) => p.state === 'rebuilding');
    if (quiet && quietBefore) return rebuilt ? waited : 0;
    quietBefore = quiet;
    rebuilt ||= !quiet;
    if (waited >= maxMs)
      throw new Error(`the app at ${url} still rebuilds read models after ${Math.round(waited / 1000)} s`);
    await sleep(1_000);
  }
}

/** The app in this process (tests): no separate RSS. */
export async function startServerInProcess(databaseUrl: string): Promise<ServerHandle> {
  const app = await startApp({
    config: { eventStore: 'postgres', eventStoreUrl: null, port: 0 },
    databaseUrl,
    logger: silentLogger,
    host: '127.0.0.1',
    tokens: BENCH_TOKEN_SETTINGS,
  });
  return {
    url: app.url.replace('localhost', '127.0.0.1'),
    pid: null,
    conflictRetries: async () => app.services.commands.conflictRetries.snapshot(),
    statementCounts: async () => null,
    stop: () => app.stop(),
  };
}
