import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { grantAward, revokeAward } from './award.commands';
import { GrantAwardInput, RevokeAwardArgs } from './award.inputs';

@Resolver()
export class AwardResolver {
  @Mutation(() => CommandResultType, {
    description: 'Issues the award decision on an APPROVED dossier (one award per dossier)',
  })
  grantAward(
    @Arg('input', () => GrantAwardInput) input: GrantAwardInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return grantAward(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, { description: 'Revokes an award by a revoking decision' })
  revokeAward(
    @Args(() => RevokeAwardArgs) args: RevokeAwardArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return revokeAward(ctx.services, ctx.commandContext(info), args);
  }
}
