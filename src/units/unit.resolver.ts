import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { registerUnit } from './unit.commands';
import { RegisterUnitInput } from './unit.inputs';

@Resolver()
export class UnitResolver {
  @Mutation(() => CommandResultType, { description: 'Registers a unit (agency, school, commune …) under its parent' })
  registerUnit(
    @Arg('input', () => RegisterUnitInput) input: RegisterUnitInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return registerUnit(ctx.services, ctx.commandContext(info), input);
  }
}
