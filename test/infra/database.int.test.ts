import { createTestDatabase } from '../support/database';
import { createPool, inTransaction } from '../../src/infra/db';
import { until } from '../support/until';

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
  if (process.env.TEST_DATABASE_EMBEDDED !== 'true')
    return console.warn('skipped: the tests were given an outside server (TEST_DATABASE_URL)');
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

it('outlives a dropped connection on a checked-out client, and serves again from fresh ones', async () => {
  const db = await createTestDatabase();
  const pool = createPool(db.url, { max: 2 });
  const admin = createPool(db.url, { max: 1 });
  try {
    const client = await pool.connect();
    await client.query('BEGIN');
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // The server ends the backend while the client sits in its transaction, as a restart does.
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    await until(
      'the backend is gone',
      async () =>
        (await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1', [rows[0].pid])).rows[0]
          .n === 0,
    );
    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release(true);
    await expect(inTransaction(pool, (tx) => tx.query('SELECT 1 AS one'))).resolves.toMatchObject({
      rows: [{ one: 1 }],
    });
  } finally {
    await pool.end();
    await admin.end();
    await db.drop();
  }
});
