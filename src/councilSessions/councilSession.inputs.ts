import { ArrayMaxSize, ArrayNotEmpty, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';

/** Upper bounds that keep one command's work reasonable. */
const MAX_COUNCIL_MEMBERS = 100;
const MAX_AGENDA_DOSSIERS = 500;

@InputType('ConveneCouncilSessionInput')
export class ConveneCouncilSessionInput {
  @GeneratedIdField()
  id?: string | null;

  @Field(() => ID, { description: 'The unit whose council meets (its standing agency convenes it)' })
  @Matches(ID_PATTERN, { message: `councilUnitId ${ID_MESSAGE}` })
  councilUnitId!: string;

  @Field(() => DateScalar)
  heldOn!: string;

  @Field(() => [ID], {
    description: 'Every council member (person ids): thresholds count all of them but those barred from a dossier',
  })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_COUNCIL_MEMBERS)
  @Matches(ID_PATTERN, { each: true, message: `each of memberIds ${ID_MESSAGE}` })
  memberIds!: string[];

  @Field(() => [ID], { description: 'The agenda: ELIGIBLE dossiers only' })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_AGENDA_DOSSIERS)
  @Matches(ID_PATTERN, { each: true, message: `each of dossierIds ${ID_MESSAGE}` })
  dossierIds!: string[];
}

@ArgsType()
export class CloseCouncilSessionArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `sessionId ${ID_MESSAGE}` })
  sessionId!: string;
}
