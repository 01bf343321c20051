import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Expected } from '../../src/eventStore/eventStore.port';
import { createPool } from '../../src/infra/db';
import { migratePostgresEventStore, PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { EMBEDDED_DATABASE } from '../../src/infra/embeddedPostgres';
import { asAdministrator, createTestLog, type TestLog } from '../support/storedLog';
import { testEvent, uniqueStream } from '../support/events';
import { untilReadable } from '../support/streams';

const ROOT = join(__dirname, '../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// `npm run verify-chain` as a process: what it prints and how it exits.
describe('verify-chain', () => {
  let log: TestLog;
  let store: PostgresEventStore;
  const folder = mkdtempSync(join(tmpdir(), 'tdkt-verify-chain-'));

  const run = (...args: string[]): Promise<Run> => runWith({ DATABASE_URL: log.db.url }, ...args);
  const runWith = (settings: Record<string, string>, ...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      const env = { ...process.env, DATABASE_URL: '', EVENT_STORE: 'postgres', ...settings };
      execFile(
        process.execPath,
        ['-r', './test/support/registerTs.js', 'src/integrity/verifyChainCli.ts', ...args],
        { cwd: ROOT, env },
        (error, stdout, stderr) => {
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
        },
      );
    });

  beforeAll(async () => {
    log = await createTestLog();
    store = log.store;
  });
  afterAll(async () => log.drop());

  it('passes an intact log, writes its digest, and fails a tampered one naming the stream and version', async () => {
    const altered = uniqueStream('award');
    const shortened = uniqueStream('dossier');
    await store.append(
      altered,
      [testEvent('A', { n: 1 }), testEvent('B', { n: 2 }), testEvent('C', { n: 3 })],
      Expected.noStream,
    );
    await store.append(shortened, [testEvent('A', { n: 1 }), testEvent('B', { n: 2 })], Expected.noStream);
    await untilReadable(store); // the tool stops at the readable head
    const digestFile = join(folder, 'digest.json');
    const intact = await run('--digest', '--out', digestFile);
    expect(intact.stdout).toMatch(/Checked 5 events in 2 streams .*: every chain is intact\./);
    expect(intact.code).toBe(0);
    const digest = JSON.parse(readFileSync(digestFile, 'utf8'));
    expect(digest).toMatchObject({
      streamCount: 2,
      eventCount: 5,
      chainVerified: true,
      heads: expect.arrayContaining([expect.objectContaining({ streamId: shortened, version: 2 })]),
    });
    expect(intact.stdout).toContain(`root ${digest.root}`);

    await asAdministrator(log.db.pool, [
      [
        `UPDATE events SET metadata = jsonb_set(metadata, '{actorId}', '"someone-else"') WHERE stream_id = $1 AND stream_version = 2`,
        [altered],
      ],
      ['DELETE FROM events WHERE stream_id = $1 AND stream_version = 2', [shortened]],
    ]);
    const tampered = await run('--against', digestFile);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(
      `BROKEN ${altered} version 2 altered: its type, data or metadata differ from what was hashed`,
    );
    expect(tampered.stdout).toContain(`DIFFERS ${shortened} deleted tail: kept version 2`);
    expect(tampered.stdout).toMatch(
      new RegExp(`Root at position ${digest.position} differs: kept ${digest.root}, now [0-9a-f]{64}\\.`),
    );
    expect(tampered.stdout).toMatch(/1 broken stream\./);

    const rootOnly = join(folder, 'root.json');
    writeFileSync(rootOnly, JSON.stringify({ position: digest.position, root: digest.root }));
    const againstRoot = await run('--against', rootOnly);
    expect(againstRoot.code).toBe(1);
    expect(againstRoot.stdout).not.toContain('DIFFERS');
    expect(againstRoot.stdout).toContain(`Root at position ${digest.position} differs`);
  });

  it('prints the digest as JSON on standard output when no file is named, the report then on standard error', async () => {
    const result = await run('--digest');
    expect(JSON.parse(result.stdout)).toMatchObject({
      scheme: 'tdkt-log-digest/1',
      store: 'postgres',
      root: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(result.stderr).toMatch(/Checked \d+ events/);
  });

  it('exits with 2, saying why, when it cannot check', async () => {
    const missing = await run('--against', join(folder, 'nowhere.json'));
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/^verify-chain: .*nowhere\.json/)]);
    const forged = join(folder, 'forged.json');
    writeFileSync(
      forged,
      JSON.stringify({
        position: '1',
        root: 'a'.repeat(64),
        heads: [{ streamId: 'x-1', version: 1, hash: 'b'.repeat(64) }],
      }),
    );
    expect(await run('--against', forged)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('the file was altered'),
    });
    expect(await run('--out', 'x.json')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--out needs --digest'),
    });
  });

  it("reads the log of the embedded server running on the app's data folder, and says so when none runs there", async () => {
    const none = await runWith({ EMBEDDED_PG_DATA_DIR: folder });
    expect([none.code, none.stderr]).toEqual([
      2,
      `verify-chain: no embedded PostgreSQL runs on ${folder}: start the app (npm start), or set DATABASE_URL\n`,
    ]);
    // The run's own embedded server, reached through the socket in its data folder, stands in for the app's.
    const dataDir = new URL(process.env.TEST_DATABASE_URL!).searchParams.get('host');
    if (process.env.TEST_DATABASE_EMBEDDED !== 'true' || !dataDir?.startsWith('/')) return;
    const appDatabase = new URL(process.env.TEST_DATABASE_URL!);
    appDatabase.pathname = `/${EMBEDDED_DATABASE}`;
    await log.db.pool.query(`DROP DATABASE IF EXISTS ${EMBEDDED_DATABASE} WITH (FORCE)`);
    await log.db.pool.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
    const pool = createPool(appDatabase.toString(), { max: 1 });
    try {
      await migratePostgresEventStore(pool);
      await new PostgresEventStore(pool).append(uniqueStream('award'), [testEvent('A')], Expected.noStream);
      // The readable horizon is the cluster's: another test database's open transaction may
      // hold it below the event just appended for a moment, so the check runs until it is seen.
      let attached = await runWith({ EMBEDDED_PG_DATA_DIR: dataDir });
      for (let tries = 1; tries < 20 && attached.stdout.includes('Checked 0 events'); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        attached = await runWith({ EMBEDDED_PG_DATA_DIR: dataDir });
      }
      expect(attached.stdout).toContain(`Checking the embedded PostgreSQL running on ${dataDir}`);
      expect(attached.stdout).toMatch(/Checked 1 event in 1 stream .*: every chain is intact\./);
      expect(attached.code).toBe(0);
    } finally {
      await pool.end();
      await log.db.pool.query(`DROP DATABASE ${EMBEDDED_DATABASE} WITH (FORCE)`);
    }
  });
});
