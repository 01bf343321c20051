/** What every phase of a benchmark run shares: its options, databases, task runner and results. */
import type { AppendTargetName } from '../appends';
import { DEFAULT_SEED, type GeneratorOptions } from '../generator';
import { Databases } from '../lib';
import type { BenchResults } from '../report';
import { machineInfo } from '../session';
import { runTask, runTaskInChild, type Task, type TaskResult } from '../worker';

export interface BenchOptions {
  /** A PostgreSQL server URL on which the benchmark may create and drop databases. */
  serverUrl: string;
  events: number;
  runs: number;
  quick: boolean;
  skipEmmett: boolean;
  seed?: number;
  /** Run workloads in worker processes and the app as `node dist/src/main.js` (the CLI); in-process for tests. */
  isolate: boolean;
  /** Directory for CPU profiles (workers and server), or none. */
  profileDir?: string;
  /** Commands per second the open loop offers (`--command-rate`, default 800). */
  commandRate?: number;
  /**
   * Smaller server phase (tests): seconds of the commands' open loop, commands per
   * closed-loop run, seconds per query rate, request rates, seconds of lag.
   */
  commandSeconds?: number;
  commandsPerRun?: number;
  querySeconds?: number;
  queryRates?: number[];
  lagSeconds?: number;
  /** Longest wait for autovacuum before each reader is measured (default a minute). */
  autovacuumWaitMs?: number;
  log?: (line: string) => void;
}

export const SINGLE_WRITERS = 16;
export const BATCH_WRITERS = 4;
export const BATCH_SIZE = 1_000;
/** Side-by-side append and rebuild comparisons use at most this many events of the log (time budget). */
const SIDE_BY_SIDE_MAX = 300_000;

export interface BenchRun {
  options: BenchOptions;
  log: (line: string) => void;
  dbs: Databases;
  /** Runs a workload: in a worker process when the options isolate them, else in this process. */
  exec: <T extends TaskResult>(task: Task) => Promise<T>;
  generator: GeneratorOptions;
  /** Runs of the heavy measures (whole-log appends, rebuilds): one above 200,000 events. */
  heavyRuns: number;
  /** How many events of the log the side-by-side comparisons get (undefined: all of them). */
  sideBySide: number | undefined;
  targets: AppendTargetName[];
  results: BenchResults;
}

export async function startRun(options: BenchOptions): Promise<BenchRun> {
  const seed = options.seed ?? DEFAULT_SEED;
  const sideBySide = options.events <= SIDE_BY_SIDE_MAX ? undefined : SIDE_BY_SIDE_MAX;
  const notes: string[] = [];
  const targets: AppendTargetName[] = options.skipEmmett
    ? ['ours', 'raw-insert', 'raw-copy']
    : ['ours', 'emmett', 'raw-insert', 'raw-copy'];
  if (options.skipEmmett) notes.push('Emmett was skipped (--skip-emmett).');
  if (sideBySide)
    notes.push(
      `Side by side (batched appends, minimal read model rebuild), every system gets the first ${sideBySide.toLocaleString('en-US')} events of the log; the ordered import and the rebuild of all read models use the whole log.`,
    );
  return {
    options,
    log: options.log ?? (() => undefined),
    dbs: new Databases(options.serverUrl),
    exec: <T extends TaskResult>(task: Task): Promise<T> =>
      options.isolate ? runTaskInChild<T>(task, { cpuProfileDir: options.profileDir }) : (runTask(task) as Promise<T>),
    generator: { events: options.events, seed },
    heavyRuns: options.events <= 200_000 ? options.runs : 1,
    sideBySide,
    targets,
    results: await emptyResults(options, seed, notes),
  };
}

async function emptyResults(options: BenchOptions, seed: number, notes: string[]): Promise<BenchResults> {
  return {
    date: new Date().toISOString(),
    durationSec: 0,
    machine: await machineInfo(options.serverUrl),
    options: {
      events: options.events,
      runs: options.runs,
      quick: options.quick,
      skipEmmett: options.skipEmmett,
      seed,
      singleSample: Math.min(options.events, options.quick ? 3_000 : 20_000),
      writers: { single: SINGLE_WRITERS, batch: BATCH_WRITERS },
      batchSize: BATCH_SIZE,
    },
    generator: { ms: 0, eventsPerSec: 0, stats: undefined as never },
    appends: { single: {}, batch: {}, ordered: null, allRuns: [] },
    rebuild: { all: null, allRuns: [], each: null, copy: {} },
    commands: null,
    queries: null,
    fragmentBomb: null,
    lag: null,
    verifyChain: null,
    rss: null,
    notes,
    targets: [],
  };
}

/** Runs one part of the benchmark; a failure is recorded in the notes and the rest goes on. */
export async function phase(results: BenchResults, name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    results.notes.push(`${name} failed: ${String((error as Error)?.message ?? error).slice(0, 500)}`);
  }
}
