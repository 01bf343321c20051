import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { registerHousehold } from './household.commands';
import { RegisterHouseholdInput } from './household.inputs';

@Resolver()
export class HouseholdResolver {
  @Mutation(() => CommandResultType, {
    description: 'Registers a household (hộ gia đình) of a commune or ward as an award subject',
  })
  registerHousehold(
    @Arg('input', () => RegisterHouseholdInput) input: RegisterHouseholdInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return registerHousehold(ctx.services, ctx.commandContext(info), input);
  }
}
