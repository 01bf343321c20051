/** What a benchmark command needs around its measurements: its own PostgreSQL, the machine, the results files. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { startEmbeddedPostgres } from '../src/infra/embeddedPostgres';
import { projectRoot } from '../src/infra/projectRoot';
import { round } from './lib';
import type { MachineInfo } from './report';

export const RESULTS_DIR = join(projectRoot(), 'bench', 'results');

/** A line on standard error, stamped with the time of day. */
export function benchLog(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/**
 * Runs `work` against an embedded PostgreSQL in a fresh temporary data folder, stopped
 * and removed afterwards, also when the process is interrupted.
 */
export async function withEmbeddedPostgres<T>(
  log: (line: string) => void,
  work: (serverUrl: string) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tdkt-bench-pg-'));
  log(`embedded PostgreSQL in ${dataDir}`);
  const pg = await startEmbeddedPostgres({ dataDir, port: 0, persistent: false });
  let stopping = false;
  const cleanup = async () => {
    if (stopping) return;
    stopping = true;
    await pg.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  process.on('SIGTERM', () => void cleanup().then(() => process.exit(143)));
  try {
    return await work(pg.databaseUrl);
  } finally {
    await cleanup();
  }
}

/** Writes `bench/results/<date><suffix>.json` and `.md`; returns the markdown file's path from the project root. */
export function writeResults(date: string, suffix: string, results: unknown, markdown: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const name = `${date.replace(/:/g, '-').replace(/\..+$/, '')}${suffix}`;
  writeFileSync(join(RESULTS_DIR, `${name}.json`), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(RESULTS_DIR, `${name}.md`), markdown);
  return `bench/results/${name}.md`;
}

export async function machineInfo(serverUrl: string): Promise<MachineInfo> {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux
  }
  const pool = new Pool({ connectionString: serverUrl, max: 1 });
  const postgres = ((await pool.query('SELECT version() AS v')).rows[0].v as string).split(' on ')[0];
  await pool.end();
  const socket = new URL(serverUrl).searchParams.get('host')?.startsWith('/') ?? false;
  return {
    nproc: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    cpu,
    node: process.version,
    postgres,
    connection: socket ? 'Unix socket' : 'TCP',
  };
}

/**
 * A command's options: `--name value` for the names in `valued`, a bare `--name` for those
 * in `bare`; `--help` prints `usage` and exits. Any other argument is an error.
 */
export function commandLine(
  argv: readonly string[],
  valued: readonly string[],
  bare: readonly string[],
  usage: string,
): Record<string, string | true> {
  const given: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(usage);
      process.exit(0);
    }
    if (valued.includes(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      given[arg] = value;
    } else if (bare.includes(arg)) given[arg] = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return given;
}

/** The province size and run count a command accepts. */
export function checkSize(events: number, runs: number): void {
  if (!Number.isInteger(events) || events < 1_000 || events > 20_000_000)
    throw new Error('--events must be a whole number from 1,000 to 20,000,000');
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error('--runs must be 1–20');
}
