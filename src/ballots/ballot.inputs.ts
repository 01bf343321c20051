import { IsEnum, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ID_MESSAGE, ID_PATTERN } from '../graphql/common.types';
import { BallotChoice } from '../shared/domain';

@InputType('CastBallotInput')
export class CastBallotInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `sessionId ${ID_MESSAGE}` })
  sessionId!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId!: string;

  @Field(() => ID, {
    description: 'The voting member; anyone else records that member’s written ballot (SECRETARIAT, ADMIN)',
  })
  @Matches(ID_PATTERN, { message: `memberId ${ID_MESSAGE}` })
  memberId!: string;

  @Field(() => BallotChoice)
  @IsEnum(BallotChoice)
  choice!: BallotChoice;
}
