import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { castBallot } from './ballot.commands';
import { CastBallotInput } from './ballot.inputs';

@Resolver()
export class BallotResolver {
  @Mutation(() => CommandResultType, { description: 'A secret ballot of one member on one agenda dossier' })
  castBallot(
    @Arg('input', () => CastBallotInput) input: CastBallotInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return castBallot(ctx.services, ctx.commandContext(info), input);
  }
}
