/** The app under load: command throughput, the readers' latency, a fragment bomb's refusal, live lag and memory. */
import { authorizationOf } from '../auth';
import { DEFAULT_SEED, ProvinceGenerator } from '../generator';
import { GraphQLClient, queryFields } from '../http';
import { medianBy } from '../lib';
import { measureLag, planCommandSlice, readUsers, runOps, timeBombRefusals, type OpsResult } from '../load';
import type { Province } from '../province';
import { Random } from '../random';
import { AUTOVACUUM_WAIT_MAX_MS, measureReader, QUICK_READER_RATES, READER_RATES } from '../readers';
import type { UserResult } from '../report';
import { sampleMemory, startServerInProcess, startServerProcess, type ServerHandle } from '../server';
import type { GenerateResult } from '../worker';
import { phase, type BenchRun } from './context';

const COMMAND_CLIENTS = 32;
/** Levels of the fragment bomb whose refusal is timed: 4 million paths through 1 KB of query. */
const FRAGMENT_BOMB_LEVELS = 22;

/** Starts the app on the province's database (its own process when isolated), measures it, and stops it. */
export async function measureApp(run: BenchRun, url: string, generated: GenerateResult): Promise<void> {
  const { options, results, log } = run;
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
    await phase(results, 'commands', () => measureCommands(run, client, province, year));
    await phase(results, 'queries', () => measureQueries(run, client, { province, url, generated, fields, year }));
    await phase(results, 'fragment bomb', async () => {
      log(`refusing a ${FRAGMENT_BOMB_LEVELS}-level fragment bomb`);
      results.fragmentBomb = await timeBombRefusals(client, FRAGMENT_BOMB_LEVELS, options.quick ? 20 : 50);
    });
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

/** The command slice: its set-up, then the measured runs; errors go to the notes. */
async function measureCommands(run: BenchRun, client: GraphQLClient, province: Province, year: number): Promise<void> {
  const { options, results, log } = run;
  const runs = options.runs;
  const opsPerRun =
    options.commandsPerRun ?? (options.quick ? 1_500 : Math.min(6_000, Math.max(600, Math.round(options.events / 20))));
  const slice = planCommandSlice(province, { year, runs, opsPerRun, seed: options.seed });
  log(
    `command slice: set-up ${slice.setup.map((p) => p.length).join('+')} commands, then ${runs} runs of ${opsPerRun}`,
  );
  const setup: OpsResult[] = [];
  for (const ops of slice.setup) setup.push(await runOps(client, ops, 8));
  const commandRuns: OpsResult[] = [];
  for (const ops of slice.runs) {
    const measured = await runOps(client, ops, COMMAND_CLIENTS, options.quick ? 8_000 : 20_000);
    commandRuns.push(measured);
    log(`commands: ${measured.opsPerSec}/s, p99 ${measured.latency.p99} ms, ${measured.errors} errors`);
  }
  results.commands = {
    setup,
    runs: commandRuns,
    median: commandRuns.length > 0 ? medianBy(commandRuns, (r) => r.opsPerSec) : null,
    mix: slice.mix,
  };
  const setupErrors = setup.reduce((n, s) => n + s.errors, 0);
  if (setupErrors > 0) {
    const samples = setup.flatMap((s) => s.errorSamples).slice(0, 2);
    results.notes.push(`Command slice set-up: ${setupErrors} errors (${samples.join('; ')})`);
  }
  const runErrors = commandRuns.flatMap((r) => r.errorSamples);
  if (runErrors.length > 0) results.notes.push(`Command errors (samples): ${runErrors.slice(0, 3).join('; ')}`);
}

interface QueryContext {
  province: Province;
  url: string;
  generated: GenerateResult;
  /** The query fields of the app's schema. */
  fields: Set<string>;
  year: number;
}

/** Each reader the schema serves, over the generated years, at the fixed rates and at saturation. */
async function measureQueries(run: BenchRun, client: GraphQLClient, context: QueryContext): Promise<void> {
  const { options, results, log } = run;
  const { year } = context;
  const stats = results.generator.stats;
  const firstYear = Number(stats.firstRecordedAt?.slice(0, 4) ?? year - 5);
  const lastYear = Math.max(firstYear, Number(stats.lastRecordedAt?.slice(0, 4) ?? year) - 1);
  const awards = context.generated.awardSamples;
  const { users, notes } = readUsers(context.province, awards, context.fields, { first: firstYear, last: lastYear });
  const rng = new Random(options.seed ?? DEFAULT_SEED);
  const readerOptions = {
    databaseUrl: context.url,
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
}
