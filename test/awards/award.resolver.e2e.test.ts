import { countUnitAwardsForPeriod, getAwardsHeldBySubject, getDecision } from '../../projections/awards/awards.queries';
import { BallotChoice, PerformanceRating, SubjectKind } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import { REGISTER_UNIT } from '../support/reference';
import {
  ADMIN,
  ELIGIBILITY,
  GRANT,
  ORG,
  REVOKE,
  TEST_NOW,
  appraise,
  expectRefused,
  mutate,
  person,
  runCouncil,
  seedRating,
  startOrganisationApp,
  submitDossier,
  year,
} from '../support/awarding';
import { comparePositions } from '../../src/eventStore/eventStore.port';
import { lastPosition, streamEvents } from '../support/streams';
import { caughtUp } from '../support/until';

describe('awards over GraphQL: grant on an approved dossier, revoke', () => {
  let t: TestApp;
  const teachers = [
    { kind: SubjectKind.INDIVIDUAL, id: 'gv-hoa', name: 'Nguyễn Thị Hoa' },
    { kind: SubjectKind.INDIVIDUAL, id: 'gv-nam', name: 'Trần Văn Nam' },
    { kind: SubjectKind.INDIVIDUAL, id: 'gv-ba', name: 'Lê Văn Ba' },
    { kind: SubjectKind.INDIVIDUAL, id: 'gv-tu', name: 'Phạm Thị Tư' },
    { kind: SubjectKind.INDIVIDUAL, id: 'gv-lan', name: 'Võ Thị Lan' },
  ];
  const decision = {
    decisionNumber: '125/QĐ-THCS',
    decidedOn: '2025-11-25',
    issuedByUnitId: ORG.school,
    signerName: 'Lê Văn Tám',
  };

  beforeAll(async () => {
    t = await startOrganisationApp();
    for (const teacher of teachers) await seedRating(t, teacher, ORG.school, year(2025), PerformanceRating.GOOD);
    // Two dossiers for the same title and period for Hoa, both appraised before either award exists.
    const ids = ['aw-hoa', 'aw-hoa-2', 'aw-nam', 'aw-ba', 'aw-tu', 'aw-lan'];
    const nominees = ['gv-hoa', 'gv-hoa', 'gv-nam', 'gv-ba', 'gv-tu', 'gv-lan'];
    for (const [i, id] of ids.entries()) {
      await submitDossier(t, { id, nominee: person(nominees[i]), award: 'ADVANCED_WORKER', period: year(2025) });
      expect((await appraise(t, id)).eligible).toBe(true);
    }
    await submitDossier(t, {
      id: 'aw-cho',
      nominee: person('cb-an'),
      proposingUnitId: ORG.education,
      award: 'ADVANCED_WORKER',
      period: year(2025),
    });
    await seedRating(
      t,
      { kind: SubjectKind.INDIVIDUAL, id: 'cb-an', name: 'Đỗ Văn An' },
      ORG.education,
      year(2025),
      PerformanceRating.EXCELLENT,
    );
    await appraise(t, 'aw-cho'); // ELIGIBLE, never put to the council
    await runCouncil(
      t,
      's-1',
      ['tv-1', 'tv-2', 'tv-3'],
      ['aw-hoa', 'aw-hoa-2', 'aw-nam', 'aw-ba', 'aw-tu', 'aw-lan'],
      (dossierId) => (dossierId === 'aw-ba' ? BallotChoice.REJECT : BallotChoice.APPROVE),
    );
  });
  afterAll(async () => t.stop());

  it('refuses an issuing unit of the wrong level and a dossier that is not APPROVED, appending nothing', async () => {
    await expectRefused(
      t,
      ['award-a-1', 'dossier-aw-hoa'],
      GRANT,
      { input: { ...decision, id: 'a-1', dossierId: 'aw-hoa', issuedByUnitId: ORG.province } },
      {
        code: 'RULE_VIOLATION',
        rule: 'ISSUER_LEVEL',
        award: 'ADVANCED_WORKER',
        issuingLevel: 'PROVINCE',
        // Decided in 2025-11: the two-tier local government, no district level.
        allowedLevels: ['UNIT', 'COMMUNE'],
      },
    );
    await expectRefused(
      t,
      ['award-a-1', 'dossier-aw-ba'],
      GRANT,
      { input: { ...decision, id: 'a-1', dossierId: 'aw-ba' } },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_NOT_APPROVED', status: 'REJECTED' },
    );
    await expectRefused(
      t,
      ['award-a-1', 'dossier-aw-cho'],
      GRANT,
      { input: { ...decision, id: 'a-1', dossierId: 'aw-cho' } },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_NOT_APPROVED', status: 'ELIGIBLE' },
    );
    await expectRefused(
      t,
      ['award-a-1'],
      GRANT,
      { input: { ...decision, id: 'a-1', dossierId: 'khong-co' } },
      { code: 'NOT_FOUND', entity: 'Dossier' },
    );
    await expectRefused(
      t,
      ['award-a-1', 'dossier-aw-hoa'],
      GRANT,
      { input: { ...decision, id: 'a-1', dossierId: 'aw-hoa', issuedByUnitId: 'khong-co' } },
      { code: 'NOT_FOUND', entity: 'Unit' },
    );
    await expectRefused(
      t,
      ['award-a-1', 'dossier-aw-hoa'],
      GRANT,
      { input: { ...decision, id: 'a-1', dossierId: 'aw-hoa', decisionNumber: '' } },
      { code: 'BAD_USER_INPUT' },
    );
    await expectRefused(
      t,
      ['award-a-1', 'dossier-aw-hoa'],
      GRANT,
      { input: { ...decision, id: 'a-1', dossierId: 'aw-hoa', decidedOn: '2025-02-30' } },
      { code: 'BAD_USER_INPUT' },
    );
    await expectRefused(
      t,
      ['award-a-1', 'dossier-aw-hoa'],
      GRANT,
      { input: { ...decision, id: 'a-1', dossierId: 'aw-hoa', signerName: 'x'.repeat(301) } },
      { code: 'BAD_USER_INPUT' },
    );
  });

  it('grants: DossierGranted on the dossier, then the award stream created from it as its consequence', async () => {
    const result = await mutate(t, GRANT, { input: { ...decision, id: 'a-1', dossierId: 'aw-hoa' } });
    expect(result).toMatchObject({
      id: 'a-1',
      streamId: 'dossier-aw-hoa',
      version: 4,
      eventTypes: ['DossierGranted'],
    });
    expect(result.position).toBe(await lastPosition(t, ['dossier-aw-hoa']));
    await caughtUp(t, result.position);
    const [granted] = await streamEvents(t, 'award-a-1');
    expect(granted.data).toEqual({
      awardId: 'a-1',
      dossierId: 'aw-hoa',
      award: 'ADVANCED_WORKER',
      category: 'TITLE',
      label: 'Lao động tiên tiến',
      subject: teachers[0],
      subjectUnitId: ORG.school,
      period: year(2025),
      decisionNumber: '125/QĐ-THCS',
      decidedOn: '2025-11-25',
      issuedByUnitId: ORG.school,
      issuedByLevel: 'UNIT',
      signerName: 'Lê Văn Tám',
      // 0.3 × 2,340,000 = 702,000, rounded up to tens of thousands: fixed on the decision.
      cashMultiple: 0.3,
      baseSalaryVnd: 2_340_000,
      rewardVnd: 710_000,
      directWorker: false,
      female: true,
      movementId: null,
      thematic: false,
      grantedAt: TEST_NOW.toISOString(),
    });
    const dossier = (await streamEvents(t, 'dossier-aw-hoa')).at(-1)!;
    expect(dossier).toMatchObject({
      type: 'DossierGranted',
      data: { awardId: 'a-1', decisionNumber: '125/QĐ-THCS', decidedOn: '2025-11-25', grantedAward: granted.data },
    });
    expect(granted.metadata).toMatchObject({
      ruleSetId: 'tdkt-2025',
      actorId: 'secretariat-1',
      causationId: 'dossier-aw-hoa@4',
      correlationId: dossier.metadata.correlationId,
      recordedAt: dossier.metadata.recordedAt,
    });
    expect(comparePositions(granted.position, result.position)).toBeGreaterThan(0);

    const held = await getAwardsHeldBySubject(t.app.services.pool, person('gv-hoa'));
    expect(held).toEqual([
      {
        awardId: 'a-1',
        dossierId: 'aw-hoa',
        award: 'ADVANCED_WORKER',
        period: year(2025),
        revoked: false,
        fromThematicMovement: false,
      },
    ]);
    expect(await getDecision(t.app.services.pool, '125/QĐ-THCS', ORG.school)).toEqual({
      decidedOn: '2025-11-25',
      signerName: 'Lê Văn Tám',
    });
  });

  it('allows one award per dossier and one award of a kind per subject and period', async () => {
    await expectRefused(
      t,
      ['award-a-2', 'dossier-aw-hoa'],
      GRANT,
      { input: { ...decision, id: 'a-2', dossierId: 'aw-hoa' } },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_ALREADY_GRANTED', awardId: 'a-1' },
    );
    await expectRefused(
      t,
      ['award-a-2', 'dossier-aw-hoa-2'],
      GRANT,
      { input: { ...decision, id: 'a-2', dossierId: 'aw-hoa-2' } },
      { code: 'RULE_VIOLATION', rule: 'ONE_AWARD_PER_ACHIEVEMENT', held: 1 },
    );
    await expectRefused(
      t,
      ['award-a-1', 'dossier-aw-nam'],
      GRANT,
      { input: { ...decision, id: 'a-1', dossierId: 'aw-nam' } },
      { code: 'RULE_VIOLATION', rule: 'AWARD_ALREADY_GRANTED' },
    );
  });

  it('keeps one decision number to one date and signer', async () => {
    await expectRefused(
      t,
      ['award-a-nam', 'dossier-aw-nam'],
      GRANT,
      { input: { ...decision, id: 'a-nam', dossierId: 'aw-nam', decidedOn: '2025-11-26' } },
      {
        code: 'RULE_VIOLATION',
        rule: 'DECISION_MISMATCH',
        decisionNumber: '125/QĐ-THCS',
        recorded: { decidedOn: '2025-11-25', signerName: 'Lê Văn Tám' },
      },
    );
    await expectRefused(
      t,
      ['award-a-nam', 'dossier-aw-nam'],
      GRANT,
      { input: { ...decision, id: 'a-nam', dossierId: 'aw-nam', signerName: 'Trần Văn Khác' } },
      { code: 'RULE_VIOLATION', rule: 'DECISION_MISMATCH' },
    );
    // The same decision, its signer written with different spacing: a second award under it.
    const second = await mutate(t, GRANT, {
      input: { ...decision, id: 'a-nam', dossierId: 'aw-nam', signerName: ' Lê  Văn Tám ' },
    });
    expect(second.eventTypes).toEqual(['DossierGranted']);
    // No district level from 2025-07-01: the district's decision is refused, appending nothing.
    const byDistrict = {
      ...decision,
      id: 'a-tu',
      dossierId: 'aw-tu',
      issuedByUnitId: ORG.district,
      decidedOn: '2025-12-01',
      signerName: 'Chủ tịch huyện',
    };
    await expectRefused(
      t,
      ['award-a-tu', 'dossier-aw-tu'],
      GRANT,
      { input: byDistrict },
      { code: 'RULE_VIOLATION', rule: 'AUTHORITY_LEVEL_ABOLISHED', issuingLevel: 'DISTRICT', ruleSetId: 'tdkt-2025' },
    );
    // Another unit's decision with the same number is another decision: the commune's, which took over.
    await mutate(
      t,
      REGISTER_UNIT,
      {
        input: {
          id: 'xa-duy-xuyen',
          name: 'UBND xã Duy Xuyên',
          kind: 'PEOPLES_COMMITTEE',
          level: 'COMMUNE',
          parentUnitId: ORG.province,
        },
      },
      ADMIN,
    );
    await mutate(t, GRANT, {
      input: { ...byDistrict, issuedByUnitId: 'xa-duy-xuyen', signerName: 'Chủ tịch xã' },
    });
  });

  it('lets only one of two simultaneous grants on a dossier through', async () => {
    const attempt = (id: string) =>
      t.graphql(
        GRANT,
        { input: { ...decision, id, dossierId: 'aw-lan' } },
        { role: 'SECRETARIAT', sub: id, unitId: ORG.province },
      );
    const results = await Promise.all([attempt('a-lan-1'), attempt('a-lan-2')]);
    const granted = results.filter((r) => r.body.data?.grantAward);
    const refused = results.filter((r) => r.body.errors);
    expect(granted).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(['CONFLICT', 'RULE_VIOLATION']).toContain(refused[0].body.errors![0].extensions?.code);
    const dossier = await streamEvents(t, 'dossier-aw-lan');
    expect(dossier.filter((e) => e.type === 'DossierGranted')).toHaveLength(1);
    await caughtUp(t, granted[0].body.data.grantAward.position);
    const loser = granted[0].body.data.grantAward.id === 'a-lan-1' ? 'a-lan-2' : 'a-lan-1';
    expect(await t.app.services.store.readStream(`award-${loser}`)).toEqual([]);
    const lan = (await streamEvents(t, `award-${granted[0].body.data.grantAward.id}`))[0].data;
    expect(lan).toMatchObject({ female: true, directWorker: true });
  });

  it('revokes an award once; the read model and the eligibility rules see it', async () => {
    const before = await t.graphql(ELIGIBILITY, {
      subject: person('gv-hoa'),
      award: 'ADVANCED_WORKER',
      period: year(2025),
    });
    expect(before.body.data.eligibility.checks.find((c: any) => c.rule === 'ONE_AWARD_PER_ACHIEVEMENT')).toMatchObject({
      passed: false,
    });

    const result = await mutate(t, REVOKE, {
      awardId: 'a-1',
      reason: 'Kê khai không trung thực',
      decisionNumber: '130/QĐ-THCS',
    });
    expect(result).toMatchObject({ id: 'a-1', streamId: 'award-a-1', version: 2, eventTypes: ['AwardRevoked'] });
    expect((await streamEvents(t, 'award-a-1'))[1].data).toMatchObject({
      awardId: 'a-1',
      dossierId: 'aw-hoa',
      subject: teachers[0],
      reason: 'Kê khai không trung thực',
      decisionNumber: '130/QĐ-THCS',
      complaintId: null,
    });
    await expectRefused(
      t,
      ['award-a-1'],
      REVOKE,
      { awardId: 'a-1', reason: 'again', decisionNumber: '131/QĐ-THCS' },
      { code: 'RULE_VIOLATION', rule: 'AWARD_ALREADY_REVOKED', revokedBy: '130/QĐ-THCS' },
    );
    await expectRefused(
      t,
      ['award-khong-co'],
      REVOKE,
      { awardId: 'khong-co', reason: 'x', decisionNumber: '1' },
      { code: 'NOT_FOUND', entity: 'Award' },
    );
    await expectRefused(
      t,
      ['award-a-1'],
      REVOKE,
      { awardId: 'a-1', reason: '', decisionNumber: '1' },
      { code: 'BAD_USER_INPUT' },
    );

    await caughtUp(t, result.position);
    const row = (
      await t.app.services.pool.query(
        `SELECT revoked, revoked_reason, revocation_decision_number FROM awards.awards WHERE award_id = 'a-1'`,
      )
    ).rows[0];
    expect(row).toEqual({
      revoked: true,
      revoked_reason: 'Kê khai không trung thực',
      revocation_decision_number: '130/QĐ-THCS',
    });
    expect(await countUnitAwardsForPeriod(t.app.services.pool, ORG.school, year(2025))).toEqual({
      advancedWorkers: 3,
      grassrootsFighters: 0,
    });
    const after = await t.graphql(ELIGIBILITY, {
      subject: person('gv-hoa'),
      award: 'ADVANCED_WORKER',
      period: year(2025),
    });
    expect(after.body.data.eligibility).toMatchObject({ eligible: true });
  });
});
