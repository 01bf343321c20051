import pino from 'pino';
import type { LogLevel } from '../config';

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
  /** A logger whose every line also carries `bindings` (a request's id, a command's correlation id). */
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * Fields that carry a credential or a person: their values never reach the log, wherever
 * they sit in an entry's details (at the top or up to two levels down). The personal
 * fields are the schema's (schema.graphql): people's, complainants', denouncers', council
 * members' and signers' names, and the text a complainant wrote. `name` stays: it names
 * projections.
 */
const REDACTED_FIELDS = [
  'authorization',
  'cookie',
  'token',
  'accessToken',
  'secret',
  'password',
  'fullName',
  'complainantName',
  'denouncerName',
  'denouncers',
  'memberName',
  'signerName',
  'content',
  'contact',
  'phone',
  'email',
  'address',
  'dateOfBirth',
];

/** Paths for pino's `redact`: each field at the top, one and two levels down. */
export const REDACTED_PATHS: readonly string[] = REDACTED_FIELDS.flatMap((field) => [
  field,
  `*.${field}`,
  `*.*.${field}`,
]);

/** Wraps a pino logger in the app's `Logger`: the message first, the details as the entry's fields. */
function wrap(log: pino.Logger): Logger {
  return {
    debug: (message, details) => log.debug(details ?? {}, message),
    info: (message, details) => log.info(details ?? {}, message),
    warn: (message, details) => log.warn(details ?? {}, message),
    error: (message, details) => log.error(details ?? {}, message),
    child: (bindings) => lazyChild(log, bindings),
  };
}

/**
 * A child logger made when it first writes a line. Every request makes one, and most
 * write nothing at the configured level, while pino serializes and redacts a child's
 * bindings when it is made. A child of this child carries both sets of bindings.
 */
function lazyChild(log: pino.Logger, bindings: Record<string, unknown>): Logger {
  let made: pino.Logger | undefined;
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, details?: Record<string, unknown>): void => {
      if (!log.isLevelEnabled(level)) return;
      made ??= log.child(bindings);
      made[level](details ?? {}, message);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => lazyChild(log, { ...bindings, ...more }),
  };
}

/**
 * One JSON line per entry on stderr, so stdout stays free for what the user asked to see:
 * `time` (ISO 8601), `level` (its name), `message` and the details, with credentials and
 * personal fields replaced by `[redacted]`. `write` receives each line instead (tests).
 */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const destination = write
    ? { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) }
    : pino.destination({ dest: 2, sync: true });
  const log = pino(
    {
      level,
      messageKey: 'message',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    },
    destination,
  );
  return wrap(log);
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
