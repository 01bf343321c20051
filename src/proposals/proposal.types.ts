import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { ProposalView } from '../../projections/dossiers/proposals.queries';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';

export enum ProposalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  SENT_BACK = 'SENT_BACK',
}
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description:
    'DRAFT, SUBMITTED to the standing agency, or SENT_BACK: an earlier memo of the unit carries one of its dossiers',
});

@ObjectType('ProposalMemoRef', { description: 'A proposal memo named by its id and number' })
export class ProposalMemoRefType {
  @Field(() => ID)
  id!: string;

  @Field()
  number!: string;
}

@ObjectType('ProposalSentBack', { description: 'Why a memo was sent back to its unit' })
export class ProposalSentBackType {
  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => ID, { description: 'Its dossier that an earlier submitted memo of the unit carries' })
  dossierId!: string;

  @Field(() => ProposalMemoRefType, { description: 'The memo that carries it' })
  carriedBy!: ProposalMemoRefType;
}

@ObjectType('Proposal', { description: "A unit's proposal memo (tờ trình) listing its nominees' dossiers" })
export class ProposalType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  unitId!: string;

  @Field({ description: 'The memo number (số tờ trình)' })
  number!: string;

  @Field(() => DateScalar)
  proposedOn!: string;

  @Field(() => [ID], { description: "The nominees' dossiers, in the memo's order" })
  dossierIds!: string[];

  @Field(() => ProposalStatus)
  status!: ProposalStatus;

  @Field(() => DateTimeScalar)
  draftedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => ProposalSentBackType, { nullable: true, description: 'Set once the memo was sent back' })
  sentBack!: ProposalSentBackType | null;

  static of(view: ProposalView): ProposalType {
    return { ...view, status: ProposalStatus[view.status] };
  }
}
