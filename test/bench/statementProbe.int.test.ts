import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/infra/projectRoot';
import {
  PROBED_APP_ROOT,
  STATEMENT_COUNTS,
  statementsPerCommand,
  type StatementCountsMessage,
} from '../../bench/statementCounts';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe("the benchmark's statement probe", () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(async () => db.drop());

  it("counts the statements of the app's event store by kind, and tells them over the IPC channel", async () => {
    const root = projectRoot();
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(root, 'test/support/registerTs.js'),
        '-r',
        join(root, 'bench/statementProbe.ts'),
        join(root, 'test/bench/support/statementProbeChild.ts'),
        db.url,
      ],
      { cwd: root, env: { ...process.env, [PROBED_APP_ROOT]: root }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] },
    );
    try {
      const next = () =>
        new Promise<unknown>((resolve, reject) => {
          child.once('message', resolve);
          child.once('exit', (code) => reject(new Error(`the child exited (${code}) before answering`)));
        });
      expect(await next()).toEqual({ kind: 'done' });
      child.send({ kind: STATEMENT_COUNTS });
      const { counts } = (await next()) as StatementCountsMessage;
      expect(counts).toMatchObject({ streamReads: 3, appends: 2, rateLimit: 0 });
      // The migration and the heads read before the first append.
      expect(counts.other).toBeGreaterThan(0);
    } finally {
      child.kill();
    }
  }, 60_000);

  it('divides the statements between two readings by the commands answered meanwhile', () => {
    const before = { streamReads: 10, appends: 5, rateLimit: 5, other: 7 };
    const after = { streamReads: 54, appends: 25, rateLimit: 25, other: 17 };
    expect(statementsPerCommand(before, after, 20)).toEqual({ streamReads: 2.2, appends: 1, rateLimit: 1, other: 0.5 });
    expect(statementsPerCommand(before, after, 0)).toBeNull();
  });
});
