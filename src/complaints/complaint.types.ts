import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ComplaintView } from '../../projections/complaints/complaints.queries';
import { SubjectType } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';
import { ComplaintKind, ComplaintOutcome, ComplaintStatus, type IsoDate } from '../shared/domain';
import { dueDateProvisional } from '../rules/legalTerms';
import { complaintOverdue } from './complaint.deadlines';

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

  @Field(() => DateScalar, {
    description:
      'It must be accepted or dismissed by then: 10 days for a complaint or petition, 7 working days for a denunciation',
  })
  acceptanceDueOn!: string;

  @Field({
    description:
      'acceptanceDueOn crosses a year whose days off are not announced yet (Labour Code holidays assumed): it may move',
  })
  acceptanceDueDateProvisional!: boolean;

  @Field(() => DateScalar, { nullable: true })
  acceptedOn!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Once accepted: the resolution deadline. Complaints and petitions 30 days (45 if complex or in a remote area, 60 if both); denunciations 30 days plus extensions',
  })
  dueOn!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'dueOn crosses a year whose days off are not announced yet (Labour Code holidays assumed): it may move; null before acceptance',
  })
  dueDateProvisional!: boolean | null;

  @Field({ description: 'Whether the case is complex (accepted as such, or marked complex since)' })
  complex!: boolean;

  @Field(() => Int, { description: "A denunciation's extensions so far (at most 2)" })
  extensionCount!: number;

  @Field(() => Int, { description: 'Days its extensions added to the resolution term' })
  extensionDays!: number;

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

  @Field({ description: 'Overdue today: still RECEIVED past acceptanceDueOn, or ACCEPTED past dueOn' })
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
      acceptanceDueDateProvisional: dueDateProvisional(view.receivedOn, view.acceptanceDueOn),
      acceptedOn: view.acceptedOn,
      dueOn: view.dueOn,
      dueDateProvisional:
        view.dueOn === null ? null : dueDateProvisional(view.acceptedOn ?? view.receivedOn, view.dueOn),
      complex: view.complex,
      extensionCount: view.extensionCount,
      extensionDays: view.extensionDays,
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
          acceptanceDueOn: view.acceptanceDueOn,
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
