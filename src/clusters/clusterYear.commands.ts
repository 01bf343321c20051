import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { CommandTransaction } from '../commands/commandTransaction';
import type { Services } from '../services';
import { NotFound } from '../shared/errors';
import { UnitLookup } from '../units/unit.lookup';
import { clusterDecider } from './cluster.decider';
import { clusterFactsOf, type ClusterFacts } from './cluster.state';
import type {
  AssignClusterLeadershipArgs,
  FinalizeClusterRankingArgs,
  RecordClusterScoreInput,
  SetClusterCriteriaInput,
  SignClusterCovenantInput,
} from './cluster.inputs';
import { clusterYearDecider, clusterYearKey } from './clusterYear.decider';
import { DEFAULT_CERTIFICATE_COUNT } from './standings';

/**
 * Commands on a cluster's year re-run on a version conflict: many units score the same
 * cluster and year at once, and each retry decides again against the newer state.
 */
const ON_CLUSTER_YEAR = { retryOnConflict: true, maxRetries: 5 } as const;

/**
 * The year stream a command decides on. Its first event is appended expecting no stream,
 * like any command on a stream loaded at version 0.
 */
function onClusterYear(services: Services, clusterId: string, year: number) {
  return services.commands.on(clusterYearDecider, clusterYearKey(clusterId, year));
}

/**
 * The cluster's name and members from its own stream, read only (a year command appends
 * to the year stream alone); null when no such cluster was formed, which the decider
 * refuses as NOT_FOUND.
 */
async function clusterFacts(tx: CommandTransaction, clusterId: string): Promise<ClusterFacts | null> {
  return clusterFactsOf((await tx.load(clusterDecider, clusterId)).state);
}

/**
 * A unit id that is not a member of the cluster: NOT_FOUND when no such unit exists at
 * all (members were checked when the cluster was formed, so only non-members are read);
 * an existing non-member is left to the decider's rule.
 */
async function requireUnitsExist(
  tx: CommandTransaction,
  cluster: ClusterFacts | null,
  unitIds: readonly string[],
): Promise<void> {
  if (cluster === null) return;
  const memberIds = new Set(cluster.members.map((m) => m.unitId));
  const unknown = await new UnitLookup(tx).unknown(unitIds.filter((id) => !memberIds.has(id)));
  if (unknown.length > 0) throw new NotFound('Unit', unknown[0]);
}

export function assignClusterLeadership(
  services: Services,
  context: CommandContext,
  args: AssignClusterLeadershipArgs,
): Promise<CommandResult> {
  return onClusterYear(services, args.clusterId, args.year).decide(
    context,
    'assignClusterLeadership',
    args,
    async (tx) => {
      const cluster = await clusterFacts(tx, args.clusterId);
      await requireUnitsExist(tx, cluster, [args.leaderUnitId, args.deputyUnitId]);
      return {
        type: 'AssignClusterLeadership',
        data: {
          clusterId: args.clusterId,
          year: args.year,
          leaderUnitId: args.leaderUnitId,
          deputyUnitId: args.deputyUnitId,
          cluster,
        },
      };
    },
    ON_CLUSTER_YEAR,
  );
}

export function signClusterCovenant(
  services: Services,
  context: CommandContext,
  input: SignClusterCovenantInput,
): Promise<CommandResult> {
  return onClusterYear(services, input.clusterId, input.year).decide(
    context,
    'signClusterCovenant',
    input,
    async (tx) => {
      const cluster = await clusterFacts(tx, input.clusterId);
      await requireUnitsExist(tx, cluster, [input.unitId]);
      return {
        type: 'SignClusterCovenant',
        data: { clusterId: input.clusterId, year: input.year, unitId: input.unitId, signedOn: input.signedOn, cluster },
      };
    },
    ON_CLUSTER_YEAR,
  );
}

export function setClusterCriteria(
  services: Services,
  context: CommandContext,
  input: SetClusterCriteriaInput,
): Promise<CommandResult> {
  return onClusterYear(services, input.clusterId, input.year).decide(
    context,
    'setClusterCriteria',
    input,
    async (tx) => ({
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
        cluster: await clusterFacts(tx, input.clusterId),
      },
    }),
    ON_CLUSTER_YEAR,
  );
}

export function recordClusterScore(
  services: Services,
  context: CommandContext,
  input: RecordClusterScoreInput,
): Promise<CommandResult> {
  return onClusterYear(services, input.clusterId, input.year).decide(
    context,
    'recordClusterScore',
    input,
    async (tx) => {
      const cluster = await clusterFacts(tx, input.clusterId);
      await requireUnitsExist(tx, cluster, [input.unitId]);
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
          cluster,
        },
      };
    },
    ON_CLUSTER_YEAR,
  );
}

export function finalizeClusterRanking(
  services: Services,
  context: CommandContext,
  args: FinalizeClusterRankingArgs,
): Promise<CommandResult> {
  return onClusterYear(services, args.clusterId, args.year).decide(
    context,
    'finalizeClusterRanking',
    args,
    async (tx) => ({
      type: 'FinalizeClusterRanking',
      data: {
        clusterId: args.clusterId,
        year: args.year,
        now: tx.nowIso,
        certificateCount: DEFAULT_CERTIFICATE_COUNT,
        cluster: await clusterFacts(tx, args.clusterId),
      },
    }),
    ON_CLUSTER_YEAR,
  );
}
