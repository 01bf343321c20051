import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/scalars';

@ObjectType('CouncilBallot', {
  description:
    'A ballot cast in a council session: who cast it, when, and whether the close counted it; never its choice',
})
export class CouncilBallotType {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => ID)
  dossierId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field()
  memberName!: string;

  @Field({ description: "A member's written ballot, recorded by the secretariat" })
  writtenBallot!: boolean;

  @Field(() => DateTimeScalar)
  castAt!: string;

  @Field({ description: "The ballot's position in the event log" })
  position!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Null while the session is open; once it is closed, whether the close counted the ballot',
  })
  counted!: boolean | null;

  @Field({ description: 'The session is closed and its close did not count the ballot: it came too late' })
  late!: boolean;
}
