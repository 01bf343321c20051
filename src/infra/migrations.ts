import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { inTransaction, quoteIdent } from './db';

export interface Migration {
  /** `001_events` — ordered by the number; never renamed or edited once released. */
  id: string;
  sql: string;
}

/** Reads `NNN_name.sql` files from a folder, in number order. */
export function loadMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3,}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ id: file.replace(/\.sql$/, ''), sql: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * Applies the migrations of `scope` not yet applied, forward only, each in its own
 * transaction together with its bookkeeping row. With `schema`, the migrations run
 * with that schema first on the search path (projection generations).
 */
export async function migrate(
  pool: Pool,
  scope: string,
  migrations: Migration[],
  options: { schema?: string } = {},
): Promise<string[]> {
  const applied: string[] = [];
  await inTransaction(pool, async (client) => {
    // One migrator at a time across processes.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['tdkt_migrations']);
    await client.query(`CREATE TABLE IF NOT EXISTS public.schema_migrations (
      scope text NOT NULL, id text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scope, id))`);
    const { rows } = await client.query<{ id: string }>('SELECT id FROM public.schema_migrations WHERE scope = $1', [
      scope,
    ]);
    const done = new Set(rows.map((row) => row.id));
    if (options.schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
      await client.query(`SET LOCAL search_path TO ${quoteIdent(options.schema)}, public`);
    }
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO public.schema_migrations (scope, id) VALUES ($1, $2)', [scope, migration.id]);
      applied.push(migration.id);
    }
  });
  return applied;
}
