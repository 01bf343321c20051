import { ArrayMaxSize, IsEnum, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, NAME_MAX, TEXT_MAX } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';
import { MovementKind, type IsoDate } from '../shared/domain';

/** At most this many criteria per movement. */
const MAX_MOVEMENT_CRITERIA = 100;
/** At most this many named participant units (none named: open to every unit under the launcher). */
const MAX_PARTICIPANTS = 500;

@InputType('LaunchMovementInput')
export class LaunchMovementInput {
  @GeneratedIdField()
  id?: string | null;

  @Field()
  @Length(1, NAME_MAX)
  name!: string;

  @Field(() => MovementKind)
  @IsEnum(MovementKind)
  kind!: MovementKind;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `launchedByUnitId ${ID_MESSAGE}` })
  launchedByUnitId!: string;

  @Field(() => DateScalar)
  startsOn!: IsoDate;

  @Field(() => DateScalar, { nullable: true, description: 'Required for PHASED and THEMATIC movements' })
  @IsOptional()
  endsOn?: IsoDate | null;

  @Field(() => [String], { description: 'At least one criterion (tiêu chí thi đua)' })
  @ArrayMaxSize(MAX_MOVEMENT_CRITERIA)
  @Length(1, TEXT_MAX, { each: true })
  criteria!: string[];

  @Field(() => [ID], { nullable: true, description: 'Absent or empty: open to every unit under the launching unit' })
  @IsOptional()
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @Matches(ID_PATTERN, { each: true, message: `participantUnitIds ${ID_MESSAGE}` })
  participantUnitIds?: string[] | null;
}
