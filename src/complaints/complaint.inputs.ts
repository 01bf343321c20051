import { IsBoolean, IsEnum, IsInt, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, NAME_MAX, SubjectInput, TEXT_MAX } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';
import { ComplaintKind, ComplaintOutcome } from '../shared/domain';
import { DenunciationComplexity } from './complaint.events';

@InputType('FileComplaintInput', {
  description: 'Names the award, the dossier or the subject it is about (at least one)',
})
export class FileComplaintInput {
  @GeneratedIdField()
  id?: string | null;

  @Field(() => ComplaintKind)
  @IsEnum(ComplaintKind)
  kind!: ComplaintKind;

  @Field()
  @Length(1, NAME_MAX)
  complainantName!: string;

  @Field(() => DateScalar)
  receivedOn!: string;

  @Field()
  @Length(1, TEXT_MAX)
  content!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `awardId ${ID_MESSAGE}` })
  awardId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId?: string | null;

  @Field(() => SubjectInput, { nullable: true, description: 'Absent: the subject of the award or dossier named' })
  @IsOptional()
  @ValidateNested()
  subject?: SubjectInput | null;
}

@ArgsType()
export class AcceptComplaintArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `complaintId ${ID_MESSAGE}` })
  complaintId!: string;

  @Field(() => DateScalar)
  acceptedOn!: string;

  @Field(() => Boolean, { nullable: true, description: 'A complex case: 45 days to resolve instead of 30' })
  @IsOptional()
  @IsBoolean()
  complex?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A remote area: 45 days (60 if also complex)' })
  @IsOptional()
  @IsBoolean()
  remoteArea?: boolean | null;
}

@ArgsType()
export class DismissComplaintArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `complaintId ${ID_MESSAGE}` })
  complaintId!: string;

  @Field()
  @Length(1, TEXT_MAX)
  reason!: string;

  @Field(() => DateScalar)
  decidedOn!: string;
}

@InputType('ResolveComplaintInput')
export class ResolveComplaintInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `complaintId ${ID_MESSAGE}` })
  complaintId!: string;

  @Field(() => ComplaintOutcome)
  @IsEnum(ComplaintOutcome)
  outcome!: ComplaintOutcome;

  @Field()
  @Length(1, TEXT_MAX)
  resolution!: string;

  @Field(() => DateScalar)
  decidedOn!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "UPHELD / PARTIALLY_UPHELD only: revokes the complaint's award (or the award granted from its dossier) in the same command",
  })
  @IsOptional()
  @IsBoolean()
  revokeAward?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The number of the resolution decision, recorded as the revoking decision; absent: "complaint-<complaintId>"',
  })
  @IsOptional()
  @Length(1, NAME_MAX)
  decisionNumber?: string | null;
}

@InputType('ExtendDenunciationInput', {
  description:
    'Law on Denunciations 2018 Art. 30(1): up to 30 days each time; once if COMPLEX, twice if ESPECIALLY_COMPLEX',
})
export class ExtendDenunciationInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `denunciationId ${ID_MESSAGE}` })
  denunciationId!: string;

  @Field(() => Int, { description: 'Days added to the resolution term: 1–30' })
  @IsInt()
  @Min(1)
  @Max(366)
  days!: number;

  @Field()
  @Length(1, TEXT_MAX)
  reason!: string;

  @Field(() => DenunciationComplexity)
  @IsEnum(DenunciationComplexity)
  complexity!: DenunciationComplexity;

  @Field(() => DateScalar, { description: 'The date of the extension decision, within the current term' })
  extendedOn!: string;
}

@ArgsType()
export class MarkComplexArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `complaintId ${ID_MESSAGE}` })
  complaintId!: string;

  @Field(() => DateScalar, { description: 'The date the case was found complex, within the current term' })
  markedOn!: string;
}
