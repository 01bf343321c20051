import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { issuePlan, reportPlanTask } from './plan.commands';
import { IssuePlanInput, ReportPlanTaskArgs } from './plan.inputs';

@Resolver()
export class PlanResolver {
  @Mutation(() => CommandResultType, {
    description: 'Issues the year’s emulation and commendation work plan with its quarterly tasks',
  })
  issuePlan(
    @Arg('input', () => IssuePlanInput) input: IssuePlanInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return issuePlan(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: 'Reports progress on a plan task (done, or still in progress), dated today',
  })
  reportPlanTask(
    @Args(() => ReportPlanTaskArgs) args: ReportPlanTaskArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return reportPlanTask(ctx.services, ctx.commandContext(info), args);
  }
}
