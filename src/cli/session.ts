import { ConfigError, loadConfig, type Config } from '../config';
import { waitForReadModels } from '../processManagers/readYourWrites';
import { createLogger, type Logger } from '../infra/logger';
import { resolveCaller, type Caller, type CallerOptions } from './caller';
import { openCliDatabase, type CliDatabase } from './database';
import { startEngine, type Engine } from './engine';
import { CliFailure, EXIT, type CliIo } from './io';

/** The app's settings from the environment; a mistake in them is a usage error. */
export function loadCliConfig(io: CliIo): Config {
  try {
    return loadConfig(io.env, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliFailure(error.message.replace(/\n\s*/g, ' '), EXIT.usage);
    throw error;
  }
}

/** The app's log on standard error: warnings and worse, unless LOG_LEVEL asks for more. */
export function cliLogger(config: Config, io: CliIo): Logger {
  return createLogger(io.env.LOG_LEVEL ? config.logLevel : 'warn');
}

/** What a command that appends works with. */
export interface AppendSession {
  config: Config;
  caller: Caller;
  engine: Engine;
  database: CliDatabase;
}

/**
 * Verifies the caller first (nothing is opened for a caller the app would refuse), then
 * opens the database and the in-process app for `work`, and closes them whatever happens.
 */
export async function withAppendSession<T>(
  io: CliIo,
  options: CallerOptions,
  work: (session: AppendSession) => Promise<T>,
): Promise<T> {
  const config = loadCliConfig(io);
  const caller = await resolveCaller(config, options, io.env);
  const database = await openCliDatabase(config, (line) => io.err(`${line}\n`));
  try {
    const engine = await startEngine(config, database.url, caller.settings, cliLogger(config, io));
    try {
      return await work({ config, caller, engine, database });
    } finally {
      await engine.stop();
    }
  } finally {
    await database.close();
  }
}

/** How long a command that appended waits for the read models to apply it before it exits. */
const SETTLE_TIMEOUT_MS = 30_000;

/**
 * Waits until the read models and process managers have applied the log as far as it is
 * now (run here, or by the app holding their leases); says so when they have not yet.
 */
export async function settle(session: AppendSession, io: CliIo): Promise<void> {
  const { services } = session.engine.app;
  const head = await services.store.headPosition();
  if (!(await waitForReadModels(services, head, SETTLE_TIMEOUT_MS)))
    io.err('the read models have not applied everything yet: they go on while the app runs\n');
}
