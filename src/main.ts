import 'reflect-metadata';
import { startApp, type App } from './app';
import { runDemoYear, type GraphQLAnswer } from './demo/demoYear';
import { ConfigError, loadConfig } from './config';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './infra/embeddedPostgres';
import { createLogger } from './infra/logger';
import { describeStartupFailure } from './infra/startupFailure';

/** `npm start`: validates the environment, starts embedded PostgreSQL when no DATABASE_URL is set, serves. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let embedded: EmbeddedPostgresHandle | undefined;
  let app: App | undefined;
  let stopping: Promise<void> | undefined;
  let firstSignalAt = 0;

  const shutdown = (signal: string) => {
    if (stopping) {
      // Ctrl-C under `npm start` arrives twice (from the terminal and forwarded by npm):
      // only a later, deliberate second signal cuts the graceful shutdown short.
      if (Date.now() - firstSignalAt < 3_000) return;
      logger.warn('second signal: exiting now', { signal });
      process.exit(1);
    }
    firstSignalAt = Date.now();
    logger.info('shutting down', { signal });
    stopping = (async () => {
      try {
        await app?.stop();
      } catch (error) {
        logger.warn('error while stopping the app', { error: String(error) });
      }
      try {
        await embedded?.stop();
      } catch (error) {
        logger.warn('error while stopping embedded PostgreSQL', { error: String(error) });
      }
      logger.info('stopped');
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    logger.info('no DATABASE_URL: starting embedded PostgreSQL', { dataDir: config.embeddedDataDir });
    embedded = await startEmbeddedPostgres({
      dataDir: config.embeddedDataDir,
      port: config.embeddedPort,
      persistent: true,
      database: 'tdkt',
      log: (line) => logger.debug(line),
      notice: (line) => logger.info(line),
    });
    databaseUrl = embedded.databaseUrl;
    logger.info('embedded PostgreSQL ready', { port: embedded.port, pid: embedded.pid, connection: embedded.unixSocket ? 'unix socket' : 'tcp', dataDir: embedded.dataDir });
  }
  if (stopping) return;
  app = await startApp({ config, databaseUrl, logger });
  logger.info(`serving GraphQL at ${app.url}/graphql`, { eventStore: config.eventStore });
  if (config.seedDemoData) await seedDemoDataIfEmpty(app, logger);
  process.stdout.write(`Thi đua – Khen thưởng API: ${app.url}/graphql (health: ${app.url}/health)\n`);
}

/** A new, empty log gets a demo year (Bạch Thông district), loaded through the public API. */
async function seedDemoDataIfEmpty(app: App, logger: ReturnType<typeof createLogger>): Promise<void> {
  const first = await app.services.store.readAll({ after: '0', limit: 1 });
  if (first.events.length > 0) return;
  logger.info('empty event log: loading the demo year (set SEED_DEMO_DATA=false to skip)');
  const url = `${app.url.replace('localhost', '127.0.0.1')}/graphql`;
  const summary = await runDemoYear(
    async (query, variables, headers) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as GraphQLAnswer;
    },
    (step) => logger.info(`demo data: ${step}`),
  );
  logger.info('demo data loaded', { commands: summary.positions.length });
}

main().catch((error) => {
  process.stderr.write(`${describeStartupFailure(error, process.env.LOG_LEVEL === 'debug')}\n`);
  process.exit(1);
});
