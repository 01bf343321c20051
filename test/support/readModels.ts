import { allProjections } from '../../projections';
import { startAppOn } from './app';
import type { TestDatabase } from './database';
import { caughtUp } from './until';

/** Every read model's rows, view by view, in a stable order. */
export async function readModelRows(db: TestDatabase): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const { name } of allProjections) {
    const views = await db.pool.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.views WHERE table_schema = $1 ORDER BY table_name',
      [name],
    );
    for (const { table_name: view } of views.rows) {
      const result = await db.pool.query(`SELECT * FROM "${name}"."${view}"`);
      rows[`${name}.${view}`] = result.rows.map((row) => JSON.stringify(row)).sort();
    }
  }
  return rows;
}

/**
 * Starts the app in this process on `db` (no other instance may run on it), waits until
 * the read models reach `last`, and expects them to equal what a rebuild of each from the
 * log makes.
 */
export async function expectReadModelsEqualRebuild(db: TestDatabase, last: string): Promise<void> {
  const local = await startAppOn(db.url);
  try {
    await caughtUp(local.services.projections, last);
    const live = await readModelRows(db);
    for (const { name } of allProjections) await local.services.projections.rebuild(name);
    expect(await readModelRows(db)).toEqual(live);
  } finally {
    await local.stop();
  }
}
