import { assertNever, type Decider } from '../shared/decider';
import type { IsoDate, IsoInstant, ScoreKind } from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { optionalText, requireIsoDate, requireYear } from '../shared/validation';
import type { ClusterMember } from './cluster.events';
import type { ClusterFacts } from './cluster.state';
import { ClusterRule, criteriaOf, requireEveryScore, requireScoreInRange, scaleOf } from './cluster.rules';
import type {
  ClusterCovenantMemberSigned,
  ClusterCriteriaSet,
  ClusterLeadershipAssigned,
  ClusterRankingFinalized,
  ClusterScoreRecorded,
  ClusterYearEvent,
} from './clusterYear.events';
import { evolveClusterYear, initialClusterYearState, type ClusterYearState } from './clusterYear.state';
import { computeClusterStandings } from './standings';

export type { ClusterYearState } from './clusterYear.state';

/**
 * One stream per cluster and year: a year's scores contend only with that year's other
 * commands, and the cluster's own stream stays one event long.
 */
export const CLUSTER_YEAR_STREAM_TYPE = 'cluster_year';

/**
 * The id of a cluster's year stream, `<clusterId>:<year>` (the stream is
 * `cluster_year-<clusterId>:<year>`). A cluster id may hold `:` but the year is always
 * the part after the last one, so distinct clusters and years never share an id.
 */
export function clusterYearKey(clusterId: string, year: number): string {
  return `${clusterId}:${year}`;
}

export type { ClusterFacts } from './cluster.state';

export interface AssignClusterLeadership {
  type: 'AssignClusterLeadership';
  data: {
    clusterId: string;
    year: number;
    leaderUnitId: string;
    deputyUnitId: string;
    cluster: ClusterFacts | null;
  };
}

export interface SignClusterCovenant {
  type: 'SignClusterCovenant';
  data: { clusterId: string; year: number; unitId: string; signedOn: IsoDate; cluster: ClusterFacts | null };
}

export interface CriterionInput {
  code: string;
  name: string;
  /** Positive for ORDINARY and BONUS criteria, negative for PENALTY criteria. */
  maxPoints: number;
  /** A positive criterion outside the scale (điểm thưởng); `false` when the input does not say. */
  bonus: boolean;
}

export interface SetClusterCriteria {
  type: 'SetClusterCriteria';
  data: { clusterId: string; year: number; criteria: CriterionInput[]; cluster: ClusterFacts | null };
}

export interface RecordClusterScore {
  type: 'RecordClusterScore';
  data: {
    clusterId: string;
    year: number;
    unitId: string;
    criterionCode: string;
    points: number;
    kind: ScoreKind;
    note: string | null;
    now: IsoInstant;
    cluster: ClusterFacts | null;
  };
}

export interface FinalizeClusterRanking {
  type: 'FinalizeClusterRanking';
  data: {
    clusterId: string;
    year: number;
    now: IsoInstant;
    /**
     * Units after rank 1 proposed for the certificate of merit: pass `DEFAULT_CERTIFICATE_COUNT` (2) unless
     * configured.
     */
    certificateCount: number;
    cluster: ClusterFacts | null;
  };
}

export type ClusterYearCommand =
  AssignClusterLeadership | SignClusterCovenant | SetClusterCriteria | RecordClusterScore | FinalizeClusterRanking;

function decideClusterYear(command: ClusterYearCommand, state: ClusterYearState): ClusterYearEvent[] {
  const cluster = requireCluster(command.data);
  switch (command.type) {
    case 'AssignClusterLeadership':
      return [assignLeadership(command.data, cluster, state)];
    case 'SignClusterCovenant':
      return [signCovenant(command.data, cluster, state)];
    case 'SetClusterCriteria':
      return [setCriteria(command.data, cluster, state)];
    case 'RecordClusterScore':
      return [recordScore(command.data, cluster, state)];
    case 'FinalizeClusterRanking':
      return [finalizeRanking(command.data, cluster, state)];
    default:
      return assertNever(command, 'cluster year command');
  }
}

function requireCluster(d: { clusterId: string; cluster: ClusterFacts | null }): ClusterFacts {
  if (d.cluster === null) throw new NotFound('Cluster', d.clusterId);
  return d.cluster;
}

function member(cluster: ClusterFacts, unitId: string): ClusterMember | undefined {
  return cluster.members.find((m) => m.unitId === unitId);
}

/** Validates the year and refuses it once its ranking is finalized. */
function requireOpenYear(cluster: ClusterFacts, year: number, state: ClusterYearState): void {
  requireYear(year);
  if (state.status === 'FINALIZED') {
    throw new RuleViolation(
      ClusterRule.YEAR_FINALIZED,
      `the ${year} ranking of cluster ${cluster.name} is already finalized`,
      { clusterId: cluster.clusterId, year },
    );
  }
}

function assignLeadership(
  d: AssignClusterLeadership['data'],
  cluster: ClusterFacts,
  y: ClusterYearState,
): ClusterLeadershipAssigned {
  requireOpenYear(cluster, d.year, y);
  if (d.leaderUnitId === d.deputyUnitId) {
    throw new RuleViolation(ClusterRule.LEADERSHIP_SAME_UNIT, 'the leader and the deputy must be different units', {
      clusterId: cluster.clusterId,
      year: d.year,
      unitId: d.leaderUnitId,
    });
  }
  const leader = member(cluster, d.leaderUnitId);
  const deputy = member(cluster, d.deputyUnitId);
  const notMembers = [leader ? null : d.leaderUnitId, deputy ? null : d.deputyUnitId].filter(
    (id): id is string => id !== null,
  );
  if (!leader || !deputy) {
    throw new RuleViolation(
      ClusterRule.LEADERSHIP_NOT_MEMBER,
      `not a member of cluster ${cluster.name}: ${notMembers.join(', ')}`,
      { clusterId: cluster.clusterId, year: d.year, unitIds: notMembers },
    );
  }
  return {
    type: 'ClusterLeadershipAssigned',
    data: {
      clusterId: cluster.clusterId,
      clusterName: cluster.name,
      year: d.year,
      leaderUnitId: leader.unitId,
      leaderUnitName: leader.unitName,
      deputyUnitId: deputy.unitId,
      deputyUnitName: deputy.unitName,
      previousLeaderUnitId: y.leadership?.leaderUnitId ?? null,
      previousDeputyUnitId: y.leadership?.deputyUnitId ?? null,
    },
  };
}

/** A member unit signs the year's covenant once, while the year is open. */
function signCovenant(
  d: SignClusterCovenant['data'],
  cluster: ClusterFacts,
  y: ClusterYearState,
): ClusterCovenantMemberSigned {
  requireOpenYear(cluster, d.year, y);
  requireIsoDate(d.signedOn, 'signedOn');
  const ruleDetails = { clusterId: cluster.clusterId, year: d.year, unitId: d.unitId };
  const unit = member(cluster, d.unitId);
  if (!unit) {
    throw new RuleViolation(
      ClusterRule.COVENANT_NOT_MEMBER,
      `unit ${d.unitId} is not a member of cluster ${cluster.name}`,
      ruleDetails,
    );
  }
  const signedBefore = y.covenantSignedBy[d.unitId];
  if (signedBefore !== undefined) {
    throw new RuleViolation(
      ClusterRule.COVENANT_ALREADY_SIGNED,
      `${unit.unitName} already signed the ${d.year} covenant of cluster ${cluster.name} on ${signedBefore}`,
      { ...ruleDetails, signedOn: signedBefore },
    );
  }
  return {
    type: 'ClusterCovenantMemberSigned',
    data: {
      clusterId: cluster.clusterId,
      clusterName: cluster.name,
      year: d.year,
      unitId: unit.unitId,
      unitName: unit.unitName,
      signedOn: d.signedOn,
      unsignedUnitIds: cluster.members
        .map((m) => m.unitId)
        .filter((id) => id !== unit.unitId && y.covenantSignedBy[id] === undefined),
    },
  };
}

function setCriteria(d: SetClusterCriteria['data'], cluster: ClusterFacts, y: ClusterYearState): ClusterCriteriaSet {
  requireOpenYear(cluster, d.year, y);
  const ruleDetails = { clusterId: cluster.clusterId, year: d.year };
  if (y.scores.length > 0) {
    throw new RuleViolation(
      ClusterRule.CRITERIA_LOCKED,
      `scores were already recorded for ${d.year}: the criteria can no longer change`,
      { ...ruleDetails, scores: y.scores.length },
    );
  }
  if (d.criteria.length === 0)
    throw new RuleViolation(ClusterRule.CRITERIA_EMPTY, 'at least one criterion is needed', ruleDetails);
  const criteria = criteriaOf(d.criteria, ruleDetails);
  const scale = scaleOf(criteria, ruleDetails);
  return {
    type: 'ClusterCriteriaSet',
    data: {
      clusterId: cluster.clusterId,
      clusterName: cluster.name,
      year: d.year,
      scale,
      criteria,
      replacesPrevious: y.criteria !== null,
    },
  };
}

function recordScore(d: RecordClusterScore['data'], cluster: ClusterFacts, y: ClusterYearState): ClusterScoreRecorded {
  requireOpenYear(cluster, d.year, y);
  const ruleDetails = { clusterId: cluster.clusterId, year: d.year, unitId: d.unitId, criterionCode: d.criterionCode };
  const unit = member(cluster, d.unitId);
  if (!unit)
    throw new RuleViolation(
      ClusterRule.SCORE_NOT_MEMBER,
      `unit ${d.unitId} is not a member of cluster ${cluster.name}`,
      ruleDetails,
    );
  if (y.criteria === null)
    throw new RuleViolation(ClusterRule.CRITERIA_NOT_SET, `no criteria are set for ${d.year}`, ruleDetails);
  const criterion = y.criteria.find((c) => c.code === d.criterionCode);
  if (!criterion) {
    throw new RuleViolation(
      ClusterRule.SCORE_UNKNOWN_CRITERION,
      `criterion ${d.criterionCode} is not among the ${d.year} criteria`,
      ruleDetails,
    );
  }
  requireScoreInRange(d.points, criterion, ruleDetails);
  return {
    type: 'ClusterScoreRecorded',
    data: {
      clusterId: cluster.clusterId,
      clusterName: cluster.name,
      year: d.year,
      unitId: unit.unitId,
      unitName: unit.unitName,
      criterionCode: criterion.code,
      criterionName: criterion.name,
      maxPoints: criterion.maxPoints,
      // -0 is normalised so stored JSON and comparisons stay plain.
      points: d.points === 0 ? 0 : d.points,
      kind: d.kind,
      note: optionalText(d.note),
      recordedAt: d.now,
    },
  };
}

function finalizeRanking(
  d: FinalizeClusterRanking['data'],
  cluster: ClusterFacts,
  y: ClusterYearState,
): ClusterRankingFinalized {
  requireOpenYear(cluster, d.year, y);
  const certificateCount = d.certificateCount;
  if (!Number.isInteger(certificateCount) || certificateCount < 0) {
    throw new InvalidInput(
      `certificateCount must be a non-negative whole number, got ${certificateCount}`,
      'certificateCount',
    );
  }
  const ruleDetails = { clusterId: cluster.clusterId, year: d.year };
  if (y.criteria === null)
    throw new RuleViolation(ClusterRule.CRITERIA_NOT_SET, `no criteria are set for ${d.year}`, ruleDetails);
  requireEveryScore(y.criteria, cluster.members, y.scores, ruleDetails);
  const rows = computeClusterStandings(y.criteria, cluster.members, y.scores, { certificateCount });
  return {
    type: 'ClusterRankingFinalized',
    data: {
      clusterId: cluster.clusterId,
      clusterName: cluster.name,
      year: d.year,
      finalizedAt: d.now,
      criteria: y.criteria,
      rows,
      flagUnitId: rows[0].unitId,
      certificateUnitIds: rows.filter((r) => r.proposedForCertificate).map((r) => r.unitId),
      certificateCount,
    },
  };
}

export const clusterYearDecider: Decider<ClusterYearCommand, ClusterYearEvent, ClusterYearState> = {
  streamType: CLUSTER_YEAR_STREAM_TYPE,
  initialState: initialClusterYearState,
  evolve: evolveClusterYear,
  decide: decideClusterYear,
};
