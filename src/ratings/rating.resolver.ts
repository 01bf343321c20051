import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { ratePerformance } from './rating.commands';
import { RatePerformanceInput } from './rating.inputs';

@Resolver()
export class RatingResolver {
  @Mutation(() => CommandResultType, {
    description:
      'Rates task performance (xếp loại) of a person or unit for a period; a later rating corrects the earlier one',
  })
  ratePerformance(
    @Arg('input', () => RatePerformanceInput) input: RatePerformanceInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return ratePerformance(ctx.services, ctx.commandContext(info), input);
  }
}
