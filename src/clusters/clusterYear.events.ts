import type { IsoDate, IsoInstant, ScoreKind } from '../shared/domain';
import type { ClusterStandingRow } from './standings';

/**
 * ORDINARY and BONUS criteria have positive maxima, PENALTY criteria negative ones.
 * Only ORDINARY maxima make up the 100- or 1,000-point scale.
 */
export type CriterionKind = 'ORDINARY' | 'BONUS' | 'PENALTY';

export interface ClusterCriterion {
  code: string;
  name: string;
  maxPoints: number;
  kind: CriterionKind;
}

/** Leader and deputy units for one year; a later event for the same year replaces it. */
export interface ClusterLeadershipAssigned {
  type: 'ClusterLeadershipAssigned';
  data: {
    clusterId: string;
    clusterName: string;
    year: number;
    leaderUnitId: string;
    leaderUnitName: string;
    deputyUnitId: string;
    deputyUnitName: string;
    /** The assignment this one replaces, if any. */
    previousLeaderUnitId: string | null;
    previousDeputyUnitId: string | null;
  };
}

/** Every member signed the year's emulation covenant (giao ước thi đua) at once. */
export interface ClusterCovenantSigned {
  type: 'ClusterCovenantSigned';
  data: {
    clusterId: string;
    clusterName: string;
    year: number;
    signedOn: IsoDate;
    memberUnitIds: string[];
  };
}

/** One member unit signed the year's emulation covenant (giao ước thi đua). */
export interface ClusterCovenantMemberSigned {
  type: 'ClusterCovenantMemberSigned';
  data: {
    clusterId: string;
    clusterName: string;
    year: number;
    unitId: string;
    unitName: string;
    signedOn: IsoDate;
    /** Members that had not signed yet, this one left out. */
    unsignedUnitIds: string[];
  };
}

/** The year's criteria; a later event for the same year (before any score) replaces them. */
export interface ClusterCriteriaSet {
  type: 'ClusterCriteriaSet';
  data: {
    clusterId: string;
    clusterName: string;
    year: number;
    /** Sum of the ORDINARY maxima: 100 or 1000. */
    scale: number;
    criteria: ClusterCriterion[];
    /** Whether criteria had already been set for the year (this replaces them). */
    replacesPrevious: boolean;
  };
}

export interface ClusterScoreRecorded {
  type: 'ClusterScoreRecorded';
  data: {
    clusterId: string;
    clusterName: string;
    year: number;
    unitId: string;
    unitName: string;
    criterionCode: string;
    criterionName: string;
    maxPoints: number;
    points: number;
    kind: ScoreKind;
    note: string | null;
    recordedAt: IsoInstant;
  };
}

export interface ClusterRankingFinalized {
  type: 'ClusterRankingFinalized';
  data: {
    clusterId: string;
    clusterName: string;
    year: number;
    finalizedAt: IsoInstant;
    criteria: ClusterCriterion[];
    /** The final ranking, rank 1 first. */
    rows: ClusterStandingRow[];
    /** Rank 1, proposed for the Emulation Flag. */
    flagUnitId: string;
    /** The units proposed for the certificate of merit (Bằng khen), in rank order. */
    certificateUnitIds: string[];
    certificateCount: number;
  };
}

/** The events of one cluster's year stream (`cluster_year-<clusterId>:<year>`). */
export type ClusterYearEvent =
  | ClusterLeadershipAssigned
  | ClusterCovenantSigned
  | ClusterCovenantMemberSigned
  | ClusterCriteriaSet
  | ClusterScoreRecorded
  | ClusterRankingFinalized;
