/** A cluster's state, folded from its own stream: what it is, who organizes it, its members. */
import type { ClusterKind } from '../shared/domain';
import type { ClusterEvent, ClusterMember } from './cluster.events';

export interface ClusterRecord {
  status: 'FORMED';
  clusterId: string;
  name: string;
  kind: ClusterKind;
  organizerUnitId: string;
  members: ClusterMember[];
}

export type ClusterState = { status: 'NONE' } | ClusterRecord;

export function initialClusterState(): ClusterState {
  return { status: 'NONE' };
}

export function evolveCluster(_state: ClusterState, event: ClusterEvent): ClusterState {
  const d = event.data;
  return {
    status: 'FORMED',
    clusterId: d.clusterId,
    name: d.name,
    kind: d.kind,
    organizerUnitId: d.organizerUnitId,
    members: d.members,
  };
}

/** What a year command needs of its cluster (clusterYear.decider.ts). */
export type ClusterFacts = Pick<ClusterRecord, 'clusterId' | 'name' | 'members'>;

/** The facts a year command decides with; null when no such cluster was formed. */
export function clusterFactsOf(state: ClusterState): ClusterFacts | null {
  return state.status === 'NONE' ? null : { clusterId: state.clusterId, name: state.name, members: state.members };
}
