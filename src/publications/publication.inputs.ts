import { ArrayMaxSize, ArrayNotEmpty, IsEnum, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, NAME_MAX, TEXT_MAX } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';
import { ComplaintKind } from '../shared/domain';
import { PublicationChannel } from './publication.events';

/** Upper bound that keeps one command's work reasonable. */
const MAX_PUBLISHED_DOSSIERS = 500;

@InputType('PublishNomineesInput', {
  description: 'A list of nominees published before the council (công khai); it opens a window for comments',
})
export class PublishNomineesInput {
  @GeneratedIdField()
  id?: string | null;

  @Field(() => [ID], { description: 'The dossiers whose nominees are listed: awaiting the council' })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_PUBLISHED_DOSSIERS)
  @Matches(ID_PATTERN, { each: true, message: `each of dossierIds ${ID_MESSAGE}` })
  dossierIds!: string[];

  @Field(() => [PublicationChannel], { description: 'Where the list is published' })
  @ArrayNotEmpty()
  @IsEnum(PublicationChannel, { each: true })
  channels!: PublicationChannel[];

  @Field({ description: "The portal's address or the notice board's place" })
  @Length(1, NAME_MAX)
  location!: string;

  @Field(() => DateScalar, { description: 'The first day the list is up (today or earlier)' })
  fromDate!: string;
}

@InputType('RecordPublicationCommentInput', {
  description: 'A comment on a published list, received while it was up',
})
export class RecordPublicationCommentInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `publicationId ${ID_MESSAGE}` })
  publicationId!: string;

  @Field()
  @Length(1, NAME_MAX)
  commenterName!: string;

  @Field()
  @Length(1, TEXT_MAX)
  content!: string;

  @Field(() => DateScalar, { description: "Within the publication's window (fromDate to toDate)" })
  receivedOn!: string;

  @Field(() => ID, { nullable: true, description: 'The listed dossier the comment is about; absent: the whole list' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId?: string | null;

  @Field(() => ComplaintKind, {
    nullable: true,
    description: 'Opens a complaint of this kind about the dossier (dossierId required), filed from the comment',
  })
  @IsOptional()
  @IsEnum(ComplaintKind)
  opensComplaint?: ComplaintKind | null;
}
