import {
  appraise,
  consecutivePeriods,
  noEligibilityFacts,
  type EligibilityFacts,
  type EligibilityReport,
  type HeldAwardFact,
} from '../../src/rules/eligibility';
import { awardDefinition } from '../../src/rules/awardCatalog';
import { RULE_SETS, TDKT_2013, TDKT_2022, TDKT_2025, type RuleSet } from '../../src/rules/ruleSets';
import {
  AuthorityLevel,
  AwardCategory,
  AwardKind,
  PerformanceRating,
  PeriodKind,
  SubjectKind,
  type Period,
  type RuleCheck,
  type SubjectRef,
} from '../../src/shared/domain';
import { InvalidInput, RuleViolation } from '../../src/shared/errors';

const person: SubjectRef = { kind: SubjectKind.INDIVIDUAL, id: 'person-nguyen-van-an' };
const school: SubjectRef = { kind: SubjectKind.COLLECTIVE, id: 'unit-thpt-le-loi' };
const year = (value: number): Period => ({ kind: PeriodKind.CALENDAR_YEAR, year: value });
const schoolYear = (value: number): Period => ({ kind: PeriodKind.SCHOOL_YEAR, year: value });

const { ADVANCED_WORKER, GRASSROOTS_EMULATION_FIGHTER, PROVINCIAL_EMULATION_FIGHTER, NATIONAL_EMULATION_FIGHTER } =
  AwardKind;
const { EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED } = PerformanceRating;

function held(award: AwardKind, period: Period, extra: Partial<HeldAwardFact> = {}): HeldAwardFact {
  return { award, period, revoked: false, fromThematicMovement: false, ...extra };
}

function facts(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return { ...noEligibilityFacts(), ...overrides };
}

/** A submission date within the set: its first day, or for the open-ended 2013 set a day in 2020. */
const submittedUnder = (ruleSet: RuleSet) => ruleSet.effectiveFrom ?? '2020-03-02';

function run(
  ruleSet: RuleSet,
  award: AwardKind,
  period: Period,
  given: Partial<EligibilityFacts>,
  subject = person,
  submittedOn = submittedUnder(ruleSet),
): EligibilityReport {
  return appraise({ subject, award, period, ruleSet, submittedOn, facts: facts(given) });
}

function check(report: EligibilityReport, rule: string): RuleCheck {
  const found = report.checks.find((entry) => entry.rule === rule);
  if (!found) throw new Error(`no ${rule} check in ${JSON.stringify(report.checks.map((entry) => entry.rule))}`);
  return found;
}

const rules = (report: EligibilityReport) => report.checks.map((entry) => entry.rule);
const failed = (report: EligibilityReport) => report.checks.filter((entry) => !entry.passed).map((entry) => entry.rule);

describe('which checks run', () => {
  it.each(RULE_SETS.flatMap((set) => Object.values(AwardKind).map((award) => [set.id, award, set] as const)))(
    '%s %s: one-award-per-achievement and pending complaint always, registration for titles in 2013',
    (_id, award, set) => {
      const subject = awardDefinition(award).subjects.includes(SubjectKind.INDIVIDUAL) ? person : school;
      const names = rules(run(set, award, year(2024), {}, subject));
      expect(names).toContain('ONE_AWARD_PER_ACHIEVEMENT');
      expect(names.includes('REGISTRATION')).toBe(
        set.id === 'tdkt-2013' && awardDefinition(award).category === AwardCategory.TITLE,
      );
      expect(names).toContain('PENDING_COMPLAINT');
      expect(new Set(names).size).toBe(names.length);
    },
  );

  it.each([
    [
      TDKT_2013,
      AwardKind.ADVANCED_COLLECTIVE,
      school,
      ['REGISTRATION', 'ONE_AWARD_PER_ACHIEVEMENT', 'PENDING_COMPLAINT'],
    ],
    [TDKT_2022, AwardKind.ADVANCED_COLLECTIVE, school, ['ONE_AWARD_PER_ACHIEVEMENT', 'PENDING_COMPLAINT']],
    [TDKT_2025, AwardKind.ADVANCED_COLLECTIVE, school, ['ONE_AWARD_PER_ACHIEVEMENT', 'PENDING_COMPLAINT']],
    [TDKT_2013, AwardKind.LABOR_ORDER_THIRD_CLASS, person, ['ONE_AWARD_PER_ACHIEVEMENT', 'PENDING_COMPLAINT']],
    [TDKT_2013, AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT, person, ['ONE_AWARD_PER_ACHIEVEMENT', 'PENDING_COMPLAINT']],
    [TDKT_2022, AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT, school, ['ONE_AWARD_PER_ACHIEVEMENT', 'PENDING_COMPLAINT']],
    [TDKT_2022, AwardKind.COMMEMORATIVE_MEDAL, person, ['ONE_AWARD_PER_ACHIEVEMENT', 'PENDING_COMPLAINT']],
  ])('%#: award kinds with no automatic rule get only the general checks', (set, award, subject, expected) => {
    const report = run(set, award, year(2024), {}, subject);
    expect(rules(report)).toEqual(expected);
  });

  it('records the rule set that was applied', () => {
    expect(run(TDKT_2013, AwardKind.CERTIFICATE_OF_MERIT, year(2023), {}).ruleSetId).toBe('tdkt-2013');
    expect(run(TDKT_2025, AwardKind.CERTIFICATE_OF_MERIT, year(2025), {}).ruleSetId).toBe('tdkt-2025');
  });

  it('is eligible only when every check passed', () => {
    const eligible = run(TDKT_2022, ADVANCED_WORKER, year(2024), { ratings: [{ period: year(2024), rating: GOOD }] });
    expect(eligible).toEqual({ eligible: true, ruleSetId: 'tdkt-2022', checks: expect.any(Array) });
    expect(eligible.checks.every((entry) => entry.passed)).toBe(true);
    const ineligible = run(TDKT_2022, ADVANCED_WORKER, year(2024), {
      ratings: [{ period: year(2024), rating: COMPLETED }],
    });
    expect(ineligible.eligible).toBe(false);
    expect(failed(ineligible)).toEqual(['RATING']);
  });
});

describe('input the rules cannot use', () => {
  it('refuses an award that does not fit the subject kind', () => {
    expect(() => run(TDKT_2022, ADVANCED_WORKER, year(2024), {}, school)).toThrow(RuleViolation);
    expect(() => run(TDKT_2022, AwardKind.PROVINCIAL_EMULATION_FLAG, year(2024), {}, person)).toThrow(
      expect.objectContaining({ rule: 'AWARD_SUBJECT_KIND' }),
    );
  });

  it('refuses periods outside 1945–2100 and negative counts', () => {
    expect(() => run(TDKT_2013, ADVANCED_WORKER, year(1944), {})).toThrow(InvalidInput);
    expect(() => run(TDKT_2025, ADVANCED_WORKER, year(2101), {})).toThrow(InvalidInput);
    expect(() => run(TDKT_2025, ADVANCED_WORKER, year(2025), { pendingComplaints: -1 })).toThrow(InvalidInput);
    expect(() =>
      run(TDKT_2013, GRASSROOTS_EMULATION_FIGHTER, year(2023), {
        proposingUnitAwardCounts: { advancedWorkers: 2.5, grassrootsFighters: 0 },
      }),
    ).toThrow(InvalidInput);
    expect(() =>
      run(TDKT_2022, AwardKind.PROVINCIAL_EMULATION_FLAG, year(2024), { finalizedClusterRank: 0 }, school),
    ).toThrow(InvalidInput);
  });
});

describe('ADVANCED_WORKER: RATING', () => {
  it.each([
    [EXCELLENT, true],
    [GOOD, true],
    [COMPLETED, false],
    [NOT_COMPLETED, false],
  ])('rated %s in the period: passed=%s', (rating, passed) => {
    for (const set of RULE_SETS) {
      const report = run(set, ADVANCED_WORKER, year(2024), { ratings: [{ period: year(2024), rating }] });
      expect(check(report, 'RATING')).toEqual({
        rule: 'RATING',
        passed,
        detail: `rated ${rating} for 2024; ADVANCED_WORKER needs GOOD or EXCELLENT`,
      });
    }
  });

  it('fails without a rating for the period, even with one for another period or kind', () => {
    const report = run(TDKT_2022, ADVANCED_WORKER, year(2024), {
      ratings: [
        { period: year(2023), rating: EXCELLENT },
        { period: schoolYear(2024), rating: EXCELLENT },
      ],
    });
    expect(check(report, 'RATING')).toEqual({
      rule: 'RATING',
      passed: false,
      detail: 'no rating recorded for 2024; ADVANCED_WORKER needs GOOD or EXCELLENT',
    });
  });

  it('uses the latest rating when a rating was corrected', () => {
    const corrected = run(TDKT_2022, ADVANCED_WORKER, year(2024), {
      ratings: [
        { period: year(2024), rating: GOOD },
        { period: year(2024), rating: COMPLETED },
      ],
    });
    expect(check(corrected, 'RATING').passed).toBe(false);
  });

  it('rates school years by their own label', () => {
    const report = run(TDKT_2022, ADVANCED_WORKER, schoolYear(2024), {
      ratings: [{ period: schoolYear(2024), rating: GOOD }],
    });
    expect(check(report, 'RATING')).toEqual({
      rule: 'RATING',
      passed: true,
      detail: 'rated GOOD for 2024-2025; ADVANCED_WORKER needs GOOD or EXCELLENT',
    });
  });
});

describe('REGISTRATION (2013 set, titles only)', () => {
  const rated = { ratings: [{ period: year(2023), rating: GOOD }] };

  it('requires a registration for the same title and period under 2013', () => {
    const missing = run(TDKT_2013, ADVANCED_WORKER, year(2023), rated);
    expect(check(missing, 'REGISTRATION')).toMatchObject({ passed: false });
    expect(check(missing, 'REGISTRATION').detail).toContain('no registration for ADVANCED_WORKER for 2023');
    expect(missing.eligible).toBe(false);

    const otherTitle = run(TDKT_2013, ADVANCED_WORKER, year(2023), {
      ...rated,
      registrations: [{ award: GRASSROOTS_EMULATION_FIGHTER, period: year(2023) }],
    });
    expect(check(otherTitle, 'REGISTRATION').passed).toBe(false);
    const otherPeriod = run(TDKT_2013, ADVANCED_WORKER, year(2023), {
      ...rated,
      registrations: [{ award: ADVANCED_WORKER, period: year(2022) }],
    });
    expect(check(otherPeriod, 'REGISTRATION').passed).toBe(false);

    const registered = run(TDKT_2013, ADVANCED_WORKER, year(2023), {
      ...rated,
      registrations: [{ award: ADVANCED_WORKER, period: year(2023) }],
    });
    expect(check(registered, 'REGISTRATION')).toEqual({
      rule: 'REGISTRATION',
      passed: true,
      detail: 'registered for ADVANCED_WORKER for 2023',
    });
    expect(registered.eligible).toBe(true);
  });

  it('does not require one for a form of commendation under 2013', () => {
    const report = run(TDKT_2013, AwardKind.CERTIFICATE_OF_MERIT, year(2023), {});
    expect(rules(report)).not.toContain('REGISTRATION');
    expect(report.eligible).toBe(true);
  });

  it('does not require one for a title under 2022 or 2025', () => {
    for (const set of [TDKT_2022, TDKT_2025]) {
      const report = run(set, ADVANCED_WORKER, year(2025), { ratings: [{ period: year(2025), rating: GOOD }] });
      expect(rules(report)).not.toContain('REGISTRATION');
      expect(report.eligible).toBe(true);
    }
  });
});

describe('GRASSROOTS_EMULATION_FIGHTER', () => {
  const p2023 = year(2023);
  const eligibleUnder2013: Partial<EligibilityFacts> = {
    registrations: [{ award: GRASSROOTS_EMULATION_FIGHTER, period: p2023 }],
    awardsHeld: [held(ADVANCED_WORKER, p2023)],
    initiatives: [{ level: AuthorityLevel.UNIT, period: p2023 }],
    proposingUnitAwardCounts: { advancedWorkers: 10, grassrootsFighters: 0 },
  };

  it('is eligible under 2013 with the title, an initiative and room under the cap', () => {
    const report = run(TDKT_2013, GRASSROOTS_EMULATION_FIGHTER, p2023, eligibleUnder2013);
    expect(rules(report)).toEqual([
      'REGISTRATION',
      'ADVANCED_WORKER_SAME_PERIOD',
      'INITIATIVE',
      'GRASSROOTS_RATIO_CAP',
      'ONE_AWARD_PER_ACHIEVEMENT',
      'PENDING_COMPLAINT',
    ]);
    expect(report.eligible).toBe(true);
  });

  describe('ADVANCED_WORKER_SAME_PERIOD', () => {
    it('fails without the title for the same period, or with a revoked one', () => {
      for (const awardsHeld of [
        [],
        [held(ADVANCED_WORKER, year(2022))],
        [held(ADVANCED_WORKER, schoolYear(2023))],
        [held(ADVANCED_WORKER, p2023, { revoked: true })],
      ]) {
        const report = run(TDKT_2013, GRASSROOTS_EMULATION_FIGHTER, p2023, { ...eligibleUnder2013, awardsHeld });
        expect(failed(report)).toEqual(['ADVANCED_WORKER_SAME_PERIOD']);
      }
    });

    it('counts a title from a thematic movement (only chains ignore those)', () => {
      const report = run(TDKT_2022, GRASSROOTS_EMULATION_FIGHTER, year(2024), {
        awardsHeld: [held(ADVANCED_WORKER, year(2024), { fromThematicMovement: true })],
        ratings: [{ period: year(2024), rating: EXCELLENT }],
      });
      expect(report.eligible).toBe(true);
    });
  });

  describe('INITIATIVE (2013)', () => {
    it('needs an initiative recognised for the period at any level, grassroots or above', () => {
      for (const level of Object.values(AuthorityLevel)) {
        const report = run(TDKT_2013, GRASSROOTS_EMULATION_FIGHTER, p2023, {
          ...eligibleUnder2013,
          initiatives: [{ level, period: p2023 }],
        });
        expect(check(report, 'INITIATIVE').passed).toBe(true);
      }
      const none = run(TDKT_2013, GRASSROOTS_EMULATION_FIGHTER, p2023, { ...eligibleUnder2013, initiatives: [] });
      expect(check(none, 'INITIATIVE')).toEqual({
        rule: 'INITIATIVE',
        passed: false,
        detail: '0 initiatives recognised for 2023 at grassroots level or above; at least 1 needed',
      });
      const lastYear = run(TDKT_2013, GRASSROOTS_EMULATION_FIGHTER, p2023, {
        ...eligibleUnder2013,
        initiatives: [{ level: AuthorityLevel.PROVINCE, period: year(2022) }],
      });
      expect(check(lastYear, 'INITIATIVE').passed).toBe(false);
    });
  });

  describe('INITIATIVE_OR_EXCELLENT (2022 and 2025)', () => {
    it.each([
      [EXCELLENT, 0, true],
      [GOOD, 1, true],
      [EXCELLENT, 1, true],
      [GOOD, 0, false],
    ])('rated %s with %i initiative(s): passed=%s', (rating, initiativeCount, passed) => {
      for (const set of [TDKT_2022, TDKT_2025]) {
        const report = run(set, GRASSROOTS_EMULATION_FIGHTER, year(2025), {
          awardsHeld: [held(ADVANCED_WORKER, year(2025))],
          ratings: [{ period: year(2025), rating }],
          initiatives: Array.from({ length: initiativeCount }, () => ({
            level: AuthorityLevel.UNIT,
            period: year(2025),
          })),
        });
        expect(rules(report)).not.toContain('INITIATIVE');
        expect(check(report, 'INITIATIVE_OR_EXCELLENT').passed).toBe(passed);
        expect(report.eligible).toBe(passed);
      }
    });
  });

  it('the same nominee, EXCELLENT with no initiative, is eligible under 2022 and not under 2013', () => {
    const nominee: Partial<EligibilityFacts> = {
      ...eligibleUnder2013,
      ratings: [{ period: p2023, rating: EXCELLENT }],
      initiatives: [],
    };
    const under2013 = run(TDKT_2013, GRASSROOTS_EMULATION_FIGHTER, p2023, nominee);
    const under2022 = run(TDKT_2022, GRASSROOTS_EMULATION_FIGHTER, p2023, nominee);
    expect(under2013.eligible).toBe(false);
    expect(failed(under2013)).toEqual(['INITIATIVE']);
    expect(under2022.eligible).toBe(true);
    expect(check(under2022, 'INITIATIVE_OR_EXCELLENT').detail).toBe(
      'rated EXCELLENT for 2023, 0 initiatives recognised for 2023 at grassroots level or above; needs an EXCELLENT rating or at least 1 initiative',
    );
  });

  describe('GRASSROOTS_RATIO_CAP (2013: this one included, at most 15% of advanced workers)', () => {
    const withCounts = (advancedWorkers: number, grassrootsFighters: number) =>
      run(TDKT_2013, GRASSROOTS_EMULATION_FIGHTER, p2023, {
        ...eligibleUnder2013,
        proposingUnitAwardCounts: { advancedWorkers, grassrootsFighters },
      });

    it('passes the first grassroots fighter of 10 advanced workers (10%)', () => {
      expect(check(withCounts(10, 0), 'GRASSROOTS_RATIO_CAP')).toEqual({
        rule: 'GRASSROOTS_RATIO_CAP',
        passed: true,
        detail: '1 of 10 advanced workers would be grassroots fighters (10%), cap 15%',
      });
    });

    it('rejects a second one (2 of 10 = 20%)', () => {
      const report = withCounts(10, 1);
      expect(check(report, 'GRASSROOTS_RATIO_CAP')).toEqual({
        rule: 'GRASSROOTS_RATIO_CAP',
        passed: false,
        detail: '2 of 10 advanced workers would be grassroots fighters (20%), cap 15%',
      });
      expect(report.eligible).toBe(false);
    });

    it('passes exactly at the cap (3 of 20 = 15%) and fails just above it (4 of 20 = 20%, 3 of 19 = 15.8%)', () => {
      expect(check(withCounts(20, 2), 'GRASSROOTS_RATIO_CAP').passed).toBe(true);
      expect(check(withCounts(20, 3), 'GRASSROOTS_RATIO_CAP').passed).toBe(false);
      expect(check(withCounts(19, 2), 'GRASSROOTS_RATIO_CAP')).toMatchObject({
        passed: false,
        detail: '3 of 19 advanced workers would be grassroots fighters (15.8%), cap 15%',
      });
      expect(check(withCounts(7, 0), 'GRASSROOTS_RATIO_CAP')).toMatchObject({
        passed: true,
        detail: '1 of 7 advanced workers would be grassroots fighters (14.3%), cap 15%',
      });
      expect(check(withCounts(6, 0), 'GRASSROOTS_RATIO_CAP').passed).toBe(false);
    });

    it('fails when the unit has no advanced workers', () => {
      expect(check(withCounts(0, 0), 'GRASSROOTS_RATIO_CAP').passed).toBe(false);
    });

    it('does not apply under 2022 or 2025', () => {
      for (const set of [TDKT_2022, TDKT_2025]) {
        const report = run(set, GRASSROOTS_EMULATION_FIGHTER, year(2025), {
          awardsHeld: [held(ADVANCED_WORKER, year(2025))],
          ratings: [{ period: year(2025), rating: EXCELLENT }],
          proposingUnitAwardCounts: { advancedWorkers: 0, grassrootsFighters: 5 },
        });
        expect(rules(report)).not.toContain('GRASSROOTS_RATIO_CAP');
        expect(report.eligible).toBe(true);
      }
    });
  });
});

describe('PROVINCIAL_EMULATION_FIGHTER', () => {
  const grassroots = (...years: number[]) => years.map((value) => held(GRASSROOTS_EMULATION_FIGHTER, year(value)));
  const provincialInitiative = [{ level: AuthorityLevel.PROVINCE, period: year(2023) }];

  describe('CONSECUTIVE_GRASSROOTS_FIGHTER: the 3 periods ending with this one', () => {
    it('passes with grassroots fighter for 2022, 2023 and 2024', () => {
      const report = run(TDKT_2022, PROVINCIAL_EMULATION_FIGHTER, year(2024), {
        awardsHeld: grassroots(2022, 2023, 2024),
        initiatives: provincialInitiative,
      });
      expect(rules(report)).toEqual([
        'CONSECUTIVE_GRASSROOTS_FIGHTER',
        'PROVINCIAL_INITIATIVE',
        'ONE_AWARD_PER_ACHIEVEMENT',
        'PENDING_COMPLAINT',
      ]);
      expect(check(report, 'CONSECUTIVE_GRASSROOTS_FIGHTER')).toEqual({
        rule: 'CONSECUTIVE_GRASSROOTS_FIGHTER',
        passed: true,
        detail: 'needs GRASSROOTS_EMULATION_FIGHTER for 2022, 2023, 2024; held for 3 of 3 (2022, 2023, 2024)',
      });
      expect(report.eligible).toBe(true);
    });

    it.each([
      [[2023, 2024], '2022'],
      [[2021, 2022, 2023], '2024'],
      [[2021, 2023, 2024], '2022'],
      [[2022, 2024], '2023'],
    ])('fails with grassroots fighter for %j (missing %s)', (years, missing) => {
      const report = run(TDKT_2022, PROVINCIAL_EMULATION_FIGHTER, year(2024), {
        awardsHeld: grassroots(...years),
        initiatives: provincialInitiative,
      });
      expect(check(report, 'CONSECUTIVE_GRASSROOTS_FIGHTER').passed).toBe(false);
      expect(check(report, 'CONSECUTIVE_GRASSROOTS_FIGHTER').detail).toContain(`missing ${missing}`);
      expect(report.eligible).toBe(false);
    });

    it('does not count a revoked title or one for the other period kind', () => {
      const revoked = run(TDKT_2022, PROVINCIAL_EMULATION_FIGHTER, year(2024), {
        awardsHeld: [...grassroots(2022, 2024), held(GRASSROOTS_EMULATION_FIGHTER, year(2023), { revoked: true })],
        initiatives: provincialInitiative,
      });
      expect(check(revoked, 'CONSECUTIVE_GRASSROOTS_FIGHTER').passed).toBe(false);
      const mixedKinds = run(TDKT_2022, PROVINCIAL_EMULATION_FIGHTER, schoolYear(2024), {
        awardsHeld: [
          held(GRASSROOTS_EMULATION_FIGHTER, schoolYear(2022)),
          held(GRASSROOTS_EMULATION_FIGHTER, year(2023)),
          held(GRASSROOTS_EMULATION_FIGHTER, schoolYear(2024)),
        ],
        initiatives: [{ level: AuthorityLevel.PROVINCE, period: schoolYear(2024) }],
      });
      expect(check(mixedKinds, 'CONSECUTIVE_GRASSROOTS_FIGHTER')).toMatchObject({ passed: false });
      expect(check(mixedKinds, 'CONSECUTIVE_GRASSROOTS_FIGHTER').detail).toContain('missing 2023-2024');
    });

    it('thematic awards break the chain under 2022 and 2025 but not under 2013', () => {
      const chain = [
        held(GRASSROOTS_EMULATION_FIGHTER, year(2021)),
        held(GRASSROOTS_EMULATION_FIGHTER, year(2022), { fromThematicMovement: true }),
        held(GRASSROOTS_EMULATION_FIGHTER, year(2023)),
      ];
      const given = { awardsHeld: chain, initiatives: [{ level: AuthorityLevel.MINISTRY, period: year(2022) }] };
      const under2013 = run(TDKT_2013, PROVINCIAL_EMULATION_FIGHTER, year(2023), {
        ...given,
        registrations: [{ award: PROVINCIAL_EMULATION_FIGHTER, period: year(2023) }],
      });
      expect(check(under2013, 'CONSECUTIVE_GRASSROOTS_FIGHTER').passed).toBe(true);
      expect(under2013.eligible).toBe(true);
      for (const set of [TDKT_2022, TDKT_2025]) {
        const report = run(set, PROVINCIAL_EMULATION_FIGHTER, year(2023), given);
        expect(check(report, 'CONSECUTIVE_GRASSROOTS_FIGHTER')).toEqual({
          rule: 'CONSECUTIVE_GRASSROOTS_FIGHTER',
          passed: false,
          detail: `needs GRASSROOTS_EMULATION_FIGHTER for 2021, 2022, 2023; held for 2 of 3 (2021, 2023), missing 2022; awards from thematic movements do not count under ${set.id}: 2022`,
        });
      }
    });
  });

  describe('PROVINCIAL_INITIATIVE: recognised at province level or above within the chain', () => {
    it.each([
      [AuthorityLevel.UNIT, false],
      [AuthorityLevel.COMMUNE, false],
      [AuthorityLevel.DISTRICT, false],
      [AuthorityLevel.PROVINCE, true],
      [AuthorityLevel.MINISTRY, true],
      [AuthorityLevel.GOVERNMENT, true],
      [AuthorityLevel.STATE, true],
    ])('an initiative at %s level: passed=%s', (level, passed) => {
      const report = run(TDKT_2022, PROVINCIAL_EMULATION_FIGHTER, year(2024), {
        awardsHeld: grassroots(2022, 2023, 2024),
        initiatives: [{ level, period: year(2022) }],
      });
      expect(check(report, 'PROVINCIAL_INITIATIVE').passed).toBe(passed);
    });

    it('does not count one recognised before the chain began', () => {
      const report = run(TDKT_2022, PROVINCIAL_EMULATION_FIGHTER, year(2024), {
        awardsHeld: grassroots(2022, 2023, 2024),
        initiatives: [{ level: AuthorityLevel.PROVINCE, period: year(2021) }],
      });
      expect(check(report, 'PROVINCIAL_INITIATIVE')).toEqual({
        rule: 'PROVINCIAL_INITIATIVE',
        passed: false,
        detail: '0 initiatives recognised at province level or above in 2022, 2023, 2024; at least 1 needed',
      });
    });
  });
});

describe('NATIONAL_EMULATION_FIGHTER: CONSECUTIVE_PROVINCIAL_FIGHTER', () => {
  const provincial = (...years: number[]) => years.map((value) => held(PROVINCIAL_EMULATION_FIGHTER, year(value)));

  it('passes with provincial fighter for 2023 and 2024', () => {
    const report = run(TDKT_2022, NATIONAL_EMULATION_FIGHTER, year(2024), { awardsHeld: provincial(2023, 2024) });
    expect(rules(report)).toEqual(['CONSECUTIVE_PROVINCIAL_FIGHTER', 'ONE_AWARD_PER_ACHIEVEMENT', 'PENDING_COMPLAINT']);
    expect(report.eligible).toBe(true);
  });

  it.each([[[2024]], [[2023]], [[2022, 2024]], [[2022, 2023]]])(
    'fails with provincial fighter for %j only',
    (years) => {
      const report = run(TDKT_2022, NATIONAL_EMULATION_FIGHTER, year(2024), { awardsHeld: provincial(...years) });
      expect(failed(report)).toEqual(['CONSECUTIVE_PROVINCIAL_FIGHTER']);
    },
  );

  it('a thematic provincial fighter counts under 2013 only', () => {
    const awardsHeld = [
      held(PROVINCIAL_EMULATION_FIGHTER, year(2022), { fromThematicMovement: true }),
      held(PROVINCIAL_EMULATION_FIGHTER, year(2023)),
    ];
    expect(
      check(run(TDKT_2013, NATIONAL_EMULATION_FIGHTER, year(2023), { awardsHeld }), 'CONSECUTIVE_PROVINCIAL_FIGHTER')
        .passed,
    ).toBe(true);
    expect(
      check(run(TDKT_2025, NATIONAL_EMULATION_FIGHTER, year(2023), { awardsHeld }), 'CONSECUTIVE_PROVINCIAL_FIGHTER')
        .passed,
    ).toBe(false);
  });
});

describe('PROVINCIAL_EMULATION_FLAG: CLUSTER_LEADER', () => {
  it.each([
    [1, true, 'finalized rank 1 in its cluster for 2024; the flag needs rank 1'],
    [2, false, 'finalized rank 2 in its cluster for 2024; the flag needs rank 1'],
    [null, false, 'no finalized cluster ranking for 2024; the flag needs rank 1'],
  ])('finalized rank %p: passed=%s', (finalizedClusterRank, passed, detail) => {
    const report = run(TDKT_2022, AwardKind.PROVINCIAL_EMULATION_FLAG, year(2024), { finalizedClusterRank }, school);
    expect(rules(report)).toEqual(['CLUSTER_LEADER', 'ONE_AWARD_PER_ACHIEVEMENT', 'PENDING_COMPLAINT']);
    expect(check(report, 'CLUSTER_LEADER')).toEqual({ rule: 'CLUSTER_LEADER', passed, detail });
    expect(report.eligible).toBe(passed);
  });
});

describe('PROVINCIAL_CERTIFICATE_OF_MERIT for an individual (2022 and 2025 sets)', () => {
  const award = AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT;
  const excellent = (...years: number[]) => years.map((value) => ({ period: year(value), rating: EXCELLENT }));
  const initiatives = (...years: number[]) =>
    years.map((value) => ({ level: AuthorityLevel.UNIT, period: year(value) }));

  it('passes with 2 consecutive grassroots fighter periods; the other ground is reported as not needed', () => {
    const report = run(TDKT_2022, award, year(2024), {
      awardsHeld: [held(GRASSROOTS_EMULATION_FIGHTER, year(2023)), held(GRASSROOTS_EMULATION_FIGHTER, year(2024))],
    });
    expect(rules(report)).toEqual([
      'CONSECUTIVE_GRASSROOTS_FIGHTER',
      'CONSECUTIVE_EXCELLENT_WITH_INITIATIVES',
      'ONE_AWARD_PER_ACHIEVEMENT',
      'PENDING_COMPLAINT',
    ]);
    expect(report.eligible).toBe(true);
    expect(check(report, 'CONSECUTIVE_EXCELLENT_WITH_INITIATIVES').detail).toContain(
      'not met, but the alternative CONSECUTIVE_GRASSROOTS_FIGHTER is met',
    );
  });

  it('passes with EXCELLENT in 2 consecutive years and 2 initiatives in them', () => {
    const report = run(TDKT_2025, award, year(2025), {
      ratings: excellent(2024, 2025),
      initiatives: initiatives(2024, 2025),
    });
    expect(report.eligible).toBe(true);
    expect(check(report, 'CONSECUTIVE_EXCELLENT_WITH_INITIATIVES').detail).toBe(
      'EXCELLENT in 2 of 2024, 2025 (2024, 2025), 2 initiatives recognised in those periods; needs EXCELLENT in all and 2 initiatives',
    );
  });

  it.each([
    ['one grassroots fighter period', { awardsHeld: [held(GRASSROOTS_EMULATION_FIGHTER, year(2024))] }],
    [
      'grassroots fighter for 2022 and 2023, not 2024',
      { awardsHeld: [held(GRASSROOTS_EMULATION_FIGHTER, year(2022)), held(GRASSROOTS_EMULATION_FIGHTER, year(2023))] },
    ],
    [
      'a thematic grassroots fighter in the chain',
      {
        awardsHeld: [
          held(GRASSROOTS_EMULATION_FIGHTER, year(2023), { fromThematicMovement: true }),
          held(GRASSROOTS_EMULATION_FIGHTER, year(2024)),
        ],
      },
    ],
    ['EXCELLENT twice with 1 initiative', { ratings: excellent(2023, 2024), initiatives: initiatives(2024) }],
    [
      'EXCELLENT once with 2 initiatives',
      { ratings: [{ period: year(2023), rating: GOOD }, ...excellent(2024)], initiatives: initiatives(2023, 2024) },
    ],
    [
      '2 initiatives outside the excellent years',
      { ratings: excellent(2023, 2024), initiatives: initiatives(2022, 2022) },
    ],
  ])('fails with %s', (_case, given: Partial<EligibilityFacts>) => {
    const report = run(TDKT_2022, award, year(2024), given);
    expect(failed(report)).toEqual(['CONSECUTIVE_GRASSROOTS_FIGHTER', 'CONSECUTIVE_EXCELLENT_WITH_INITIATIVES']);
    expect(check(report, 'CONSECUTIVE_GRASSROOTS_FIGHTER').detail).toContain(
      'the alternative CONSECUTIVE_EXCELLENT_WITH_INITIATIVES is not met either',
    );
    expect(report.eligible).toBe(false);
  });

  it('has no automatic check under 2013 or for a collective', () => {
    expect(run(TDKT_2013, award, year(2023), {}).eligible).toBe(true);
    expect(run(TDKT_2022, award, year(2024), {}, school).eligible).toBe(true);
  });
});

describe('ONE_AWARD_PER_ACHIEVEMENT', () => {
  const rated = { ratings: [{ period: year(2024), rating: GOOD }] };

  it('fails when the subject already holds the same kind for the same period', () => {
    const report = run(TDKT_2022, ADVANCED_WORKER, year(2024), {
      ...rated,
      awardsHeld: [held(ADVANCED_WORKER, year(2024))],
    });
    expect(check(report, 'ONE_AWARD_PER_ACHIEVEMENT')).toEqual({
      rule: 'ONE_AWARD_PER_ACHIEVEMENT',
      passed: false,
      detail: 'already holds ADVANCED_WORKER for 2024',
    });
    expect(report.eligible).toBe(false);
  });

  it('passes when that award was revoked, or is for another period or kind', () => {
    for (const awardsHeld of [
      [held(ADVANCED_WORKER, year(2024), { revoked: true })],
      [held(ADVANCED_WORKER, year(2023))],
      [held(AwardKind.CERTIFICATE_OF_MERIT, year(2024))],
    ]) {
      const report = run(TDKT_2022, ADVANCED_WORKER, year(2024), { ...rated, awardsHeld });
      expect(check(report, 'ONE_AWARD_PER_ACHIEVEMENT')).toEqual({
        rule: 'ONE_AWARD_PER_ACHIEVEMENT',
        passed: true,
        detail: 'holds no ADVANCED_WORKER for 2024 yet',
      });
    }
  });
});

describe('PENDING_COMPLAINT (dated per rule set)', () => {
  const given = (pendingComplaints: number) => ({ ratings: [{ period: year(2025), rating: GOOD }], pendingComplaints });

  it('blocks an award while a complaint or denunciation is pending under 2025', () => {
    const report = run(TDKT_2025, ADVANCED_WORKER, year(2025), given(1));
    expect(check(report, 'PENDING_COMPLAINT')).toEqual({
      rule: 'PENDING_COMPLAINT',
      passed: false,
      detail:
        '1 complaint or denunciation about the subject pending; tdkt-2025 allows no award until resolved (from 2025-07-01)',
    });
    expect(report.eligible).toBe(false);
    expect(check(run(TDKT_2025, ADVANCED_WORKER, year(2025), given(0)), 'PENDING_COMPLAINT').passed).toBe(true);
  });

  it("blocks it under 2022 (Decree 98/2023 Art. 4) from the set's first day", () => {
    const report = run(TDKT_2022, ADVANCED_WORKER, year(2025), given(3), person, '2024-01-01');
    expect(check(report, 'PENDING_COMPLAINT').passed).toBe(false);
    expect(report.eligible).toBe(false);
  });

  it('blocks it under 2013 from 2017-12-15 (Circular 08/2017/TT-BNV), not before', () => {
    const onTheDay = run(
      TDKT_2013,
      AwardKind.CERTIFICATE_OF_MERIT,
      year(2017),
      { pendingComplaints: 1 },
      person,
      '2017-12-15',
    );
    expect(failed(onTheDay)).toEqual(['PENDING_COMPLAINT']);
    const dayBefore = run(
      TDKT_2013,
      AwardKind.CERTIFICATE_OF_MERIT,
      year(2017),
      { pendingComplaints: 1 },
      person,
      '2017-12-14',
    );
    expect(rules(dayBefore)).not.toContain('PENDING_COMPLAINT');
    expect(dayBefore.eligible).toBe(true);
  });

  it('refuses a malformed submission date', () => {
    expect(() => run(TDKT_2022, ADVANCED_WORKER, year(2024), given(0), person, '2024-13-01')).toThrow(InvalidInput);
  });
});

describe('consecutivePeriods', () => {
  it('lists the periods of the same kind ending with the given one, oldest first', () => {
    expect(consecutivePeriods(schoolYear(2024), 3)).toEqual([schoolYear(2022), schoolYear(2023), schoolYear(2024)]);
  });
});
