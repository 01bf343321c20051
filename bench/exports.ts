/**
 * The exports (src/reports/exports.ts) over a generated province: each of the award
 * register, yearly totals and cluster standings, as CSV and as XLSX, for all five
 * years, written to a sink that only counts bytes. Each runs in a fresh worker process,
 * so its peak RSS (VmHWM) is what one export needs on top of a bare process.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { Pool } from 'pg';
import { EXPORTS, writeCsv, writeXlsx } from '../src/reports/exports';
import { PeriodKind } from '../src/shared/domain';
import { nowMs } from './lib';
import { fmt, row } from './reportFormat';
import type { BenchRun } from './run/context';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportResult {
  name: string;
  format: ExportFormat;
  rows: number;
  bytes: number;
  ms: number;
  rowsPerSec: number;
  /** The worker's resident set before the export began, and its peak (VmHWM), in MiB. */
  startRssMiB: number;
  peakRssMiB: number;
}

/** The years the generator simulates. */
const YEARS = { kind: PeriodKind.CALENDAR_YEAR, fromYear: 2021, toYear: 2025 };

function statusMiB(field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

/** One export into a counting sink (run in a worker process). */
export async function runExportTask(url: string, name: string, format: ExportFormat): Promise<ExportResult> {
  const pool = new Pool({ connectionString: url, max: 1 });
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  try {
    const startRssMiB = statusMiB('VmRSS');
    const start = nowMs();
    const rows = await (format === 'csv' ? writeCsv : writeXlsx)(pool, name, YEARS, sink);
    const ms = nowMs() - start;
    return {
      name,
      format,
      rows,
      bytes,
      ms: Math.round(ms),
      rowsPerSec: Math.round((rows / ms) * 1000),
      startRssMiB,
      peakRssMiB: statusMiB('VmHWM'),
    };
  } finally {
    await pool.end();
  }
}

/** Every export in both formats, each in a worker of its own, over the province's read models. */
export async function measureExports(run: BenchRun, provinceUrl: string): Promise<void> {
  const results: ExportResult[] = [];
  for (const name of Object.keys(EXPORTS))
    for (const format of ['csv', 'xlsx'] as const) {
      const result = await run.exec<ExportResult>({ kind: 'export', url: provinceUrl, name, format });
      run.log(
        `export ${name}.${format}: ${result.rows} rows, ${result.rowsPerSec} rows/s, peak RSS ${result.peakRssMiB} MiB`,
      );
      results.push(result);
    }
  run.results.exports = results;
}

/** The results table's export rows. */
export function exportRows(exports: readonly ExportResult[] | null | undefined): string[][] {
  return (exports ?? []).map((e) =>
    row(
      `Export ${e.name}.${e.format}, ${YEARS.fromYear}–${YEARS.toYear}: ${fmt(e.rows)} rows, ${fmt(e.bytes / 1048576, 1)} MiB`,
      `${fmt(e.rowsPerSec)} rows/s; worker peak RSS ${fmt(e.peakRssMiB)} MiB (${fmt(e.startRssMiB)} MiB at start)`,
    ),
  );
}
