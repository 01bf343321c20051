import { Field, ID, ObjectType } from 'type-graphql';
import type { ComplaintView } from '../../projections/complaints/complaints.queries';
import { SubjectType } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';
import { ComplaintKind, ComplaintOutcome, ComplaintStatus, type IsoDate } from '../shared/domain';
import { complaintOverdue } from './complaint.decider';

@ObjectType('Complaint', {
  description: 'A complaint (khiếu nại), denunciation (tố cáo) or petition (kiến nghị) with its deadlines',
})
export class ComplaintType {
  @Field(() => ID)
  id!: string;

  @Field(() => ComplaintKind)
  kind!: ComplaintKind;

  @Field(() => ComplaintStatus)
  status!: ComplaintStatus;

  @Field()
  complainantName!: string;

  @Field(() => DateScalar)
  receivedOn!: string;

  @Field(() => DateScalar, { description: 'It must be accepted or dismissed by then (receivedOn + 10 days)' })
  acceptanceDueOn!: string;

  @Field(() => DateScalar, { nullable: true })
  acceptedOn!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Once accepted: the resolution deadline (30 days; 45 if complex or in a remote area; 60 if both)',
  })
  dueOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date of the resolution or dismissal' })
  resolvedOn!: string | null;

  @Field(() => ComplaintOutcome, { nullable: true })
  outcome!: ComplaintOutcome | null;

  @Field(() => ID, { nullable: true })
  awardId!: string | null;

  @Field(() => ID, { nullable: true })
  dossierId!: string | null;

  @Field(() => SubjectType, { nullable: true })
  subject!: SubjectType | null;

  @Field(() => ID, { nullable: true, description: 'The award its resolution revoked' })
  revokedAwardId!: string | null;

  @Field({ description: 'Overdue today: still RECEIVED more than 10 days after receipt, or ACCEPTED past dueOn' })
  overdue!: boolean;

  /** The complaint as shown on `today`, its overdue flag computed by the domain's rule. */
  static of(view: ComplaintView, today: IsoDate): ComplaintType {
    return {
      id: view.id,
      kind: view.kind,
      status: view.status,
      complainantName: view.complainantName,
      receivedOn: view.receivedOn,
      acceptanceDueOn: view.acceptanceDueOn,
      acceptedOn: view.acceptedOn,
      dueOn: view.dueOn,
      resolvedOn: view.resolvedOn,
      outcome: view.outcome,
      awardId: view.awardId,
      dossierId: view.dossierId,
      subject: view.subject,
      revokedAwardId: view.revokedAwardId,
      overdue: complaintOverdue(
        {
          status: view.status,
          receivedOn: view.receivedOn,
          dueOn: view.dueOn,
          acceptedOn: view.acceptedOn,
          resolvedOn: view.resolvedOn,
        },
        today,
      ),
    };
  }
}

@ObjectType('ComplaintConnection', {
  description: 'One page, ordered by receivedOn then id; first defaults to 50, at most 100',
})
export class ComplaintConnectionType {
  @Field(() => [ComplaintType])
  nodes!: ComplaintType[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}
