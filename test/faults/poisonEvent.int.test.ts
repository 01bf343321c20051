// A read model's handler that cannot apply an event stops that read model alone, and says
// where; a database error while a batch commits is waited out and never taken for one.
import type { PoolClient } from 'pg';
import { Expected, type RecordedEvent } from '../../src/eventStore/eventStore.port';
import { createPool } from '../../src/infra/db';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { ProjectionRunner } from '../../src/projections/projectionRunner';
import type { ProjectionRunnerHooks } from '../../src/projections/runnerHooks';
import { startTestApp, mutate, type TestApp } from '../support/app';
import { testEvent, uniqueStream } from '../support/events';
import { REGISTER_UNIT } from '../support/reference';
import { createTestLog } from '../support/storedLog';
import { caughtUp, until } from '../support/until';

const PROJECTIONS = `{ projections { name state error failedPosition checkpoint } }`;
const CAUGHT_UP = `query($position: String!) { projectionsCaughtUp(position: $position, timeoutMs: 30000) }`;

interface ProjectionRow {
  name: string;
  state: string;
  error: string | null;
  failedPosition: string | null;
  checkpoint: string;
}

async function registerUnit(t: TestApp, id: string): Promise<{ id: string; position: string }> {
  return mutate(t, REGISTER_UNIT, { input: { id, name: `Đơn vị ${id}`, kind: 'AGENCY', level: 'UNIT' } });
}

describe('an event one read model cannot apply', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  it('stops only that read model, names the event, and projectionsCaughtUp answers with the failure', async () => {
    await registerUnit(t, 'before-poison');
    // Only the initiatives read model reads InitiativeRecognized (the audit trail takes any
    // shape): without its authors the handler throws.
    const poison = await t.app.services.store.append(
      uniqueStream('initiative'),
      [testEvent('InitiativeRecognized', { initiativeId: 'no-authors' })],
      Expected.noStream,
    );
    const poisonPosition = poison.events[0].position;
    const after = await registerUnit(t, 'after-poison');

    const answer = await t.graphql(CAUGHT_UP, { position: after.position });
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors![0].extensions).toMatchObject({
      code: 'PROJECTION_FAILED',
      projections: [{ name: 'initiatives', failedPosition: poisonPosition }],
    });

    const others = t.app.services.projections
      .status()
      .map((s) => s.name)
      .filter((name) => name !== 'initiatives');
    await caughtUp(t, after.position, { names: others, timeoutMs: 30_000 });
    const { body } = await t.graphql<{ projections: ProjectionRow[] }>(PROJECTIONS);
    const byName = new Map(body.data!.projections.map((p) => [p.name, p]));
    expect(byName.get('initiatives')).toMatchObject({ state: 'failed', failedPosition: poisonPosition });
    expect(byName.get('initiatives')!.error).toContain(`InitiativeRecognized at ${poisonPosition}`);
    for (const name of others) expect(byName.get(name)).toMatchObject({ state: 'running', error: null });
    // The registry went on past the poison: the unit registered after it is there.
    const units = await t.db.pool.query(`SELECT unit_id FROM registry.units WHERE unit_id = $1`, [after.id]);
    expect(units.rows).toHaveLength(1);

    // The app still serves: /health reports the failed read model and stays ready.
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(200);
    const report = (await health.json()) as { projections: Array<{ name: string; state: string }> };
    expect(report.projections.find((p) => p.name === 'initiatives')).toMatchObject({
      state: 'failed',
      failedPosition: poisonPosition,
    });
  });
});

/** Counts events per stream with increments, so a batch applied twice shows as a wrong count. */
const countingProjection: ProjectionDefinition = {
  name: 'counted',
  version: 1,
  eventTypes: ['Counted'],
  migrations: [{ id: '001_counts', sql: 'CREATE TABLE counts (stream_id text PRIMARY KEY, n integer NOT NULL)' }],
  apply: async (events: RecordedEvent[], client: PoolClient) => {
    for (const event of events) {
      await client.query(
        `INSERT INTO counts (stream_id, n) VALUES ($1, 1) ON CONFLICT (stream_id) DO UPDATE SET n = counts.n + 1`,
        [event.streamId],
      );
    }
  },
};

describe('a connection dropped while a batch commits', () => {
  it('is retried with the same batch and does not mark the read model failed', async () => {
    const log = await createTestLog();
    const runnerPool = createPool(log.db.url, { applicationName: 'fault-runner', max: 4 });
    const admin = log.db.pool;
    const stream = uniqueStream('counted');
    const appended = await log.store.append(
      stream,
      [testEvent('Counted'), testEvent('Counted'), testEvent('Counted')],
      Expected.noStream,
    );
    let firstBatchTries = 0;
    const hooks: ProjectionRunnerHooks = {
      // Inside the batch's transaction, before its checkpoint: every connection of the runner is ended.
      beforeCheckpoint: async ({ batchesCommitted }) => {
        if (batchesCommitted > 0 || ++firstBatchTries > 1) return;
        const ended = `SELECT pid FROM pg_stat_activity WHERE application_name = 'fault-runner' AND datname = current_database()`;
        await admin.query(`SELECT pg_terminate_backend(pid) FROM (${ended}) runner`);
        await until('the runner has no connection left', async () => (await admin.query(ended)).rowCount === 0);
      },
    };
    const runner = new ProjectionRunner(runnerPool, log.store, [countingProjection], { hooks, batchSize: 100 });
    try {
      await runner.start();
      await caughtUp(runner, appended.position, { timeoutMs: 30_000 });
      expect(firstBatchTries).toBe(2);
      await until('the runner reports it running again', () => runner.status()[0].state === 'running');
      expect(runner.status()[0]).toMatchObject({ state: 'running', error: null, failedPosition: null });
      const state = await admin.query(`SELECT failed, position::text FROM projection_state WHERE name = 'counted'`);
      expect(state.rows[0].failed).toBe(false);
      expect(BigInt(state.rows[0].position)).toBeGreaterThanOrEqual(BigInt(appended.position));
      // Applied once: the dropped transaction left nothing behind.
      expect((await admin.query(`SELECT stream_id, n FROM counted.counts`)).rows).toEqual([
        { stream_id: stream, n: 3 },
      ]);
    } finally {
      await runner.stop();
      await runnerPool.end();
      await log.drop();
    }
  });
});
