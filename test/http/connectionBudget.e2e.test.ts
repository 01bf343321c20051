import { Expected } from '../../src/eventStore/eventStore.port';
import { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { CONNECTIONS_PER_REQUEST } from '../../src/infra/connectionBudget';
import { startTestApp, type TestApp } from '../support/app';
import { testEvent, uniqueStream } from '../support/events';
import { until } from '../support/until';

/** A query with `n` aliases of a field that reads one read-model table. */
const clustersTimes = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: clusters { id }`).join(' ')} }`;

describe('database connections held by requests', () => {
  let t: TestApp;

  /** App statements waiting for the test's lock on the clusters table. */
  const blockedStatements = async (): Promise<number> => {
    const { rows } = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%registry.clusters%'`,
    );
    return rows[0].n;
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  it(`lets one request hold at most ${CONNECTIONS_PER_REQUEST} connections, however many of its fields read at once`, async () => {
    const pool = t.app.services.pool;
    // Every statement reading the clusters table waits until the test lets go.
    const lock = await t.db.pool.connect();
    try {
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE registry.clusters IN ACCESS EXCLUSIVE MODE');
      const answer = t.graphql(clustersTimes(12));
      await until(
        `${CONNECTIONS_PER_REQUEST} statements wait`,
        async () => (await blockedStatements()) === CONNECTIONS_PER_REQUEST,
      );
      // The other fields wait their turn inside the request, not in the pool.
      expect(pool.totalCount - pool.idleCount).toBe(CONNECTIONS_PER_REQUEST);
      expect(pool.waitingCount).toBe(0);
      const other = await t.graphql('{ projections { name lag } }');
      expect(other.body.errors).toBeUndefined();
      expect(await blockedStatements()).toBe(CONNECTIONS_PER_REQUEST);

      await lock.query('COMMIT');
      const { status, body } = await answer;
      expect(status).toBe(200);
      expect(Object.keys(body.data)).toHaveLength(12);
    } finally {
      await lock.query('ROLLBACK').catch(() => undefined);
      lock.release();
    }
  });

  it('keeps /health answering and the projections applying while every request connection is taken', async () => {
    const pool = t.app.services.pool;
    const taken = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
    try {
      expect(pool.idleCount).toBe(0);
      const health = await fetch(`${t.url}/health`);
      expect(health.status).toBe(200);
      // An append from elsewhere (another instance) reaches the read models through the projections' own pool.
      const elsewhere = new PostgresEventStore(t.db.pool);
      const appended = await elsewhere.append(uniqueStream(), [testEvent('SomethingElsewhere')], Expected.noStream);
      expect(await t.app.services.projections.waitForPosition(appended.position, 20_000)).toBe(true);
    } finally {
      for (const client of taken) client.release();
    }
  });
});
