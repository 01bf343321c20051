import { Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, NAME_MAX, TEXT_MAX } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';

@InputType('GrantAwardInput')
export class GrantAwardInput {
  @GeneratedIdField()
  id?: string | null;

  @Field(() => ID, { description: 'The APPROVED dossier the decision is issued on' })
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId!: string;

  @Field({ description: 'Số quyết định, e.g. 1234/QĐ-UBND' })
  @Length(1, NAME_MAX)
  decisionNumber!: string;

  @Field(() => DateScalar)
  decidedOn!: string;

  @Field(() => ID, { description: 'The unit whose head signs: its level must be one that grants this award' })
  @Matches(ID_PATTERN, { message: `issuedByUnitId ${ID_MESSAGE}` })
  issuedByUnitId!: string;

  @Field()
  @Length(1, NAME_MAX)
  signerName!: string;
}

@ArgsType()
export class RevokeAwardArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `awardId ${ID_MESSAGE}` })
  awardId!: string;

  @Field()
  @Length(1, TEXT_MAX)
  reason!: string;

  @Field({ description: 'The number of the revoking decision' })
  @Length(1, NAME_MAX)
  decisionNumber!: string;
}
