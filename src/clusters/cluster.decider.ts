import { assertNever, type Decider } from '../shared/decider';
import type { ClusterKind, IsoDate, IsoInstant, ScoreKind } from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { optionalText, requireIsoDate, requireYear } from '../shared/validation';
import type {
  ClusterCovenantSigned,
  ClusterCriteriaSet,
  ClusterEvent,
  ClusterFormed,
  ClusterLeadershipAssigned,
  ClusterMember,
  ClusterRankingFinalized,
  ClusterScoreRecorded,
} from './cluster.events';
import {
  ClusterRule,
  criteriaOf,
  requireEveryScore,
  requireScoreInRange,
  requireValidFormation,
  scaleOf,
} from './cluster.rules';
import {
  clusterYear,
  evolveCluster,
  initialClusterState,
  type ClusterRecord,
  type ClusterState,
  type ClusterYear,
} from './cluster.state';
import { computeClusterStandings } from './standings';

export type { ClusterRecord, ClusterState, ClusterYear } from './cluster.state';

const CLUSTER_STREAM_TYPE = 'cluster';

export interface FormCluster {
  type: 'FormCluster';
  data: {
    clusterId: string;
    name: string;
    kind: ClusterKind;
    organizerUnitId: string;
    /** Member units with their names, looked up by the handler. */
    members: ClusterMember[];
    /** Ids among the organizer and the members that the handler could not find. */
    unknownUnitIds: string[];
  };
}

export interface AssignClusterLeadership {
  type: 'AssignClusterLeadership';
  data: { clusterId: string; year: number; leaderUnitId: string; deputyUnitId: string };
}

export interface SignClusterCovenant {
  type: 'SignClusterCovenant';
  data: { clusterId: string; year: number; signedOn: IsoDate };
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
  data: { clusterId: string; year: number; criteria: CriterionInput[] };
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
  };
}

export type ClusterCommand =
  | FormCluster
  | AssignClusterLeadership
  | SignClusterCovenant
  | SetClusterCriteria
  | RecordClusterScore
  | FinalizeClusterRanking;

function decideCluster(command: ClusterCommand, state: ClusterState): ClusterEvent[] {
  switch (command.type) {
    case 'FormCluster':
      return [formCluster(command.data, state)];
    case 'AssignClusterLeadership':
      return [assignLeadership(command.data, requireCluster(command.data.clusterId, state))];
    case 'SignClusterCovenant':
      return [signCovenant(command.data, requireCluster(command.data.clusterId, state))];
    case 'SetClusterCriteria':
      return [setCriteria(command.data, requireCluster(command.data.clusterId, state))];
    case 'RecordClusterScore':
      return [recordScore(command.data, requireCluster(command.data.clusterId, state))];
    case 'FinalizeClusterRanking':
      return [finalizeRanking(command.data, requireCluster(command.data.clusterId, state))];
    default:
      return assertNever(command, 'cluster command');
  }
}

function requireCluster(clusterId: string, state: ClusterState): ClusterRecord {
  if (state.status === 'NONE') throw new NotFound('Cluster', clusterId);
  return state;
}

function member(cluster: ClusterRecord, unitId: string): ClusterMember | undefined {
  return cluster.members.find((m) => m.unitId === unitId);
}

/** Validates the year and refuses it once its ranking is finalized. */
function openYear(cluster: ClusterRecord, year: number): ClusterYear {
  requireYear(year);
  const y = clusterYear(cluster, year);
  if (y.ranking !== null) {
    throw new RuleViolation(
      ClusterRule.YEAR_FINALIZED,
      `the ${year} ranking of cluster ${cluster.name} is already finalized`,
      {
        clusterId: cluster.clusterId,
        year,
      },
    );
  }
  return y;
}

function formCluster(d: FormCluster['data'], state: ClusterState): ClusterFormed {
  if (state.status !== 'NONE')
    throw new RuleViolation(ClusterRule.ALREADY_EXISTS, `cluster ${d.clusterId} already exists`, {
      clusterId: d.clusterId,
    });
  requireValidFormation(d);
  return {
    type: 'ClusterFormed',
    data: {
      clusterId: d.clusterId,
      name: d.name,
      kind: d.kind,
      organizerUnitId: d.organizerUnitId,
      members: d.members.map((m) => ({ unitId: m.unitId, unitName: m.unitName })),
    },
  };
}

function assignLeadership(d: AssignClusterLeadership['data'], cluster: ClusterRecord): ClusterLeadershipAssigned {
  const y = openYear(cluster, d.year);
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

function signCovenant(d: SignClusterCovenant['data'], cluster: ClusterRecord): ClusterCovenantSigned {
  requireYear(d.year);
  requireIsoDate(d.signedOn, 'signedOn');
  const y = clusterYear(cluster, d.year);
  if (y.covenantSignedOn !== null) {
    throw new RuleViolation(
      ClusterRule.COVENANT_ALREADY_SIGNED,
      `the ${d.year} covenant of cluster ${cluster.name} was already signed on ${y.covenantSignedOn}`,
      { clusterId: cluster.clusterId, year: d.year, signedOn: y.covenantSignedOn },
    );
  }
  return {
    type: 'ClusterCovenantSigned',
    data: {
      clusterId: cluster.clusterId,
      clusterName: cluster.name,
      year: d.year,
      signedOn: d.signedOn,
      memberUnitIds: cluster.members.map((m) => m.unitId),
    },
  };
}

function setCriteria(d: SetClusterCriteria['data'], cluster: ClusterRecord): ClusterCriteriaSet {
  const y = openYear(cluster, d.year);
  const ruleDetails = { clusterId: cluster.clusterId, year: d.year };
  if (y.scores.length > 0) {
    throw new RuleViolation(
      ClusterRule.CRITERIA_LOCKED,
      `scores were already recorded for ${d.year}: the criteria can no longer change`,
      {
        ...ruleDetails,
        scores: y.scores.length,
      },
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

function recordScore(d: RecordClusterScore['data'], cluster: ClusterRecord): ClusterScoreRecorded {
  const y = openYear(cluster, d.year);
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

function finalizeRanking(d: FinalizeClusterRanking['data'], cluster: ClusterRecord): ClusterRankingFinalized {
  const y = openYear(cluster, d.year);
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

export const clusterDecider: Decider<ClusterCommand, ClusterEvent, ClusterState> = {
  streamType: CLUSTER_STREAM_TYPE,
  initialState: initialClusterState,
  evolve: evolveCluster,
  decide: decideCluster,
};
