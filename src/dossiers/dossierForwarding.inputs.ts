import { IsOptional, Matches } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ID_MESSAGE, ID_PATTERN } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';

@ArgsType()
export class ForwardDossierArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId!: string;

  @Field(() => ID, { description: "The higher level's standing agency (or its People's Committee) that receives it" })
  @Matches(ID_PATTERN, { message: `toUnitId ${ID_MESSAGE}` })
  toUnitId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was sent up; defaults to today' })
  @IsOptional()
  forwardedOn?: string | null;
}
