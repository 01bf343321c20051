/**
 * The rule engine: appraises a nominee for an award under one rule set, from plain
 * facts the caller looked up in read models. Every condition yields a named check
 * with pass/fail and a detail quoting the numbers, so appraisal findings can be
 * read back by a complaint handler years later.
 */
import { assertNever } from '../shared/decider';
import {
  AuthorityLevel,
  AwardCategory,
  AwardKind,
  PerformanceRating,
  SubjectKind,
  periodLabel,
  samePeriod,
  type Period,
  type RuleCheck,
  type SubjectRef,
} from '../shared/domain';
import { InvalidInput, RuleViolation } from '../shared/errors';
import { requireIsoDate } from '../shared/validation';
import { awardDefinition, canBeAwardedTo } from './awardCatalog';
import { pendingComplaintBlocks, type RuleSet } from './ruleSets';
import { mayBeProposedBySimplifiedProcedure, simplifiedProcedureOf } from './simplifiedProcedure';
import { requireCount, requirePeriod } from './values';

const CHECK = {
  RATING: 'RATING',
  REGISTRATION: 'REGISTRATION',
  ADVANCED_WORKER_SAME_PERIOD: 'ADVANCED_WORKER_SAME_PERIOD',
  INITIATIVE: 'INITIATIVE',
  INITIATIVE_OR_EXCELLENT: 'INITIATIVE_OR_EXCELLENT',
  GRASSROOTS_RATIO_CAP: 'GRASSROOTS_RATIO_CAP',
  CONSECUTIVE_GRASSROOTS_FIGHTER: 'CONSECUTIVE_GRASSROOTS_FIGHTER',
  PROVINCIAL_INITIATIVE: 'PROVINCIAL_INITIATIVE',
  CONSECUTIVE_PROVINCIAL_FIGHTER: 'CONSECUTIVE_PROVINCIAL_FIGHTER',
  CLUSTER_LEADER: 'CLUSTER_LEADER',
  CONSECUTIVE_EXCELLENT_WITH_INITIATIVES: 'CONSECUTIVE_EXCELLENT_WITH_INITIATIVES',
  ONE_AWARD_PER_ACHIEVEMENT: 'ONE_AWARD_PER_ACHIEVEMENT',
  PENDING_COMPLAINT: 'PENDING_COMPLAINT',
  SUDDEN_ACHIEVEMENT: 'SUDDEN_ACHIEVEMENT',
} as const;
export type CheckName = (typeof CHECK)[keyof typeof CHECK];

import type { AppraisalInput, EligibilityFacts, EligibilityReport } from './eligibility.facts';

export {
  noEligibilityFacts,
  type AppraisalInput,
  type EligibilityFacts,
  type EligibilityReport,
  type HeldAwardFact,
  type InitiativeFact,
  type RatingFact,
  type RegistrationFact,
  type UnitAwardCounts,
} from './eligibility.facts';

export function appraise(input: AppraisalInput): EligibilityReport {
  const { subject, award, period, ruleSet, submittedOn, facts } = input;
  requirePeriod(period, 'period');
  requireIsoDate(submittedOn, 'submittedOn');
  validateFacts(facts);
  if (!canBeAwardedTo(award, subject.kind)) {
    throw new RuleViolation(
      'AWARD_SUBJECT_KIND',
      `${award} cannot be awarded to a ${subject.kind.toLowerCase()} subject`,
      { award, subjectKind: subject.kind },
    );
  }
  const rules = new RuleContext(subject, award, period, ruleSet, facts);
  const checks: RuleCheck[] = [];
  if (input.suddenAchievement) {
    checks.push(suddenAchievementCheck(award, input.suddenAchievement.achievedOn, ruleSet));
  } else {
    if (ruleSet.registrationRequiredForTitles && awardDefinition(award).category === AwardCategory.TITLE) {
      checks.push(rules.registration());
    }
    checks.push(...rules.awardSpecificChecks());
  }
  checks.push(rules.oneAwardPerAchievement());
  if (pendingComplaintBlocks(ruleSet, submittedOn)) checks.push(rules.pendingComplaint());
  return { eligible: checks.every((check) => check.passed), ruleSetId: ruleSet.id, checks };
}

/** The simplified procedure's own condition: an award kind the rule set allows for a sudden achievement. */
function suddenAchievementCheck(award: AwardKind, achievedOn: string, ruleSet: RuleSet): RuleCheck {
  const procedure = simplifiedProcedureOf(ruleSet.id);
  const allowed = mayBeProposedBySimplifiedProcedure(procedure, award);
  return {
    rule: CHECK.SUDDEN_ACHIEVEMENT,
    passed: allowed,
    detail: `sudden achievement of ${achievedOn}, proposed by the simplified procedure (${procedure.source}); ${award} ${allowed ? 'may' : 'may not'} be awarded that way, and the record-based criteria do not apply`,
  };
}

function validateFacts(facts: EligibilityFacts): void {
  requireCount(facts.pendingComplaints, 'facts.pendingComplaints');
  requireCount(facts.proposingUnitAwardCounts.advancedWorkers, 'facts.proposingUnitAwardCounts.advancedWorkers');
  requireCount(facts.proposingUnitAwardCounts.grassrootsFighters, 'facts.proposingUnitAwardCounts.grassrootsFighters');
  if (
    facts.finalizedClusterRank !== null &&
    (!Number.isInteger(facts.finalizedClusterRank) || facts.finalizedClusterRank < 1)
  ) {
    throw new InvalidInput(
      `facts.finalizedClusterRank must be a rank >= 1 or null, got ${facts.finalizedClusterRank}`,
      'facts.finalizedClusterRank',
    );
  }
}

/** The `count` periods of the same kind ending with `last`, oldest first. */
export function consecutivePeriods(last: Period, count: number): Period[] {
  return Array.from({ length: count }, (_, index) => ({ kind: last.kind, year: last.year - count + 1 + index }));
}

function labels(periods: readonly Period[]): string {
  return periods.length === 0 ? 'none' : periods.map(periodLabel).join(', ');
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

interface ChainResult {
  passed: boolean;
  detail: string;
}

/** One appraisal: the subject, award, period, rule set and facts, and a method per rule. */
class RuleContext {
  constructor(
    private readonly subject: SubjectRef,
    private readonly award: AwardKind,
    private readonly period: Period,
    private readonly ruleSet: RuleSet,
    private readonly facts: EligibilityFacts,
  ) {}

  awardSpecificChecks(): RuleCheck[] {
    switch (this.award) {
      case AwardKind.ADVANCED_WORKER:
        return [this.rating()];
      case AwardKind.GRASSROOTS_EMULATION_FIGHTER: {
        const checks = [this.advancedWorkerSamePeriod(), this.grassrootsInitiative()];
        const cap = this.ruleSet.grassrootsFighter.ratioCapToAdvancedWorkers;
        if (cap !== null) checks.push(this.grassrootsRatioCap(cap));
        return checks;
      }
      case AwardKind.PROVINCIAL_EMULATION_FIGHTER: {
        const periods = this.ruleSet.provincialFighter.consecutiveGrassrootsFighterPeriods;
        const chain = this.chain(AwardKind.GRASSROOTS_EMULATION_FIGHTER, periods);
        return [
          { rule: CHECK.CONSECUTIVE_GRASSROOTS_FIGHTER, passed: chain.passed, detail: chain.detail },
          this.provincialInitiative(periods),
        ];
      }
      case AwardKind.NATIONAL_EMULATION_FIGHTER: {
        const chain = this.chain(
          AwardKind.PROVINCIAL_EMULATION_FIGHTER,
          this.ruleSet.nationalFighter.consecutiveProvincialFighterPeriods,
        );
        return [{ rule: CHECK.CONSECUTIVE_PROVINCIAL_FIGHTER, passed: chain.passed, detail: chain.detail }];
      }
      case AwardKind.PROVINCIAL_EMULATION_FLAG:
        return [this.clusterLeader()];
      case AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT:
        return this.subject.kind === SubjectKind.INDIVIDUAL ? this.provincialCertificateForIndividual() : [];
      case AwardKind.ADVANCED_COLLECTIVE:
      case AwardKind.EXCELLENT_COLLECTIVE:
      case AwardKind.GOVERNMENT_EMULATION_FLAG:
      case AwardKind.CERTIFICATE_OF_MERIT:
      case AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT:
      case AwardKind.LABOR_ORDER_THIRD_CLASS:
      case AwardKind.LABOR_ORDER_SECOND_CLASS:
      case AwardKind.LABOR_ORDER_FIRST_CLASS:
      case AwardKind.COMMEMORATIVE_MEDAL:
        return [];
      default:
        return assertNever(this.award, 'award kind');
    }
  }

  rating(): RuleCheck {
    const qualifying = this.ruleSet.advancedWorker.qualifyingRatings;
    const rating = this.ratingIn(this.period);
    const needs = `${this.award} needs ${qualifying.join(' or ')}`;
    if (rating === null) {
      return {
        rule: CHECK.RATING,
        passed: false,
        detail: `no rating recorded for ${periodLabel(this.period)}; ${needs}`,
      };
    }
    return {
      rule: CHECK.RATING,
      passed: qualifying.includes(rating),
      detail: `rated ${rating} for ${periodLabel(this.period)}; ${needs}`,
    };
  }

  registration(): RuleCheck {
    const registered = this.facts.registrations.some(
      (entry) => entry.award === this.award && samePeriod(entry.period, this.period),
    );
    const what = `${this.award} for ${periodLabel(this.period)}`;
    return registered
      ? { rule: CHECK.REGISTRATION, passed: true, detail: `registered for ${what}` }
      : {
          rule: CHECK.REGISTRATION,
          passed: false,
          detail: `no registration for ${what}; ${this.ruleSet.id} requires one for every emulation title`,
        };
  }

  advancedWorkerSamePeriod(): RuleCheck {
    const held = this.holds(AwardKind.ADVANCED_WORKER, this.period);
    return {
      rule: CHECK.ADVANCED_WORKER_SAME_PERIOD,
      passed: held,
      detail: held
        ? `holds ADVANCED_WORKER for ${periodLabel(this.period)}`
        : `does not hold ADVANCED_WORKER for ${periodLabel(this.period)} (revoked awards do not count)`,
    };
  }

  grassrootsInitiative(): RuleCheck {
    const initiatives = this.initiativesIn([this.period], this.ruleSet.grassrootsFighter.initiativeLevels);
    const found = `${plural(initiatives, 'initiative')} recognised for ${periodLabel(this.period)} at grassroots level or above`;
    if (!this.ruleSet.grassrootsFighter.excellentRatingReplacesInitiative) {
      return { rule: CHECK.INITIATIVE, passed: initiatives > 0, detail: `${found}; at least 1 needed` };
    }
    const rating = this.ratingIn(this.period);
    const excellent = rating === PerformanceRating.EXCELLENT;
    return {
      rule: CHECK.INITIATIVE_OR_EXCELLENT,
      passed: excellent || initiatives > 0,
      detail: `rated ${rating ?? 'nothing'} for ${periodLabel(this.period)}, ${found}; needs an EXCELLENT rating or at least 1 initiative`,
    };
  }

  grassrootsRatioCap(cap: number): RuleCheck {
    const { advancedWorkers, grassrootsFighters } = this.facts.proposingUnitAwardCounts;
    const withThisOne = grassrootsFighters + 1;
    const period = periodLabel(this.period);
    if (advancedWorkers === 0) {
      return {
        rule: CHECK.GRASSROOTS_RATIO_CAP,
        passed: false,
        detail: `the proposing unit has 0 advanced workers for ${period}, so ${withThisOne} grassroots fighter(s) would exceed the cap of ${percent(cap)}`,
      };
    }
    const share = withThisOne / advancedWorkers;
    // Integer-safe: withThisOne <= cap * advancedWorkers, tolerant of binary fractions like 0.15.
    const passed = withThisOne <= cap * advancedWorkers + 1e-9;
    return {
      rule: CHECK.GRASSROOTS_RATIO_CAP,
      passed,
      detail: `${withThisOne} of ${advancedWorkers} advanced workers would be grassroots fighters (${percent(share)}), cap ${percent(cap)}`,
    };
  }

  provincialInitiative(chainLength: number): RuleCheck {
    const periods = consecutivePeriods(this.period, chainLength);
    const initiatives = this.initiativesIn(periods, this.ruleSet.provincialFighter.initiativeLevels);
    return {
      rule: CHECK.PROVINCIAL_INITIATIVE,
      passed: initiatives > 0,
      detail: `${plural(initiatives, 'initiative')} recognised at province level or above in ${labels(periods)}; at least 1 needed`,
    };
  }

  clusterLeader(): RuleCheck {
    const rank = this.facts.finalizedClusterRank;
    const year = this.period.year;
    if (rank === null) {
      return {
        rule: CHECK.CLUSTER_LEADER,
        passed: false,
        detail: `no finalized cluster ranking for ${year}; the flag needs rank 1`,
      };
    }
    return {
      rule: CHECK.CLUSTER_LEADER,
      passed: rank === 1,
      detail: `finalized rank ${rank} in its cluster for ${year}; the flag needs rank 1`,
    };
  }

  /**
   * The two grounds of the 2022 law are alternatives: each check reports its own
   * finding, and passes when either ground is met, so "eligible = every check passed".
   */
  provincialCertificateForIndividual(): RuleCheck[] {
    const rule = this.ruleSet.provincialCertificateForIndividuals;
    if (rule === null) return [];
    const fighters = this.chain(AwardKind.GRASSROOTS_EMULATION_FIGHTER, rule.consecutiveGrassrootsFighterPeriods);
    const excellence = this.excellentWithInitiatives(
      rule.consecutiveExcellentPeriods,
      rule.initiativesInExcellentPeriods,
    );
    const either = fighters.passed || excellence.passed;
    const explain = (own: ChainResult, alternative: CheckName): string =>
      own.passed
        ? own.detail
        : `${own.detail}; ${either ? `not met, but the alternative ${alternative} is met` : `the alternative ${alternative} is not met either`}`;
    return [
      {
        rule: CHECK.CONSECUTIVE_GRASSROOTS_FIGHTER,
        passed: either,
        detail: explain(fighters, CHECK.CONSECUTIVE_EXCELLENT_WITH_INITIATIVES),
      },
      {
        rule: CHECK.CONSECUTIVE_EXCELLENT_WITH_INITIATIVES,
        passed: either,
        detail: explain(excellence, CHECK.CONSECUTIVE_GRASSROOTS_FIGHTER),
      },
    ];
  }

  oneAwardPerAchievement(): RuleCheck {
    const held = this.holds(this.award, this.period);
    const what = `${this.award} for ${periodLabel(this.period)}`;
    return {
      rule: CHECK.ONE_AWARD_PER_ACHIEVEMENT,
      passed: !held,
      detail: held ? `already holds ${what}` : `holds no ${what} yet`,
    };
  }

  pendingComplaint(): RuleCheck {
    const pending = this.facts.pendingComplaints;
    return {
      rule: CHECK.PENDING_COMPLAINT,
      passed: pending === 0,
      detail:
        pending === 0
          ? 'no complaint or denunciation about the subject is pending'
          : `${plural(pending, 'complaint or denunciation', 'complaints or denunciations')} about the subject pending; ${this.ruleSet.id} allows no award until resolved (from ${this.ruleSet.pendingComplaintBlocksAwardFrom})`,
    };
  }

  private excellentWithInitiatives(periodCount: number, initiativesNeeded: number): ChainResult {
    const periods = consecutivePeriods(this.period, periodCount);
    const excellentIn = periods.filter((period) => this.ratingIn(period) === PerformanceRating.EXCELLENT);
    const initiatives = this.initiativesIn(periods, Object.values(AuthorityLevel));
    const passed = excellentIn.length === periods.length && initiatives >= initiativesNeeded;
    return {
      passed,
      detail: `EXCELLENT in ${excellentIn.length} of ${labels(periods)} (${labels(excellentIn)}), ${plural(initiatives, 'initiative')} recognised in those periods; needs EXCELLENT in all and ${initiativesNeeded} initiatives`,
    };
  }

  /** Holding `kind` in each of the `count` periods ending with the dossier's. */
  private chain(kind: AwardKind, count: number): ChainResult {
    const periods = consecutivePeriods(this.period, count);
    const countsThematic = this.ruleSet.thematicAwardsCountTowardChains;
    const counted = periods.filter((period) => this.holds(kind, period, countsThematic));
    const thematicOnly = countsThematic
      ? []
      : periods.filter((period) => !this.holds(kind, period, false) && this.holds(kind, period, true));
    const missing = periods.filter((period) => !counted.includes(period));
    let detail = `needs ${kind} for ${labels(periods)}; held for ${counted.length} of ${count} (${labels(counted)})`;
    if (missing.length > 0) detail += `, missing ${labels(missing)}`;
    if (thematicOnly.length > 0)
      detail += `; awards from thematic movements do not count under ${this.ruleSet.id}: ${labels(thematicOnly)}`;
    return { passed: missing.length === 0, detail };
  }

  /** "Has title X in period P": granted for P and not revoked (thematic ones only when allowed). */
  private holds(kind: AwardKind, period: Period, includeThematic = true): boolean {
    return this.facts.awardsHeld.some(
      (held) =>
        held.award === kind &&
        samePeriod(held.period, period) &&
        !held.revoked &&
        (includeThematic || !held.fromThematicMovement),
    );
  }

  private ratingIn(period: Period): PerformanceRating | null {
    const ratings = this.facts.ratings.filter((entry) => samePeriod(entry.period, period));
    return ratings.length === 0 ? null : ratings[ratings.length - 1].rating;
  }

  private initiativesIn(periods: readonly Period[], levels: readonly AuthorityLevel[]): number {
    return this.facts.initiatives.filter(
      (initiative) =>
        levels.includes(initiative.level) && periods.some((period) => samePeriod(period, initiative.period)),
    ).length;
  }
}
