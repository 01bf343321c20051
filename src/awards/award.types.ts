import { Field, Float, ID, ObjectType } from 'type-graphql';
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

  @Field(() => Float, {
    nullable: true,
    description: 'The multiple (hệ số) of the base salary the reward is; null where none is fixed',
  })
  cashMultiple!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The base salary (mức lương cơ sở, VND/month) in force on the decision date; null when not recorded',
  })
  baseSalaryVnd!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The cash reward in VND, multiple × base salary rounded as the decree says, fixed when granted; null where none is fixed or not recorded',
  })
  rewardVnd!: number | null;

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
      cashMultiple: view.cashMultiple,
      baseSalaryVnd: view.baseSalaryVnd,
      rewardVnd: view.rewardVnd,
      revoked: view.revoked,
      revokedReason: view.revokedReason,
      revocationDecisionNumber: view.revocationDecisionNumber,
      revokedByComplaintId: view.revokedByComplaintId,
    };
  }
}
