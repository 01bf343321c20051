// As root, PostgreSQL runs as the user postgres, which cannot enter a private (0700)
// folder: these start the embedded server and the app from one, for real, and check
// that the folder keeps its mode. The package is ESM, which Jest's module sandbox
// cannot load, so the starts run in child processes (test/support/registerTs.js).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { postgresAccount, postgresCanReachDataDir, RELOCATION_BASE } from '../../src/infra/postgresPlacement';
import { isProcessAlive } from '../../src/infra/processAlive';

const projectRoot = join(__dirname, '../..');
const asRoot = process.getuid?.() === 0;
const folders: string[] = [];

/** A fresh folder only its owner can enter, as `mktemp -d` makes them. */
function privateFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'tdkt-private-'));
  folders.push(folder);
  return folder;
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function runTs(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcessWithoutNullStreams {
  return spawn(
    process.execPath,
    ['-r', join(projectRoot, 'test/support/registerTs.js'), join(projectRoot, script), ...args],
    { cwd: projectRoot, env },
  );
}

/** The first line of a stream that passes `test`; fails if the stream ends first. */
function lineMatching(stream: NodeJS.ReadableStream, test: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stream });
    const seen: string[] = [];
    lines.on('line', (line) => {
      seen.push(line);
      if (test(line)) resolve(line);
    });
    lines.on('close', () => reject(new Error(`no such line in:\n${seen.join('\n')}`)));
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

(asRoot ? describe : describe.skip)('what the postgres user can reach (as root)', () => {
  it('cannot walk into a private folder; the folders made to find out are removed again', () => {
    const account = postgresAccount()!;
    const folder = privateFolder();
    expect(postgresCanReachDataDir(account, join(folder, 'a', 'b', 'postgres'))).toBe(false);
    expect(existsSync(join(folder, 'a'))).toBe(false);
    expect(modeOf(folder)).toBe(0o700);
  });

  it('can walk into a folder others may enter', () => {
    const account = postgresAccount()!;
    const folder = privateFolder();
    chmodSync(folder, 0o755); // this test's own folder
    expect(postgresCanReachDataDir(account, join(folder, 'postgres'))).toBe(true);
  });
});

describe('starting from a private folder', () => {
  it('starts the embedded server with its data folder asked for inside, answers, and leaves the folder as it was', async () => {
    const folder = privateFolder();
    const child = runTs('test/support/embeddedPostgresChild.ts', [join(folder, 'postgres')]);
    const started = exitOf(child);
    const stderr: string[] = [];
    child.stderr.on('data', (chunk) => stderr.push(String(chunk)));
    const handle = JSON.parse(await lineMatching(child.stdout, (line) => line.startsWith('{'))) as {
      databaseUrl: string;
      dataDir: string;
      pid: number;
    };
    const client = new Client({ connectionString: handle.databaseUrl });
    await client.connect();
    try {
      expect((await client.query('SELECT 6 * 7 AS answer')).rows).toEqual([{ answer: 42 }]);
    } finally {
      await client.end();
    }
    if (asRoot) expect(handle.dataDir.startsWith(`${RELOCATION_BASE}/`)).toBe(true);
    child.stdin.end();
    expect({ code: await started, stderr: stderr.join('') }).toEqual({ code: 0, stderr: expect.any(String) });
    expect(isProcessAlive(handle.pid)).toBe(false);
    expect(existsSync(handle.dataDir)).toBe(false);
    expect(modeOf(folder)).toBe(0o700);
  });

  it('runs the app: /health answers, and Ctrl-C leaves no PostgreSQL behind', async () => {
    const folder = privateFolder();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      EMBEDDED_PG_DATA_DIR: join(folder, 'postgres'),
      PORT: '0',
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
    };
    delete env.DATABASE_URL;
    delete env.EMBEDDED_PG_PORT;
    const app = runTs('src/main.ts', [], env);
    const exited = exitOf(app);
    const [ready, banner] = await Promise.all([
      lineMatching(app.stderr, (line) => line.includes('"embedded PostgreSQL ready"')),
      lineMatching(app.stdout, (line) => line.includes('/health')),
    ]);
    const { pid, dataDir } = JSON.parse(ready) as { pid: number; dataDir: string };
    try {
      await healthy(/\(health: (\S+)\)/.exec(banner)![1]!);
      app.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(isProcessAlive(pid)).toBe(false);
      expect(modeOf(folder)).toBe(0o700);
    } finally {
      app.kill('SIGKILL');
      // The app keeps its data between runs; this one was only for the test.
      if (dataDir.startsWith(`${RELOCATION_BASE}/`)) rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** Resolves once /health answers 200 (503 until the store and the projections are ready). */
async function healthy(url: string): Promise<void> {
  while ((await fetch(url).catch(() => null))?.status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
}
