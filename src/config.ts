import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  eventStore: 'postgres' | 'eventstoredb';
  /** Absent: start an embedded PostgreSQL in `embeddedDataDir`. */
  databaseUrl: string | null;
  eventStoreUrl: string | null;
  port: number;
  jwtSecret: string | null;
  logLevel: LogLevel;
  embeddedDataDir: string;
  embeddedPort: number;
  /** Load the demo province when the log is empty. */
  seedDemoData: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads and validates the environment once, at start-up; every problem is reported together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? null : value.trim();
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = text(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(value)) problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return value as T;
  };
  const port = (name: string, fallback: number): number => {
    const value = text(name);
    if (value === null) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      problems.push(`${name} must be a port number 0-65535 (got "${value}")`);
      return fallback;
    }
    return n;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const value = text(name);
    if (value === null) return null;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const value = text(name);
    if (value === null) return fallback;
    if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  };

  const config: Config = {
    eventStore: oneOf('EVENT_STORE', ['postgres', 'eventstoredb'] as const, 'postgres'),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    eventStoreUrl: url('EVENTSTORE_URL', ['esdb:', 'esdb+discover:']),
    port: port('PORT', 4000),
    jwtSecret: text('JWT_SECRET'),
    logLevel: oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    embeddedDataDir: text('EMBEDDED_PG_DATA_DIR') ?? join(cwd, '.data', 'postgres'),
    embeddedPort: port('EMBEDDED_PG_PORT', 0),
    seedDemoData: bool('SEED_DEMO_DATA', true),
  };
  if (config.eventStore === 'eventstoredb' && !config.eventStoreUrl) problems.push('EVENTSTORE_URL is required when EVENT_STORE=eventstoredb');
  if (config.jwtSecret !== null && config.jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
