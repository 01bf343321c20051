import { createTestDatabase } from '../support/database';

it('gives each test file its own PostgreSQL database', async () => {
  const db = await createTestDatabase();
  const { rows } = await db.pool.query('SELECT current_database() AS name, version() AS version');
  expect(rows[0].name).toMatch(/^test_/);
  await db.drop();
});
