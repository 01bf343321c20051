// Which database errors pass by themselves (the server restarts, a connection drops, two
// transactions collide), and one way to wait them out: retry with capped exponential
// backoff and jitter until the operation succeeds, fails for another reason, or is stopped.

/**
 * SQLSTATEs after which the same work succeeds if tried again (class 08, "connection
 * exception", is matched by its prefix): the server shutting down, crashed or starting
 * up, out of connections, a session ended by a timeout, a serialization failure, a deadlock.
 */
const TRANSIENT_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P05', '25P03', '53300', '40001', '40P01']);
/** Of those, the ones a transaction can hit while the database itself is fine. */
const CONFLICT_SQLSTATES = new Set(['40001', '40P01']);
/** Socket errors of a server that is not there (ENOENT: its Unix socket file is gone while it is down). */
const UNREACHABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/**
 * What node-postgres and its pool say, without a code, when a connection drops or none
 * can be had in time.
 */
const UNREACHABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|timeout expired|Query read timeout|Client has encountered a connection error)/;

/** How deep `cause` / `originalError` chains are followed. */
const MAX_CAUSE_DEPTH = 4;

/** The fields of an error these checks read. */
interface ErrorLike {
  message: string;
  code?: unknown;
  syscall?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

/**
 * `value` as an error, by its shape rather than `instanceof Error`: errors made by Node's
 * own modules belong to another realm than code run in a VM context (as Jest runs it).
 */
function asErrorLike(value: unknown): ErrorLike | null {
  if (typeof value !== 'object' || value === null) return null;
  return typeof (value as { message?: unknown }).message === 'string' ? (value as ErrorLike) : null;
}

function codeOf(error: ErrorLike): string | undefined {
  return typeof error.code === 'string' ? error.code : undefined;
}

/** The error and what caused it (`cause`, or `originalError` as GraphQL wraps it), outermost first. */
function causeChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current = asErrorLike(error);
  while (current && chain.length < MAX_CAUSE_DEPTH) {
    chain.push(current);
    current = asErrorLike(current.originalError ?? current.cause);
  }
  return chain;
}

function saysUnreachable(error: ErrorLike): boolean {
  const code = codeOf(error);
  if (code !== undefined) {
    if (code.startsWith('08') || UNREACHABLE_SOCKET_CODES.has(code)) return true;
    if (TRANSIENT_SQLSTATES.has(code) && !CONFLICT_SQLSTATES.has(code)) return true;
    if (code === 'ENOENT' && error.syscall === 'connect') return true;
  }
  return UNREACHABLE_MESSAGES.test(error.message);
}

/**
 * Whether `error` (or what caused it) says the database cannot serve anyone right now:
 * it is down, restarting, out of connections, or the connection to it dropped. Not a
 * serialization failure or deadlock, which only the transaction that hit it must retry.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  return causeChain(error).some(saysUnreachable);
}

/**
 * Whether the work that failed with `error` succeeds if simply tried again: the database
 * is unreachable for now (isDatabaseUnreachable), or the transaction lost a serialization
 * conflict or a deadlock. Anything else (bad SQL, a constraint, a handler's own bug) is not.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  return causeChain(error).some((e) => saysUnreachable(e) || CONFLICT_SQLSTATES.has(codeOf(e) ?? ''));
}

export interface RetryTransientOptions {
  /** Aborting stops the retries: the pending wait ends and the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Told of every transient failure before its wait: the error, the attempt it ended (from 1), the wait. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** The longest wait between two attempts (default 5,000 ms); the first is about 100 ms. */
  maxDelayMs?: number;
}

const FIRST_DELAY_MS = 100;
const DEFAULT_MAX_DELAY_MS = 5_000;

/**
 * Runs `operation` until it succeeds, retrying it after each transient database error
 * (isTransientDatabaseError) for as long as that takes, unless `signal` stops it. Any other
 * error is thrown at once. The waits double from about 100 ms up to `maxDelayMs`, each
 * drawn between half and all of its step, so that many callers do not retry in lockstep.
 * `operation` must be safe to run again: a transaction, or a statement with no effect if repeated.
 */
export async function retryTransient<T>(operation: () => Promise<T>, options: RetryTransientOptions = {}): Promise<T> {
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await operation();
    } catch (error) {
      if (!isTransientDatabaseError(error)) throw error;
      options.signal?.throwIfAborted();
      const step = Math.min(maxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(attempt - 1, 20));
      const delayMs = Math.round(step / 2 + (Math.random() * step) / 2);
      options.onRetry?.(error, attempt, delayMs);
      await sleep(delayMs, options.signal);
    }
  }
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it is aborted. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
