import { countUnitAwardsForPeriod } from '../../projections/awards/awards.queries';
import { AuthorityLevel, AwardKind, PerformanceRating, SubjectKind } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import {
  ELIGIBILITY,
  GRANT,
  ORG,
  appraise,
  mutate,
  person,
  runCouncil,
  seedInitiative,
  seedRating,
  seedRegistration,
  startOrganisationApp,
  submitDossier,
  year,
} from '../support/awarding';
import { caughtUp } from '../support/until';

/**
 * The whole path under the 2013 rules, entered from paper archives by the secretariat
 * (back-dated to December 2023): a unit's grassroots emulation fighters, this one
 * included, may be at most 15% of its advanced workers for the period.
 */
describe('the 2013 grassroots fighter ratio cap, through submission, appraisal, council and decision', () => {
  let t: TestApp;
  const staff = Array.from({ length: 7 }, (_, i) => ({
    kind: SubjectKind.INDIVIDUAL,
    id: `gv-${i + 1}`,
    name: `Giáo viên Số ${i + 1}`,
  }));
  const archived = { submittedOn: '2023-12-15', period: year(2023) };
  const decision = {
    decisionNumber: '45/QĐ-THCS',
    decidedOn: '2023-12-28',
    issuedByUnitId: ORG.school,
    signerName: 'Hiệu trưởng Lê Văn Tám',
  };
  let sessions = 0;

  /** Advanced worker dossiers for `people`, appraised, approved and granted under one decision. */
  async function advancedWorkers(people: typeof staff): Promise<void> {
    const ids: string[] = [];
    for (const p of people) {
      const id = await submitDossier(t, {
        id: `ldtt-${p.id}`,
        nominee: person(p.id),
        award: 'ADVANCED_WORKER',
        ...archived,
      });
      const appraisal = await appraise(t, id);
      expect(appraisal).toMatchObject({ eligible: true, ruleSetId: 'tdkt-2013' });
      expect(appraisal.checks.map((c) => c.rule)).toEqual([
        'REGISTRATION',
        'RATING',
        'ONE_AWARD_PER_ACHIEVEMENT',
        'PENDING_COMPLAINT',
      ]);
      ids.push(id);
    }
    await runCouncil(t, `s-${++sessions}`, ['tv-1', 'tv-2', 'tv-3'], ids);
    for (const id of ids) await mutate(t, GRANT, { input: { ...decision, id: `a-${id}`, dossierId: id } });
  }

  beforeAll(async () => {
    t = await startOrganisationApp({
      extraTeachers: Object.fromEntries(staff.map((p) => [p.id, { fullName: p.name, female: false }])),
    });
    for (const p of staff) {
      await seedRating(
        t,
        p,
        ORG.school,
        year(2023),
        p.id === 'gv-1' ? PerformanceRating.EXCELLENT : PerformanceRating.GOOD,
      );
      await seedRegistration(t, p, ORG.school, AwardKind.ADVANCED_WORKER, year(2023));
    }
    await seedRegistration(t, staff[0], ORG.school, AwardKind.GRASSROOTS_EMULATION_FIGHTER, year(2023));
    await seedInitiative(t, 'sk-2023-1', [{ personId: 'gv-1', name: staff[0].name }], AuthorityLevel.UNIT, year(2023));
  });
  afterAll(async () => t.stop());

  it('finds 1 grassroots fighter among 6 advanced workers over the cap, and 1 among 7 within it', async () => {
    await advancedWorkers(staff.slice(0, 6));
    const first = await submitDossier(t, {
      id: 'cstdcs-1',
      nominee: person('gv-1'),
      award: 'GRASSROOTS_EMULATION_FIGHTER',
      ...archived,
    });
    const refused = await appraise(t, first);
    expect(refused).toMatchObject({ eligible: false, ruleSetId: 'tdkt-2013' });
    expect(refused.checks).toEqual([
      { rule: 'REGISTRATION', passed: true, detail: 'registered for GRASSROOTS_EMULATION_FIGHTER for 2023' },
      { rule: 'ADVANCED_WORKER_SAME_PERIOD', passed: true, detail: 'holds ADVANCED_WORKER for 2023' },
      {
        rule: 'INITIATIVE',
        passed: true,
        detail: '1 initiative recognised for 2023 at grassroots level or above; at least 1 needed',
      },
      {
        rule: 'GRASSROOTS_RATIO_CAP',
        passed: false,
        detail: '1 of 6 advanced workers would be grassroots fighters (16.7%), cap 15%',
      },
      { rule: 'ONE_AWARD_PER_ACHIEVEMENT', passed: true, detail: 'holds no GRASSROOTS_EMULATION_FIGHTER for 2023 yet' },
      { rule: 'PENDING_COMPLAINT', passed: true, detail: 'no complaint or denunciation about the subject is pending' },
    ]);

    await advancedWorkers(staff.slice(6));
    const second = await submitDossier(t, {
      id: 'cstdcs-2',
      nominee: person('gv-1'),
      award: 'GRASSROOTS_EMULATION_FIGHTER',
      ...archived,
    });
    const accepted = await appraise(t, second);
    expect(accepted.eligible).toBe(true);
    expect(accepted.checks).toContainEqual({
      rule: 'GRASSROOTS_RATIO_CAP',
      passed: true,
      detail: '1 of 7 advanced workers would be grassroots fighters (14.3%), cap 15%',
    });

    await runCouncil(t, `s-${++sessions}`, ['tv-1', 'tv-2', 'tv-3'], [second]);
    const granted = await mutate(t, GRANT, {
      input: {
        id: 'a-cstdcs-1',
        dossierId: second,
        decisionNumber: '99/QĐ-UBND',
        decidedOn: '2023-12-30',
        issuedByUnitId: ORG.district,
        signerName: 'Chủ tịch UBND huyện',
      },
    });
    await caughtUp(t, granted.position);
    expect(await countUnitAwardsForPeriod(t.app.services.pool, ORG.school, year(2023))).toEqual({
      advancedWorkers: 7,
      grassrootsFighters: 1,
    });

    // A second grassroots fighter would make 2 of 7: the granted one counts toward the cap.
    const another = await submitDossier(t, {
      nominee: person('gv-2'),
      award: 'GRASSROOTS_EMULATION_FIGHTER',
      ...archived,
    });
    const capped = await appraise(t, another);
    expect(capped.checks).toContainEqual({
      rule: 'GRASSROOTS_RATIO_CAP',
      passed: false,
      detail: '2 of 7 advanced workers would be grassroots fighters (28.6%), cap 15%',
    });
  });

  it('has no ratio cap (and no registration requirement) under the rules in force today', async () => {
    const { body } = await t.graphql(ELIGIBILITY, {
      subject: person('gv-3'),
      award: 'GRASSROOTS_EMULATION_FIGHTER',
      period: year(2023),
    });
    expect(body.data.eligibility.ruleSet).toBe('tdkt-2025');
    expect(body.data.eligibility.checks.map((c: { rule: string }) => c.rule)).toEqual([
      'ADVANCED_WORKER_SAME_PERIOD',
      'INITIATIVE_OR_EXCELLENT',
      'ONE_AWARD_PER_ACHIEVEMENT',
      'PENDING_COMPLAINT',
    ]);
  });
});
