import { awardsProjection } from '../../projections/awards/awards.projection';
import { DEMO_YEAR, type DemoYearSummary } from '../../src/demo/demoYear';
import { Expected, type NewEvent } from '../../src/eventStore/eventStore.port';
import { startTestApp, type TestApp } from '../support/app';
import { startDemoApp } from '../support/demo';
import { testMetadata } from '../support/events';
import { caughtUp } from '../support/until';

const AWARD_FIELDS = `id award label category subject { kind id name } period { kind year label } decisionNumber decidedOn
  issuedByUnitId signerName dossierId revoked revokedReason revocationDecisionNumber revokedByComplaintId`;
const HISTORY = `query($subject: SubjectInput!) { awardHistory(subject: $subject) { ${AWARD_FIELDS} } }`;
const BY_DECISION = `query($n: String!) { awardsByDecision(decisionNumber: $n) { ${AWARD_FIELDS} } }`;

describe('award lookups over the demo year', () => {
  let t: TestApp;
  let year: DemoYearSummary;

  beforeAll(async () => {
    ({ t, year } = await startDemoApp());
  }, 120_000);
  afterAll(async () => t.stop());

  it("shows Ngô Văn Phúc's history with the award revoked after the upheld complaint, and why", async () => {
    const { body } = await t.graphql(HISTORY, { subject: { kind: 'INDIVIDUAL', id: 'p-ngo-van-phuc' } });
    expect(body.errors).toBeUndefined();
    expect(body.data.awardHistory).toHaveLength(1);
    const [award] = body.data.awardHistory;
    expect(award).toMatchObject({
      id: year.revokedAwardId,
      award: 'ADVANCED_WORKER',
      label: 'Lao động tiên tiến',
      category: 'TITLE',
      subject: { kind: 'INDIVIDUAL', id: 'p-ngo-van-phuc', name: 'Ngô Văn Phúc' },
      period: { kind: 'CALENDAR_YEAR', year: DEMO_YEAR, label: String(DEMO_YEAR) },
      decisionNumber: '125/QĐ-UBND',
      decidedOn: `${DEMO_YEAR}-12-15`,
      issuedByUnitId: 'huyen-bach-thong',
      signerName: 'Đinh Quang Hưng',
      dossierId: year.dossiers['p-ngo-van-phuc'],
      revoked: true,
      revokedByComplaintId: `kn-${DEMO_YEAR + 1}-001`,
    });
    expect(award.revokedReason).toContain('Điều 93');
    expect(award.revocationDecisionNumber).toEqual(expect.any(String));
  });

  it('lists a subject with two awards in one period in decision order', async () => {
    const { body } = await t.graphql(HISTORY, { subject: { kind: 'INDIVIDUAL', id: 'p-dang-thi-lan' } });
    expect(body.data.awardHistory.map((a: any) => [a.award, a.decisionNumber, a.revoked, a.revokedReason])).toEqual([
      ['ADVANCED_WORKER', '125/QĐ-UBND', false, null],
      ['GRASSROOTS_EMULATION_FIGHTER', '131/QĐ-UBND', false, null],
    ]);
  });

  it('shows a collective its emulation flag, and a subject without awards nothing', async () => {
    const flag = (await t.graphql(HISTORY, { subject: { kind: 'COLLECTIVE', id: 'xa-quan-ha' } })).body.data
      .awardHistory;
    expect(flag.map((a: any) => [a.award, a.issuedByUnitId, a.decisionNumber])).toEqual([
      ['PROVINCIAL_EMULATION_FLAG', 'tinh-bac-kan', '2156/QĐ-UBND'],
    ]);
    // Same id, other kind: a person is not a unit.
    expect(
      (await t.graphql(HISTORY, { subject: { kind: 'INDIVIDUAL', id: 'xa-quan-ha' } })).body.data.awardHistory,
    ).toEqual([]);
    expect(
      (await t.graphql(HISTORY, { subject: { kind: 'INDIVIDUAL', id: 'p-duong-thi-quynh' } })).body.data.awardHistory,
    ).toEqual([]);
  });

  it('lists the four awards of decision 125/QĐ-UBND, the revoked one included', async () => {
    const { body } = await t.graphql(BY_DECISION, { n: '125/QĐ-UBND' });
    const awards = body.data.awardsByDecision;
    expect(awards).toHaveLength(4);
    expect(awards.map((a: any) => a.subject.id).sort()).toEqual([
      'p-bui-van-minh',
      'p-dang-thi-lan',
      'p-do-thi-ngoc',
      'p-ngo-van-phuc',
    ]);
    expect(awards.every((a: any) => a.decisionNumber === '125/QĐ-UBND' && a.decidedOn === `${DEMO_YEAR}-12-15`)).toBe(
      true,
    );
    expect(awards.filter((a: any) => a.revoked).map((a: any) => a.id)).toEqual([year.revokedAwardId]);
    expect(
      (await t.graphql(BY_DECISION, { n: '2156/QĐ-UBND' })).body.data.awardsByDecision.map((a: any) => a.id),
    ).toEqual([year.awards.flag]);
    expect((await t.graphql(BY_DECISION, { n: '999/QĐ-UBND' })).body.data.awardsByDecision).toEqual([]);
  });

  it('refuses malformed arguments', async () => {
    expect((await t.graphql(BY_DECISION, { n: '' })).body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.graphql(BY_DECISION, { n: 'x'.repeat(301) })).body.errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await t.graphql(HISTORY, { subject: { kind: 'INDIVIDUAL', id: 'bad id' } })).body.errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect((await t.graphql(HISTORY, { subject: { kind: 'TEAM', id: 'p-1' } })).body.errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it("looks up each award's dossier with one read-model query per request", async () => {
    const pool = t.app.services.pool;
    const spy = jest.spyOn(pool, 'query');
    try {
      const { body } = await t.graphql(
        `query($n: String!) { awardsByDecision(decisionNumber: $n) { id dossierId rewardVnd dossier { id status tally { approve members barredMembers } awardId } } }`,
        {
          n: '125/QĐ-UBND',
        },
      );
      expect(body.errors).toBeUndefined();
      for (const award of body.data.awardsByDecision) {
        expect(award.dossier).toMatchObject({ id: award.dossierId, status: 'GRANTED', awardId: award.id });
        // Nine members, less those barred from the dossier (a member of the nominee's unit).
        expect(award.dossier.tally.members + award.dossier.tally.barredMembers).toBe(9);
        expect(award.rewardVnd).toBeGreaterThan(0);
      }
      const dossierQueries = spy.mock.calls.filter(
        ([sql]) => typeof sql === 'string' && sql.includes('FROM dossiers.dossiers'),
      );
      expect(dossierQueries).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('award history across periods', () => {
  let t: TestApp;
  const subject = { kind: 'INDIVIDUAL', id: 'p-lan', name: 'Đặng Thị Lan' };

  const granted = (
    awardId: string,
    award: string,
    period: { kind: string; year: number },
    decidedOn: string,
  ): NewEvent => ({
    type: 'AwardGranted',
    data: {
      awardId,
      dossierId: `hs-${awardId}`,
      award,
      category: 'TITLE',
      label: award,
      subject,
      subjectUnitId: 'thcs-phu-thong',
      period,
      decisionNumber: `${awardId}/QĐ-UBND`,
      decidedOn,
      issuedByUnitId: 'huyen-bach-thong',
      issuedByLevel: 'DISTRICT',
      signerName: 'Đinh Quang Hưng',
      cashMultiple: null,
      directWorker: false,
      female: true,
      movementId: null,
      thematic: false,
      grantedAt: `${decidedOn}T08:00:00.000Z`,
    },
    metadata: testMetadata(),
  });

  beforeAll(async () => {
    // Only the awards read model: these hand-made decisions have no dossiers behind them.
    t = await startTestApp({ projections: [awardsProjection] });
    const store = t.app.services.store;
    // Recorded out of period order, as archives are entered.
    await store.append(
      'award-a3',
      [granted('a3', 'GRASSROOTS_EMULATION_FIGHTER', { kind: 'SCHOOL_YEAR', year: 2023 }, '2024-08-20')],
      Expected.noStream,
    );
    await store.append(
      'award-a1',
      [granted('a1', 'ADVANCED_WORKER', { kind: 'CALENDAR_YEAR', year: 2021 }, '2021-12-20')],
      Expected.noStream,
    );
    await store.append(
      'award-a2',
      [granted('a2', 'ADVANCED_WORKER', { kind: 'CALENDAR_YEAR', year: 2023 }, '2023-12-20')],
      Expected.noStream,
    );
    const last = await store.append(
      'award-a0',
      [granted('a0', 'ADVANCED_WORKER', { kind: 'SCHOOL_YEAR', year: 2020 }, '2021-06-01')],
      Expected.noStream,
    );
    await caughtUp(t, last.position);
  });
  afterAll(async () => t.stop());

  it('puts the oldest period first, a calendar year before the school year starting in it', async () => {
    const { body } = await t.graphql(HISTORY, { subject: { kind: 'INDIVIDUAL', id: 'p-lan' } });
    expect(body.data.awardHistory.map((a: any) => `${a.id} ${a.period.label}`)).toEqual([
      'a0 2020-2021',
      'a1 2021',
      'a2 2023',
      'a3 2023-2024',
    ]);
  });
});
