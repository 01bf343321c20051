import type { ClusterKind } from '../shared/domain';

export interface ClusterMember {
  unitId: string;
  unitName: string;
}

export interface ClusterFormed {
  type: 'ClusterFormed';
  data: {
    clusterId: string;
    name: string;
    kind: ClusterKind;
    organizerUnitId: string;
    /** 4–15 distinct units, in the order given. */
    members: ClusterMember[];
  };
}

/**
 * The events of a cluster's own stream (`cluster-<clusterId>`): what belongs to the cluster
 * whatever the year. Each year's work is in that year's stream (clusterYear.events.ts).
 */
export type ClusterEvent = ClusterFormed;
