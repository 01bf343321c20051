import { IsEnum, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ID_MESSAGE, ID_PATTERN, PeriodInput, SubjectInput } from '../graphql/common.types';
import { AwardKind } from '../shared/domain';

@InputType('RegisterTitleInput')
export class RegisterTitleInput {
  @Field(() => SubjectInput, { description: 'The person (INDIVIDUAL) or unit (COLLECTIVE) that registers' })
  @ValidateNested()
  subject!: SubjectInput;

  @Field(() => AwardKind, { description: 'An emulation title (category TITLE) for this kind of subject' })
  @IsEnum(AwardKind)
  award!: AwardKind;

  @Field(() => PeriodInput)
  @ValidateNested()
  period!: PeriodInput;

  @Field(() => ID, { nullable: true, description: 'The movement the registration answers, if any' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `movementId ${ID_MESSAGE}` })
  movementId?: string | null;
}
