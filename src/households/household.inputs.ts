import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, NAME_MAX } from '../graphql/common.types';

@InputType('RegisterHouseholdInput', { description: 'A household (hộ gia đình) as an award subject' })
export class RegisterHouseholdInput {
  @GeneratedIdField()
  id?: string | null;

  @Field({ description: 'The head of household (chủ hộ)' })
  @Length(1, NAME_MAX)
  headName!: string;

  @Field()
  @Length(1, NAME_MAX)
  address!: string;

  @Field(() => ID, { description: 'The commune or ward (or one of its villages) the household lives in' })
  @Matches(ID_PATTERN, { message: `unitId ${ID_MESSAGE}` })
  unitId!: string;
}
