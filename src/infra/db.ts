import { Pool, type PoolClient, type PoolConfig } from 'pg';

/** Anything that runs a statement: the pool or one of its clients (inside a transaction). */
export type Queryable = Pick<Pool | PoolClient, 'query'>;

export interface PoolOptions {
  max?: number;
  /** Connections kept open while idle (the rest close after `idleTimeoutMillis`). */
  min?: number;
  idleTimeoutMillis?: number;
  applicationName?: string;
  /** Every transaction read-only: for tools that only read. */
  readOnly?: boolean;
  /** How long getting a connection may take before it fails (default 10,000 ms). */
  connectionTimeoutMillis?: number;
  /** Statements running longer are cancelled by the server (default: no limit). */
  statementTimeoutMs?: number;
  onError?: (error: Error) => void;
}

/**
 * A pool with the settings every part of the app relies on. An idle transaction that
 * holds a transaction id would hold back the gap-free log reader, so it is cut off.
 */
export function createPool(connectionString: string, options: PoolOptions = {}): Pool {
  const config: PoolConfig = {
    connectionString,
    max: options.max ?? 20,
    min: options.min ?? 0,
    idleTimeoutMillis: options.idleTimeoutMillis ?? 10_000,
    application_name: options.applicationName ?? 'tdkt',
    idle_in_transaction_session_timeout: 60_000,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    statement_timeout: options.statementTimeoutMs,
    options: options.readOnly ? '-c default_transaction_read_only=on' : undefined,
  };
  const pool = new Pool(config);
  const onError = options.onError ?? (() => undefined);
  // A connection can drop at any time (server restart). The pool listens on idle clients
  // only; an 'error' event with no listener on a checked-out client ends the process. The
  // statement in flight still fails, and the pool discards the client when it is released.
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/** Runs `work` in a transaction on one connection, rolling back on any error. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
