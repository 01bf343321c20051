// The health endpoints: /health/live answers while the process does; /health/ready (and
// /health) only while the read models are within READY_MAX_LAG_EVENTS of the log.
import { startTestApp, type TestApp } from '../support/app';
import { until } from '../support/until';

const REGISTER_UNIT = 'mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { position } }';

async function health(t: TestApp, path: string): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(`${t.url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('health endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ instance: { id: 'health-test', readyMaxLagEvents: 0 } });
  });
  afterAll(async () => t.stop());

  it('is live and ready, naming this instance as the holder of every lease', async () => {
    expect(await health(t, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await health(t, '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.projections.every((p: any) => p.holder === 'health-test' && p.lag === 0)).toBe(true);
    expect(ready.body.processManagers.every((p: any) => p.holder === 'health-test')).toBe(true);
    expect((await health(t, '/health')).status).toBe(200);
  });

  it('is not ready while a read model is further behind than the bound, and ready again once it catches up', async () => {
    // The registry's next batch waits for the test's lock on one of its tables (SHARE: no transaction id,
    // which would hold back the log's readable horizon).
    const lock = await t.db.pool.connect();
    try {
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE registry__g1.units IN SHARE MODE');
      const unit = { id: 'truong', name: 'Trường THCS Lê Lợi', kind: 'SCHOOL', level: 'UNIT' };
      const { body } = await t.graphql(REGISTER_UNIT, { input: unit });
      expect(body.errors).toBeUndefined();
      // The lag counts the events below the log's readable horizon, which another test
      // database's open transaction in this cluster may hold back for a moment.
      let behind = await health(t, '/health/ready');
      await until(
        'the new event counted as lag',
        async () => (behind = await health(t, '/health/ready')).status === 503,
      );
      expect(behind.status).toBe(503);
      expect(behind.body).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('0 events') });
      expect(behind.body.projections.find((p: any) => p.name === 'registry').lag).toBe(1);
      expect((await health(t, '/health')).status).toBe(503);
      expect((await health(t, '/health/live')).status).toBe(200);
    } finally {
      await lock.query('COMMIT');
      lock.release();
    }
    await until('ready again', async () => (await health(t, '/health/ready')).status === 200);
  });
});
