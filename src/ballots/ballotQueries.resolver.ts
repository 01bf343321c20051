import { Matches } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { getBallotsOfSession } from '../../projections/councilBallots/councilBallots.queries';
import { ID_MESSAGE, ID_PATTERN } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { CouncilBallotType } from './ballot.types';

@ArgsType()
class CouncilBallotsArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `sessionId ${ID_MESSAGE}` })
  sessionId!: string;
}

@Resolver()
export class BallotQueriesResolver {
  @Query(() => [CouncilBallotType], {
    description: 'The ballots of a council session in the order cast, late ones marked; never a choice',
  })
  councilBallots(
    @Args(() => CouncilBallotsArgs) { sessionId }: CouncilBallotsArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<CouncilBallotType[]> {
    return getBallotsOfSession(services.pool, sessionId);
  }
}
