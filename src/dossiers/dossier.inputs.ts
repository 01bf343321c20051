import { IsEnum, IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, PeriodInput, SubjectInput, TEXT_MAX } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';
import { DocumentKind } from '../documents/documentKinds';
import { AwardKind, DossierProcedure } from '../shared/domain';

@InputType('SubmitDossierInput', { description: 'submittedOn defaults to today and picks the rule set' })
export class SubmitDossierInput {
  @GeneratedIdField()
  id?: string | null;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `proposingUnitId ${ID_MESSAGE}` })
  proposingUnitId!: string;

  @Field(() => SubjectInput)
  @ValidateNested()
  nominee!: SubjectInput;

  @Field(() => AwardKind)
  @IsEnum(AwardKind)
  award!: AwardKind;

  @Field(() => PeriodInput)
  @ValidateNested()
  period!: PeriodInput;

  @Field(() => ID, { nullable: true, description: 'The movement the achievements were made in' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `movementId ${ID_MESSAGE}` })
  movementId?: string | null;

  @Field({ description: 'Thành tích: the achievements the proposal rests on' })
  @Length(1, TEXT_MAX)
  achievements!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Defaults to today; picks the rule set. An earlier date (archived paper dossiers) is for SECRETARIAT and ADMIN only',
  })
  @IsOptional()
  submittedOn?: string | null;

  @Field(() => DossierProcedure, {
    nullable: true,
    description:
      'STANDARD by default; SIMPLIFIED (thủ tục đơn giản) proposes a sudden award (khen thưởng đột xuất) for the achievement of achievedOn, with `achievements` as its brief summary',
  })
  @IsOptional()
  @IsEnum(DossierProcedure)
  procedure?: DossierProcedure | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day of the sudden achievement: required for SIMPLIFIED, not after the submission; absent for STANDARD',
  })
  @IsOptional()
  achievedOn?: string | null;
}

@ArgsType()
export class ReturnDossierArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId!: string;

  @Field({ description: 'What the unit must supplement' })
  @Length(1, TEXT_MAX)
  reason!: string;
}

@ArgsType()
export class ResubmitDossierArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId!: string;

  @Field({ description: 'The supplemented achievements' })
  @Length(1, TEXT_MAX)
  achievements!: string;
}

@ArgsType()
export class WithdrawDossierArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId!: string;

  @Field()
  @Length(1, TEXT_MAX)
  reason!: string;
}

@ArgsType()
export class AppraiseDossierArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId!: string;

  @Field(() => String, { nullable: true, description: "The standing agency's remarks" })
  @IsOptional()
  @MaxLength(TEXT_MAX)
  note?: string | null;
}

@ArgsType()
export class EligibilityArgs {
  @Field(() => SubjectInput)
  @ValidateNested()
  subject!: SubjectInput;

  @Field(() => AwardKind)
  @IsEnum(AwardKind)
  award!: AwardKind;

  @Field(() => PeriodInput)
  @ValidateNested()
  period!: PeriodInput;
}

@ArgsType()
export class ReceiveDossierArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId!: string;

  @Field(() => DateScalar, {
    description: 'The day the dossier was received complete: not before its submission, not in the future',
  })
  receivedOn!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The standing agency's unit that receives it; defaults to the caller's unit (its level is the handling level)",
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `receivingUnitId ${ID_MESSAGE}` })
  receivingUnitId?: string | null;
}

@ArgsType()
export class AssignDossierArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId!: string;

  @Field(() => ID, { description: 'The handling officer (cán bộ thụ lý): a registered person' })
  @Matches(ID_PATTERN, { message: `officerId ${ID_MESSAGE}` })
  officerId!: string;
}

@ArgsType()
export class AttachDocumentArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId!: string;

  @Field(() => DocumentKind)
  @IsEnum(DocumentKind)
  kind!: DocumentKind;

  @Field(() => String, { description: 'The SHA-256 `POST /documents` answered with (64 lowercase hex digits)' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lowercase hexadecimal digits' })
  sha256!: string;

  @Field(() => String, { description: 'The name the document is shown and downloaded under' })
  @Length(1, 255)
  fileName!: string;
}
