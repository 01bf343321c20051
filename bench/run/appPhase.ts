/** The app under load: command throughput, the readers' latency, a fragment bomb's refusal, live lag and memory. */
import { authorizationOf } from '../auth';
import { DEFAULT_SEED, ProvinceGenerator } from '../generator';
import { GraphQLClient, queryFields } from '../http';
import { measureLag, readUsers, timeBombRefusals } from '../load';
import type { Province } from '../province';
import { Random } from '../random';
import { AUTOVACUUM_WAIT_MAX_MS, measureReader, QUICK_READER_RATES, READER_RATES } from '../readers';
import type { UserResult } from '../report';
import { sampleMemory, startServerInProcess, startServerProcess, type ServerHandle } from '../server';
import type { GenerateResult } from '../worker';
import { waitUntilCaughtUp } from './catchUp';
import { measureCommands } from './commandPhase';
import { phase, type BenchRun } from './context';

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
    const caughtUpMs = await waitUntilCaughtUp(client, url);
    log(`process managers and read models caught up with the imported log in ${caughtUpMs ?? 'more than 900,000'} ms`);
    results.notes.push(
      caughtUpMs === null
        ? 'The app had not caught up with the imported log after 15 min (process managers reading its history); measured anyway.'
        : `The app caught up with the imported log in ${(caughtUpMs / 1000).toFixed(1)} s before the load (its process managers read the log's history from an empty checkpoint, finding every consequence carried).`,
    );
    const year = new Date().getUTCFullYear();
    await phase(results, 'commands', () => measureCommands(run, client, server, province, year));
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
