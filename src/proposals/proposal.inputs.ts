import { ArrayMaxSize, ArrayNotEmpty, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, NAME_MAX, YearField } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';

/** Upper bound that keeps one command's work reasonable. */
const MAX_PROPOSED_DOSSIERS = 500;

@InputType('DraftProposalInput', {
  description: "A unit's proposal memo (tờ trình): one memo proposes many nominees, each with its dossier",
})
export class DraftProposalInput {
  @GeneratedIdField()
  id?: string | null;

  @Field(() => ID, { description: 'The unit whose memo it is' })
  @Matches(ID_PATTERN, { message: `unitId ${ID_MESSAGE}` })
  unitId!: string;

  @Field({ description: 'The memo number (số tờ trình), e.g. "45/TTr-UBND"' })
  @Length(1, NAME_MAX)
  number!: string;

  @Field(() => DateScalar, { description: "The memo's date: not in the future" })
  proposedOn!: string;

  @Field(() => [ID], { description: "The nominees' dossiers, proposed by the unit or units below it" })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_PROPOSED_DOSSIERS)
  @Matches(ID_PATTERN, { each: true, message: `each of dossierIds ${ID_MESSAGE}` })
  dossierIds!: string[];
}

@ArgsType()
export class SubmitProposalArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `proposalId ${ID_MESSAGE}` })
  proposalId!: string;
}

@ArgsType()
export class ProposalsOfYearArgs {
  @Field(() => ID, { description: 'The unit whose memos are listed' })
  @Matches(ID_PATTERN, { message: `unitId ${ID_MESSAGE}` })
  unitId!: string;

  @YearField()
  year!: number;
}
