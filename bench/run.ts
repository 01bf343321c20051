/**
 * `npm run bench -- [--events N] [--runs K] [--skip-emmett] [--quick] [--profile]`
 *
 * Starts its own embedded PostgreSQL (fresh temporary data folder, stopped and removed
 * at the end), generates the province workload, and measures, side by side with the
 * Emmett PostgreSQL event store and the raw INSERT/COPY ceilings of the same machine:
 * appends, projection rebuilds, live lag, GraphQL command throughput, query latency
 * and the server's peak RSS. Writes bench/results/<date>.json and .md and prints the table.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppendResult, AppendTargetName } from './appends';
import { DEFAULT_SEED, ProvinceGenerator, type GeneratorOptions } from './generator';
import { GraphQLClient, queryFields } from './http';
import { authorizationOf } from './auth';
import { Databases, medianBy, nowMs, vacuumAnalyze } from './lib';
import { measureLag, planCommandSlice, readUsers, runOps, timeBombRefusals, type OpsResult } from './load';
import { AUTOVACUUM_WAIT_MAX_MS, measureReader, QUICK_READER_RATES, READER_RATES } from './readers';
import type { CopyRebuildResult, ProjectionTiming, RebuildAllResult } from './rebuild';
import { checkTargets, renderMarkdown, type BenchResults, type UserResult } from './report';
import {
  benchLog,
  checkSize,
  commandLine,
  machineInfo,
  RESULTS_DIR,
  withEmbeddedPostgres,
  writeResults,
} from './session';
import { sampleMemory, startServerInProcess, startServerProcess, type ServerHandle } from './server';
import { Random } from './random';
import { runTask, runTaskInChild, type GenerateResult, type Task, type TaskResult } from './worker';
import type { VerifyChainResult } from './verifyChain';

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
  /** Smaller server phase (tests): commands per run, seconds per query rate, request rates, seconds of lag. */
  commandsPerRun?: number;
  querySeconds?: number;
  queryRates?: number[];
  lagSeconds?: number;
  /** Longest wait for autovacuum before each reader is measured (default a minute). */
  autovacuumWaitMs?: number;
  log?: (line: string) => void;
}

const SINGLE_WRITERS = 16;
const BATCH_WRITERS = 4;
const BATCH_SIZE = 1_000;
const COMMAND_CLIENTS = 32;
/** Side-by-side append and rebuild comparisons use at most this many events of the log (time budget). */
const SIDE_BY_SIDE_MAX = 300_000;
/** Levels of the fragment bomb whose refusal is timed: 4 million paths through 1 KB of query. */
const FRAGMENT_BOMB_LEVELS = 22;

export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? DEFAULT_SEED;
  const generatorOptions: GeneratorOptions = { events: options.events, seed };
  const dbs = new Databases(options.serverUrl);
  const exec = <T extends TaskResult>(task: Task): Promise<T> =>
    options.isolate ? runTaskInChild<T>(task, { cpuProfileDir: options.profileDir }) : (runTask(task) as Promise<T>);
  const heavyRuns = options.events <= 200_000 ? options.runs : 1;
  const singleSample = Math.min(options.events, options.quick ? 3_000 : 20_000);
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

  const results: BenchResults = {
    date: new Date().toISOString(),
    durationSec: 0,
    machine: await machineInfo(options.serverUrl),
    options: {
      events: options.events,
      runs: options.runs,
      quick: options.quick,
      skipEmmett: options.skipEmmett,
      seed,
      singleSample,
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

  let mainUrl: string | null = null;
  let emmettUrl: string | null = null;
  let oursBatchUrl: string | null = null;
  try {
    // 1. The workload.
    log(`generating ${options.events} events`);
    const generated = await exec<GenerateResult>({ kind: 'generate', generator: generatorOptions });
    results.generator = { ms: generated.ms, eventsPerSec: generated.eventsPerSec, stats: generated.stats };
    log(`generated ${generated.stats.events} events in ${generated.ms} ms`);

    // 2. Single-event appends: a sample of the log, 16 writers, a fresh database per run.
    for (const target of targets.filter((t) => t !== 'raw-copy')) {
      const runs: AppendResult[] = [];
      for (let run = 0; run < options.runs; run++) {
        const url = await dbs.create(`single_${target}`);
        log(`single appends: ${target}, run ${run + 1}`);
        runs.push(
          await exec<AppendResult>({
            kind: 'append',
            task: {
              target,
              url,
              mode: 'single',
              writers: SINGLE_WRITERS,
              batchSize: 1,
              limit: singleSample,
              generator: generatorOptions,
            },
          }),
        );
        await dbs.drop(url);
      }
      results.appends.allRuns.push(...runs);
      results.appends.single[target] = medianBy(runs, (r) => r.eventsPerSec);
    }

    // 3. Batched appends of the whole log, 4 writers each owning a share of the streams.
    // Streams keep their order, but not the log as a whole: these logs are for throughput
    // only (Emmett's last one also serves its order-insensitive rebuild).
    for (const target of targets) {
      const runs: AppendResult[] = [];
      for (let run = 0; run < heavyRuns; run++) {
        const url = await dbs.create(`batch_${target}`);
        log(`batched appends: ${target}, run ${run + 1}`);
        runs.push(
          await exec<AppendResult>({
            kind: 'append',
            task: {
              target,
              url,
              mode: 'batch',
              writers: BATCH_WRITERS,
              batchSize: BATCH_SIZE,
              limit: sideBySide,
              generator: generatorOptions,
            },
          }),
        );
        if (run === heavyRuns - 1 && target === 'emmett') emmettUrl = url;
        else if (run === heavyRuns - 1 && target === 'ours') oursBatchUrl = url;
        else await dbs.drop(url);
      }
      results.appends.allRuns.push(...runs);
      results.appends.batch[target] = medianBy(runs, (r) => r.eventsPerSec);
      log(`batched appends: ${target}: ${results.appends.batch[target]!.eventsPerSec} events/s`);
    }

    // 3b. The province's log for everything after: bulk import in log order (one writer,
    // multi-stream batches through the EventStore port), so read models see causes first.
    mainUrl = await dbs.create('province');
    log('ordered import of the province (one writer, log order)');
    results.appends.ordered = await exec<AppendResult>({
      kind: 'append',
      task: {
        target: 'ours',
        url: mainUrl,
        mode: 'batch',
        writers: 1,
        batchSize: BATCH_SIZE,
        inLogOrder: true,
        generator: generatorOptions,
      },
    });
    log(`ordered import: ${results.appends.ordered.eventsPerSec} events/s`);
    const provinceUrl: string = mainUrl;
    const emmettLog: string | null = emmettUrl;
    const oursBatchLog: string = oursBatchUrl ?? provinceUrl;
    // As after any bulk load (PostgreSQL's "Populating a Database"): VACUUM ANALYZE the fresh
    // logs, so the rebuilds below do not share the two cores with autovacuum, nor set every
    // row's hint bits (and log the pages) on their first read. The same for Emmett's log.
    const settleStart = nowMs();
    const settled: Array<[string, 'events' | 'emt_messages']> = [[provinceUrl, 'events']];
    if (oursBatchLog !== provinceUrl) settled.push([oursBatchLog, 'events']);
    if (emmettLog) settled.push([emmettLog, 'emt_messages']);
    for (const [url, table] of settled) await vacuumAnalyze(url, table);
    const settleMs = Math.round(nowMs() - settleStart);
    log(`VACUUM ANALYZE of the imported logs: ${settleMs} ms`);
    notes.push(
      `The rebuilds read logs that were VACUUM ANALYZEd after their import (${(settleMs / 1000).toFixed(1)} s for ${settled.length} logs), as after any bulk load.`,
    );

    // 3c. verify-chain over the whole log, and the digest the logDigest query reads.
    await phase(results, 'verify-chain', async () => {
      log('verify-chain over the province log');
      results.verifyChain = await exec<VerifyChainResult>({ kind: 'verify-chain', url: provinceUrl });
      log(`verify-chain: ${results.verifyChain.eventsPerSec} events/s, logDigest ${results.verifyChain.digestMs} ms`);
    });

    // 4. Rebuilds.
    await phase(results, 'rebuild', async () => {
      for (let run = 0; run < heavyRuns; run++) {
        log(`rebuild of all read models, run ${run + 1}`);
        results.rebuild.allRuns.push(await exec<RebuildAllResult>({ kind: 'rebuild-all', url: provinceUrl }));
      }
      results.rebuild.all = medianBy(results.rebuild.allRuns, (r) => r.eventsPerSec);
    });
    await phase(results, 'rebuild of each read model', async () => {
      if (!options.quick && options.events <= 300_000) {
        log('rebuild of each read model in turn');
        results.rebuild.each = await exec<ProjectionTiming[]>({ kind: 'rebuild-each', url: provinceUrl });
      } else
        notes.push(
          'The per-read-model rebuild (ProjectionRunner.rebuild of each in turn) is measured only without --quick and up to 300,000 events (time budget).',
        );
    });
    await phase(results, 'minimal read model rebuild', async () => {
      const copyRuns: Record<'ours' | 'emmett', CopyRebuildResult[]> = { ours: [], emmett: [] };
      for (let run = 0; run < heavyRuns; run++) {
        log(`minimal read model rebuild, run ${run + 1}`);
        copyRuns.ours.push(await exec<CopyRebuildResult>({ kind: 'copy-ours', url: oursBatchLog }));
        if (emmettLog) copyRuns.emmett.push(await exec<CopyRebuildResult>({ kind: 'copy-emmett', url: emmettLog }));
      }
      results.rebuild.copy.ours = medianBy(copyRuns.ours, (r) => r.eventsPerSec);
      if (copyRuns.emmett.length > 0) results.rebuild.copy.emmett = medianBy(copyRuns.emmett, (r) => r.eventsPerSec);
    });
    for (const url of [emmettUrl, oursBatchUrl]) if (url) await dbs.drop(url);
    emmettUrl = null;
    oursBatchUrl = null;

    // 5. The app: commands, queries, lag, memory. The rebuild bulk-loaded every read model,
    // so, as after the import, VACUUM ANALYZE first: otherwise autovacuum works through
    // millions of fresh rows on one of the two cores while the readers are measured.
    const readModelsSettle = nowMs();
    await vacuumAnalyze(provinceUrl);
    const readModelsSettleMs = Math.round(nowMs() - readModelsSettle);
    log(`VACUUM ANALYZE of the province database after the rebuild: ${readModelsSettleMs} ms`);
    notes.push(
      `The app started on the province database VACUUM ANALYZEd after the rebuild (${(readModelsSettleMs / 1000).toFixed(1)} s), as after any bulk load.`,
    );
    await phase(results, 'app', () => serverPhase(options, provinceUrl, generated, results, log));
  } finally {
    results.durationSec = Math.round((Date.now() - started) / 1000);
    results.targets = results.generator.stats ? checkTargets(results) : [];
    await dbs.dropAll();
  }
  return results;
}

/** Runs one part of the benchmark; a failure is recorded in the notes and the rest goes on. */
async function phase(results: BenchResults, name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    results.notes.push(`${name} failed: ${String((error as Error)?.message ?? error).slice(0, 500)}`);
  }
}

async function serverPhase(
  options: BenchOptions,
  url: string,
  generated: GenerateResult,
  results: BenchResults,
  log: (line: string) => void,
): Promise<void> {
  const province = new ProvinceGenerator({ events: options.events, seed: options.seed ?? DEFAULT_SEED }).province;
  log('starting the app');
  const server: ServerHandle = options.isolate
    ? await startServerProcess(url, { cpuProfileDir: options.profileDir })
    : await startServerInProcess(url);
  const memory = server.pid !== null ? sampleMemory(server.pid) : null;
  if (server.pid === null) results.notes.push('The app ran in the benchmark process (no separate RSS).');
  const client = new GraphQLClient(server.url, 256);
  try {
    const fields = await queryFields(
      client,
      await authorizationOf({ actorId: 'bench-inspector', role: 'INSPECTOR', unitId: null }),
    );
    const year = new Date().getUTCFullYear();
    // Commands.
    await phase(results, 'commands', async () => {
      const runs = options.runs;
      const opsPerRun =
        options.commandsPerRun ??
        (options.quick ? 1_500 : Math.min(6_000, Math.max(600, Math.round(options.events / 20))));
      const slice = planCommandSlice(province, { year, runs, opsPerRun, seed: options.seed });
      log(
        `command slice: set-up ${slice.setup.map((p) => p.length).join('+')} commands, then ${runs} runs of ${opsPerRun}`,
      );
      const setup: OpsResult[] = [];
      for (const phase of slice.setup) setup.push(await runOps(client, phase, 8));
      const commandRuns: OpsResult[] = [];
      for (const ops of slice.runs) {
        commandRuns.push(await runOps(client, ops, COMMAND_CLIENTS, options.quick ? 8_000 : 20_000));
        log(
          `commands: ${commandRuns[commandRuns.length - 1].opsPerSec}/s, p99 ${commandRuns[commandRuns.length - 1].latency.p99} ms, ${commandRuns[commandRuns.length - 1].errors} errors`,
        );
      }
      results.commands = {
        setup,
        runs: commandRuns,
        median: commandRuns.length > 0 ? medianBy(commandRuns, (r) => r.opsPerSec) : null,
        mix: slice.mix,
      };
      const setupErrors = setup.reduce((n, s) => n + s.errors, 0);
      if (setupErrors > 0)
        results.notes.push(
          `Command slice set-up: ${setupErrors} errors (${setup
            .flatMap((s) => s.errorSamples)
            .slice(0, 2)
            .join('; ')})`,
        );
      const runErrors = commandRuns.flatMap((r) => r.errorSamples);
      if (runErrors.length > 0) results.notes.push(`Command errors (samples): ${runErrors.slice(0, 3).join('; ')}`);
    });

    // Queries.
    await phase(results, 'queries', async () => {
      const stats = results.generator.stats;
      const firstYear = Number(stats.firstRecordedAt?.slice(0, 4) ?? year - 5);
      const lastYear = Math.max(firstYear, Number(stats.lastRecordedAt?.slice(0, 4) ?? year) - 1);
      const awards = generated.awardSamples;
      const { users, notes } = readUsers(province, awards, fields, { first: firstYear, last: lastYear });
      const rng = new Random(options.seed ?? DEFAULT_SEED);
      const readerOptions = {
        databaseUrl: url,
        seconds: options.querySeconds ?? (options.quick ? 2 : 5),
        rates: options.queryRates ?? (options.quick ? QUICK_READER_RATES : READER_RATES),
        autovacuumWaitMs: options.autovacuumWaitMs ?? AUTOVACUUM_WAIT_MAX_MS,
        log,
      };
      const userResults: UserResult[] = [];
      for (const user of users) {
        const measured = await measureReader(client, user, rng, readerOptions);
        results.notes.push(...measured.notes);
        userResults.push(measured.result);
      }
      results.queries = { users: userResults, notes };
    });

    await phase(results, 'fragment bomb', async () => {
      log(`refusing a ${FRAGMENT_BOMB_LEVELS}-level fragment bomb`);
      results.fragmentBomb = await timeBombRefusals(client, FRAGMENT_BOMB_LEVELS, options.quick ? 20 : 50);
    });

    // Live lag.
    log('live lag at 1,000 events/s');
    await phase(results, 'live lag', async () => {
      results.lag = await measureLag(url, client, {
        rate: 1_000,
        seconds: options.lagSeconds ?? (options.quick ? 8 : 20),
        seed: (options.seed ?? DEFAULT_SEED) + 1,
      });
    });
  } finally {
    client.close();
    results.rss = memory?.stop() ?? null;
    await server.stop();
  }
}

// ---------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------

const USAGE =
  'npm run bench -- [--events N (100000)] [--runs K (3)] [--skip-emmett] [--quick] [--profile] [--seed S]\n';

function parseArgs(argv: string[]) {
  const given = commandLine(argv, ['--events', '--runs', '--seed'], ['--quick', '--skip-emmett', '--profile'], USAGE);
  const number = (name: string, fallback: number) => (given[name] === undefined ? fallback : Number(given[name]));
  const options = {
    events: number('--events', 100_000),
    runs: number('--runs', 3),
    quick: given['--quick'] === true,
    skipEmmett: given['--skip-emmett'] === true,
    profile: given['--profile'] === true,
    seed: number('--seed', DEFAULT_SEED),
  };
  checkSize(options.events, options.runs);
  if (options.quick && options.runs === 3) options.runs = 1;
  return options;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = benchLog;
  const profileDir = args.profile ? join(RESULTS_DIR, 'profiles') : undefined;
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    log(
      `CPU profiles of the workers and the server go to ${profileDir} (summarize one with: node dist/bench/profile.js <file>)`,
    );
  }
  await withEmbeddedPostgres(log, async (serverUrl) => {
    const start = nowMs();
    const results = await runBenchmark({
      serverUrl,
      events: args.events,
      runs: args.runs,
      quick: args.quick,
      skipEmmett: args.skipEmmett,
      seed: args.seed,
      isolate: true,
      profileDir,
      log,
    });
    const markdown = renderMarkdown(results);
    const written = writeResults(results.date, '', results, markdown);
    process.stdout.write(markdown);
    log(`done in ${Math.round((nowMs() - start) / 1000)} s: ${written}`);
  });
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`benchmark failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  });
}
