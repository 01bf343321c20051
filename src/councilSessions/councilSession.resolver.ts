import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { closeCouncilSession, conveneCouncilSession } from './councilSession.commands';
import { CloseCouncilSessionArgs, ConveneCouncilSessionInput } from './councilSession.inputs';

@Resolver()
export class CouncilSessionResolver {
  @Mutation(() => CommandResultType, {
    description: 'Convenes the council with its members and an agenda of ELIGIBLE dossiers',
  })
  conveneCouncilSession(
    @Arg('input', () => ConveneCouncilSessionInput) input: ConveneCouncilSessionInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return conveneCouncilSession(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, { description: 'tallies every dossier: APPROVED / REJECTED' })
  closeCouncilSession(
    @Args(() => CloseCouncilSessionArgs) args: CloseCouncilSessionArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return closeCouncilSession(ctx.services, ctx.commandContext(info), args);
  }
}
