import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { registerTitle } from './registration.commands';
import { RegisterTitleInput } from './registration.inputs';

@Resolver()
export class RegistrationResolver {
  @Mutation(() => CommandResultType, {
    description:
      'Registers a person or unit for an emulation title in a period (đăng ký danh hiệu); once per subject, title and period',
  })
  registerTitle(
    @Arg('input', () => RegisterTitleInput) input: RegisterTitleInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return registerTitle(ctx.services, ctx.commandContext(info), input);
  }
}
