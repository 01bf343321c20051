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

it("reaches the run's embedded PostgreSQL through its Unix socket, not TCP", async () => {
  if (process.env.TEST_DATABASE_EMBEDDED !== 'true') return console.warn('skipped: the tests were given an outside server (TEST_DATABASE_URL)');
  const db = await createTestDatabase();
  try {
    expect(new URL(db.url).searchParams.get('host')).toMatch(/^\//);
    // inet_server_addr() is null exactly when the session came through a Unix socket.
    const { rows } = await db.pool.query('SELECT inet_server_addr() IS NULL AS unix, current_database() AS name');
    expect(rows[0]).toEqual({ unix: true, name: expect.stringMatching(/^test_/) });
  } finally {
    await db.drop();
  }
});
