/** A cluster's state, folded from its events: its members, and each year's leadership, criteria, scores and ranking. */
import { assertNever } from '../shared/decider';
import type { ClusterKind, IsoDate } from '../shared/domain';
import type { ClusterCriterion, ClusterEvent, ClusterMember } from './cluster.events';
import type { ClusterStandingRow, StandingScore } from './standings';

export interface ClusterYear {
  leadership: { leaderUnitId: string; deputyUnitId: string } | null;
  covenantSignedOn: IsoDate | null;
  criteria: ClusterCriterion[] | null;
  /** Every score recorded for the year, in stream order. */
  scores: StandingScore[];
  /** The final ranking once finalized. */
  ranking: ClusterStandingRow[] | null;
}

export interface ClusterRecord {
  status: 'FORMED';
  clusterId: string;
  name: string;
  kind: ClusterKind;
  organizerUnitId: string;
  members: ClusterMember[];
  years: Readonly<Record<number, ClusterYear>>;
}

export type ClusterState = { status: 'NONE' } | ClusterRecord;

export function initialClusterState(): ClusterState {
  return { status: 'NONE' };
}

function emptyClusterYear(): ClusterYear {
  return { leadership: null, covenantSignedOn: null, criteria: null, scores: [], ranking: null };
}

/** The state of one year (an empty one when nothing happened in it yet). */
export function clusterYear(cluster: ClusterRecord, year: number): ClusterYear {
  return cluster.years[year] ?? emptyClusterYear();
}

function withYear(cluster: ClusterRecord, year: number, change: (y: ClusterYear) => ClusterYear): ClusterRecord {
  return { ...cluster, years: { ...cluster.years, [year]: change(clusterYear(cluster, year)) } };
}

export function evolveCluster(state: ClusterState, event: ClusterEvent): ClusterState {
  if (event.type === 'ClusterFormed') {
    const d = event.data;
    return {
      status: 'FORMED',
      clusterId: d.clusterId,
      name: d.name,
      kind: d.kind,
      organizerUnitId: d.organizerUnitId,
      members: d.members,
      years: {},
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ClusterLeadershipAssigned': {
      const { year, leaderUnitId, deputyUnitId } = event.data;
      return withYear(state, year, (y) => ({ ...y, leadership: { leaderUnitId, deputyUnitId } }));
    }
    case 'ClusterCovenantSigned':
      return withYear(state, event.data.year, (y) => ({ ...y, covenantSignedOn: event.data.signedOn }));
    case 'ClusterCriteriaSet':
      return withYear(state, event.data.year, (y) => ({ ...y, criteria: event.data.criteria }));
    case 'ClusterScoreRecorded': {
      const { year, unitId, criterionCode, points, kind } = event.data;
      return withYear(state, year, (y) => ({ ...y, scores: [...y.scores, { unitId, criterionCode, points, kind }] }));
    }
    case 'ClusterRankingFinalized':
      return withYear(state, event.data.year, (y) => ({ ...y, ranking: event.data.rows }));
    default:
      return assertNever(event, 'cluster event');
  }
}
