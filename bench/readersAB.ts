/**
 * `npm run bench:readers-ab -- --baseline <checkout> [--events N] [--runs K] [--quick] [--seed S]`
 *
 * The inspector and the complaint desk against this build (every request authenticated
 * with a bearer token) and against the build of another checkout (`--baseline`, built
 * with `npm run build`), on one generated province: generated, imported in log order,
 * read models rebuilt and VACUUM ANALYZEd once, as the benchmark prepares it; then the
 * two apps in turn (this one first), K times each, each run a fresh app process measured
 * as the benchmark measures the readers. Writes bench/results/<date>-readers-ab.json and .md.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot } from '../src/infra/projectRoot';
import type { AppendResult } from './appends';
import { authorizationOf, tokenAndIdentityHeadersOf } from './auth';
import { DEFAULT_SEED, ProvinceGenerator, type GeneratorOptions } from './generator';
import { GraphQLClient, queryFields } from './http';
import { Databases, nowMs, vacuumAnalyze } from './lib';
import { readUsers, type Credentials } from './load';
import {
  AUTOVACUUM_WAIT_MAX_MS,
  measureReader,
  QUICK_READER_RATES,
  READER_RATES,
  type ReaderPhaseOptions,
} from './readers';
import {
  renderReadersAB,
  summarize,
  type BuildInfo,
  type ReadersABResults,
  type ReadersABRun,
} from './readersABReport';
import type { RebuildAllResult } from './rebuild';
import type { Province } from './province';
import { Random } from './random';
import { startServerProcess, untilNoRebuild } from './server';
import { benchLog, checkSize, commandLine, machineInfo, withEmbeddedPostgres, writeResults } from './session';
import { runTaskInChild, type GenerateResult } from './worker';

export interface ReadersABOptions {
  /** A PostgreSQL server URL on which the run may create and drop databases. */
  serverUrl: string;
  events: number;
  /** Runs per build. */
  runs: number;
  /** The checkout of the build without authentication. */
  baselineRoot: string;
  quick: boolean;
  seed: number;
  log: (line: string) => void;
}

/** The readers compared: the two the issue sets a goal for. */
const COMPARED_READERS = new Set(['inspector', 'complaint desk']);
/** As the benchmark's ordered import. */
const IMPORT_BATCH_SIZE = 1_000;
/** Longest wait for an app that rebuilds read models at its start. */
const REBUILD_WAIT_MAX_MS = 30 * 60_000;

interface PreparedProvince {
  url: string;
  generated: GenerateResult;
  /** Its units, people and clusters, for the readers' requests. */
  model: Province;
  preparation: ReadersABResults['preparation'];
}

/** Generates the province and builds its database as the benchmark does before the app phase. */
async function prepareProvince(
  dbs: Databases,
  generator: GeneratorOptions,
  log: (line: string) => void,
): Promise<PreparedProvince> {
  const start = nowMs();
  log(`generating ${generator.events} events`);
  const generated = await runTaskInChild<GenerateResult>({ kind: 'generate', generator });
  const url = await dbs.create('province');
  log('ordered import of the province (one writer, log order)');
  const imported = await runTaskInChild<AppendResult>({
    kind: 'append',
    task: { target: 'ours', url, mode: 'batch', writers: 1, batchSize: IMPORT_BATCH_SIZE, inLogOrder: true, generator },
  });
  log(`ordered import: ${imported.eventsPerSec} events/s; VACUUM ANALYZE of the log`);
  await vacuumAnalyze(url, 'events');
  log('rebuild of all read models');
  const rebuilt = await runTaskInChild<RebuildAllResult>({ kind: 'rebuild-all', url });
  const incomplete = rebuilt.projections.filter((p) => !p.complete).map((p) => p.name);
  if (incomplete.length > 0) throw new Error(`the rebuild left read models incomplete: ${incomplete.join(', ')}`);
  log(`rebuild: ${rebuilt.eventsPerSec} events/s; VACUUM ANALYZE of the province database`);
  await vacuumAnalyze(url);
  const preparation = {
    importEventsPerSec: imported.eventsPerSec,
    rebuildEventsPerSec: rebuilt.eventsPerSec,
    ms: Math.round(nowMs() - start),
  };
  return { url, generated, model: new ProvinceGenerator(generator).province, preparation };
}

interface Build {
  info: BuildInfo;
  /** What its requests carry to say who sends them. */
  credentials: Credentials;
}

function buildInfo(name: BuildInfo['name'], root: string): BuildInfo {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return {
      name,
      root,
      commit: git('rev-parse', '--short', 'HEAD'),
      dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    };
  } catch {
    return { name, root, commit: null, dirty: false };
  }
}

/** One run of one build: a fresh app process on the province, the compared readers, the app stopped. */
async function measureBuild(
  build: Build,
  run: number,
  province: PreparedProvince,
  options: ReadersABOptions,
): Promise<ReadersABRun> {
  const label = `${build.info.name} ${run}`;
  const log = (line: string) => options.log(`${label}: ${line}`);
  log(`starting ${build.info.root}/dist/src/main.js`);
  const server = await startServerProcess(province.url, { appRoot: build.info.root, log });
  const client = new GraphQLClient(server.url, 256);
  const notes: string[] = [];
  try {
    const rebuildMs = await untilNoRebuild(server.url, REBUILD_WAIT_MAX_MS);
    if (rebuildMs > 0)
      notes.push(
        `the app rebuilt read models for ${(rebuildMs / 1000).toFixed(1)} s after it started; measured after that.`,
      );
    const fields = await queryFields(
      client,
      await build.credentials({ actorId: 'bench-inspector', role: 'INSPECTOR', unitId: null }),
    );
    const stats = province.generated.stats;
    const years = {
      first: Number(stats.firstRecordedAt?.slice(0, 4)),
      last: Number(stats.lastRecordedAt?.slice(0, 4)),
    };
    const { users } = readUsers(province.model, province.generated.awardSamples, fields, years, build.credentials);
    const readerOptions: ReaderPhaseOptions = {
      databaseUrl: province.url,
      seconds: options.quick ? 2 : 5,
      rates: options.quick ? QUICK_READER_RATES : READER_RATES,
      autovacuumWaitMs: AUTOVACUUM_WAIT_MAX_MS,
      log,
    };
    // The same seed every run: both builds answer the same requests in the same order.
    const rng = new Random(options.seed);
    const results: ReadersABRun['users'] = [];
    for (const user of users.filter((u) => COMPARED_READERS.has(u.name))) {
      const measured = await measureReader(client, user, rng, readerOptions);
      notes.push(...measured.notes);
      results.push(measured.result);
      log(
        `${user.name}: ${measured.result.maxRequestsPerSecWithinP99} req/s within p99 ≤ 20 ms, saturation ${measured.result.saturation.achievedRequestsPerSec} req/s`,
      );
    }
    return { build: build.info.name, run, users: results, notes };
  } finally {
    client.close();
    await server.stop();
  }
}

export async function runReadersAB(options: ReadersABOptions): Promise<ReadersABResults> {
  const started = Date.now();
  const dbs = new Databases(options.serverUrl);
  const builds: Build[] = [
    { info: buildInfo('auth', projectRoot()), credentials: authorizationOf },
    // The baseline reads who asks from identity headers and ignores the token.
    { info: buildInfo('baseline', options.baselineRoot), credentials: tokenAndIdentityHeadersOf },
  ];
  try {
    const province = await prepareProvince(dbs, { events: options.events, seed: options.seed }, options.log);
    const runs: ReadersABRun[] = [];
    for (let run = 1; run <= options.runs; run++) {
      for (const build of builds) runs.push(await measureBuild(build, run, province, options));
    }
    return {
      date: new Date(started).toISOString(),
      durationSec: Math.round((Date.now() - started) / 1000),
      machine: await machineInfo(options.serverUrl),
      options: {
        events: options.events,
        runs: options.runs,
        quick: options.quick,
        seed: options.seed,
        seconds: options.quick ? 2 : 5,
        rates: options.quick ? QUICK_READER_RATES : READER_RATES,
      },
      builds: { auth: builds[0].info, baseline: builds[1].info },
      province: province.generated.stats,
      preparation: province.preparation,
      runs,
      summary: summarize(runs),
      notes: readersABNotes(),
    };
  } finally {
    await dbs.dropAll();
  }
}

function readersABNotes(): string[] {
  return [
    'Both builds serve the same province database, one at a time; each run is a fresh app process (the npm start flags of its own checkout, the same environment).',
    'Requests to the build without auth also carry X-Actor-Id and X-Role, which it reads instead of the token (a few more header bytes than the requests with auth).',
    'Every run asks the same requests in the same order (one seed); no commands run before the readers, unlike in npm run bench.',
  ];
}

// ---------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------

const USAGE =
  'npm run bench:readers-ab -- --baseline <checkout> [--events N (100000)] [--runs K per build (3)] [--quick] [--seed S]\n';

function parseArgs(argv: string[]): Omit<ReadersABOptions, 'serverUrl' | 'log'> {
  const given = commandLine(argv, ['--events', '--runs', '--seed', '--baseline'], ['--quick'], USAGE);
  const number = (name: string, fallback: number) => (given[name] === undefined ? fallback : Number(given[name]));
  const baseline = given['--baseline'];
  if (typeof baseline !== 'string') throw new Error(`--baseline is required\n${USAGE}`);
  const options = {
    events: number('--events', 100_000),
    runs: number('--runs', 3),
    quick: given['--quick'] === true,
    seed: number('--seed', DEFAULT_SEED),
    baselineRoot: resolve(baseline),
  };
  if (!existsSync(resolve(options.baselineRoot, 'dist', 'src', 'main.js')))
    throw new Error(
      `${options.baselineRoot}/dist/src/main.js not found: run npm install and npm run build there first`,
    );
  checkSize(options.events, options.runs);
  return options;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  await withEmbeddedPostgres(benchLog, async (serverUrl) => {
    const results = await runReadersAB({ ...args, serverUrl, log: benchLog });
    const markdown = renderReadersAB(results);
    const written = writeResults(results.date, '-readers-ab', results, markdown);
    process.stdout.write(markdown);
    benchLog(`done in ${results.durationSec} s: ${written}`);
  });
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`readers A/B failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  });
}
