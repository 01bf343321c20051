import { IsEnum, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { PeriodInput, SubjectInput } from '../graphql/common.types';
import { PerformanceRating } from '../shared/domain';

@InputType('RatePerformanceInput')
export class RatePerformanceInput {
  @Field(() => SubjectInput, { description: 'The person (INDIVIDUAL) or unit (COLLECTIVE) rated' })
  @ValidateNested()
  subject!: SubjectInput;

  @Field(() => PeriodInput)
  @ValidateNested()
  period!: PeriodInput;

  @Field(() => PerformanceRating, {
    description: 'A later rating for the same subject and period corrects the earlier one',
  })
  @IsEnum(PerformanceRating)
  rating!: PerformanceRating;
}
