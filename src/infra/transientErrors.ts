/** Errors of a database that is away for a moment: the same work succeeds when it is back. */
const TRANSIENT_CODES = /^(08|57P0[123]|53300|40001|40P01)/;
const TRANSIENT_MESSAGES =
  /Connection terminated|ECONNRESET|ECONNREFUSED|EPIPE|timeout exceeded when trying to connect/i;

export function isTransientDatabaseError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (TRANSIENT_CODES.test(code) || /^E(CONNRESET|CONNREFUSED|PIPE)$/.test(code)))
    return true;
  return typeof message === 'string' && TRANSIENT_MESSAGES.test(message);
}

export interface RetryOptions {
  /** Stops retrying (the last error is thrown) once aborted. */
  signal?: AbortSignal;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  maxDelayMs?: number;
}

/** Runs `operation` until it succeeds, waiting longer after each transient error (capped, jittered). */
export async function retryTransient<T>(operation: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransientDatabaseError(error) || options.signal?.aborted) throw error;
      const delayMs = Math.round(Math.min(options.maxDelayMs ?? 5_000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
      options.onRetry?.(error, attempt, delayMs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
