/** Small helpers shared by the benchmark: statistics, timing, databases, partitioned writers. */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Latencies in milliseconds → p50/p99/max. */
export function latencySummary(latencies: number[]): { p50: number; p99: number; max: number; count: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50), 2),
    p99: round(percentile(sorted, 99), 2),
    max: round(sorted[sorted.length - 1] ?? NaN, 2),
    count: sorted.length,
  };
}

export function round(value: number, digits = 0): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The median run of a list of results, by a numeric key. */
export function medianBy<T>(results: T[], key: (r: T) => number): T {
  const sorted = [...results].sort((a, b) => key(a) - key(b));
  return sorted[(sorted.length - 1) >> 1];
}

/** Creates and drops databases on one PostgreSQL server (the embedded one, or the tests'). */
export class Databases {
  private readonly created: string[] = [];

  constructor(readonly serverUrl: string) {}

  async create(label: string): Promise<string> {
    const name = `bench_${label}_${randomBytes(3).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    const admin = new Pool({ connectionString: this.serverUrl, max: 1 });
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    this.created.push(name);
    const url = new URL(this.serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async drop(url: string): Promise<void> {
    const name = new URL(url).pathname.slice(1);
    const admin = new Pool({ connectionString: this.serverUrl, max: 1 });
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    const i = this.created.indexOf(name);
    if (i >= 0) this.created.splice(i, 1);
  }

  async dropAll(): Promise<void> {
    for (const name of [...this.created]) {
      const url = new URL(this.serverUrl);
      url.pathname = `/${name}`;
      await this.drop(url.toString()).catch(() => undefined);
    }
  }
}

/** VACUUM (ANALYZE) of one log table, or of the whole database. */
export async function vacuumAnalyze(url: string, table?: 'events' | 'emt_messages'): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(table ? `VACUUM (ANALYZE) ${table}` : 'VACUUM (ANALYZE)');
  } finally {
    await pool.end();
  }
}

/** FNV-1a: which writer owns a stream (so one stream's events stay in order). */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Splits `items` over `writers` by stream (hash of `streamOf`), keeping the order of each
 * stream, and cuts each writer's share into batches of `batchSize`.
 */
export function partition<T>(
  items: readonly T[],
  writers: number,
  batchSize: number,
  streamOf: (item: T) => string,
): T[][][] {
  const shares: T[][] = Array.from({ length: writers }, () => []);
  for (const item of items) shares[hashString(streamOf(item)) % writers].push(item);
  return shares.map((share) => {
    const batches: T[][] = [];
    for (let i = 0; i < share.length; i += batchSize) batches.push(share.slice(i, i + batchSize));
    return batches;
  });
}

/** Runs each writer's batches in order, the writers concurrently; returns the wall time in ms. */
export async function runWriters<T>(
  work: T[][][],
  append: (batch: T[], writer: number) => Promise<void>,
): Promise<number> {
  const start = nowMs();
  await Promise.all(
    work.map(async (batches, writer) => {
      for (const batch of batches) await append(batch, writer);
    }),
  );
  return nowMs() - start;
}

/** Runs `work` over `items` with `concurrency` at a time. */
export async function eachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** Pulls up to `size` items from an iterator (the generator's events) into memory. */
export function take<T>(iterator: Iterator<T>, size: number): T[] {
  const out: T[] = [];
  while (out.length < size) {
    const next = iterator.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}
