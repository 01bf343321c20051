import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { registerPerson, transferPerson } from './person.commands';
import { RegisterPersonInput, TransferPersonInput } from './person.inputs';

@Resolver()
export class PersonResolver {
  @Mutation(() => CommandResultType, { description: 'Registers a person as a member of a unit' })
  registerPerson(
    @Arg('input', () => RegisterPersonInput) input: RegisterPersonInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return registerPerson(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: 'Moves a person to another unit from a date (điều động, luân chuyển)',
  })
  transferPerson(
    @Arg('input', () => TransferPersonInput) input: TransferPersonInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return transferPerson(ctx.services, ctx.commandContext(info), input);
  }
}
