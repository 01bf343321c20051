import type { Server } from 'node:http';
import type { Pool } from 'pg';
import { allProjections } from '../projections';
import { createChainVerifier } from './auditTrail/auditTrail.service';
import { ScopeFacts } from './auth/scopeFacts';
import { CommandAdmission } from './commands/commandAdmission';
import { CommandHandler } from './commands/commandHandler';
import { IdempotencyStore, migrateCommandResults } from './commands/idempotency';
import {
  DEFAULT_INSTANCE,
  DEFAULT_MUTATIONS_PER_MINUTE,
  defaultInstanceId,
  type Config,
  type InstanceConfig,
} from './config';
import type { EventStore } from './eventStore/eventStore.port';
import { EventStoreDbEventStore } from './eventStore/eventStoreDb/eventStoreDbEventStore';
import { migratePostgresEventStore, PostgresEventStore } from './eventStore/postgres/postgresEventStore';
import { openDocuments } from './documents/openDocumentStore';
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
import { readiness } from './http/readiness';
import { Leases } from './infra/leases';
import { StoredProgress } from './projections/storedProgress';
import { startHttpServer, type HttpServer } from './server';
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
    Partial<Pick<Config, 'mutationsPerMinute' | 'commandsAtOnce' | 'atomicMultiStreamAppend' | 'documents'>> & {
      instance?: Partial<InstanceConfig>;
    };
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

/** The app's metrics, its pools' connections among them. */
function metricsWatching({ requests, projections, health }: Pools): Metrics {
  const metrics = new Metrics();
  metrics.watchPools({ requests, projections, health });
  return metrics;
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
  options: Pick<AppOptions, 'logger' | 'now' | 'config'> & { metrics: Metrics },
): Services {
  const commands = new CommandHandler(
    store,
    new IdempotencyStore(pool),
    runners.processManagers,
    options.metrics,
    new CommandAdmission(options.config.commandsAtOnce),
  );
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
    documents: openDocuments(options.config.documents),
  };
}

/** The running parts `stop` shuts down. */
interface Running {
  http: HttpServer;
  metrics: MetricsServer | null;
  processManagers: ProcessManagerRunner;
  projections: ProjectionRunner;
  instances: Instances;
  store: EventStore;
  pools: Pools;
}

/**
 * The log read through `pool` (PostgreSQL) rather than the request pool, for the background
 * readers that must not wait for a request's connection; EventStoreDB has no pool to share.
 */
function storeOn(pool: Pool, store: EventStore): EventStore {
  return store instanceof PostgresEventStore ? new PostgresEventStore(pool) : store;
}

/** What this instance shares with the others on the database: its leases, and their progress. */
interface Instances {
  leases: Leases;
  progress: StoredProgress;
}

function joinInstances(
  options: AppOptions,
  pools: Pools,
  store: EventStore,
  readers: { definitions: readonly ProjectionDefinition[]; managers: readonly ProcessManager[] },
): Instances {
  const { logger, databaseUrl } = options;
  const settings = { ...DEFAULT_INSTANCE, id: defaultInstanceId(), ...options.config.instance };
  const log = (message: string, details?: Record<string, unknown>) => logger.info(message, details);
  const leases = new Leases({
    connectionString: databaseUrl,
    instanceId: settings.id,
    retryIntervalMs: settings.leaseRetryMs,
    log,
  });
  const tracked = [
    ...readers.definitions.map((d) => ({ kind: 'projection' as const, name: d.name, types: d.eventTypes })),
    ...readers.managers.map((m) => ({ kind: 'process-manager' as const, name: m.name, types: m.eventTypes })),
  ];
  const progress = new StoredProgress(pools.projections, storeOn(pools.projections, store), tracked, {
    listenUrl: databaseUrl,
    pollIntervalMs: settings.progressPollMs,
    runsHere: (kind, name) => leases.holds(kind, name),
    log,
  });
  return { leases, progress };
}

/**
 * Shuts down in the reverse order of starting: no new requests, the current projection
 * batch finishes, then connections close.
 */
async function stopInOrder(
  logger: Logger,
  { http, metrics, processManagers, projections, instances, store, pools }: Running,
): Promise<void> {
  const step = (name: string, work: () => Promise<void>, ms?: number) => shutdownStep(logger, name, work, ms);
  await step('http', () => http.close());
  if (metrics) await step('metrics', () => metrics.close(), 3_000);
  await step('process managers', () => processManagers.stop());
  await step('projections', () => projections.stop());
  // Closing the lease connection frees the leases for the other instances.
  await step('leases', () => Promise.all([instances.leases.stop(), instances.progress.stop()]).then(() => undefined));
  await step('event store', () => store.close(), 3_000);
  await step('database pools', () => pools.end(), 3_000);
}

/** Wires the app: migrations, event store, projections, services, HTTP. */
export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const definitions = options.projections ?? allProjections;
  const pools = openPools(options.databaseUrl, logger, definitions.length);
  const metrics = metricsWatching(pools);
  const store = await openEventStore(options, pools, metrics);
  await migrateCommandResults(pools.requests);
  const mutationsPerMinute = config.mutationsPerMinute ?? DEFAULT_MUTATIONS_PER_MINUTE;
  const mutationRateLimiter = await MutationRateLimiter.start(pools.requests, mutationsPerMinute);
  const managers = options.processManagers ?? allProcessManagers;
  const instances = joinInstances(options, pools, store, { definitions, managers });
  const log = (message: string, details?: Record<string, unknown>) => logger.info(message, details);
  const projections = new ProjectionRunner(pools.projections, store, definitions, { log, instances });
  const processManagers = new ProcessManagerRunner(pools.projections, store, managers, { log, instances });
  // Both runners' tables exist before the progress is first read; each takes the leases that are free.
  await projections.start();
  await processManagers.start();
  await instances.progress.start();
  const services = createServices(pools.requests, store, { projections, processManagers }, { ...options, metrics });
  watchFollowers(metrics, store, projections, processManagers);
  const healthCounter = storeOn(pools.health, store);
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
      isReady: () =>
        readiness({
          health: pools.health,
          store,
          counter: healthCounter,
          projections,
          processManagers,
          maxLagEvents: config.instance?.readyMaxLagEvents ?? DEFAULT_INSTANCE.readyMaxLagEvents,
        }),
    });
  } catch (error) {
    await metricsServer?.close();
    await processManagers.stop();
    await projections.stop();
    await instances.leases.stop();
    await instances.progress.stop();
    await store.close();
    await pools.end();
    throw error;
  }
  const running: Running = { http, metrics: metricsServer, processManagers, projections, instances, store, pools };
  return {
    services,
    url: http.url,
    server: http.server,
    metricsUrl: metricsServer?.url ?? null,
    stop: () => stopInOrder(logger, running),
  };
}
