import type { Writable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { Pool } from 'pg';
import { MAX_YEAR, MIN_YEAR, PeriodKind } from '../shared/domain';
import { InvalidInput } from '../shared/errors';

/** Years of one period kind, as an export covers them. */
export interface ExportRange {
  kind: PeriodKind;
  fromYear: number;
  toYear: number;
}

interface ExportDefinition {
  /** Vietnamese column headings, in the order of the statement's columns. */
  headings: string[];
  /** The statement; the range's numbers are checked integers and the kind a known enum value. */
  sql: (range: ExportRange) => string;
}

const rangeFilter = (column: string, r: ExportRange) => `${column} BETWEEN ${r.fromYear} AND ${r.toYear}`;

/** The exports, each read in a stable order through a cursor, never whole. */
export const EXPORTS: Record<string, ExportDefinition> = {
  'award-register': {
    headings: [
      'Năm',
      'Số quyết định',
      'Ngày quyết định',
      'Hình thức',
      'Đối tượng',
      'Tên',
      'Đơn vị',
      'Cấp quyết định',
      'Người ký',
      'Đã thu hồi',
    ],
    sql: (r) => `SELECT period_year, decision_number, to_char(decided_on, 'YYYY-MM-DD'), label,
        CASE subject_kind WHEN 'INDIVIDUAL' THEN 'Cá nhân' WHEN 'HOUSEHOLD' THEN 'Hộ gia đình' ELSE 'Tập thể' END, subject_name, subject_unit_id,
        issued_by_level, signer_name, CASE WHEN revoked THEN 'Có' ELSE '' END
      FROM awards.awards WHERE period_kind = '${r.kind}' AND ${rangeFilter('period_year', r)}
      ORDER BY period_year, decided_on, decision_number, award_id`,
  },
  'yearly-totals': {
    headings: [
      'Năm',
      'Đơn vị',
      'Hình thức',
      'Số được khen',
      'Cá nhân',
      'Tập thể',
      'Người lao động trực tiếp',
      'Nữ',
      'Đã thu hồi',
    ],
    sql: (r) => `SELECT period_year, unit_id, award, granted, individuals, collectives, direct_workers, women, revoked
      FROM yearly_totals.award_totals WHERE unit_id <> '' AND period_kind = '${r.kind}' AND ${rangeFilter('period_year', r)}
      ORDER BY period_year, unit_id, award`,
  },
  'cluster-standings': {
    headings: ['Năm', 'Cụm, khối thi đua', 'Xếp hạng', 'Đơn vị', 'Tổng điểm', 'Ngày chốt'],
    sql: (r) => `SELECT year, cluster_name, rank, unit_name, total_points, to_char(finalized_at, 'YYYY-MM-DD')
      FROM cluster_scoring.final_ranks WHERE ${rangeFilter('year', r)} ORDER BY year, cluster_name, rank, unit_name`,
  },
};

/** The range a download asks for: `period=2025`, or `fromYear` and `toYear`; `kind` defaults to CALENDAR_YEAR. */
export function exportRangeOf(query: URLSearchParams): ExportRange {
  const kind = (query.get('kind') ?? PeriodKind.CALENDAR_YEAR) as PeriodKind;
  if (!Object.values(PeriodKind).includes(kind)) throw new InvalidInput(`unknown period kind ${kind}`, 'kind');
  const year = (name: string, given: string | null) => {
    const value = Number(given);
    if (given === null || !Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR)
      throw new InvalidInput(`${name} must be a year from ${MIN_YEAR} to ${MAX_YEAR}`, name);
    return value;
  };
  const period = query.get('period');
  const fromYear = year(period !== null ? 'period' : 'fromYear', period ?? query.get('fromYear'));
  const toYear = year(period !== null ? 'period' : 'toYear', period ?? query.get('toYear'));
  if (fromYear > toYear) throw new InvalidInput('fromYear must not be after toYear', 'fromYear');
  return { kind, fromYear, toYear };
}

const FETCH_ROWS = 2_000;

/** The statement's rows, a batch at a time, through a server-side cursor in one read-only snapshot. */
export async function* rowsByCursor(pool: Pool, sql: string): AsyncGenerator<unknown[][]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`);
    for (;;) {
      const { rows } = await client.query<unknown[]>({
        text: `FETCH ${FETCH_ROWS} FROM export_rows`,
        rowMode: 'array',
      });
      if (rows.length === 0) break;
      yield rows;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes `chunk`, waiting while the receiver is behind, so memory stays bounded. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** CSV in UTF-8 with a byte-order mark, which Excel needs to read Vietnamese diacritics. Returns the rows written. */
export async function writeCsv(pool: Pool, name: string, range: ExportRange, out: Writable): Promise<number> {
  const definition = EXPORTS[name];
  let count = 0;
  await write(out, `\uFEFF${definition.headings.map(csvField).join(',')}\r\n`);
  for await (const rows of rowsByCursor(pool, definition.sql(range))) {
    await write(out, rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join(''));
    count += rows.length;
  }
  out.end();
  return count;
}

/** XLSX written row by row (exceljs's streaming writer). Returns the rows written. */
export async function writeXlsx(pool: Pool, name: string, range: ExportRange, out: Writable): Promise<number> {
  const definition = EXPORTS[name];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(name);
  const heading = sheet.addRow(definition.headings);
  heading.font = { bold: true };
  heading.commit();
  let count = 0;
  for await (const rows of rowsByCursor(pool, definition.sql(range))) {
    for (const r of rows) sheet.addRow(r).commit();
    count += rows.length;
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
