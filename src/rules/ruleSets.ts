/**
 * The legal rule sets as data. A dossier's rule set is chosen by its submission date
 * and recorded at appraisal, so an inspector can see which rules applied; thresholds
 * live here, not in the checks, so a new decree is a new entry rather than a new branch.
 */
import { AuthorityLevel, AwardKind, PerformanceRating, type IsoDate } from '../shared/domain';
import { NotFound } from '../shared/errors';
import { requireIsoDate } from '../shared/validation';
import {
  DECREE_152_2025_PUBLICATION,
  DECREE_98_2023_PUBLICATION,
  publicationRequired,
  type PublicationRule,
} from './publicationRules';
import {
  DECREE_152_2025_DOCUMENTS,
  DECREE_91_2017_DOCUMENTS,
  DECREE_98_2023_DOCUMENTS,
  type DossierDocumentRule,
} from './dossierDocuments';
import { THREE_TIER_GRANTING_LEVELS, TWO_TIER_GRANTING_LEVELS, type GrantingLevels } from './grantingLevels';
import {
  DECREE_152_2025_REWARDS,
  DECREE_91_2017_REWARDS,
  DECREE_98_2023_REWARDS,
  type RewardScale,
} from './rewardMultiples';

export const RULE_SET_IDS = ['tdkt-2013', 'tdkt-2022', 'tdkt-2025'] as const;
export type RuleSetId = (typeof RULE_SET_IDS)[number];

/** A share of ALL council members: approvals / members >= share when inclusive, > share otherwise. */
export interface ApprovalThreshold {
  share: number;
  inclusive: boolean;
}

export interface RuleSet {
  id: RuleSetId;
  legalBasis: string;
  /** First submission date the set applies to; null: no lower bound. */
  effectiveFrom: IsoDate | null;
  /** Last submission date (inclusive) the set applies to; null: still in force. */
  effectiveUntil: IsoDate | null;
  advancedWorker: {
    qualifyingRatings: readonly PerformanceRating[];
  };
  grassrootsFighter: {
    /** Initiative levels that count as "grassroots level or above". */
    initiativeLevels: readonly AuthorityLevel[];
    /** Law 06/2022: an EXCELLENT rating may stand in for a recognised initiative (check INITIATIVE_OR_EXCELLENT). */
    excellentRatingReplacesInitiative: boolean;
    /** The unit's grassroots fighters for the period, this one included, over its advanced workers; null: no cap. */
    ratioCapToAdvancedWorkers: number | null;
  };
  provincialFighter: {
    consecutiveGrassrootsFighterPeriods: number;
    initiativeLevels: readonly AuthorityLevel[];
  };
  nationalFighter: {
    consecutiveProvincialFighterPeriods: number;
  };
  /** Automatic check for an individual's PROVINCIAL_CERTIFICATE_OF_MERIT; null: none. */
  provincialCertificateForIndividuals: {
    consecutiveGrassrootsFighterPeriods: number;
    consecutiveExcellentPeriods: number;
    initiativesInExcellentPeriods: number;
  } | null;
  /** An emulation title (category TITLE) needs a registration for subject, title and period. */
  registrationRequiredForTitles: boolean;
  /** Whether awards from THEMATIC movements count toward consecutive-period chains. */
  thematicAwardsCountTowardChains: boolean;
  /**
   * First submission date on which a complaint or denunciation about the subject that is
   * still being verified blocks the award (check PENDING_COMPLAINT); null: never under this set.
   */
  pendingComplaintBlocksAwardFrom: IsoDate | null;
  /** Nominees the council may vote on only after publication (publicationRules.ts); null: none. */
  publicationBeforeCouncil: PublicationRule | null;
  /** The documents a dossier must hold before its appraisal (dossierDocuments.ts). */
  dossierDocuments: DossierDocumentRule;
  approvalThresholds: {
    default: ApprovalThreshold;
    byAward: Partial<Record<AwardKind, ApprovalThreshold>>;
  };
  /** The levels that may grant each award kind under the set in force on the decision date. */
  grantingLevels: GrantingLevels;
  /** Levels of government that no longer exist under the set: no decision of theirs is accepted. */
  abolishedAuthorityLevels: readonly AuthorityLevel[];
  /** Cash reward multiples and rounding, for awards decided while the set is in force. */
  rewards: RewardScale;
}

const ANY_LEVEL: readonly AuthorityLevel[] = Object.values(AuthorityLevel);
const PROVINCE_OR_ABOVE: readonly AuthorityLevel[] = [
  AuthorityLevel.PROVINCE,
  AuthorityLevel.MINISTRY,
  AuthorityLevel.GOVERNMENT,
  AuthorityLevel.STATE,
];
const FIGHTER_APPROVAL: ApprovalThreshold = { share: 0.9, inclusive: true };
const DEFAULT_APPROVAL: ApprovalThreshold = { share: 0.5, inclusive: false };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export const TDKT_2013: RuleSet = deepFreeze({
  id: 'tdkt-2013',
  legalBasis: 'Law 15/2003/QH11 (amended 2013), Decree 91/2017/ND-CP',
  effectiveFrom: null,
  effectiveUntil: '2023-12-31',
  advancedWorker: { qualifyingRatings: [PerformanceRating.GOOD, PerformanceRating.EXCELLENT] },
  grassrootsFighter: {
    initiativeLevels: ANY_LEVEL,
    excellentRatingReplacesInitiative: false,
    ratioCapToAdvancedWorkers: 0.15,
  },
  provincialFighter: { consecutiveGrassrootsFighterPeriods: 3, initiativeLevels: PROVINCE_OR_ABOVE },
  nationalFighter: { consecutiveProvincialFighterPeriods: 2 },
  provincialCertificateForIndividuals: null,
  registrationRequiredForTitles: true,
  thematicAwardsCountTowardChains: true,
  // Circular 08/2017/TT-BNV (detailing Decree 91/2017), in force from 2017-12-15: no award, nor
  // proposal of one, while a complaint or denunciation about the subject is being verified. The
  // date and the rule are confirmed by secondary sources; the article number was not verified.
  pendingComplaintBlocksAwardFrom: '2017-12-15',
  // Decree 91/2017/ND-CP Art. 45(10) and Circular 12/2019/TT-BNV had State orders, honorary
  // titles and national emulation fighters published too; their term was not verified, so
  // the system does not require it under this set.
  publicationBeforeCouncil: null,
  dossierDocuments: DECREE_91_2017_DOCUMENTS,
  approvalThresholds: {
    default: DEFAULT_APPROVAL,
    byAward: {
      [AwardKind.PROVINCIAL_EMULATION_FIGHTER]: FIGHTER_APPROVAL,
      [AwardKind.NATIONAL_EMULATION_FIGHTER]: FIGHTER_APPROVAL,
    },
  },
  grantingLevels: THREE_TIER_GRANTING_LEVELS,
  abolishedAuthorityLevels: [],
  rewards: DECREE_91_2017_REWARDS,
});

export const TDKT_2022: RuleSet = deepFreeze({
  id: 'tdkt-2022',
  legalBasis: 'Law 06/2022/QH15, Decree 98/2023/ND-CP',
  effectiveFrom: '2024-01-01',
  effectiveUntil: '2025-06-30',
  advancedWorker: { qualifyingRatings: [PerformanceRating.GOOD, PerformanceRating.EXCELLENT] },
  grassrootsFighter: {
    initiativeLevels: ANY_LEVEL,
    excellentRatingReplacesInitiative: true,
    ratioCapToAdvancedWorkers: null,
  },
  provincialFighter: { consecutiveGrassrootsFighterPeriods: 3, initiativeLevels: PROVINCE_OR_ABOVE },
  nationalFighter: { consecutiveProvincialFighterPeriods: 2 },
  provincialCertificateForIndividuals: {
    consecutiveGrassrootsFighterPeriods: 2,
    consecutiveExcellentPeriods: 2,
    initiativesInExcellentPeriods: 2,
  },
  registrationRequiredForTitles: false,
  thematicAwardsCountTowardChains: false,
  // Decree 98/2023/ND-CP Art. 4 (principles of commendation): no award while a complaint or
  // denunciation is being verified; the clause number was not verified against the decree text.
  pendingComplaintBlocksAwardFrom: '2024-01-01',
  publicationBeforeCouncil: DECREE_98_2023_PUBLICATION,
  dossierDocuments: DECREE_98_2023_DOCUMENTS,
  approvalThresholds: {
    default: DEFAULT_APPROVAL,
    byAward: {
      [AwardKind.PROVINCIAL_EMULATION_FIGHTER]: FIGHTER_APPROVAL,
      [AwardKind.NATIONAL_EMULATION_FIGHTER]: FIGHTER_APPROVAL,
    },
  },
  grantingLevels: THREE_TIER_GRANTING_LEVELS,
  abolishedAuthorityLevels: [],
  rewards: DECREE_98_2023_REWARDS,
});

/**
 * Decree 152/2025 replaced Decree 98/2023 from 2025-07-01 under the two-tier local government;
 * it keeps the 2022 rules (the pending-complaint block included; its article in Decree 152 was not verified).
 */
export const TDKT_2025: RuleSet = deepFreeze({
  ...TDKT_2022,
  id: 'tdkt-2025',
  legalBasis: 'Law 06/2022/QH15, Decree 152/2025/ND-CP',
  effectiveFrom: '2025-07-01',
  effectiveUntil: null,
  pendingComplaintBlocksAwardFrom: '2025-07-01',
  publicationBeforeCouncil: DECREE_152_2025_PUBLICATION,
  dossierDocuments: DECREE_152_2025_DOCUMENTS,
  // Two-tier local government from 2025-07-01: the district level is abolished.
  grantingLevels: TWO_TIER_GRANTING_LEVELS,
  abolishedAuthorityLevels: [AuthorityLevel.DISTRICT],
  rewards: DECREE_152_2025_REWARDS,
});

/** Oldest first, contiguous and non-overlapping. */
export const RULE_SETS: readonly RuleSet[] = Object.freeze([TDKT_2013, TDKT_2022, TDKT_2025]);

export function isRuleSetId(id: string): id is RuleSetId {
  return (RULE_SET_IDS as readonly string[]).includes(id);
}

/** The rule set in force on a dossier's submission date. */
export function ruleSetFor(submittedOn: IsoDate): RuleSet {
  requireIsoDate(submittedOn, 'submittedOn');
  // ISO dates compare correctly as strings.
  const found = RULE_SETS.find(
    (set) =>
      (set.effectiveFrom === null || submittedOn >= set.effectiveFrom) &&
      (set.effectiveUntil === null || submittedOn <= set.effectiveUntil),
  );
  if (!found) throw new NotFound('RuleSet', `in force on ${submittedOn}`);
  return found;
}

export function ruleSetById(id: string): RuleSet {
  const found = RULE_SETS.find((set) => set.id === id);
  if (!found) throw new NotFound('RuleSet', id);
  return found;
}

/** Whether a pending complaint or denunciation blocks an award proposed on `submittedOn` under `ruleSet`. */
export function pendingComplaintBlocks(ruleSet: RuleSet, submittedOn: IsoDate): boolean {
  const from = ruleSet.pendingComplaintBlocksAwardFrom;
  return from !== null && submittedOn >= from;
}

/** Whether a dossier for `award` under `ruleSet` must be published before the council votes on it. */
export function publicationRequiredFor(ruleSet: RuleSet, award: AwardKind): boolean {
  return publicationRequired(ruleSet.publicationBeforeCouncil, award);
}

export function approvalThresholdFor(ruleSet: RuleSet, award: AwardKind): ApprovalThreshold {
  return ruleSet.approvalThresholds.byAward[award] ?? ruleSet.approvalThresholds.default;
}

/** Whether approvals out of all members meet a threshold. */
export function meetsThreshold(approvals: number, members: number, threshold: ApprovalThreshold): boolean {
  if (members <= 0) return false;
  // Compare without division: approvals / members >= share  <=>  approvals >= share * members.
  const needed = threshold.share * members;
  const epsilon = 1e-9;
  return threshold.inclusive ? approvals >= needed - epsilon : approvals > needed + epsilon;
}

/** True when `candidate` demands no less approval than `floor`. */
export function isAtLeastAsStrict(candidate: ApprovalThreshold, floor: ApprovalThreshold): boolean {
  if (candidate.share !== floor.share) return candidate.share > floor.share;
  return floor.inclusive || !candidate.inclusive;
}
