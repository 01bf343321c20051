import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PublicationView } from '../../projections/publications/publications.queries';
import { SubjectType } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';
import { AwardKind, ComplaintKind } from '../shared/domain';
import { PublicationChannel } from './publication.events';

@ObjectType('PublishedNominee', { description: 'A nominee on a published list, as its dossier named it then' })
export class PublishedNomineeType {
  @Field(() => ID)
  dossierId!: string;

  @Field(() => AwardKind)
  award!: AwardKind;

  @Field(() => SubjectType)
  nominee!: SubjectType;
}

@ObjectType('PublicationComment', { description: 'A comment received while the list was up' })
export class PublicationCommentType {
  @Field(() => Int, { description: '1, 2, … in the order recorded' })
  commentNo!: number;

  @Field({ description: 'Withheld from readers of aggregates (ANALYST)' })
  commenterName!: string;

  @Field()
  content!: string;

  @Field(() => DateScalar)
  receivedOn!: string;

  @Field(() => ID, { nullable: true, description: 'The listed dossier it is about; null: the whole list' })
  dossierId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The complaint it opened, if any' })
  complaintId!: string | null;

  @Field(() => ComplaintKind, { nullable: true })
  complaintKind!: ComplaintKind | null;
}

@ObjectType('Publication', {
  description: 'A list of nominees published before the council (công khai), with the comments its window received',
})
export class PublicationType {
  @Field(() => ID)
  id!: string;

  @Field(() => [PublicationChannel])
  channels!: PublicationChannel[];

  @Field({ description: "The portal's address or the notice board's place" })
  location!: string;

  @Field(() => DateScalar, { description: 'The first day the list was up' })
  fromDate!: string;

  @Field(() => DateScalar, {
    description: 'The last day comments are received: the windowWorkingDays-th working day counting fromDate',
  })
  toDate!: string;

  @Field(() => Int)
  windowWorkingDays!: number;

  @Field()
  publishedAt!: Date;

  @Field(() => [PublishedNomineeType])
  nominees!: PublishedNomineeType[];

  @Field(() => [PublicationCommentType])
  comments!: PublicationCommentType[];

  static of(view: PublicationView): PublicationType {
    return Object.assign(new PublicationType(), {
      id: view.publicationId,
      channels: view.channels,
      location: view.location,
      fromDate: view.fromDate,
      toDate: view.toDate,
      windowWorkingDays: view.windowWorkingDays,
      publishedAt: view.publishedAt,
      nominees: view.nominees,
      comments: view.comments,
    });
  }
}
