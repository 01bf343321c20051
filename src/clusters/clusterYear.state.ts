/** One cluster's year, folded from its year stream: leadership, covenant, criteria, scores and ranking. */
import { assertNever } from '../shared/decider';
import type { IsoDate } from '../shared/domain';
import type { ClusterCriterion, ClusterYearEvent } from './clusterYear.events';
import type { ClusterStandingRow, StandingScore } from './standings';

export interface ClusterYearState {
  /** NONE until the year's first event; FINALIZED once its ranking is. */
  status: 'NONE' | 'OPEN' | 'FINALIZED';
  leadership: { leaderUnitId: string; deputyUnitId: string } | null;
  /** Member unit → the day it signed the year's covenant. */
  covenantSignedBy: Readonly<Record<string, IsoDate>>;
  criteria: ClusterCriterion[] | null;
  /** Every score recorded for the year, in stream order. */
  scores: StandingScore[];
  /** The final ranking once finalized. */
  ranking: ClusterStandingRow[] | null;
}

export function initialClusterYearState(): ClusterYearState {
  return { status: 'NONE', leadership: null, covenantSignedBy: {}, criteria: null, scores: [], ranking: null };
}

export function evolveClusterYear(state: ClusterYearState, event: ClusterYearEvent): ClusterYearState {
  const year: ClusterYearState = { ...state, status: state.status === 'NONE' ? 'OPEN' : state.status };
  switch (event.type) {
    case 'ClusterLeadershipAssigned': {
      const { leaderUnitId, deputyUnitId } = event.data;
      return { ...year, leadership: { leaderUnitId, deputyUnitId } };
    }
    case 'ClusterCovenantSigned': {
      const { signedOn, memberUnitIds } = event.data;
      return { ...year, covenantSignedBy: Object.fromEntries(memberUnitIds.map((id) => [id, signedOn])) };
    }
    case 'ClusterCovenantMemberSigned':
      return { ...year, covenantSignedBy: { ...year.covenantSignedBy, [event.data.unitId]: event.data.signedOn } };
    case 'ClusterCriteriaSet':
      return { ...year, criteria: event.data.criteria };
    case 'ClusterScoreRecorded': {
      const { unitId, criterionCode, points, kind } = event.data;
      return { ...year, scores: [...year.scores, { unitId, criterionCode, points, kind }] };
    }
    case 'ClusterRankingFinalized':
      return { ...year, status: 'FINALIZED', ranking: event.data.rows };
    default:
      return assertNever(event, 'cluster year event');
  }
}
