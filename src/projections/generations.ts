// Each projection keeps its tables in one schema per generation (`name__gN`); the schema
// named after the projection holds views onto the active generation's tables, which is
// what queries read. A rebuild fills a new generation and switches the views over.
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { inTransaction, quoteIdent } from '../infra/db';
import { loadMigrations, migrate } from '../infra/migrations';
import { projectRoot } from '../infra/projectRoot';
import { generationSchema, type ProjectionDefinition } from './projection';

/** The projection_state table: one row per projection and generation. */
export async function migrateProjectionState(pool: Pool): Promise<void> {
  await migrate(pool, 'projections', loadMigrations(join(projectRoot(), 'src/projections/migrations')));
}

/** The active generation of a projection as projection_state records it. */
export interface ActiveGeneration {
  generation: number;
  /** The projection's version this generation was built with. */
  version: number;
  position: string;
  failed: boolean;
  error: string | null;
  failedPosition: string | null;
}

/**
 * The projection's active generation, ready to follow the log: created (generation 1)
 * if it has none, otherwise brought up to the projection's latest migrations.
 */
export async function openActiveGeneration(pool: Pool, definition: ProjectionDefinition): Promise<ActiveGeneration> {
  const { rows } = await pool.query(
    `SELECT generation, version, position::text, failed, error, failed_position::text AS failed_position
     FROM projection_state WHERE name = $1 AND status = 'active'`,
    [definition.name],
  );
  if (rows.length === 0) {
    await createGeneration(pool, definition, 1, 'active');
    await inTransaction(pool, (client) => switchViews(client, definition.name, 1));
    return {
      generation: 1,
      version: definition.version,
      position: '0',
      failed: false,
      error: null,
      failedPosition: null,
    };
  }
  const row = rows[0];
  await migrateGeneration(pool, definition, row.generation);
  return {
    generation: row.generation as number,
    version: row.version as number,
    position: row.position as string,
    failed: row.failed as boolean,
    error: row.error as string | null,
    failedPosition: row.failed_position as string | null,
  };
}

/** Forward-only: migrations added since a generation was made apply to it too. */
async function migrateGeneration(pool: Pool, definition: ProjectionDefinition, generation: number): Promise<void> {
  const schema = generationSchema(definition.name, generation);
  const applied = await pool.query<{ id: string }>('SELECT id FROM schema_migrations WHERE scope = $1', [
    `projection:${schema}`,
  ]);
  const done = new Set(applied.rows.map((r) => r.id));
  if (definition.migrations.some((m) => !done.has(m.id))) {
    // A view onto a table blocks changing its columns' types; switchViews below recreates them.
    await inTransaction(pool, (client) => dropViews(client, definition.name));
  }
  await migrate(pool, `projection:${schema}`, definition.migrations, { schema });
  await inTransaction(pool, (client) => switchViews(client, definition.name, generation));
}

/** The number the projection's next generation takes. */
export async function nextGeneration(pool: Pool, name: string): Promise<number> {
  const { rows } = await pool.query<{ max: number }>(
    `SELECT max(generation)::int AS max FROM projection_state WHERE name = $1`,
    [name],
  );
  return (rows[0].max ?? 0) + 1;
}

/** Empty tables for a generation (any left from an earlier attempt are dropped) and its projection_state row. */
export async function createGeneration(
  pool: Pool,
  definition: ProjectionDefinition,
  generation: number,
  status: 'active' | 'rebuilding',
): Promise<void> {
  const schema = generationSchema(definition.name, generation);
  await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  await pool.query(`DELETE FROM schema_migrations WHERE scope = $1`, [`projection:${schema}`]);
  await migrate(pool, `projection:${schema}`, definition.migrations, { schema });
  await pool.query(
    `INSERT INTO projection_state (name, generation, version, status) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name, generation) DO UPDATE SET version = $3, status = $4, position = 0, failed = false, error = NULL, failed_position = NULL, events_applied = 0`,
    [definition.name, generation, definition.version, status],
  );
}

/**
 * Makes generation `to` the active one in place of `from`: the views point at its tables
 * and the rows of projection_state say so. Runs in the caller's transaction.
 */
export async function switchActiveGeneration(
  client: PoolClient,
  name: string,
  from: number,
  to: number,
): Promise<void> {
  await switchViews(client, name, to);
  await client.query(`UPDATE projection_state SET status = 'retired' WHERE name = $1 AND generation = $2`, [
    name,
    from,
  ]);
  await client.query(`UPDATE projection_state SET status = 'active' WHERE name = $1 AND generation = $2`, [name, to]);
}

/** Drops a generation's tables (a retired one). */
export async function dropGeneration(pool: Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
}

async function dropViews(client: PoolClient, name: string): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(name)}`);
  const views = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.views WHERE table_schema = $1`,
    [name],
  );
  for (const view of views.rows) await client.query(`DROP VIEW ${quoteIdent(name)}.${quoteIdent(view.table_name)}`);
}

/** Points the stable schema's views at a generation's tables. */
async function switchViews(client: PoolClient, name: string, generation: number): Promise<void> {
  const schema = generationSchema(name, generation);
  await dropViews(client, name);
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
    [schema],
  );
  for (const table of tables.rows) {
    await client.query(
      `CREATE VIEW ${quoteIdent(name)}.${quoteIdent(table.table_name)} AS SELECT * FROM ${quoteIdent(schema)}.${quoteIdent(table.table_name)}`,
    );
  }
}
