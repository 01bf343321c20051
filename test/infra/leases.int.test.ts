// Leases on real PostgreSQL: two instances claiming the same names, one holds each; the
// holder's lease connection terminated, the other takes over at its next try.
import { Leases, leaseKey, LEASE_HOLDERS_SQL, type LeaseClaim } from '../../src/infra/leases';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { until } from '../support/until';

/** An instance's leases on `names`, recording which it holds and which it lost. */
function instance(db: TestDatabase, id: string, names: string[]) {
  const holding = new Set<string>();
  const lost: string[] = [];
  const leases = new Leases({ connectionString: db.url, instanceId: id, retryIntervalMs: 100 });
  const claims: LeaseClaim[] = names.map((name) => ({
    kind: 'projection',
    name,
    acquired: (signal) => {
      holding.add(name);
      signal.addEventListener('abort', () => {
        holding.delete(name);
        lost.push(name);
      });
    },
  }));
  return { leases, holding, lost, claim: () => leases.claim(claims) };
}

async function holders(db: TestDatabase): Promise<Map<string, string>> {
  const { rows } = await db.pool.query<{ key: string; holder: string }>(LEASE_HOLDERS_SQL);
  return new Map(rows.map((r) => [r.key, r.holder]));
}

describe('leases', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it('keys each lease on a stable 64-bit hash of its namespaced name', () => {
    expect(leaseKey('projection', 'awards')).toBe(leaseKey('projection', 'awards'));
    expect(leaseKey('projection', 'awards')).not.toBe(leaseKey('process-manager', 'awards'));
    expect(BigInt(leaseKey('projection', 'awards'))).toBeLessThan(2n ** 63n);
  });

  it('gives each lease to one instance, and to the other once the holder loses its connection', async () => {
    const names = ['awards', 'dossiers', 'units'];
    const a = instance(db, 'host-a:1', names);
    const b = instance(db, 'host-b:2', names);
    try {
      await a.claim();
      await b.claim();
      expect([...a.holding].sort()).toEqual(names);
      expect(b.holding.size).toBe(0);
      expect(names.map((n) => a.leases.holds('projection', n))).toEqual([true, true, true]);
      const held = await holders(db);
      expect(names.map((n) => held.get(leaseKey('projection', n)))).toEqual(['host-a:1', 'host-a:1', 'host-a:1']);

      // The holder's lease session ends (a dropped connection, a killed process).
      await db.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tdkt-lease host-a:1'`,
      );
      await until('the other instance holds every lease', () => b.holding.size === names.length);
      expect([...a.lost].sort()).toEqual(names);
      expect(names.some((n) => a.leases.holds('projection', n))).toBe(false);
      const after = await holders(db);
      expect(names.map((n) => after.get(leaseKey('projection', n)))).toEqual(['host-b:2', 'host-b:2', 'host-b:2']);
      // The first instance reconnects but finds every lease taken.
      await until('the first instance is connected again', async () => {
        const { rows } = await db.pool.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tdkt-lease host-a:1'`,
        );
        return rows.length === 1;
      });
      expect(a.holding.size).toBe(0);
    } finally {
      await Promise.all([a.leases.stop(), b.leases.stop()]);
    }
  });

  it('frees its leases when stopped, and gives back one whose holder cannot start', async () => {
    const a = instance(db, 'host-a:3', ['ratings']);
    const failing = new Leases({ connectionString: db.url, instanceId: 'host-c:4', retryIntervalMs: 100 });
    const b = instance(db, 'host-b:5', ['ratings']);
    try {
      await a.claim();
      await a.leases.stop();
      expect(a.lost).toEqual(['ratings']);
      await failing.claim([
        {
          kind: 'projection',
          name: 'ratings',
          acquired: () => {
            throw new Error('cannot open its tables');
          },
        },
      ]);
      expect(failing.holds('projection', 'ratings')).toBe(false);
      await failing.stop();
      await b.claim();
      expect([...b.holding]).toEqual(['ratings']);
    } finally {
      await Promise.all([failing.stop(), b.leases.stop()]);
    }
  });
});
