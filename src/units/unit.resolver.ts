import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { mergeUnit, registerUnit, renameUnit } from './unit.commands';
import { MergeUnitInput, RegisterUnitInput, RenameUnitInput } from './unit.inputs';

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

  @Mutation(() => CommandResultType, { description: 'Renames a unit from a date; earlier records keep the old name' })
  renameUnit(
    @Arg('input', () => RenameUnitInput) input: RenameUnitInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return renameUnit(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: 'Merges a unit into another (sáp nhập); the merged unit then accepts no changes',
  })
  mergeUnit(
    @Arg('input', () => MergeUnitInput) input: MergeUnitInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return mergeUnit(ctx.services, ctx.commandContext(info), input);
  }
}
