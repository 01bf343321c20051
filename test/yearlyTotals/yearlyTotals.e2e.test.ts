import type { Actor } from '../support/auth';
import { DEMO_YEAR } from '../../src/demo/demoYear';
import type { TestApp } from '../support/app';
import { startDemoApp } from '../support/demo';
import { caughtUp } from '../support/until';

/** Mid-2025: calendar year 2025 and school year 2024-2025 are still running, so "overdue" is as of today. */
const NOW = new Date('2025-06-30T03:00:00.000Z');
const OFFICER: Actor = { sub: 'kn-officer', role: 'COMPLAINT_OFFICER' };

const FIELDS = `
  period { kind year label } unitId
  awards { award label category count individuals collectives directWorkers women revoked }
  dossiers { submitted returned eligible ineligible approved rejected granted medianDaysToDecision }
  complaints { filed accepted resolved upheld overdue overdueComplaints overdueDenunciations }
  directWorkerShare grassrootsFighterRatio`;
const TOTALS = `query($period: PeriodInput!, $unitId: ID) { yearlyTotals(period: $period, unitId: $unitId) { ${FIELDS} } }`;
const SERIES = `query($kind: PeriodKind!, $fromYear: Int!, $toYear: Int!, $unitId: ID) {
  yearlyTotalsSeries(kind: $kind, fromYear: $fromYear, toYear: $toYear, unitId: $unitId) { ${FIELDS} } }`;

const calendar = (year: number) => ({ kind: 'CALENDAR_YEAR', year });
const award = (
  kind: string,
  label: string,
  category: string,
  counts: Partial<Record<'count' | 'individuals' | 'collectives' | 'directWorkers' | 'women' | 'revoked', number>>,
) => ({
  award: kind,
  label,
  category,
  count: 0,
  individuals: 0,
  collectives: 0,
  directWorkers: 0,
  women: 0,
  revoked: 0,
  ...counts,
});
const NO_DOSSIERS = {
  submitted: 0,
  returned: 0,
  eligible: 0,
  ineligible: 0,
  approved: 0,
  rejected: 0,
  granted: 0,
  medianDaysToDecision: null,
};
/** Two dossiers, both approved and granted, with a median of six days to the decision. */
const TWO_DOSSIERS_GRANTED = {
  submitted: 2,
  returned: 0,
  eligible: 2,
  ineligible: 0,
  approved: 2,
  rejected: 0,
  granted: 2,
  medianDaysToDecision: 6,
};
const NO_COMPLAINTS = {
  filed: 0,
  accepted: 0,
  resolved: 0,
  upheld: 0,
  overdue: 0,
  overdueComplaints: 0,
  overdueDenunciations: 0,
};

/** The demo year's totals for 2024 over the whole district (every demo unit lies under it). */
const DISTRICT_2024 = {
  awards: [
    // Lan, Minh (direct worker), Ngọc, Phúc (revoked after the upheld complaint).
    award('ADVANCED_WORKER', 'Lao động tiên tiến', 'TITLE', {
      count: 4,
      individuals: 4,
      directWorkers: 1,
      women: 2,
      revoked: 1,
    }),
    award('GRASSROOTS_EMULATION_FIGHTER', 'Chiến sĩ thi đua cơ sở', 'TITLE', { count: 1, individuals: 1, women: 1 }),
    award('PROVINCIAL_EMULATION_FLAG', 'Cờ thi đua của bộ, ngành, tỉnh', 'TITLE', { count: 1, collectives: 1 }),
    // Minh's sudden award by the simplified procedure, decided without the council.
    award('CERTIFICATE_OF_MERIT', 'Giấy khen', 'COMMENDATION', { count: 1, individuals: 1, directWorkers: 1 }),
  ],
  // Eleven dossiers; Ngọc's returned once; Quỳnh's ineligible; Dung's still awaiting appraisal; the household's
  // eligible; Minh's sudden one granted without a council; Cẩm Giàng's supported and forwarded to the province.
  // Days to the last session: 8 (four, 12-02 → 12-10), 4 (Lan's, 12-16 → 12-20) and 21 (the flag, to the
  // province council on 01-06).
  dossiers: {
    submitted: 11,
    returned: 1,
    eligible: 9,
    ineligible: 1,
    approved: 7,
    rejected: 0,
    granted: 7,
    medianDaysToDecision: 8,
  },
  complaints: NO_COMPLAINTS,
  // Non-revoked individual awards: Lan ×2, Minh ×2, Ngọc; two to a direct worker; a fighter per three advanced workers.
  directWorkerShare: 0.4,
  grassrootsFighterRatio: 1 / 3,
};

describe('yearlyTotals and yearlyTotalsSeries over the demo year', () => {
  let t: TestApp;
  const totals = async (period: { kind: string; year: number }, unitId?: string) => {
    const { body } = await t.graphql(TOTALS, { period, unitId });
    expect(body.errors).toBeUndefined();
    return body.data.yearlyTotals;
  };

  beforeAll(async () => {
    ({ t } = await startDemoApp({ now: () => NOW }));
  }, 120_000);
  afterAll(async () => t.stop());

  it(`counts ${DEMO_YEAR}: awards per kind (the revoked advanced worker included), the dossier pipeline, the ratios`, async () => {
    expect(await totals(calendar(DEMO_YEAR))).toEqual({
      period: { kind: 'CALENDAR_YEAR', year: 2024, label: '2024' },
      unitId: null,
      ...DISTRICT_2024,
    });
    expect(await totals(calendar(DEMO_YEAR), 'huyen-bach-thong')).toEqual({
      period: { kind: 'CALENDAR_YEAR', year: 2024, label: '2024' },
      unitId: 'huyen-bach-thong',
      ...DISTRICT_2024,
    });
    expect(await totals(calendar(DEMO_YEAR), 'tinh-bac-kan')).toMatchObject(DISTRICT_2024);
  });

  it(`sums the cash rewards of ${DEMO_YEAR} as each decision recorded them (base salary 2,340,000 VND)`, async () => {
    const { body } = await t.graphql(
      `query($period: PeriodInput!) { yearlyTotals(period: $period) { awards { award rewardVnd revokedRewardVnd } rewardVnd } }`,
      { period: calendar(DEMO_YEAR) },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.yearlyTotals).toEqual({
      awards: [
        // 4 × (0.3 × 2,340,000 = 702,000, rounded up to 710,000); Phúc's revoked.
        { award: 'ADVANCED_WORKER', rewardVnd: 2_840_000, revokedRewardVnd: 710_000 },
        { award: 'GRASSROOTS_EMULATION_FIGHTER', rewardVnd: 2_340_000, revokedRewardVnd: 0 },
        { award: 'PROVINCIAL_EMULATION_FLAG', rewardVnd: 18_720_000, revokedRewardVnd: 0 },
        // Minh's Giấy khen: 0.3 × 2,340,000 = 702,000, rounded up to 710,000.
        { award: 'CERTIFICATE_OF_MERIT', rewardVnd: 710_000, revokedRewardVnd: 0 },
      ],
      // The awards that stand: 4 × 710,000 + 2,340,000 + 18,720,000.
      rewardVnd: 23_900_000,
    });
  });

  it('sums only the subtree of a unit: a commune, a department with its school, a leaf unit', async () => {
    // Quân Hà: Bùi Văn Minh (direct worker, farmer), his sudden award, and the commune's own emulation flag.
    expect(await totals(calendar(DEMO_YEAR), 'xa-quan-ha')).toEqual({
      period: { kind: 'CALENDAR_YEAR', year: 2024, label: '2024' },
      unitId: 'xa-quan-ha',
      awards: [
        award('ADVANCED_WORKER', 'Lao động tiên tiến', 'TITLE', { count: 1, individuals: 1, directWorkers: 1 }),
        award('PROVINCIAL_EMULATION_FLAG', 'Cờ thi đua của bộ, ngành, tỉnh', 'TITLE', { count: 1, collectives: 1 }),
        award('CERTIFICATE_OF_MERIT', 'Giấy khen', 'COMMENDATION', { count: 1, individuals: 1, directWorkers: 1 }),
      ],
      // The sudden dossier was decided without a council session: it has no days to a session. Minh's
      // advanced worker took 8 days (12-02 → 12-10); the flag 21, to the province council (12-16 → 01-06).
      dossiers: { ...TWO_DOSSIERS_GRANTED, submitted: 3, eligible: 3, granted: 3, medianDaysToDecision: 14.5 },
      complaints: NO_COMPLAINTS,
      directWorkerShare: 1,
      grassrootsFighterRatio: 0,
    });
    // The education department: Đặng Thị Lan of the THCS Phủ Thông school below it.
    expect(await totals(calendar(DEMO_YEAR), 'phong-gddt')).toMatchObject({
      awards: [
        award('ADVANCED_WORKER', 'Lao động tiên tiến', 'TITLE', { count: 1, individuals: 1, women: 1 }),
        award('GRASSROOTS_EMULATION_FIGHTER', 'Chiến sĩ thi đua cơ sở', 'TITLE', {
          count: 1,
          individuals: 1,
          women: 1,
        }),
      ],
      dossiers: TWO_DOSSIERS_GRANTED,
      directWorkerShare: 0,
      grassrootsFighterRatio: 1,
    });
    // Mỹ Thanh: Ngô Văn Phúc's award, revoked: no advanced worker left for the ratios.
    expect(await totals(calendar(DEMO_YEAR), 'xa-my-thanh')).toMatchObject({
      awards: [award('ADVANCED_WORKER', 'Lao động tiên tiến', 'TITLE', { count: 1, individuals: 1, revoked: 1 })],
      dossiers: { submitted: 1, eligible: 1, approved: 1, granted: 1, medianDaysToDecision: 8 },
      directWorkerShare: null,
      grassrootsFighterRatio: null,
    });
    // Nguyên Phúc: Dương Thị Quỳnh's ineligible dossier, never decided.
    expect(await totals(calendar(DEMO_YEAR), 'xa-nguyen-phuc')).toMatchObject({
      awards: [],
      dossiers: { ...NO_DOSSIERS, submitted: 1, ineligible: 1 },
      directWorkerShare: null,
      grassrootsFighterRatio: null,
    });
    // The agriculture office: Phạm Thị Dung's certificate of merit dossier, received but never appraised.
    expect(await totals(calendar(DEMO_YEAR), 'phong-nnptnt')).toMatchObject({
      awards: [],
      dossiers: { ...NO_DOSSIERS, submitted: 1 },
      directWorkerShare: null,
      grassrootsFighterRatio: null,
    });
  });

  it('counts the complaints received in 2025 by the unit of their subject', async () => {
    // kn-2025-001 about Phúc's award (upheld, the award revoked); kn-2025-002 a petition about Cẩm Giàng, dismissed;
    // kn-2025-003 a denunciation, extended and rejected; kn-2025-004 about Nguyên Phúc, overdue since 03-08;
    // kn-2025-005 about Quỳnh's dossier, marked complex and rejected.
    const complaints2025 = {
      filed: 5,
      accepted: 4,
      resolved: 3,
      upheld: 1,
      overdue: 1,
      overdueComplaints: 1,
      overdueDenunciations: 0,
    };
    expect(await totals(calendar(DEMO_YEAR + 1))).toEqual({
      period: { kind: 'CALENDAR_YEAR', year: 2025, label: '2025' },
      unitId: null,
      awards: [],
      dossiers: NO_DOSSIERS,
      complaints: complaints2025,
      directWorkerShare: null,
      grassrootsFighterRatio: null,
    });
    expect((await totals(calendar(DEMO_YEAR + 1), 'huyen-bach-thong')).complaints).toEqual(complaints2025);
    expect((await totals(calendar(DEMO_YEAR + 1), 'xa-my-thanh')).complaints).toEqual({
      ...NO_COMPLAINTS,
      filed: 1,
      accepted: 1,
      resolved: 1,
      upheld: 1,
    });
    expect((await totals(calendar(DEMO_YEAR + 1), 'xa-nguyen-phuc')).complaints).toEqual({
      ...NO_COMPLAINTS,
      filed: 2,
      accepted: 2,
      resolved: 1,
      overdue: 1,
      overdueComplaints: 1,
    });
    expect((await totals(calendar(DEMO_YEAR + 1), 'xa-cam-giang')).complaints).toEqual({ ...NO_COMPLAINTS, filed: 1 });
    expect((await totals(calendar(DEMO_YEAR + 1), 'xa-quan-ha')).complaints).toEqual(NO_COMPLAINTS);
    // The school year 2024-2025 (Sep 2024 – Aug 2025) holds the same complaints, and no calendar-year awards.
    expect(await totals({ kind: 'SCHOOL_YEAR', year: DEMO_YEAR })).toMatchObject({
      period: { label: '2024-2025' },
      awards: [],
      dossiers: NO_DOSSIERS,
      complaints: complaints2025,
    });
  });

  it('answers a series year by year, each year as yearlyTotals answers it', async () => {
    const { body } = await t.graphql(SERIES, {
      kind: 'CALENDAR_YEAR',
      fromYear: 2023,
      toYear: 2026,
      unitId: 'huyen-bach-thong',
    });
    expect(body.errors).toBeUndefined();
    const series = body.data.yearlyTotalsSeries;
    expect(series.map((s: { period: { label: string } }) => s.period.label)).toEqual(['2023', '2024', '2025', '2026']);
    for (const [i, y] of [2023, 2024, 2025, 2026].entries())
      expect(series[i]).toEqual(await totals(calendar(y), 'huyen-bach-thong'));
    expect(series[0]).toMatchObject({
      awards: [],
      dossiers: NO_DOSSIERS,
      complaints: NO_COMPLAINTS,
      directWorkerShare: null,
    });
    expect(series[1]).toMatchObject(DISTRICT_2024);
    const whole = await t.graphql(SERIES, { kind: 'CALENDAR_YEAR', fromYear: 2024, toYear: 2024 });
    expect(whole.body.data.yearlyTotalsSeries).toEqual([
      { period: { kind: 'CALENDAR_YEAR', year: 2024, label: '2024' }, unitId: null, ...DISTRICT_2024 },
    ]);
  });

  it('counts a complaint overdue while it is still waiting for acceptance or resolution past its deadline, as of today in a running year', async () => {
    const file = async (id: string, receivedOn: string) => {
      const { body } = await t.graphql(
        'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { position } }',
        {
          input: {
            id,
            kind: 'COMPLAINT',
            complainantName: 'Hoàng Văn Tư',
            receivedOn,
            content: 'Bình xét thi đua chưa khách quan.',
            subject: { kind: 'COLLECTIVE', id: 'xa-quan-ha' },
          },
        },
        OFFICER,
      );
      expect(body.errors).toBeUndefined();
      return body.data.fileComplaint.position as string;
    };
    await file('kn-2025-010', '2025-03-01'); // never accepted: overdue since 2025-03-12
    await file('kn-2025-011', '2025-03-02');
    const accepted = await t.graphql(
      'mutation { acceptComplaint(complaintId: "kn-2025-011", acceptedOn: "2025-03-05") { position } }',
      {},
      OFFICER,
    ); // due 2025-04-04, never resolved: overdue
    expect(accepted.body.errors).toBeUndefined();
    const last = await file('kn-2025-012', '2025-06-25'); // five days old today: not yet overdue
    await caughtUp(t, last);

    expect((await totals(calendar(2025), 'xa-quan-ha')).complaints).toEqual({
      filed: 3,
      accepted: 1,
      resolved: 0,
      upheld: 0,
      overdue: 2,
      overdueComplaints: 2,
      overdueDenunciations: 0,
    });
    expect((await totals(calendar(2025))).complaints).toEqual({
      filed: 8,
      accepted: 5,
      resolved: 3,
      upheld: 1,
      overdue: 3,
      overdueComplaints: 3,
      overdueDenunciations: 0,
    });
    expect((await totals({ kind: 'SCHOOL_YEAR', year: 2024 }, 'xa-quan-ha')).complaints).toMatchObject({
      filed: 3,
      overdue: 2,
    });
    expect((await totals(calendar(2024), 'xa-quan-ha')).complaints).toEqual(NO_COMPLAINTS);
  });

  it('refuses years out of range, reversed or too long series, malformed and unknown units', async () => {
    const code = (body: { errors?: Array<{ extensions?: Record<string, any> }> }) => body.errors?.[0]?.extensions?.code;
    expect(code((await t.graphql(TOTALS, { period: calendar(2101) })).body)).toBe('BAD_USER_INPUT');
    expect(code((await t.graphql(TOTALS, { period: calendar(1944) })).body)).toBe('BAD_USER_INPUT');
    expect(code((await t.graphql(TOTALS, { period: calendar(2024), unitId: 'no such unit!' })).body)).toBe(
      'BAD_USER_INPUT',
    );
    expect(code((await t.graphql(TOTALS, { period: calendar(2024), unitId: 'xa-khong-co' })).body)).toBe('NOT_FOUND');
    expect(code((await t.graphql(SERIES, { kind: 'CALENDAR_YEAR', fromYear: 2025, toYear: 2024 })).body)).toBe(
      'BAD_USER_INPUT',
    );
    expect(code((await t.graphql(SERIES, { kind: 'CALENDAR_YEAR', fromYear: 2000, toYear: 2050 })).body)).toBe(
      'BAD_USER_INPUT',
    );
    expect(code((await t.graphql(SERIES, { kind: 'SCHOOL_YEAR', fromYear: 1944, toYear: 1950 })).body)).toBe(
      'BAD_USER_INPUT',
    );
    expect(code((await t.graphql(SERIES, { kind: 'SCHOOL_YEAR', fromYear: 2090, toYear: 2101 })).body)).toBe(
      'BAD_USER_INPUT',
    );
    const fifty = await t.graphql(SERIES, { kind: 'SCHOOL_YEAR', fromYear: 2000, toYear: 2049, unitId: 'xa-quan-ha' });
    expect(fifty.body.errors).toBeUndefined();
    expect(fifty.body.data.yearlyTotalsSeries).toHaveLength(50);
  });
});
