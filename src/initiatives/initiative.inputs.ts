import { ArrayMaxSize, IsEnum, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, NAME_MAX, PeriodInput } from '../graphql/common.types';
import { AuthorityLevel } from '../shared/domain';

/** At most this many authors per initiative. */
const MAX_AUTHORS = 100;

@InputType('RecognizeInitiativeInput')
export class RecognizeInitiativeInput {
  @GeneratedIdField()
  id?: string | null;

  @Field()
  @Length(1, NAME_MAX)
  title!: string;

  @Field(() => [ID], { description: 'The authors (people), at least one; each gets the credit' })
  @ArrayMaxSize(MAX_AUTHORS)
  @Matches(ID_PATTERN, { each: true, message: `authorIds ${ID_MESSAGE}` })
  authorIds!: string[];

  @Field(() => AuthorityLevel, { description: 'The level of the initiative council that recognised it' })
  @IsEnum(AuthorityLevel)
  level!: AuthorityLevel;

  @Field(() => PeriodInput, { description: 'The period the initiative counts toward' })
  @ValidateNested()
  period!: PeriodInput;

  @Field({ description: 'Number of the recognition decision, e.g. 125/QĐ-UBND' })
  @Length(1, NAME_MAX)
  decisionNumber!: string;
}
