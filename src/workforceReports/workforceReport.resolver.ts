import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { reportWorkforce } from './workforceReport.commands';
import { ReportWorkforceInput } from './workforceReport.inputs';

@Resolver()
export class WorkforceReportResolver {
  @Mutation(() => CommandResultType, {
    description:
      'Reports a unit’s emulation and commendation organisations and staff for a year (forms 0604–0605.N/BNV-TĐKT); a later report corrects the earlier one',
  })
  reportWorkforce(
    @Arg('input', () => ReportWorkforceInput) input: ReportWorkforceInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return reportWorkforce(ctx.services, ctx.commandContext(info), input);
  }
}
