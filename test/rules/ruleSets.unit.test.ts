import {
  RULE_SETS,
  TDKT_2013,
  TDKT_2022,
  TDKT_2025,
  approvalThresholdFor,
  isAtLeastAsStrict,
  meetsThreshold,
  ruleSetById,
  ruleSetFor,
} from '../../src/rules/ruleSets';
import { AwardKind } from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';

describe('rule-set choice by submission date', () => {
  it.each([
    ['1998-03-15', 'tdkt-2013'],
    ['2023-12-31', 'tdkt-2013'],
    ['2024-01-01', 'tdkt-2022'],
    ['2025-06-30', 'tdkt-2022'],
    ['2025-07-01', 'tdkt-2025'],
    ['2100-12-31', 'tdkt-2025'],
  ])('a dossier submitted on %s falls under %s', (submittedOn, id) => {
    expect(ruleSetFor(submittedOn).id).toBe(id);
  });

  it.each(['2024-13-01', '2023-02-30', '31/12/2023', '', '2024-01-01T00:00:00Z'])(
    'refuses the malformed date %j',
    (date) => {
      expect(() => ruleSetFor(date)).toThrow(InvalidInput);
    },
  );

  it('covers every date exactly once: the sets are contiguous', () => {
    expect(RULE_SETS.map((set) => [set.effectiveFrom, set.effectiveUntil])).toEqual([
      [null, '2023-12-31'],
      ['2024-01-01', '2025-06-30'],
      ['2025-07-01', null],
    ]);
  });
});

describe('rule sets by id', () => {
  it('finds each set and refuses an unknown id', () => {
    expect(ruleSetById('tdkt-2013')).toBe(TDKT_2013);
    expect(ruleSetById('tdkt-2022')).toBe(TDKT_2022);
    expect(ruleSetById('tdkt-2025')).toBe(TDKT_2025);
    expect(() => ruleSetById('tdkt-1999')).toThrow(NotFound);
  });
});

describe('configurable thresholds', () => {
  it('caps grassroots fighters at 15% of advanced workers only in the 2013 set', () => {
    expect(TDKT_2013.grassrootsFighter.ratioCapToAdvancedWorkers).toBe(0.15);
    expect(TDKT_2022.grassrootsFighter.ratioCapToAdvancedWorkers).toBeNull();
    expect(TDKT_2025.grassrootsFighter.ratioCapToAdvancedWorkers).toBeNull();
  });

  it('keeps the consecutive-period counts in every set', () => {
    for (const set of RULE_SETS) {
      expect(set.provincialFighter.consecutiveGrassrootsFighterPeriods).toBe(3);
      expect(set.nationalFighter.consecutiveProvincialFighterPeriods).toBe(2);
    }
    expect(TDKT_2013.provincialCertificateForIndividuals).toBeNull();
    expect(TDKT_2022.provincialCertificateForIndividuals).toEqual({
      consecutiveGrassrootsFighterPeriods: 2,
      consecutiveExcellentPeriods: 2,
      initiativesInExcellentPeriods: 2,
    });
  });

  it('switches registration, thematic chains, EXCELLENT-for-initiative and pending complaints by set', () => {
    expect(RULE_SETS.map((set) => set.registrationRequiredForTitles)).toEqual([true, false, false]);
    expect(RULE_SETS.map((set) => set.thematicAwardsCountTowardChains)).toEqual([true, false, false]);
    expect(RULE_SETS.map((set) => set.grassrootsFighter.excellentRatingReplacesInitiative)).toEqual([
      false,
      true,
      true,
    ]);
    expect(RULE_SETS.map((set) => set.pendingComplaintBlocksAwardFrom)).toEqual([
      '2017-12-15',
      '2024-01-01',
      '2025-07-01',
    ]);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(TDKT_2022)).toBe(true);
    expect(Object.isFrozen(TDKT_2022.grassrootsFighter)).toBe(true);
    expect(Object.isFrozen(TDKT_2025.approvalThresholds.byAward)).toBe(true);
  });
});

describe('approval thresholds', () => {
  it.each(RULE_SETS.map((set) => [set.id]))(
    '%s: 0.9 inclusive for provincial and national fighters, 0.5 exclusive otherwise',
    (id) => {
      const set = ruleSetById(id);
      for (const award of Object.values(AwardKind)) {
        const expected =
          award === AwardKind.PROVINCIAL_EMULATION_FIGHTER || award === AwardKind.NATIONAL_EMULATION_FIGHTER
            ? { share: 0.9, inclusive: true }
            : { share: 0.5, inclusive: false };
        expect(approvalThresholdFor(set, award)).toEqual(expected);
      }
    },
  );

  it('counts approvals over all members: 9 of 10 meets 0.9 inclusive, 8 of 10 does not', () => {
    const fighter = approvalThresholdFor(TDKT_2022, AwardKind.PROVINCIAL_EMULATION_FIGHTER);
    expect(meetsThreshold(9, 10, fighter)).toBe(true);
    expect(meetsThreshold(8, 10, fighter)).toBe(false);
    expect(meetsThreshold(27, 30, fighter)).toBe(true);
    expect(meetsThreshold(6, 7, fighter)).toBe(false); // 85.7%
    expect(meetsThreshold(7, 7, fighter)).toBe(true);
  });

  it('needs more than half by default: 5 of 10 fails, 6 of 10 passes', () => {
    const standard = approvalThresholdFor(TDKT_2022, AwardKind.ADVANCED_WORKER);
    expect(meetsThreshold(5, 10, standard)).toBe(false);
    expect(meetsThreshold(6, 10, standard)).toBe(true);
    expect(meetsThreshold(4, 7, standard)).toBe(true);
    expect(meetsThreshold(0, 0, standard)).toBe(false);
  });

  it('orders thresholds by strictness', () => {
    expect(isAtLeastAsStrict({ share: 0.9, inclusive: true }, { share: 0.5, inclusive: false })).toBe(true);
    expect(isAtLeastAsStrict({ share: 0.5, inclusive: false }, { share: 0.9, inclusive: true })).toBe(false);
    expect(isAtLeastAsStrict({ share: 0.5, inclusive: true }, { share: 0.5, inclusive: false })).toBe(false);
    expect(isAtLeastAsStrict({ share: 0.5, inclusive: false }, { share: 0.5, inclusive: true })).toBe(true);
    expect(isAtLeastAsStrict({ share: 0.9, inclusive: true }, { share: 0.9, inclusive: true })).toBe(true);
  });
});
