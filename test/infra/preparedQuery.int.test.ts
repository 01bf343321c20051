import { MAX_NAMED_STATEMENTS, PreparedStatements } from '../../src/infra/preparedQuery';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
/** One app's statement names, as app.ts makes them. */
const prepared = new PreparedStatements();

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

/** Statements prepared on the one connection a client holds. */
async function preparedOn(client: {
  query: (text: string) => Promise<{ rows: Array<{ statement: string }> }>;
}): Promise<string[]> {
  const { rows } = await client.query('SELECT statement FROM pg_prepared_statements ORDER BY prepare_time');
  return rows.map((r) => r.statement);
}

it('prepares a statement once per connection and reuses it', async () => {
  const client = await db.pool.connect();
  try {
    const text = 'SELECT $1::int + 1 AS n /* reuse */';
    expect((await prepared.query(client, text, [1])).rows).toEqual([{ n: 2 }]);
    expect((await prepared.query(client, text, [41])).rows).toEqual([{ n: 42 }]);
    expect((await preparedOn(client)).filter((s) => s.includes('/* reuse */'))).toHaveLength(1);
  } finally {
    client.release();
  }
});

it('answers, and prepares afresh, after a read model switched in a column of another type', async () => {
  await db.pool
    .query(`CREATE SCHEMA model_g1; CREATE TABLE model_g1.rows (id int, value int); INSERT INTO model_g1.rows VALUES (1, 7);
                       CREATE SCHEMA model; CREATE VIEW model.rows AS SELECT * FROM model_g1.rows`);
  const client = await db.pool.connect();
  try {
    const text = 'SELECT value FROM model.rows WHERE id = $1';
    expect((await prepared.query(client, text, [1])).rows).toEqual([{ value: 7 }]);
    // A new generation of the model stores the value as text: the view is replaced, as a switch does.
    await db.pool
      .query(`CREATE SCHEMA model_g2; CREATE TABLE model_g2.rows (id int, value text); INSERT INTO model_g2.rows VALUES (1, 'bảy');
                         DROP VIEW model.rows; CREATE VIEW model.rows AS SELECT * FROM model_g2.rows`);
    expect((await prepared.query(client, text, [1])).rows).toEqual([{ value: 'bảy' }]);
    // Later calls use a fresh statement (no error, no unprepared fallback needed).
    expect((await prepared.query(client, text, [1])).rows).toEqual([{ value: 'bảy' }]);
    const statements = (await preparedOn(client)).filter((s) => s === text);
    expect(statements).toHaveLength(2);
  } finally {
    client.release();
  }
});

it('leaves texts past the cap unnamed, so built texts cannot fill every connection', async () => {
  const client = await db.pool.connect();
  try {
    for (let i = 0; i < MAX_NAMED_STATEMENTS + 10; i++) await prepared.query(client, `SELECT ${i} AS n /* cap */`);
    const named = (await preparedOn(client)).filter((s) => s.includes('/* cap */')).length;
    expect(named).toBeLessThanOrEqual(MAX_NAMED_STATEMENTS);
    expect(named).toBeGreaterThan(0);
    expect((await prepared.query(client, `SELECT ${MAX_NAMED_STATEMENTS + 5} AS n /* cap */`)).rows).toEqual([
      { n: MAX_NAMED_STATEMENTS + 5 },
    ]);
  } finally {
    client.release();
  }
});
