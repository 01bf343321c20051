import { Field, ID, ObjectType } from 'type-graphql';
import type { AwardView } from '../../projections/awards/awards.queries';
import { PeriodType, SubjectType } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';
import { AwardCategory, AwardKind } from '../shared/domain';

@ObjectType('Award', {
  description: 'An award decision (quyết định khen thưởng) for one subject, and its revocation if any',
})
export class AwardType {
  @Field(() => ID)
  id!: string;

  @Field(() => AwardKind)
  award!: AwardKind;

  @Field({ description: 'The Vietnamese name of the title or form, as on the decision date' })
  label!: string;

  @Field(() => AwardCategory)
  category!: AwardCategory;

  @Field(() => SubjectType)
  subject!: SubjectType;

  @Field(() => PeriodType)
  period!: PeriodType;

  @Field()
  decisionNumber!: string;

  @Field(() => DateScalar)
  decidedOn!: string;

  @Field(() => ID)
  issuedByUnitId!: string;

  @Field()
  signerName!: string;

  @Field(() => ID)
  dossierId!: string;

  @Field()
  revoked!: boolean;

  @Field(() => String, { nullable: true })
  revokedReason!: string | null;

  @Field(() => String, { nullable: true, description: 'The number of the revoking decision' })
  revocationDecisionNumber!: string | null;

  @Field(() => ID, { nullable: true, description: 'The complaint whose resolution revoked it' })
  revokedByComplaintId!: string | null;

  static of(view: AwardView): AwardType {
    return {
      id: view.id,
      award: view.award,
      label: view.label,
      category: view.category,
      subject: view.subject,
      period: PeriodType.of(view.period),
      decisionNumber: view.decisionNumber,
      decidedOn: view.decidedOn,
      issuedByUnitId: view.issuedByUnitId,
      signerName: view.signerName,
      dossierId: view.dossierId,
      revoked: view.revoked,
      revokedReason: view.revokedReason,
      revocationDecisionNumber: view.revocationDecisionNumber,
      revokedByComplaintId: view.revokedByComplaintId,
    };
  }
}
