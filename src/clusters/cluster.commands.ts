import type { CommandContext, CommandResult, CommandTransaction } from '../commands/commandHandler';
import type { Services } from '../services';
import { NotFound } from '../shared/errors';
import { newId } from '../shared/ids';
import { UnitLookup } from '../units/unit.lookup';
import { clusterDecider, type ClusterRecord } from './cluster.decider';
import type {
  AssignClusterLeadershipArgs,
  FinalizeClusterRankingArgs,
  FormClusterInput,
  RecordClusterScoreInput,
  SetClusterCriteriaInput,
} from './cluster.inputs';
import { DEFAULT_CERTIFICATE_COUNT } from './standings';

/**
 * Commands on an existing cluster's year re-run on a version conflict: many units score
 * the same cluster at once, and each retry decides again against the newer state.
 */
const ON_CLUSTER = { retryOnConflict: true, maxRetries: 5 } as const;

export function formCluster(
  services: Services,
  context: CommandContext,
  input: FormClusterInput,
): Promise<CommandResult> {
  const clusterId = newId(input.id);
  return services.commands.on(clusterDecider, clusterId).decide(context, 'formCluster', input, async (tx) => {
    const units = new UnitLookup(tx);
    const unknownUnitIds = await units.unknown([input.organizerUnitId, ...input.memberUnitIds]);
    const members = await Promise.all(
      input.memberUnitIds.map(async (unitId) => ({
        unitId,
        // An unknown member is refused (NOT_FOUND) by the decider; its id stands in for
        // the name so the decider's non-empty-name check does not answer first.
        unitName: (await units.find(unitId))?.name ?? unitId,
      })),
    );
    return {
      type: 'FormCluster',
      data: {
        clusterId,
        name: input.name,
        kind: input.kind,
        organizerUnitId: input.organizerUnitId,
        members,
        unknownUnitIds,
      },
    };
  });
}

/**
 * A unit id that is not a member of the cluster: NOT_FOUND when no such unit exists at
 * all (members were checked when the cluster was formed, so only non-members are read);
 * an existing non-member is left to the decider's rule.
 */
async function requireUnitsExist(
  tx: CommandTransaction,
  cluster: ClusterRecord,
  unitIds: readonly string[],
): Promise<void> {
  const memberIds = new Set(cluster.members.map((m) => m.unitId));
  const unknown = await new UnitLookup(tx).unknown(unitIds.filter((id) => !memberIds.has(id)));
  if (unknown.length > 0) throw new NotFound('Unit', unknown[0]);
}

/** A formed cluster, which the commands below need: NOT_FOUND otherwise. */
function existingCluster(services: Services, clusterId: string) {
  return services.commands.onExisting(clusterDecider, clusterId, 'Cluster');
}

export function assignClusterLeadership(
  services: Services,
  context: CommandContext,
  args: AssignClusterLeadershipArgs,
): Promise<CommandResult> {
  return existingCluster(services, args.clusterId).decide(
    context,
    'assignClusterLeadership',
    args,
    async (tx, cluster) => {
      await requireUnitsExist(tx, cluster.state, [args.leaderUnitId, args.deputyUnitId]);
      return {
        type: 'AssignClusterLeadership',
        data: {
          clusterId: args.clusterId,
          year: args.year,
          leaderUnitId: args.leaderUnitId,
          deputyUnitId: args.deputyUnitId,
        },
      };
    },
    ON_CLUSTER,
  );
}

export function setClusterCriteria(
  services: Services,
  context: CommandContext,
  input: SetClusterCriteriaInput,
): Promise<CommandResult> {
  return existingCluster(services, input.clusterId).decide(
    context,
    'setClusterCriteria',
    input,
    () => ({
      type: 'SetClusterCriteria',
      data: {
        clusterId: input.clusterId,
        year: input.year,
        criteria: input.criteria.map((c) => ({
          code: c.code,
          name: c.name,
          maxPoints: c.maxPoints,
          bonus: c.bonus ?? false,
        })),
      },
    }),
    ON_CLUSTER,
  );
}

export function recordClusterScore(
  services: Services,
  context: CommandContext,
  input: RecordClusterScoreInput,
): Promise<CommandResult> {
  return existingCluster(services, input.clusterId).decide(
    context,
    'recordClusterScore',
    input,
    async (tx, cluster) => {
      await requireUnitsExist(tx, cluster.state, [input.unitId]);
      return {
        type: 'RecordClusterScore',
        data: {
          clusterId: input.clusterId,
          year: input.year,
          unitId: input.unitId,
          criterionCode: input.criterionCode,
          points: input.points,
          kind: input.kind,
          note: input.note ?? null,
          now: tx.nowIso,
        },
      };
    },
    ON_CLUSTER,
  );
}

export function finalizeClusterRanking(
  services: Services,
  context: CommandContext,
  args: FinalizeClusterRankingArgs,
): Promise<CommandResult> {
  return existingCluster(services, args.clusterId).decide(
    context,
    'finalizeClusterRanking',
    args,
    (tx) => ({
      type: 'FinalizeClusterRanking',
      data: {
        clusterId: args.clusterId,
        year: args.year,
        now: tx.nowIso,
        certificateCount: DEFAULT_CERTIFICATE_COUNT,
      },
    }),
    ON_CLUSTER,
  );
}
