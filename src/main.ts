import 'reflect-metadata';
import { startApp, type App } from './app';
import { runDemoYear, type GraphQLAnswer } from './demo/demoYear';
import { httpDocumentUploader } from './demo/demoDocuments';
import { ConfigError, loadConfig, type Config } from './config';
import { EMBEDDED_DATABASE, startEmbeddedPostgres, type EmbeddedPostgresHandle } from './infra/embeddedPostgres';
import { createLogger, type Logger } from './infra/logger';
import { answerParentProcess } from './infra/parentProcess';
import { describeStartupFailure } from './infra/startupFailure';
import { join } from 'node:path';
import { createDevelopmentAuth, writeDevelopmentTokens } from './auth/developmentTokens';
import { signToken, type TokenSettings, type TokenSubject } from './auth/tokens';

/** The environment's settings; on a mistake in them, says which and exits (status 2). */
function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** What is running, for the signal handlers to stop. */
interface Running {
  embedded?: EmbeddedPostgresHandle;
  app?: App;
  stopping?: Promise<void>;
}

async function stopAll(running: Running, logger: Logger): Promise<void> {
  try {
    await running.app?.stop();
  } catch (error) {
    logger.warn('error while stopping the app', { error: String(error) });
  }
  try {
    await running.embedded?.stop();
  } catch (error) {
    logger.warn('error while stopping embedded PostgreSQL', { error: String(error) });
  }
  logger.info('stopped');
  process.exit(0);
}

/** SIGINT and SIGTERM stop what is running, then exit. */
function stopOnSignals(running: Running, logger: Logger): void {
  let firstSignalAt = 0;
  const shutdown = (signal: string) => {
    if (running.stopping) {
      // Ctrl-C under `npm start` arrives twice (from the terminal and forwarded by npm):
      // only a later, deliberate second signal cuts the graceful shutdown short.
      if (Date.now() - firstSignalAt < 3_000) return;
      logger.warn('second signal: exiting now', { signal });
      process.exit(1);
    }
    firstSignalAt = Date.now();
    logger.info('shutting down', { signal });
    running.stopping = stopAll(running, logger);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** Embedded PostgreSQL in the configured data folder, kept between runs: its connection URL. */
async function startEmbeddedDatabase(config: Config, logger: Logger, running: Running): Promise<string> {
  logger.info('no DATABASE_URL: starting embedded PostgreSQL', { dataDir: config.embeddedDataDir });
  const embedded = await startEmbeddedPostgres({
    dataDir: config.embeddedDataDir,
    port: config.embeddedPort,
    persistent: true,
    database: EMBEDDED_DATABASE,
    log: (line) => logger.debug(line),
    notice: (line) => logger.info(line),
  });
  running.embedded = embedded;
  logger.info('embedded PostgreSQL ready', {
    port: embedded.port,
    pid: embedded.pid,
    connection: embedded.unixSocket ? 'unix socket' : 'tcp',
    dataDir: embedded.dataDir,
  });
  return embedded.databaseUrl;
}

/** `npm start`: validates the environment, starts embedded PostgreSQL when no DATABASE_URL is set, serves. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const running: Running = {};
  stopOnSignals(running, logger);
  const databaseUrl = config.databaseUrl || (await startEmbeddedDatabase(config, logger, running));
  if (running.stopping) return;
  const { tokens, host, landingPageTokens } = await resolveAuth(config);
  const app = await startApp({ config, databaseUrl, logger, tokens, host, landingPageTokens, metrics: config.metrics });
  running.app = app;
  answerParentProcess(app.services.commands);
  logger.info(`serving GraphQL at ${app.url}/graphql`, {
    eventStore: config.eventStore,
    auth: config.auth.kind,
    metrics: app.metricsUrl,
  });
  if (config.seedDemoData) await seedDemoDataIfEmpty(app, tokens, logger);
  process.stdout.write(`Thi đua – Khen thưởng API: ${app.url}/graphql (health: ${app.url}/health)\n`);
}

/**
 * The token settings to serve with. Development mode makes a secret for this run,
 * listens on 127.0.0.1 only, writes one token per role to `.data/dev-tokens.json`
 * (0600) and prints them once to standard output, never to the log.
 */
async function resolveAuth(
  config: Config,
): Promise<{ tokens: TokenSettings; host?: string; landingPageTokens?: Record<string, string> }> {
  if (config.auth.kind !== 'development') return { tokens: config.auth };
  const development = await createDevelopmentAuth(config.auth.claims);
  const file = join(process.cwd(), '.data', 'dev-tokens.json');
  writeDevelopmentTokens(file, development.tokens);
  const lines = Object.entries(development.tokens).map(([role, token]) => `  ${role.padEnd(17)} ${token}`);
  process.stdout.write(
    `Development mode (no JWT_SECRET or JWT_JWKS_URL): listening on 127.0.0.1 only.\n` +
      `Bearer tokens for this run, one per role (also in ${file}):\n${lines.join('\n')}\n`,
  );
  return { tokens: development.settings, host: '127.0.0.1', landingPageTokens: development.tokens };
}

/** A new, empty log gets a demo year (Bạch Thông district), loaded through the public API. */
async function seedDemoDataIfEmpty(app: App, tokens: TokenSettings, logger: Logger): Promise<void> {
  const first = await app.services.store.readAll({ after: '0', limit: 1 });
  if (first.events.length > 0) return;
  if (tokens.kind !== 'hs256') {
    logger.warn(
      'empty event log: the demo year is loaded only with JWT_SECRET or in development mode (it signs its own tokens)',
    );
    return;
  }
  logger.info('empty event log: loading the demo year (set SEED_DEMO_DATA=false to skip)');
  const baseUrl = app.url.replace('localhost', '127.0.0.1');
  const tokenFor = (actor: TokenSubject) =>
    signToken(tokens.secret, actor, {
      expiresIn: '10m',
      issuer: tokens.issuer,
      audience: tokens.audience,
      claims: tokens.claims,
    });
  const summary = await runDemoYear(
    async (query, variables, actor) => {
      const token = await tokenFor(actor);
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer;
    },
    (step) => logger.info(`demo data: ${step}`),
    httpDocumentUploader(baseUrl, tokenFor),
  );
  logger.info('demo data loaded', { commands: summary.positions.length });
}

main().catch((error) => {
  process.stderr.write(`${describeStartupFailure(error, process.env.LOG_LEVEL === 'debug')}\n`);
  process.exit(1);
});
