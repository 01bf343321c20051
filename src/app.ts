import type { Pool } from 'pg';
import { allProjections } from '../projections';
import { ScopeFacts } from './auth/scopeFacts';
import { CommandHandler } from './commands/commandHandler';
import { IdempotencyStore, migrateCommandResults } from './commands/idempotency';
import type { Config } from './config';
import type { EventStore } from './eventStore/eventStore.port';
import { EventStoreDbEventStore } from './eventStore/eventStoreDb/eventStoreDbEventStore';
import { migratePostgresEventStore, PostgresEventStore } from './eventStore/postgres/postgresEventStore';
import type { Services } from './graphql/context';
import { buildAppSchema } from './graphql/schema';
import { createPool } from './infra/db';
import type { Logger } from './infra/logger';
import type { ProjectionDefinition } from './projections/projection';
import { ProjectionRunner } from './projections/projectionRunner';
import { startHttpServer, type HttpServer } from './server';
import { createTokenVerifier, type TokenSettings, type VerifierOptions } from './auth/tokens';

export interface App {
  services: Services;
  url: string;
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Pick<Config, 'eventStore' | 'eventStoreUrl' | 'port'>;
  /** How bearer tokens are verified (development mode arrives here as HS256 with its generated secret). */
  tokens: TokenSettings & VerifierOptions;
  databaseUrl: string;
  logger: Logger;
  projections?: readonly ProjectionDefinition[];
  now?: () => Date;
  host?: string;
  /** Development tokens the landing page offers (development mode only). */
  landingPageTokens?: Record<string, string>;
}

/** Database connections: opened as needed, then kept (see startApp). */
const POOL_SIZE = 30;

/**
 * Wires the app: migrations, event store, projections, command handler, HTTP.
 * `stop` shuts down in the reverse order: no new requests, the current projection
 * batch finishes, then connections close.
 */
export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const pool: Pool = createPool(options.databaseUrl, {
    // Opening a connection costs both sides milliseconds of CPU (authentication, a new
    // backend, its catalog caches, every prepared statement again), and the pool opens
    // them exactly when requests pile up. So every connection it opens stays open.
    max: POOL_SIZE,
    min: POOL_SIZE,
    onError: (error) => logger.warn('idle database connection lost', { error: error.message }),
  });
  let store: EventStore;
  if (config.eventStore === 'eventstoredb') {
    store = new EventStoreDbEventStore(config.eventStoreUrl!);
  } else {
    await migratePostgresEventStore(pool);
    store = new PostgresEventStore(pool, { listenUrl: options.databaseUrl });
  }
  await migrateCommandResults(pool);
  const projections = new ProjectionRunner(pool, store, options.projections ?? allProjections, {
    log: (message, details) => logger.info(message, details),
  });
  await projections.start();
  const commands = new CommandHandler(store, new IdempotencyStore(pool));
  const services: Services = {
    pool,
    store,
    commands,
    projections,
    logger,
    scope: new ScopeFacts(commands, pool),
    now: options.now ?? (() => new Date()),
  };
  let http: HttpServer | undefined;
  try {
    http = await startHttpServer(await buildAppSchema(), services, {
      port: config.port,
      host: options.host,
      tokens: createTokenVerifier(options.tokens, options.tokens),
      landingPageTokens: options.landingPageTokens,
      isReady: async () => {
        await pool.query('SELECT 1');
        const statuses = projections.status();
        return {
          ready: true,
          details: { eventStore: store.name, projections: statuses.map((s) => ({ name: s.name, state: s.state, checkpoint: s.checkpoint })) },
        };
      },
    });
  } catch (error) {
    await projections.stop();
    await store.close();
    await pool.end();
    throw error;
  }
  const server = http;
  return {
    services,
    url: server.url,
    stop: async () => {
      // Each step is bounded: after Ctrl-C the database may already be gone, and a
      // client waiting on a dead connection must not keep the process alive.
      const step = async (name: string, work: () => Promise<void>, ms = 10_000) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            logger.warn('shutdown step timed out', { step: name });
            resolve();
          }, ms);
        });
        await Promise.race([work().catch((error) => logger.warn('shutdown step failed', { step: name, error: String(error) })), timeout]);
        clearTimeout(timer);
      };
      await step('http', () => server.close());
      await step('projections', () => projections.stop());
      await step('event store', () => store.close(), 3_000);
      await step('database pool', () => pool.end(), 3_000);
    },
  };
}
