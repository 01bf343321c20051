import ExcelJS from 'exceljs';
import { DEMO_PERIOD, DEMO_UNITS, DEMO_YEAR } from '../../src/demo/demoData';
import { AwardKind } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import { authorization, type Actor } from '../support/auth';
import { startDemoApp } from '../support/demo';

const ANALYST: Actor = { sub: 'phan-tich-1', role: 'ANALYST' };
const SECRETARIAT: Actor = { sub: 'so-noi-vu-bac-kan', role: 'SECRETARIAT', unitId: 'tinh-bac-kan' };

const FORM = `query ($code: String!, $period: PeriodInput!, $unitId: ID) {
  reportForm(code: $code, period: $period, unitId: $unitId) {
    code title source measure columns { code label group } rows { code label measure values }
  }
}`;

interface AwardOracleRow {
  award: string;
  individual: boolean;
  directWorker: boolean;
  method: string;
}

interface FormAnswer {
  code: string;
  source: string;
  columns: Array<{ code: string; label: string; group: string | null }>;
  rows: Array<{ code: string; label: string; values: Array<number | null> }>;
}

describe('statistics forms 0601–0603 (Circular 02/2023/TT-BNV) from the demo year', () => {
  let t: TestApp;
  /** The awards read model (its own projection), the oracle for the forms' award counts. */
  let awards: AwardOracleRow[];

  const form = async (code: string, as: Actor = ANALYST, unitId: string | null = null) => {
    const { body } = await t.graphql(FORM, { code, period: DEMO_PERIOD, unitId }, as);
    expect(body.errors).toBeUndefined();
    return body.data.reportForm as FormAnswer;
  };
  const cell = (f: FormAnswer, row: string, column: string) =>
    f.rows.find((r) => r.code === row)!.values[f.columns.findIndex((c) => c.code === column)];
  const count = (keep: (a: AwardOracleRow) => boolean) => awards.filter(keep).length;

  beforeAll(async () => {
    ({ t } = await startDemoApp());
    const { rows } = await t.db.pool.query(
      `SELECT award, subject_kind = 'INDIVIDUAL' AS individual, direct_worker AS "directWorker",
              CASE WHEN thematic THEN 'THEMATIC' WHEN movement_id IS NULL THEN 'SUDDEN' ELSE 'REGULAR' END AS method
       FROM awards.awards WHERE period_kind = $1 AND period_year = $2 AND NOT revoked`,
      [DEMO_PERIOD.kind, DEMO_YEAR],
    );
    awards = rows;
  }, 180_000);
  afterAll(async () => t.stop());

  it('fills form 0603 with what the awards read model holds, kind by kind and row by row', async () => {
    const f = await form('0603');
    expect(f.code).toBe('0603.N/BNV-TĐKT');
    expect(f.source).toContain('02/2023/TT-BNV');
    const kinds: Record<string, string> = {
      '2': AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT,
      '3': AwardKind.PROVINCIAL_EMULATION_FIGHTER,
      '4': AwardKind.PROVINCIAL_EMULATION_FLAG,
      '5': AwardKind.COMMEMORATIVE_MEDAL,
    };
    const provincial = Object.values(kinds);
    expect(cell(f, '01', '1')).toBe(count((a) => provincial.includes(a.award)));
    expect(cell(f, '01', '1')).toBeGreaterThan(0);
    for (const [column, kind] of Object.entries(kinds)) {
      expect([column, cell(f, '01', column)]).toEqual([column, count((a) => a.award === kind)]);
      expect(cell(f, '02', column)).toBe(count((a) => a.award === kind && !a.individual));
      expect(cell(f, '05', column)).toBe(count((a) => a.award === kind && a.individual));
      expect(cell(f, '10', column)).toBe(count((a) => a.award === kind && a.directWorker));
      expect(cell(f, '11', column)).toBe(count((a) => a.award === kind && a.method === 'REGULAR'));
      expect(cell(f, '12', column)).toBe(count((a) => a.award === kind && a.method === 'THEMATIC'));
      expect(cell(f, '13', column)).toBe(count((a) => a.award === kind && a.method === 'SUDDEN'));
    }
    // What the log does not record is left empty, not shown as zero.
    expect(f.rows.find((r) => r.code === '03')!.values.every((v) => v === null)).toBe(true);
  });

  it('agrees with yearlyTotals: each kind counted once, revoked awards left out', async () => {
    const { body } = await t.graphql(
      `query ($period: PeriodInput!) { yearlyTotals(period: $period) { awards { award count revoked } } }`,
      { period: DEMO_PERIOD },
      ANALYST,
    );
    const net = (kind: string) => {
      const a = body.data.yearlyTotals.awards.find((x: { award: string }) => x.award === kind);
      return a ? a.count - a.revoked : 0;
    };
    const f = await form('0603');
    expect(cell(f, '01', '2')).toBe(net(AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT));
    expect(cell(f, '01', '4')).toBe(net(AwardKind.PROVINCIAL_EMULATION_FLAG));
    const state = await form('0602.N/BNV-TĐKT');
    const stateKinds = [
      AwardKind.LABOR_ORDER_THIRD_CLASS,
      AwardKind.LABOR_ORDER_SECOND_CLASS,
      AwardKind.LABOR_ORDER_FIRST_CLASS,
      AwardKind.GOVERNMENT_EMULATION_FLAG,
      AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT,
      AwardKind.NATIONAL_EMULATION_FIGHTER,
    ];
    expect(cell(state, '01', '1')).toBe(stateKinds.map(net).reduce((x, y) => x + y, 0));
    expect(cell(state, '03', '1')).toBe(cell(state, '01', '1'));
  });

  it('fills form 0601 with the movements the API lists as launched in the year', async () => {
    const { body } = await t.graphql(
      `query ($year: Int) { movements(year: $year) { kind launchedByUnitId startsOn endsOn } }`,
      { year: DEMO_YEAR },
      ANALYST,
    );
    const launched = (
      body.data.movements as Array<{ kind: string; launchedByUnitId: string; startsOn: string }>
    ).filter((m) => m.startsOn.startsWith(String(DEMO_YEAR)));
    const level = (id: string) => DEMO_UNITS.find((u) => u.id === id)!.level;
    const f = await form('0601');
    expect(cell(f, '01', '1')).toBe(launched.length);
    expect(launched.length).toBeGreaterThan(0);
    expect(cell(f, '01', '3')).toBe(launched.filter((m) => level(m.launchedByUnitId) === 'PROVINCE').length);
    expect(cell(f, '12', '1')).toBe(launched.filter((m) => m.kind === 'REGULAR').length);
    expect(cell(f, '11', '1')! + cell(f, '12', '1')!).toBe(launched.length);
    const byTerm = ['06', '07', '08', '09', '10'].map((row) => cell(f, row, '1')!);
    expect(byTerm.reduce((x, y) => x + y, 0)).toBe(launched.length);
  });

  it('refuses an unknown form with BAD_USER_INPUT and an unknown unit with NOT_FOUND', async () => {
    const unknownForm = await t.graphql(FORM, { code: '0699', period: DEMO_PERIOD }, ANALYST);
    expect(unknownForm.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknownUnit = await t.graphql(FORM, { code: '0601', period: DEMO_PERIOD, unitId: 'khong-co' }, ANALYST);
    expect(unknownUnit.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('gives the form as .xlsx laid out like the official one: merged headings, Vietnamese text, the same rows', async () => {
    const response = await fetch(`${t.url}/reports/forms/0603.xlsx?period=${DEMO_YEAR}`, {
      headers: await authorization(ANALYST),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('Biểu số: 0603.N/BNV-TĐKT');
    expect(texts).toContain(
      'SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
    );
    expect(texts).toContain('Chiến sĩ thi đua cấp bộ, cấp tỉnh');
    const merges: string[] = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A7:A8', 'B7:B8', 'D7:D8', 'E7:H7']));
    expect(sheet.getCell('E7').value).toBe('Chia ra');
    const f = await form('0603');
    const total = f.rows.find((r) => r.code === '01')!;
    expect(sheet.getRow(10).values).toEqual([undefined, total.label, '01', '', ...total.values.map((v) => v ?? '')]);
  });

  it('lets a SECRETARIAT and an ANALYST download a form, a UNIT_OFFICER only for its subtree', async () => {
    const get = async (as: Actor, query: string) =>
      (await fetch(`${t.url}/reports/forms/0601.xlsx?${query}`, { headers: await authorization(as) })).status;
    expect(await get(SECRETARIAT, `period=${DEMO_YEAR}`)).toBe(200);
    const officer: Actor = { sub: 'can-bo-xa', role: 'UNIT_OFFICER', unitId: 'huyen-bach-thong' };
    expect(await get(officer, `period=${DEMO_YEAR}&unitId=huyen-bach-thong`)).toBe(200);
    expect(await get(officer, `period=${DEMO_YEAR}`)).toBe(403);
    expect(await get(ANALYST, `period=20x5`)).toBe(400);
  });
});
