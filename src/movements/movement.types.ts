import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../graphql/scalars';
import { MovementKind } from '../shared/domain';

@ObjectType('MovementInfo')
export class MovementInfoType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => MovementKind)
  kind!: MovementKind;

  @Field(() => ID)
  launchedByUnitId!: string;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn!: string | null;
}
