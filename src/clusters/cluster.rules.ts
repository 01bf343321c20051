import { NotFound, RuleViolation } from '../shared/errors';
import { requireDistinctIds, requireFinite, requireText } from '../shared/validation';
import type { FormCluster } from './cluster.decider';
import type { ClusterMember } from './cluster.events';
import type { CriterionInput } from './clusterYear.decider';
import type { ClusterCriterion, CriterionKind } from './clusterYear.events';
import { missingScores, type StandingScore } from './standings';

const MIN_CLUSTER_MEMBERS = 4;
const MAX_CLUSTER_MEMBERS = 15;
/** The allowed point scales: the ORDINARY criteria's maxima must add up to one of these. */
const CLUSTER_SCALES: readonly number[] = [100, 1000];

/** Rule names the cluster and cluster-year deciders raise in `RuleViolation.rule`. */
export const ClusterRule = {
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  SIZE: 'CLUSTER_SIZE',
  YEAR_FINALIZED: 'CLUSTER_YEAR_FINALIZED',
  LEADERSHIP_SAME_UNIT: 'CLUSTER_LEADERSHIP_SAME_UNIT',
  LEADERSHIP_NOT_MEMBER: 'CLUSTER_LEADERSHIP_NOT_MEMBER',
  COVENANT_ALREADY_SIGNED: 'CLUSTER_COVENANT_ALREADY_SIGNED',
  COVENANT_NOT_MEMBER: 'CLUSTER_COVENANT_NOT_MEMBER',
  CRITERIA_EMPTY: 'CLUSTER_CRITERIA_EMPTY',
  CRITERION_DUPLICATE_CODE: 'CLUSTER_CRITERION_DUPLICATE_CODE',
  CRITERION_MAX_POINTS: 'CLUSTER_CRITERION_MAX_POINTS',
  CRITERIA_SCALE: 'CLUSTER_CRITERIA_SCALE',
  CRITERIA_LOCKED: 'CLUSTER_CRITERIA_LOCKED',
  CRITERIA_NOT_SET: 'CLUSTER_CRITERIA_NOT_SET',
  SCORE_NOT_MEMBER: 'CLUSTER_SCORE_NOT_MEMBER',
  SCORE_UNKNOWN_CRITERION: 'CLUSTER_SCORE_UNKNOWN_CRITERION',
  SCORE_OUT_OF_RANGE: 'CLUSTER_SCORE_OUT_OF_RANGE',
  SCORES_MISSING: 'CLUSTER_SCORES_MISSING',
} as const;

/** What a refusal about one cluster year reports beside its rule. */
type RuleDetails = Record<string, unknown>;

/** Checks a new cluster's input: ids and names, units the handler found, the allowed size. */
export function requireValidFormation(d: FormCluster['data']): void {
  requireText(d.clusterId, 'clusterId');
  requireText(d.name, 'name');
  requireText(d.organizerUnitId, 'organizerUnitId');
  requireDistinctIds(
    d.members.map((m) => m.unitId),
    'memberUnitIds',
  );
  d.members.forEach((m, i) => requireText(m.unitName, `members[${i}].unitName`));
  if (d.unknownUnitIds.length > 0) throw new NotFound('Unit', d.unknownUnitIds[0]);
  const size = d.members.length;
  if (size < MIN_CLUSTER_MEMBERS || size > MAX_CLUSTER_MEMBERS) {
    throw new RuleViolation(
      ClusterRule.SIZE,
      `a cluster has ${MIN_CLUSTER_MEMBERS}–${MAX_CLUSTER_MEMBERS} member units, got ${size}`,
      { members: size, min: MIN_CLUSTER_MEMBERS, max: MAX_CLUSTER_MEMBERS },
    );
  }
}

/** Checks each criterion and gives it its kind: negative maxima are PENALTY, positive ones BONUS or ORDINARY. */
export function criteriaOf(input: readonly CriterionInput[], ruleDetails: RuleDetails): ClusterCriterion[] {
  const seen = new Set<string>();
  return input.map((c, i) => {
    requireText(c.code, `criteria[${i}].code`);
    requireText(c.name, `criteria[${i}].name`);
    requireFinite(c.maxPoints, `criteria[${i}].maxPoints`);
    if (seen.has(c.code)) {
      throw new RuleViolation(
        ClusterRule.CRITERION_DUPLICATE_CODE,
        `criterion code ${c.code} is listed more than once`,
        { ...ruleDetails, code: c.code },
      );
    }
    seen.add(c.code);
    if (c.maxPoints === 0) {
      throw new RuleViolation(ClusterRule.CRITERION_MAX_POINTS, `criterion ${c.code}: maximum points must not be 0`, {
        ...ruleDetails,
        code: c.code,
        maxPoints: c.maxPoints,
      });
    }
    if (c.bonus && c.maxPoints < 0) {
      throw new RuleViolation(
        ClusterRule.CRITERION_MAX_POINTS,
        `bonus criterion ${c.code} needs positive maximum points (penalties are negative criteria)`,
        {
          ...ruleDetails,
          code: c.code,
          maxPoints: c.maxPoints,
        },
      );
    }
    const kind: CriterionKind = c.maxPoints < 0 ? 'PENALTY' : c.bonus ? 'BONUS' : 'ORDINARY';
    return { code: c.code, name: c.name, maxPoints: c.maxPoints, kind };
  });
}

const SCALE_TOLERANCE = 1e-6;

/** The scale the ORDINARY criteria's maxima add up to; criteria that fit no allowed scale are refused. */
export function scaleOf(criteria: readonly ClusterCriterion[], ruleDetails: RuleDetails): number {
  const ordinarySum = criteria.filter((c) => c.kind === 'ORDINARY').reduce((sum, c) => sum + c.maxPoints, 0);
  const scale = CLUSTER_SCALES.find((s) => Math.abs(ordinarySum - s) <= SCALE_TOLERANCE);
  if (scale === undefined) {
    throw new RuleViolation(
      ClusterRule.CRITERIA_SCALE,
      `the maxima of the ordinary (positive, non-bonus) criteria must add up to ${CLUSTER_SCALES.join(' or ')}, got ${ordinarySum}`,
      { ...ruleDetails, sum: ordinarySum, scales: [...CLUSTER_SCALES] },
    );
  }
  return scale;
}

/** A score lies between 0 and the criterion's maximum (which is negative for a penalty). */
export function requireScoreInRange(points: number, criterion: ClusterCriterion, ruleDetails: RuleDetails): void {
  requireFinite(points, 'points');
  const min = Math.min(0, criterion.maxPoints);
  const max = Math.max(0, criterion.maxPoints);
  if (points < min || points > max) {
    throw new RuleViolation(
      ClusterRule.SCORE_OUT_OF_RANGE,
      `criterion ${criterion.code} takes points in [${min}, ${max}], got ${points}`,
      { ...ruleDetails, points, min, max },
    );
  }
}

/** A ranking needs a score from every member on every criterion; the refusal lists the gaps by unit. */
export function requireEveryScore(
  criteria: readonly ClusterCriterion[],
  members: readonly ClusterMember[],
  scores: readonly StandingScore[],
  ruleDetails: RuleDetails,
): void {
  const missing = missingScores(criteria, members, scores);
  if (missing.length > 0) {
    const byUnit = new Map<string, string[]>();
    for (const m of missing) {
      const label = `${m.unitName} (${m.unitId})`;
      byUnit.set(label, [...(byUnit.get(label) ?? []), m.criterionCode]);
    }
    const summary = [...byUnit].map(([unit, codes]) => `${unit}: ${codes.join(', ')}`).join('; ');
    throw new RuleViolation(ClusterRule.SCORES_MISSING, `scores are missing for ${summary}`, {
      ...ruleDetails,
      missing,
    });
  }
}
