import { BASE_SALARY_PERIODS, baseSalaryOn } from '../../src/rules/baseSalary';
import { THREE_TIER_GRANTING_LEVELS, TWO_TIER_GRANTING_LEVELS } from '../../src/rules/grantingLevels';
import {
  DECREE_152_2025_REWARDS,
  DECREE_91_2017_REWARDS,
  DECREE_98_2023_REWARDS,
  rewardAmountVnd,
  rewardMultiple,
} from '../../src/rules/rewardMultiples';
import { RULE_SETS, TDKT_2013, TDKT_2022, TDKT_2025, ruleSetFor } from '../../src/rules/ruleSets';
import { AuthorityLevel, AwardKind, SubjectKind } from '../../src/shared/domain';
import { InvalidInput } from '../../src/shared/errors';

const { INDIVIDUAL, COLLECTIVE } = SubjectKind;

describe('base salary (mức lương cơ sở) as dated data', () => {
  it.each([
    ['2017-06-30', null],
    ['2017-07-01', 1_300_000],
    ['2019-06-30', 1_390_000],
    ['2019-07-01', 1_490_000],
    ['2023-06-30', 1_490_000],
    ['2023-07-01', 1_800_000],
    ['2024-06-30', 1_800_000],
    ['2024-07-01', 2_340_000],
    ['2026-01-01', 2_340_000],
  ])('on %s: %s VND', (date, vnd) => {
    expect(baseSalaryOn(date)?.vndPerMonth ?? null).toBe(vnd);
  });

  it('names the decree of each period, oldest first, and refuses a malformed date', () => {
    expect(BASE_SALARY_PERIODS.map((p) => p.legalBasis)).toEqual([
      'Decree 47/2017/ND-CP',
      'Decree 72/2018/ND-CP',
      'Decree 38/2019/ND-CP',
      'Decree 24/2023/ND-CP',
      'Decree 73/2024/ND-CP Art. 3',
    ]);
    const starts = BASE_SALARY_PERIODS.map((p) => p.from);
    expect([...starts].sort()).toEqual(starts);
    expect(Object.isFrozen(BASE_SALARY_PERIODS[0])).toBe(true);
    expect(() => baseSalaryOn('2024-02-30')).toThrow(InvalidInput);
  });
});

describe('reward multiples (hệ số) per rule set', () => {
  it('gives each set its decree', () => {
    expect(RULE_SETS.map((set) => set.rewards)).toEqual([
      DECREE_91_2017_REWARDS,
      DECREE_98_2023_REWARDS,
      DECREE_152_2025_REWARDS,
    ]);
  });

  it.each([
    [AwardKind.NATIONAL_EMULATION_FIGHTER, INDIVIDUAL, 4.5],
    [AwardKind.PROVINCIAL_EMULATION_FIGHTER, INDIVIDUAL, 3],
    [AwardKind.GRASSROOTS_EMULATION_FIGHTER, INDIVIDUAL, 1],
    [AwardKind.ADVANCED_WORKER, INDIVIDUAL, 0.3],
    [AwardKind.EXCELLENT_COLLECTIVE, COLLECTIVE, 1.5],
    [AwardKind.ADVANCED_COLLECTIVE, COLLECTIVE, 0.8],
    [AwardKind.GOVERNMENT_EMULATION_FLAG, COLLECTIVE, 12],
    [AwardKind.PROVINCIAL_EMULATION_FLAG, COLLECTIVE, 8],
  ])('titles keep their multiple in every set: %s (%s) %s', (award, subject, multiple) => {
    for (const set of RULE_SETS) expect(rewardMultiple(set.rewards, award, subject)).toBe(multiple);
  });

  it('raised the individual provincial certificate from 1.0 (Decree 91/2017) to 1.5, collectives twice', () => {
    const award = AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT;
    expect(rewardMultiple(TDKT_2013.rewards, award, INDIVIDUAL)).toBe(1);
    expect(rewardMultiple(TDKT_2022.rewards, award, INDIVIDUAL)).toBe(1.5);
    expect(rewardMultiple(TDKT_2025.rewards, award, COLLECTIVE)).toBe(3);
  });

  it('has no multiple for a subject the award is not for, nor for a commemorative medal', () => {
    expect(rewardMultiple(TDKT_2025.rewards, AwardKind.ADVANCED_WORKER, COLLECTIVE)).toBeNull();
    expect(rewardMultiple(TDKT_2025.rewards, AwardKind.COMMEMORATIVE_MEDAL, INDIVIDUAL)).toBeNull();
  });

  it.each([
    ['Decree 91/2017: not rounded', DECREE_91_2017_REWARDS, 0.3, 1_490_000, 447_000],
    ['Decree 98/2023: up to tens of thousands', DECREE_98_2023_REWARDS, 0.3, 2_340_000, 710_000],
    ['exact amounts stay', DECREE_98_2023_REWARDS, 1.5, 2_340_000, 3_510_000],
    ['no binary fraction leaks', DECREE_152_2025_REWARDS, 0.8, 1_800_000, 1_440_000],
    ['a large multiple', DECREE_152_2025_REWARDS, 12, 2_340_000, 28_080_000],
  ])('%s: %s × %s = %s', (_name, scale, multiple, base, amount) => {
    expect(rewardAmountVnd(scale, multiple, base)).toBe(amount);
  });
});

describe('granting levels per rule set', () => {
  it('uses the three-tier table to 2025-06-30 and the two-tier one from 2025-07-01', () => {
    expect(ruleSetFor('2025-06-30').grantingLevels).toBe(THREE_TIER_GRANTING_LEVELS);
    expect(ruleSetFor('2025-07-01').grantingLevels).toBe(TWO_TIER_GRANTING_LEVELS);
    expect(RULE_SETS.map((set) => set.abolishedAuthorityLevels)).toEqual([[], [], [AuthorityLevel.DISTRICT]]);
  });

  it('gives no award to the district under two tiers, and the commune what the district granted', () => {
    for (const award of Object.values(AwardKind)) {
      expect(TWO_TIER_GRANTING_LEVELS[award]).not.toContain(AuthorityLevel.DISTRICT);
      if (THREE_TIER_GRANTING_LEVELS[award].includes(AuthorityLevel.DISTRICT))
        expect(TWO_TIER_GRANTING_LEVELS[award]).toContain(AuthorityLevel.COMMUNE);
    }
    expect(TWO_TIER_GRANTING_LEVELS[AwardKind.GRASSROOTS_EMULATION_FIGHTER]).toEqual([
      AuthorityLevel.UNIT,
      AuthorityLevel.COMMUNE,
    ]);
    expect(TWO_TIER_GRANTING_LEVELS[AwardKind.PROVINCIAL_EMULATION_FIGHTER]).toEqual(
      THREE_TIER_GRANTING_LEVELS[AwardKind.PROVINCIAL_EMULATION_FIGHTER],
    );
    expect(Object.isFrozen(TWO_TIER_GRANTING_LEVELS[AwardKind.ADVANCED_WORKER])).toBe(true);
  });
});
