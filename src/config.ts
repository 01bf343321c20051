import { hostname } from 'node:os';
import { join } from 'node:path';
import { COMMANDS_AT_ONCE } from './commands/commandAdmission';
import { readDocumentsConfig, type DocumentsConfig } from './documents/documents.config';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  eventStore: 'postgres' | 'eventstoredb';
  /** Absent: start an embedded PostgreSQL in `embeddedDataDir`. */
  databaseUrl: string | null;
  eventStoreUrl: string | null;
  /**
   * PostgreSQL commits an append to several streams at once; false appends them one by
   * one, as EventStoreDB does (POSTGRES_ATOMIC_MULTI_STREAM, default true).
   */
  atomicMultiStreamAppend: boolean;
  port: number;
  /** How bearer tokens are verified; `development` when no JWT setting is given outside production. */
  auth: AuthConfig;
  logLevel: LogLevel;
  embeddedDataDir: string;
  embeddedPort: number;
  /** Load the demo province when the log is empty. */
  seedDemoData: boolean;
  /** Mutations one caller may send per minute, counted across every instance on the database. */
  mutationsPerMinute: number;
  /** Commands one process decides at once; the rest wait their turn (COMMANDS_AT_ONCE, default 32). */
  commandsAtOnce: number;
  /**
   * Where Prometheus metrics are served (METRICS_PORT, METRICS_HOST default 127.0.0.1);
   * null, the default, serves none.
   */
  metrics: { port: number; host: string } | null;
  /** How this instance shares the database with others (leases, progress, readiness). */
  instance: InstanceConfig;
  /** Where uploaded documents are kept, and their size cap. */
  documents: DocumentsConfig;
}

/**
 * Several app processes may share one database: each projection and process manager runs
 * on the instance holding its lease, and the others learn how far it got.
 */
export interface InstanceConfig {
  /** Names this instance in the projection status (INSTANCE_ID, default `hostname:pid`). */
  id: string;
  /** How often free leases are tried again (LEASE_RETRY_MS, default 1000). */
  leaseRetryMs: number;
  /** How often the stored progress is read when no notification comes (PROGRESS_POLL_MS, default 1000). */
  progressPollMs: number;
  /** Ready while every read model is at most this many events behind the log (READY_MAX_LAG_EVENTS, default 1000). */
  readyMaxLagEvents: number;
}

/** Longest INSTANCE_ID: PostgreSQL keeps 63 bytes of a session's name, which carries it after `tdkt-lease `. */
export const MAX_INSTANCE_ID_BYTES = 52;

export const DEFAULT_INSTANCE: Omit<InstanceConfig, 'id'> = {
  leaseRetryMs: 1_000,
  progressPollMs: 1_000,
  readyMaxLagEvents: 1_000,
};

/** `hostname:pid`, the host name shortened so that the whole fits MAX_INSTANCE_ID_BYTES. */
export function defaultInstanceId(): string {
  const pid = `:${process.pid}`;
  return (
    Buffer.from(hostname())
      .subarray(0, MAX_INSTANCE_ID_BYTES - pid.length)
      .toString() + pid
  );
}

/** Names of the token claims that carry the caller's id, role and unit. */
export interface ClaimNames {
  subject: string;
  role: string;
  unitId: string;
}

export type AuthConfig =
  | { kind: 'hs256'; secret: string; issuer: string | null; audience: string | null; claims: ClaimNames }
  | { kind: 'oidc'; jwksUrl: string; issuer: string; audience: string; claims: ClaimNames }
  | { kind: 'development'; claims: ClaimNames };

export const DEFAULT_CLAIMS: ClaimNames = { subject: 'sub', role: 'role', unitId: 'unitId' };

/** Mutations one caller may send per minute unless MUTATIONS_PER_MINUTE says otherwise. */
export const DEFAULT_MUTATIONS_PER_MINUTE = 600;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Typed readers of environment variables; each problem goes to `problems`. */
function environmentReader(env: NodeJS.ProcessEnv, problems: string[]) {
  const text = (name: string): string | null => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? null : value.trim();
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = text(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(value))
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return value as T;
  };
  const integer = (name: string, fallback: number, min: number, max: number, what: string): number => {
    const value = text(name);
    if (value === null) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be ${what} (got "${value}")`);
      return fallback;
    }
    return n;
  };
  const port = (name: string, fallback: number): number => integer(name, fallback, 0, 65535, 'a port number 0-65535');
  const url = (name: string, protocols: string[]): string | null => {
    const value = text(name);
    if (value === null) return null;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol))
        problems.push(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
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
  return { text, oneOf, integer, port, url, bool };
}

function readInstanceConfig(read: ReturnType<typeof environmentReader>, problems: string[]): InstanceConfig {
  const id = read.text('INSTANCE_ID') ?? defaultInstanceId();
  if (Buffer.byteLength(id) > MAX_INSTANCE_ID_BYTES || !/^[\x21-\x7e]+$/.test(id))
    problems.push(`INSTANCE_ID must be 1-${MAX_INSTANCE_ID_BYTES} printable ASCII characters without spaces`);
  return {
    id,
    leaseRetryMs: read.integer('LEASE_RETRY_MS', DEFAULT_INSTANCE.leaseRetryMs, 50, 60_000, 'milliseconds 50-60000'),
    progressPollMs: read.integer(
      'PROGRESS_POLL_MS',
      DEFAULT_INSTANCE.progressPollMs,
      50,
      60_000,
      'milliseconds 50-60000',
    ),
    readyMaxLagEvents: read.integer(
      'READY_MAX_LAG_EVENTS',
      DEFAULT_INSTANCE.readyMaxLagEvents,
      0,
      100_000_000,
      'a whole number 0-100000000',
    ),
  };
}

/** Where the event log is: what the app and the command-line tools that read the log share. */
export type StoreConfig = Pick<
  Config,
  'eventStore' | 'databaseUrl' | 'eventStoreUrl' | 'atomicMultiStreamAppend' | 'embeddedDataDir' | 'embeddedPort'
>;

function readStoreConfig(read: ReturnType<typeof environmentReader>, cwd: string): StoreConfig {
  return {
    eventStore: read.oneOf('EVENT_STORE', ['postgres', 'eventstoredb'] as const, 'postgres'),
    databaseUrl: read.url('DATABASE_URL', ['postgres:', 'postgresql:']),
    eventStoreUrl: read.url('EVENTSTORE_URL', ['esdb:', 'esdb+discover:']),
    atomicMultiStreamAppend: read.bool('POSTGRES_ATOMIC_MULTI_STREAM', true),
    embeddedDataDir: read.text('EMBEDDED_PG_DATA_DIR') ?? join(cwd, '.data', 'postgres'),
    embeddedPort: read.port('EMBEDDED_PG_PORT', 0),
  };
}

/** Settings that are only wrong together; checked once each setting was read. */
function checkStoreConfig(config: StoreConfig, problems: string[]): void {
  if (config.eventStore === 'eventstoredb' && !config.eventStoreUrl)
    problems.push('EVENTSTORE_URL is required when EVENT_STORE=eventstoredb');
}

/** The store settings alone, for tools that only read the log (no token settings needed). */
export function loadStoreConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): StoreConfig {
  const problems: string[] = [];
  const config = readStoreConfig(environmentReader(env, problems), cwd);
  checkStoreConfig(config, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Reads and validates the environment once, at start-up; every problem is reported together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const read = environmentReader(env, problems);
  const config: Config = {
    ...readStoreConfig(read, cwd),
    port: read.port('PORT', 4000),
    auth: authConfig(read.text, read.url, problems, read.text('NODE_ENV') === 'production'),
    logLevel: read.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    seedDemoData: read.bool('SEED_DEMO_DATA', true),
    mutationsPerMinute: read.integer(
      'MUTATIONS_PER_MINUTE',
      DEFAULT_MUTATIONS_PER_MINUTE,
      1,
      1_000_000,
      'a whole number 1-1000000',
    ),
    commandsAtOnce: read.integer('COMMANDS_AT_ONCE', COMMANDS_AT_ONCE, 1, 10_000, 'a whole number 1-10000'),
    metrics: metricsConfig(read, problems),
    instance: readInstanceConfig(read, problems),
    documents: readDocumentsConfig(read, cwd, problems),
  };
  checkStoreConfig(config, problems);
  if (config.metrics && config.metrics.port !== 0 && config.metrics.port === config.port)
    problems.push('METRICS_PORT must differ from PORT');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The metrics endpoint: off unless METRICS_PORT is set; METRICS_HOST alone is a mistake. */
function metricsConfig(read: ReturnType<typeof environmentReader>, problems: string[]): Config['metrics'] {
  const host = read.text('METRICS_HOST');
  if (read.text('METRICS_PORT') === null) {
    if (host !== null) problems.push('METRICS_HOST needs METRICS_PORT');
    return null;
  }
  return { port: read.port('METRICS_PORT', 0), host: host ?? '127.0.0.1' };
}

/**
 * `JWT_SECRET` (HS256) or an OIDC provider (`JWT_JWKS_URL` with `JWT_ISSUER` and
 * `JWT_AUDIENCE`), never both. With neither, production refuses to start and anything
 * else runs in development mode (a generated secret, one token per role).
 */
function authConfig(
  text: (name: string) => string | null,
  url: (name: string, protocols: string[]) => string | null,
  problems: string[],
  production: boolean,
): AuthConfig {
  const claims: ClaimNames = {
    subject: text('JWT_SUBJECT_CLAIM') ?? DEFAULT_CLAIMS.subject,
    role: text('JWT_ROLE_CLAIM') ?? DEFAULT_CLAIMS.role,
    unitId: text('JWT_UNIT_CLAIM') ?? DEFAULT_CLAIMS.unitId,
  };
  const secret = text('JWT_SECRET');
  const jwksUrl = url('JWT_JWKS_URL', ['https:', 'http:']);
  const issuer = text('JWT_ISSUER');
  const audience = text('JWT_AUDIENCE');
  if (secret !== null && jwksUrl !== null) {
    problems.push('set either JWT_SECRET or JWT_JWKS_URL, not both');
    return { kind: 'development', claims };
  }
  if (secret !== null) {
    if (secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
    return { kind: 'hs256', secret, issuer, audience, claims };
  }
  if (jwksUrl !== null) {
    if (issuer === null) problems.push('JWT_ISSUER is required with JWT_JWKS_URL');
    if (audience === null) problems.push('JWT_AUDIENCE is required with JWT_JWKS_URL');
    return { kind: 'oidc', jwksUrl, issuer: issuer ?? '', audience: audience ?? '', claims };
  }
  if (issuer !== null || audience !== null)
    problems.push('JWT_ISSUER and JWT_AUDIENCE need JWT_SECRET or JWT_JWKS_URL');
  if (production)
    problems.push(
      'NODE_ENV=production needs JWT_SECRET or JWT_JWKS_URL (with JWT_ISSUER and JWT_AUDIENCE): bearer tokens must be verified',
    );
  return { kind: 'development', claims };
}
