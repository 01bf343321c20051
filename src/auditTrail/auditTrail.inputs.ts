import { IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ID_MESSAGE, ID_PATTERN, NAME_MAX, SubjectInput } from '../graphql/common.types';

@InputType('AuditFilter', { description: 'Every given field must match' })
export class AuditFilterInput {
  @Field(() => String, { nullable: true, description: 'e.g. dossier-<id>' })
  @IsOptional()
  // The longest stream id is a ballot's: `ballot-` and three ids of up to 100 characters.
  @Length(1, 320)
  streamId?: string | null;

  @Field(() => SubjectInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  subject?: SubjectInput | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `awardId ${ID_MESSAGE}` })
  awardId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `complaintId ${ID_MESSAGE}` })
  complaintId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "A cluster's whole history: its own stream (cluster-<id>) and its year streams",
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `clusterId ${ID_MESSAGE}` })
  clusterId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, NAME_MAX)
  decisionNumber?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  actorId?: string | null;
}
