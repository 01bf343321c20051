import { DEMO_YEAR } from '../../src/demo/demoData';
import type { WorkforceFigures } from '../../src/workforceReports/workforceReport.events';
import { expectRefused, mutate, type TestApp } from '../support/app';
import type { Actor } from '../support/auth';
import { startDemoApp } from '../support/demo';
import { caughtUp } from '../support/until';
import { workforceFigures } from '../support/workforceFigures';

const SECRETARIAT: Actor = { sub: 'so-noi-vu-bac-kan', role: 'SECRETARIAT', unitId: 'tinh-bac-kan' };
const DISTRICT_SECRETARIAT: Actor = { sub: 'p-nguyen-van-an', role: 'SECRETARIAT', unitId: 'huyen-bach-thong' };
const ANALYST: Actor = { sub: 'phan-tich-1', role: 'ANALYST' };

const REPORT = `mutation ($input: ReportWorkforceInput!) { reportWorkforce(input: $input) { id position } }`;
const FORM = `query ($code: String!, $period: PeriodInput!, $unitId: ID) {
  reportForm(code: $code, period: $period, unitId: $unitId) { code rows { code values } }
}`;

const input = (unitId: string, figures: WorkforceFigures = workforceFigures()) => ({
  input: { unitId, year: DEMO_YEAR, figures },
});

describe('reportWorkforce and forms 0604–0605', () => {
  let t: TestApp;
  const stream = (unitId: string) => `workforce_report-${unitId}:${DEMO_YEAR}`;
  const form = async (code: string, unitId: string | null) => {
    const { body } = await t.graphql(
      FORM,
      { code, period: { kind: 'CALENDAR_YEAR', year: DEMO_YEAR }, unitId },
      ANALYST,
    );
    expect(body.errors).toBeUndefined();
    return new Map<string, number[]>(
      body.data.reportForm.rows.map((r: { code: string; values: number[] }) => [r.code, r.values]),
    );
  };

  beforeAll(async () => {
    ({ t } = await startDemoApp());
  }, 180_000);
  afterAll(async () => t.stop());

  it('sums the reports of a subtree into forms 0604 and 0605; a correction replaces the earlier figures', async () => {
    await mutate(t, REPORT, input('tinh-bac-kan'), SECRETARIAT);
    const first = await mutate(t, REPORT, input('huyen-bach-thong'), DISTRICT_SECRETARIAT);
    await caughtUp(t, first.position);
    let people = await form('0605', null);
    expect(people.get('01')).toEqual([40, 18]);
    expect(people.get('11')).toEqual([20, 10]);
    expect(people.get('15')).toEqual([10, 4]);
    const corrected = workforceFigures();
    corrected.byAge.over60 = { total: 2, women: 0 };
    corrected.bySeniority.over10Years = { total: 6, women: 2 };
    corrected.organisations.homeAffairsDivisions = 5;
    const second = await mutate(t, REPORT, input('huyen-bach-thong', corrected), DISTRICT_SECRETARIAT);
    expect(second).toMatchObject({ id: `huyen-bach-thong:${DEMO_YEAR}` });
    await caughtUp(t, second.position);
    people = await form('0605', 'huyen-bach-thong');
    expect(people.get('01')).toEqual([21, 9]);
    const organisations = await form('0604', null);
    expect(organisations.get('01')).toEqual([3 + 6]);
    expect(organisations.get('05')).toEqual([2 + 5]);
  });

  it('refuses inconsistent figures with RULE_VIOLATION and the rule, appending nothing', async () => {
    const figures = workforceFigures();
    figures.byAge.upTo30 = { total: 1, women: 2 };
    await expectRefused(
      t,
      [stream('tinh-bac-kan')],
      REPORT,
      input('tinh-bac-kan', figures),
      {
        code: 'RULE_VIOLATION',
        rule: 'WOMEN_WITHIN_TOTAL',
      },
      SECRETARIAT,
    );
    const uneven = workforceFigures();
    uneven.bySeniority.under5Years = { total: 9, women: 4 };
    await expectRefused(
      t,
      [stream('tinh-bac-kan')],
      REPORT,
      input('tinh-bac-kan', uneven),
      {
        code: 'RULE_VIOLATION',
        rule: 'SENIORITY_MATCHES_AGE',
      },
      SECRETARIAT,
    );
    await expectRefused(
      t,
      [stream('tinh-bac-kan')],
      REPORT,
      input('tinh-bac-kan'),
      {
        code: 'RULE_VIOLATION',
        rule: 'FIGURES_UNCHANGED',
      },
      SECRETARIAT,
    );
  });

  it('refuses a negative count (BAD_USER_INPUT), an unknown unit (NOT_FOUND), and callers without the right', async () => {
    const negative = workforceFigures();
    negative.organisations.homeAffairsBoards = -1;
    await expectRefused(
      t,
      [stream('tinh-bac-kan')],
      REPORT,
      input('tinh-bac-kan', negative),
      { code: 'BAD_USER_INPUT' },
      SECRETARIAT,
    );
    await expectRefused(t, [stream('khong-co')], REPORT, input('khong-co'), { code: 'NOT_FOUND' });
    await expectRefused(t, [stream('tinh-bac-kan')], REPORT, input('tinh-bac-kan'), { code: 'FORBIDDEN' }, ANALYST);
    // A district's standing agency reports for its own subtree only.
    await expectRefused(
      t,
      [stream('tinh-bac-kan')],
      REPORT,
      input('tinh-bac-kan'),
      { code: 'FORBIDDEN' },
      DISTRICT_SECRETARIAT,
    );
    await expectRefused(t, [stream('tinh-bac-kan')], REPORT, input('tinh-bac-kan'), { code: 'UNAUTHENTICATED' }, null);
  });
});
