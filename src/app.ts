import type { Server } from 'node:http';
import type { Pool } from 'pg';
import { allProjections } from '../projections';
import { createChainVerifier } from './auditTrail/auditTrail.service';
import { ScopeFacts } from './auth/scopeFacts';
import { CommandHandler } from './commands/commandHandler';
import { IdempotencyStore, migrateCommandResults } from './commands/idempotency';
import { DEFAULT_MUTATIONS_PER_MINUTE, type Config } from './config';
import type { EventStore } from './eventStore/eventStore.port';
import { EventStoreDbEventStore } from './eventStore/eventStoreDb/eventStoreDbEventStore';
import { migratePostgresEventStore, PostgresEventStore } from './eventStore/postgres/postgresEventStore';
import type { Services } from './services';
import { buildAppSchema } from './graphql/schema';
import { createPool } from './infra/db';
import type { Logger } from './infra/logger';
import { Metrics, startMetricsServer, type MetricsServer } from './infra/metrics';
import { instrumentedEventStore } from './eventStore/instrumentedEventStore';
import { watchFollowers } from './projections/followerMetrics';
import { PreparedStatements } from './infra/preparedQuery';
import { MutationRateLimiter } from './infra/rateLimit';
import { SharedLogDigest } from './integrity/logDigest';
import type { ProjectionDefinition } from './projections/projection';
import { ProjectionRunner } from './projections/projectionRunner';
import { allProcessManagers } from './processManagers';
import { ProcessManagerRunner } from './processManagers/processManagerRunner';
import type { ProcessManager } from './processManagers/processManager';
import type { HttpLimits } from './http/limits';
import { startHttpServer, type HttpServer, type Readiness } from './server';
import { createTokenVerifier, type TokenSettings, type VerifierOptions } from './auth/tokens';

export interface App {
  services: Services;
  url: string;
  /** The HTTP server (its limits are set from `AppOptions.http`). */
  server: Server;
  /** Where Prometheus scrapes the metrics (null when they are not served). */
  metricsUrl: string | null;
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Pick<Config, 'eventStore' | 'eventStoreUrl' | 'port'> &
    Partial<Pick<Config, 'mutationsPerMinute' | 'atomicMultiStreamAppend'>>;
  /** How bearer tokens are verified (development mode arrives here as HS256 with its generated secret). */
  tokens: TokenSettings & VerifierOptions;
  databaseUrl: string;
  logger: Logger;
  projections?: readonly ProjectionDefinition[];
  /** The process managers to run (default: all). */
  processManagers?: readonly ProcessManager[];
  now?: () => Date;
  host?: string;
  /** Development tokens the landing page offers (development mode only). */
  landingPageTokens?: Record<string, string>;
  /** Connection, time and size limits of HTTP requests (defaults: http/limits.ts). */
  http?: Partial<HttpLimits>;
  /** Serve `/metrics` on this port and host (none when absent). */
  metrics?: { port: number; host: string } | null;
}

/** Database connections of requests (queries, commands, appends): opened as needed, then kept. */
const POOL_SIZE = 30;
/** `/health` answers from connections of its own, so a busy request pool cannot make it fail. */
const HEALTH_POOL_SIZE = 2;
/**
 * How long `/health` gives the database to answer (connecting included) before it says
 * the database is unreachable: during an outage it answers 503 at once rather than hang.
 */
const HEALTH_CHECK_TIMEOUT_MS = 2_000;

/**
 * The app's connection pools. Requests share one; the projection runner (its log readers
 * and one transaction per read model) and `/health` each have their own, so no load of
 * requests can starve them.
 */
interface Pools {
  requests: Pool;
  projections: Pool;
  health: Pool;
  end(): Promise<void>;
}

function openPools(databaseUrl: string, logger: Logger, projectionCount: number): Pools {
  const onError = (error: Error) => logger.warn('database connection lost', { error: error.message });
  // Opening a connection costs both sides milliseconds of CPU (authentication, a new
  // backend, its catalog caches, every prepared statement again), and a pool opens
  // them exactly when work piles up. So every connection a pool opens stays open.
  const kept = (size: number, applicationName: string, timeoutMs?: number) =>
    createPool(databaseUrl, {
      max: size,
      min: size,
      applicationName,
      onError,
      connectionTimeoutMillis: timeoutMs,
      statementTimeoutMs: timeoutMs,
    });
  const requests = kept(POOL_SIZE, 'tdkt');
  // A reader and a transaction per read model at most (a rebuild or a laggard reads on its own).
  const projections = kept(2 * projectionCount + 2, 'tdkt-projections');
  const health = kept(HEALTH_POOL_SIZE, 'tdkt-health', HEALTH_CHECK_TIMEOUT_MS);
  return {
    requests,
    projections,
    health,
    end: async () => {
      await Promise.all([requests.end(), projections.end(), health.end()]);
    },
  };
}

/** Whether the database answers on the health pool, within HEALTH_CHECK_TIMEOUT_MS. */
async function databaseState(
  health: Pool,
): Promise<{ database: 'reachable' } | { database: 'unreachable'; error: string }> {
  try {
    await health.query('SELECT 1');
    return { database: 'reachable' };
  } catch (error) {
    return { database: 'unreachable', error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * `/health`: ready while the database answers on the health pool and no projection is
 * waiting out an outage (`retrying`); the details give the database's state (with its
 * error while unreachable) and each projection's state and checkpoint, with the last
 * transient error and since when while it retries, and each process manager's. A failed
 * projection or process manager is reported but leaves the app ready: the others serve.
 */
async function readiness(
  health: Pool,
  store: EventStore,
  projections: ProjectionRunner,
  processManagers: ProcessManagerRunner,
): Promise<Readiness> {
  const database = await databaseState(health);
  const statuses = projections.status();
  const retrying = statuses.some((s) => s.state === 'retrying');
  const ready = database.database === 'reachable' && !retrying;
  return {
    ready,
    status: ready ? 'ok' : 'unavailable',
    details: {
      eventStore: store.name,
      ...database,
      projections: statuses.map((s) => ({
        name: s.name,
        state: s.state,
        checkpoint: s.checkpoint,
        ...(s.retrying ? { retrying: { error: s.retrying.error, since: s.retrying.since.toISOString() } } : {}),
        ...(s.state === 'failed' ? { error: s.error, failedPosition: s.failedPosition } : {}),
      })),
      processManagers: processManagers.status().map((s) => ({
        name: s.name,
        state: s.state,
        checkpoint: s.checkpoint,
        ...(s.retrying ? { retrying: s.retrying } : {}),
        ...(s.state === 'failed' ? { error: s.error, failedPosition: s.failedPosition } : {}),
      })),
    },
  };
}

/**
 * One step of shutting down, bounded: after Ctrl-C the database may already be gone, and
 * a client waiting on a dead connection must not keep the process alive.
 */
async function shutdownStep(logger: Logger, name: string, work: () => Promise<void>, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      logger.warn('shutdown step timed out', { step: name });
      resolve();
    }, ms);
  });
  await Promise.race([
    work().catch((error) => logger.warn('shutdown step failed', { step: name, error: String(error) })),
    timeout,
  ]);
  clearTimeout(timer);
}

/** The configured event store, its appends measured. */
async function openEventStore(options: AppOptions, pools: Pools, metrics: Metrics): Promise<EventStore> {
  return instrumentedEventStore(await openUnmeasuredEventStore(options, pools), metrics);
}

async function openUnmeasuredEventStore(options: AppOptions, pools: Pools): Promise<EventStore> {
  if (options.config.eventStore === 'eventstoredb') return new EventStoreDbEventStore(options.config.eventStoreUrl!);
  await migratePostgresEventStore(pools.requests);
  return new PostgresEventStore(pools.requests, {
    listenUrl: options.databaseUrl,
    logPool: pools.projections,
    atomicMultiStreamAppend: options.config.atomicMultiStreamAppend,
  });
}

/** The app's services: every per-app part is made here, once, and reached through them. */
function createServices(
  pool: Pool,
  store: EventStore,
  runners: { projections: ProjectionRunner; processManagers: ProcessManagerRunner },
  options: Pick<AppOptions, 'logger' | 'now'> & { metrics: Metrics },
): Services {
  const commands = new CommandHandler(store, new IdempotencyStore(pool), runners.processManagers, options.metrics);
  const statements = new PreparedStatements();
  return {
    pool,
    store,
    commands,
    projections: runners.projections,
    processManagers: runners.processManagers,
    logger: options.logger,
    metrics: options.metrics,
    scope: new ScopeFacts(commands, pool),
    now: options.now ?? (() => new Date()),
    statements,
    chainVerifier: createChainVerifier(pool, store, statements),
    logDigest: new SharedLogDigest(store),
  };
}

/** The running parts `stop` shuts down. */
interface Running {
  http: HttpServer;
  metrics: MetricsServer | null;
  processManagers: ProcessManagerRunner;
  projections: ProjectionRunner;
  store: EventStore;
  pools: Pools;
}

/**
 * Shuts down in the reverse order of starting: no new requests, the current projection
 * batch finishes, then connections close.
 */
async function stopInOrder(
  logger: Logger,
  { http, metrics, processManagers, projections, store, pools }: Running,
): Promise<void> {
  const step = (name: string, work: () => Promise<void>, ms?: number) => shutdownStep(logger, name, work, ms);
  await step('http', () => http.close());
  if (metrics) await step('metrics', () => metrics.close(), 3_000);
  await step('process managers', () => processManagers.stop());
  await step('projections', () => projections.stop());
  await step('event store', () => store.close(), 3_000);
  await step('database pools', () => pools.end(), 3_000);
}

/** Wires the app: migrations, event store, projections, services, HTTP. */
export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const definitions = options.projections ?? allProjections;
  const pools = openPools(options.databaseUrl, logger, definitions.length);
  const metrics = new Metrics();
  const store = await openEventStore(options, pools, metrics);
  await migrateCommandResults(pools.requests);
  const mutationsPerMinute = config.mutationsPerMinute ?? DEFAULT_MUTATIONS_PER_MINUTE;
  const mutationRateLimiter = await MutationRateLimiter.start(pools.requests, mutationsPerMinute);
  const projections = new ProjectionRunner(pools.projections, store, definitions, {
    log: (message, details) => logger.info(message, details),
  });
  await projections.start();
  const processManagers = new ProcessManagerRunner(
    pools.projections,
    store,
    options.processManagers ?? allProcessManagers,
    {
      log: (message, details) => logger.info(message, details),
    },
  );
  await processManagers.start();
  const services = createServices(pools.requests, store, { projections, processManagers }, { ...options, metrics });
  watchFollowers(metrics, store, projections, processManagers);
  let http: HttpServer;
  let metricsServer: MetricsServer | null = null;
  try {
    if (options.metrics) metricsServer = await startMetricsServer(metrics, options.metrics);
    http = await startHttpServer(await buildAppSchema(), services, {
      port: config.port,
      host: options.host,
      tokens: createTokenVerifier(options.tokens, options.tokens),
      landingPageTokens: options.landingPageTokens,
      limits: options.http,
      mutationRateLimiter,
      isReady: () => readiness(pools.health, store, projections, processManagers),
    });
  } catch (error) {
    await metricsServer?.close();
    await processManagers.stop();
    await projections.stop();
    await store.close();
    await pools.end();
    throw error;
  }
  const running: Running = { http, metrics: metricsServer, processManagers, projections, store, pools };
  return {
    services,
    url: http.url,
    server: http.server,
    metricsUrl: metricsServer?.url ?? null,
    stop: () => stopInOrder(logger, running),
  };
}
