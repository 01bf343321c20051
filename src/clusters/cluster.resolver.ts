import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { formCluster } from './cluster.commands';
import {
  AssignClusterLeadershipArgs,
  FinalizeClusterRankingArgs,
  FormClusterInput,
  RecordClusterScoreInput,
  SetClusterCriteriaInput,
  SignClusterCovenantInput,
} from './cluster.inputs';
import {
  assignClusterLeadership,
  finalizeClusterRanking,
  recordClusterScore,
  setClusterCriteria,
  signClusterCovenant,
} from './clusterYear.commands';

@Resolver()
export class ClusterResolver {
  @Mutation(() => CommandResultType, {
    description: 'Forms an emulation cluster or bloc (cụm/khối thi đua) of 4–15 member units',
  })
  formCluster(
    @Arg('input', () => FormClusterInput) input: FormClusterInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return formCluster(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: 'Assigns the leader and deputy units (trưởng khối, phó khối) of a cluster for one year',
  })
  assignClusterLeadership(
    @Args(() => AssignClusterLeadershipArgs) args: AssignClusterLeadershipArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return assignClusterLeadership(ctx.services, ctx.commandContext(info), args);
  }

  @Mutation(() => CommandResultType, {
    description: 'A member unit signs the year’s emulation covenant (giao ước thi đua) of its cluster, once',
  })
  signClusterCovenant(
    @Arg('input', () => SignClusterCovenantInput) input: SignClusterCovenantInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return signClusterCovenant(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: 'Sets the year’s criteria and maximum points; replaces earlier criteria until the first score',
  })
  setClusterCriteria(
    @Arg('input', () => SetClusterCriteriaInput) input: SetClusterCriteriaInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return setClusterCriteria(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: 'Records a self-score or an assessed score of a member unit on one criterion',
  })
  recordClusterScore(
    @Arg('input', () => RecordClusterScoreInput) input: RecordClusterScoreInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return recordClusterScore(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: 'Finalizes the year’s ranking: rank 1 is proposed for the Emulation Flag; needs every score',
  })
  finalizeClusterRanking(
    @Args(() => FinalizeClusterRankingArgs) args: FinalizeClusterRankingArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return finalizeClusterRanking(ctx.services, ctx.commandContext(info), args);
  }
}
