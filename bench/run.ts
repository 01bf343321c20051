/**
 * `npm run bench -- [--events N] [--runs K] [--command-rate R] [--skip-emmett] [--quick] [--profile]`
 *
 * Starts its own embedded PostgreSQL (fresh temporary data folder, stopped and removed
 * at the end), generates the province workload, and measures, side by side with the
 * Emmett PostgreSQL event store and the raw INSERT/COPY ceilings of the same machine:
 * appends, projection rebuilds, live lag, GraphQL commands at an offered rate and at
 * saturation, query latency, the server's peak RSS, and the exports' rows/s and peak RSS
 * (`--exports-only`: only the exports, on a generated province). Writes
 * bench/results/<date>.json and .md and prints the table.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { measureExports } from './exports';
import { DEFAULT_SEED } from './generator';
import type { RebuildAllResult } from './rebuild';
import { nowMs } from './lib';
import { checkTargets, renderMarkdown, type BenchResults } from './report';
import { measureApp } from './run/appPhase';
import { DEFAULT_COMMAND_RATE } from './run/commandPhase';
import { importProvince, measureBatchedAppends, measureSingleAppends } from './run/appendPhases';
import { phase, startRun, type BenchOptions } from './run/context';
import {
  importedLogs,
  measureRebuilds,
  measureVerifyChain,
  settleImportedLogs,
  settleReadModels,
} from './run/rebuildPhases';
import { benchLog, checkSize, commandLine, RESULTS_DIR, withEmbeddedPostgres, writeResults } from './session';
import type { GenerateResult } from './worker';

export type { BenchOptions } from './run/context';

/**
 * Only the exports (`--exports-only`): the province generated, imported in log order,
 * its read models rebuilt once, then each export measured.
 */
export async function runExportBenchmark(options: BenchOptions): Promise<BenchResults> {
  const started = Date.now();
  const run = await startRun(options);
  const { results, log } = run;
  try {
    log(`generating ${options.events} events`);
    const generated = await run.exec<GenerateResult>({ kind: 'generate', generator: run.generator });
    results.generator = { ms: generated.ms, eventsPerSec: generated.eventsPerSec, stats: generated.stats };
    const province = await importProvince(run);
    log('rebuild of all read models');
    results.rebuild.all = await run.exec<RebuildAllResult>({ kind: 'rebuild-all', url: province });
    await settleReadModels(run, province);
    await phase(results, 'exports', () => measureExports(run, province));
    results.notes.push(
      'Exports only (--exports-only): appends side by side, commands, queries and lag were not measured.',
    );
  } finally {
    results.durationSec = Math.round((Date.now() - started) / 1000);
    await run.dbs.dropAll();
  }
  return results;
}

export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const started = Date.now();
  const run = await startRun(options);
  const { results, dbs, log } = run;
  try {
    // 1. The workload.
    log(`generating ${options.events} events`);
    const generated = await run.exec<GenerateResult>({ kind: 'generate', generator: run.generator });
    results.generator = { ms: generated.ms, eventsPerSec: generated.eventsPerSec, stats: generated.stats };
    log(`generated ${generated.stats.events} events in ${generated.ms} ms`);
    // 2. Appends, side by side; the province's log for everything after.
    await measureSingleAppends(run);
    const batched = await measureBatchedAppends(run);
    const logs = importedLogs(await importProvince(run), batched);
    // 3. Verify-chain and rebuilds on the settled logs.
    await settleImportedLogs(run, logs);
    await measureVerifyChain(run, logs.province);
    await measureRebuilds(run, logs);
    for (const url of [batched.emmett, batched.ours]) if (url) await dbs.drop(url);
    // 4. The app: commands, queries, lag, memory.
    await settleReadModels(run, logs.province);
    await phase(results, 'app', () => measureApp(run, logs.province, generated));
    await phase(results, 'exports', () => measureExports(run, logs.province));
  } finally {
    results.durationSec = Math.round((Date.now() - started) / 1000);
    results.targets = results.generator.stats ? checkTargets(results) : [];
    await dbs.dropAll();
  }
  return results;
}

// ---------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------

const USAGE =
  'npm run bench -- [--events N (100000)] [--runs K (3)] [--command-rate R (800 commands/s, open loop)] [--skip-emmett] [--quick] [--profile] [--seed S] [--exports-only]\n';

function parseArgs(argv: string[]) {
  const given = commandLine(
    argv,
    ['--events', '--runs', '--seed', '--command-rate'],
    ['--quick', '--skip-emmett', '--profile', '--exports-only'],
    USAGE,
  );
  const number = (name: string, fallback: number) => (given[name] === undefined ? fallback : Number(given[name]));
  const options = {
    events: number('--events', 100_000),
    runs: number('--runs', 3),
    quick: given['--quick'] === true,
    skipEmmett: given['--skip-emmett'] === true,
    profile: given['--profile'] === true,
    exportsOnly: given['--exports-only'] === true,
    seed: number('--seed', DEFAULT_SEED),
    commandRate: number('--command-rate', DEFAULT_COMMAND_RATE),
  };
  checkSize(options.events, options.runs);
  if (!Number.isFinite(options.commandRate) || options.commandRate <= 0 || options.commandRate > 100_000)
    throw new Error('--command-rate must be a number of commands per second above 0, at most 100,000');
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
    const results = await (args.exportsOnly ? runExportBenchmark : runBenchmark)({
      serverUrl,
      events: args.events,
      runs: args.runs,
      quick: args.quick,
      skipEmmett: args.skipEmmett,
      seed: args.seed,
      commandRate: args.commandRate,
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
