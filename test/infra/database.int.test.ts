import { createTestDatabase } from '../support/database';
import { createPool } from '../../src/infra/db';

it('gives each test file its own PostgreSQL database', async () => {
  const db = await createTestDatabase();
  const { rows } = await db.pool.query('SELECT current_database() AS name, version() AS version');
  expect(rows[0].name).toMatch(/^test_/);
  await db.drop();
});

it('keeps `min` connections open through idle time and closes the others', async () => {
  const db = await createTestDatabase();
  const pool = createPool(db.url, { max: 4, min: 2, idleTimeoutMillis: 50 });
  try {
    const clients = await Promise.all([pool.connect(), pool.connect(), pool.connect(), pool.connect()]);
    for (const client of clients) client.release();
    expect(pool.totalCount).toBe(4);
    await new Promise((r) => setTimeout(r, 400));
    expect(pool.totalCount).toBe(2);
  } finally {
    await pool.end();
    await db.drop();
  }
});
