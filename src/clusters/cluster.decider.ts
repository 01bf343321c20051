import type { Decider } from '../shared/decider';
import type { ClusterKind } from '../shared/domain';
import { RuleViolation } from '../shared/errors';
import type { ClusterEvent, ClusterFormed, ClusterMember } from './cluster.events';
import { ClusterRule, requireValidFormation } from './cluster.rules';
import { evolveCluster, initialClusterState, type ClusterState } from './cluster.state';

export type { ClusterRecord, ClusterState } from './cluster.state';

/**
 * A cluster's own stream holds what belongs to the cluster whatever the year (its
 * formation); each year's work has a stream of its own (clusterYear.decider.ts).
 */
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

export type ClusterCommand = FormCluster;

function decideCluster(command: ClusterCommand, state: ClusterState): ClusterEvent[] {
  return [formCluster(command.data, state)];
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

export const clusterDecider: Decider<ClusterCommand, ClusterEvent, ClusterState> = {
  streamType: CLUSTER_STREAM_TYPE,
  initialState: initialClusterState,
  evolve: evolveCluster,
  decide: decideCluster,
};
