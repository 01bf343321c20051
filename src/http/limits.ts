import type { IncomingMessage } from 'node:http';

/** What one connection and one request may take of the HTTP server. */
export interface HttpLimits {
  /** Open connections at once; one more is closed as soon as it is accepted. */
  maxConnections: number;
  /** The request line and headers must arrive within this many ms. */
  headersTimeoutMs: number;
  /** A request body must arrive whole within this many ms of being asked for. */
  bodyTimeoutMs: number;
  /** The whole request must arrive within this many ms (Node's own check, behind the two above). */
  requestTimeoutMs: number;
  maxBodyBytes: number;
}

/** Slow senders (1 byte/s) are cut off after seconds, and at most 1,000 of them are open at once. */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxConnections: 1_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxBodyBytes: 1024 * 1024,
};

class BodyRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a request body of at most `maxBodyBytes` that arrives whole within
 * `bodyTimeoutMs`; past either limit it stops reading and rejects with a refusal
 * (`refusalOf` gives its status and code).
 */
export function readBody(request: IncomingMessage, limits: HttpLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () =>
      new BodyRefused(413, 'PAYLOAD_TOO_LARGE', `request body exceeds ${limits.maxBodyBytes} bytes`);
    if (Number(request.headers['content-length'] ?? 0) > limits.maxBodyBytes) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (refusal: BodyRefused) => {
      clearTimeout(deadline);
      request.removeListener('data', onData);
      reject(refusal);
    };
    const deadline = setTimeout(
      () =>
        stop(new BodyRefused(408, 'REQUEST_TIMEOUT', `request body not received within ${limits.bodyTimeoutMs} ms`)),
      limits.bodyTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) return stop(tooLarge());
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => {
      clearTimeout(deadline);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
  });
}

/** The HTTP status, code and message of a body `readBody` refused; null for any other error. */
export function refusalOf(error: unknown): { status: number; code: string; message: string } | null {
  return error instanceof BodyRefused ? { status: error.status, code: error.code, message: error.message } : null;
}
