// The command line as a process of its own, and `projections rebuild` against a running
// app: it takes the read models' leases as the app's runner does, so while the app holds
// them it fails at once with --no-wait (naming the app), or waits and rebuilds once the app stops.
import { startAppProcess, stopAppProcesses, type AppProcess } from '../support/appProcess';
import { cliEnvironment, runTdkt, runTdktProcess } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { until } from '../support/until';

let db: TestDatabase;
let env: NodeJS.ProcessEnv;
let app: AppProcess;

beforeAll(async () => {
  db = await createTestDatabase({ max: 2 });
  env = cliEnvironment(db.url);
  app = await startAppProcess(db.url);
}, 60_000);

afterAll(async () => {
  await stopAppProcesses();
  await db.drop();
});

describe('tdkt as a process, and rebuilds beside a running app', () => {
  it('answers --help as a process of its own', async () => {
    const run = await runTdktProcess(['--help'], env);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Usage: tdkt');
    expect(run.out).toContain('projections');
  }, 60_000);

  it('rebuild --no-wait exits non-zero naming the app that holds the leases', async () => {
    const run = await runTdkt(['projections', 'rebuild', 'all', '--no-wait'], env);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^tdkt: NOT_LEASE_HOLDER: the leases are held by \S+:(\d+) \(/m);
    expect(run.err).toContain(`:${app.pid} (`);
    const status = await runTdkt(['projections', 'status', '--json'], env);
    const rows = JSON.parse(status.out) as Array<{ holder: string | null; state: string }>;
    for (const row of rows) expect(row.holder).toMatch(new RegExp(`:${app.pid}$`));
  });

  it('rebuild waits while the app holds the lease, then rebuilds once it stops', async () => {
    let waiting = false;
    const rebuilding = runTdkt(['projections', 'rebuild', 'registry', '--json'], env, (text) => {
      if (text.includes('waiting for the leases, held by')) waiting = true;
    });
    await until('the rebuild waits for the lease', async () => waiting);
    await app.stop('SIGTERM');
    const run = await rebuilding;
    expect(run.err).toContain(`:${app.pid} (registry)`);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as { rebuilt: Array<{ name: string; generation: number }> };
    expect(result.rebuilt).toEqual([expect.objectContaining({ name: 'registry', generation: 2 })]);
  }, 60_000);
});
