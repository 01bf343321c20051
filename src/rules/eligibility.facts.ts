/** The plain facts the rule engine appraises a nominee on, and what it answers. */
import type {
  AuthorityLevel,
  AwardKind,
  IsoDate,
  PerformanceRating,
  Period,
  RuleCheck,
  SubjectRef,
} from '../shared/domain';
import type { RuleSet, RuleSetId } from './ruleSets';

/** A task-performance rating of the subject. With several for one period, the last one listed counts. */
export interface RatingFact {
  period: Period;
  rating: PerformanceRating;
}

/** A title registration of the subject. */
export interface RegistrationFact {
  award: AwardKind;
  period: Period;
}

/** An award the subject received (revoked ones included: the rules skip them). */
export interface HeldAwardFact {
  award: AwardKind;
  period: Period;
  revoked: boolean;
  fromThematicMovement: boolean;
}

/** An initiative recognised with the subject among its authors. */
export interface InitiativeFact {
  level: AuthorityLevel;
  period: Period;
}

/** The proposing unit's awards for the dossier's period, revoked ones excluded. */
export interface UnitAwardCounts {
  advancedWorkers: number;
  grassrootsFighters: number;
}

/** Everything the rules need about one nominee, looked up by the caller. */
export interface EligibilityFacts {
  ratings: readonly RatingFact[];
  registrations: readonly RegistrationFact[];
  awardsHeld: readonly HeldAwardFact[];
  initiatives: readonly InitiativeFact[];
  /** For a collective: its rank in its cluster's finalized ranking for the period's year; null if none. */
  finalizedClusterRank: number | null;
  /** Complaints and denunciations about the subject not yet resolved or dismissed. */
  pendingComplaints: number;
  proposingUnitAwardCounts: UnitAwardCounts;
}

export interface AppraisalInput {
  subject: SubjectRef;
  award: AwardKind;
  period: Period;
  ruleSet: RuleSet;
  /** The dossier's submission date: some rules of a set apply only from a date within it. */
  submittedOn: IsoDate;
  facts: EligibilityFacts;
  /**
   * Set for a sudden achievement proposed by the simplified procedure: the award rests on
   * that achievement, so the record-based criteria and the registration do not apply.
   */
  suddenAchievement?: { achievedOn: IsoDate } | null;
}

export interface EligibilityReport {
  eligible: boolean;
  ruleSetId: RuleSetId;
  checks: RuleCheck[];
}

/** Facts with no ratings, awards, initiatives or complaints: a starting point for callers and tests. */
export function noEligibilityFacts(): EligibilityFacts {
  return {
    ratings: [],
    registrations: [],
    awardsHeld: [],
    initiatives: [],
    finalizedClusterRank: null,
    pendingComplaints: 0,
    proposingUnitAwardCounts: { advancedWorkers: 0, grassrootsFighters: 0 },
  };
}
