// `tdkt export`: an export or a statistics form written by the command line through the
// app's own download route, so the token check and the download policy are those of HTTP.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { tokenFor } from '../support/auth';
import { cliEnvironment, runTdkt } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
let admin: NodeJS.ProcessEnv;
let analyst: NodeJS.ProcessEnv;
let folder: string;

beforeAll(async () => {
  db = await createTestDatabase({ max: 2 });
  admin = cliEnvironment(db.url, { TDKT_TOKEN: await tokenFor({ sub: 'cli-admin', role: 'ADMIN' }) });
  analyst = cliEnvironment(db.url, { TDKT_TOKEN: await tokenFor({ sub: 'cli-analyst', role: 'ANALYST' }) });
  folder = mkdtempSync(join(tmpdir(), 'tdkt-cli-export-'));
  const seeded = await runTdkt(['seed', 'demo'], admin);
  if (seeded.code !== 0) throw new Error(`seed demo failed: ${seeded.err}`);
}, 180_000);

afterAll(async () => {
  await db.drop();
});

describe('tdkt export', () => {
  it('writes the award register of the demo year as CSV (with its BOM) to standard output', async () => {
    const run = await runTdkt(['export', 'award-register', '--period', '2024'], admin);
    expect(run.err).not.toContain('tdkt:');
    expect(run.code).toBe(0);
    expect(run.out.startsWith('\uFEFFNăm,Số quyết định,')).toBe(true);
    const rows = run.out.trim().split('\n');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((row) => row.startsWith('2024,'))).toBe(true);
  });

  it('refuses the award register to an ANALYST as its download does (FORBIDDEN)', async () => {
    const run = await runTdkt(['export', 'award-register', '--period', '2024'], analyst);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^tdkt: FORBIDDEN: /);
    expect(run.out).toBe('');
    // The yearly totals are the ANALYST's to read.
    expect((await runTdkt(['export', 'yearly-totals', '--period', '2024'], analyst)).code).toBe(0);
  });

  it('writes a statistics form as .xlsx to a file, in Vietnamese', async () => {
    const out = join(folder, 'form-0603.xlsx');
    const run = await runTdkt(['export', 'form-0603', '--period', '2024', '--out', out], admin);
    expect(run.err).not.toContain('tdkt:');
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const text = workbook.worksheets[0]
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join(' ');
    expect(text).toContain('khen thưởng');
  });

  it('calls a wrong request a usage error (2), and writes nothing', async () => {
    const out = join(folder, 'none.csv');
    expect((await runTdkt(['export', 'yearly-totals', '--format', 'xlsx', '--period', '2024'], admin)).code).toBe(2);
    const badYear = await runTdkt(['export', 'yearly-totals', '--period', '1200', '--out', out], admin);
    expect(badYear.code).toBe(2);
    expect(badYear.err).toContain('BAD_USER_INPUT');
    expect(existsSync(out)).toBe(false);
    expect((await runTdkt(['export', 'everything', '--period', '2024'], admin)).code).toBe(2);
  });
});
