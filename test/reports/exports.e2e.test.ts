import ExcelJS from 'exceljs';
import { DEMO_PERIOD, DEMO_YEAR } from '../../src/demo/demoData';
import type { TestApp } from '../support/app';
import { authorization, type Actor } from '../support/auth';
import { startDemoApp } from '../support/demo';

const ANALYST: Actor = { sub: 'phan-tich-1', role: 'ANALYST' };
const INSPECTOR: Actor = { sub: 'thanh-tra-1', role: 'INSPECTOR' };
const BOM = [0xef, 0xbb, 0xbf];

/** A CSV's records (RFC 4180: quoted fields may hold commas, quotes and line breaks), the BOM dropped. */
function csvLines(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') field += body[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

describe('exports of the award register, yearly totals and cluster standings', () => {
  let t: TestApp;
  const get = async (path: string, as: Actor | null, headers: Record<string, string> = {}) =>
    fetch(`${t.url}${path}`, { headers: { ...(as ? await authorization(as) : {}), ...headers } });

  beforeAll(async () => {
    ({ t } = await startDemoApp());
  }, 180_000);
  afterAll(async () => t.stop());

  it('gives the award register as CSV in UTF-8 with a BOM, one line per award decision of the period', async () => {
    const response = await get(`/exports/award-register.csv?period=${DEMO_YEAR}`, INSPECTOR);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
    const lines = csvLines(new TextDecoder().decode(bytes));
    expect(lines[0]).toEqual([
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
    ]);
    const { rows } = await t.db.pool.query(
      `SELECT decision_number, subject_name, revoked FROM awards.awards WHERE period_kind = $1 AND period_year = $2
       ORDER BY decided_on, decision_number, award_id`,
      [DEMO_PERIOD.kind, DEMO_YEAR],
    );
    expect(rows.length).toBeGreaterThan(3);
    expect(lines.slice(1).map((l) => [l[1], l[5], l[9]])).toEqual(
      rows.map((r) => [r.decision_number, r.subject_name, r.revoked ? 'Có' : '']),
    );
    // Names keep their diacritics.
    expect(lines.slice(1).some((l) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(l[5]))).toBe(true);
  });

  it('gives yearly totals over a range of years as XLSX that exceljs opens, the rows of the read model', async () => {
    const response = await get(`/exports/yearly-totals.xlsx?fromYear=${DEMO_YEAR - 1}&toYear=${DEMO_YEAR}`, ANALYST);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Năm',
      'Đơn vị',
      'Hình thức',
      'Số được khen',
      'Cá nhân',
      'Tập thể',
      'Người lao động trực tiếp',
      'Nữ',
      'Đã thu hồi',
    ]);
    const { rows } = await t.db.pool.query(
      `SELECT period_year, unit_id, award, granted FROM yearly_totals.award_totals
       WHERE unit_id <> '' AND period_kind = 'CALENDAR_YEAR' AND period_year BETWEEN $1 AND $2 ORDER BY 1, 2, 3`,
      [DEMO_YEAR - 1, DEMO_YEAR],
    );
    expect(rows.length).toBeGreaterThan(0);
    const got: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) got.push((row.values as unknown[]).slice(1, 5));
    });
    expect(got).toEqual(rows.map((r) => [r.period_year, r.unit_id, r.award, r.granted]));
  });

  it('gives the finalized cluster standings as CSV to an ANALYST', async () => {
    const response = await get(`/exports/cluster-standings.csv?period=${DEMO_YEAR}`, ANALYST);
    expect(response.status).toBe(200);
    const lines = csvLines(await response.text());
    const { rows } = await t.db.pool.query(
      `SELECT cluster_name, rank, unit_name FROM cluster_scoring.final_ranks WHERE year = $1 ORDER BY cluster_name, rank, unit_name`,
      [DEMO_YEAR],
    );
    expect(rows.length).toBeGreaterThan(3);
    expect(lines.slice(1).map((l) => [l[1], Number(l[2]), l[3]])).toEqual(
      rows.map((r) => [r.cluster_name, r.rank, r.unit_name]),
    );
  });

  it('refuses the award register, which names people, to an ANALYST: 403 with a JSON error and its code', async () => {
    for (const format of ['csv', 'xlsx']) {
      const response = await get(`/exports/award-register.${format}?period=${DEMO_YEAR}`, ANALYST);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(body.errors[0].message).toContain('ANALYST');
    }
  });

  it('answers 401 without a token, and takes none from the URL', async () => {
    const token = (await authorization(INSPECTOR)).authorization.replace('Bearer ', '');
    for (const path of [
      `/exports/award-register.csv?period=${DEMO_YEAR}`,
      `/exports/yearly-totals.xlsx?period=${DEMO_YEAR}`,
      `/reports/forms/0601.xlsx?period=${DEMO_YEAR}`,
      `/exports/award-register.csv?period=${DEMO_YEAR}&access_token=${token}`,
    ]) {
      const response = await get(path, null);
      expect([path, response.status]).toEqual([path, 401]);
      expect(
        ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code,
      ).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a malformed range with 400 and BAD_USER_INPUT', async () => {
    for (const query of ['', 'period=1800', 'fromYear=2025&toYear=2021', 'period=2024&kind=MONTH']) {
      const response = await get(`/exports/yearly-totals.csv?${query}`, ANALYST);
      expect([query, response.status]).toEqual([query, 400]);
      expect(
        ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code,
      ).toBe('BAD_USER_INPUT');
    }
  });
});
