import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DecisionAwardView, DecisionView } from '../../projections/decisions/decisions.queries';
import { PeriodType, SubjectType } from '../graphql/common.types';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import { AwardKind } from '../shared/domain';
import type { DecisionEntry } from './decision.events';

export enum DecisionStatus {
  DRAFT = 'DRAFT',
  SIGNED = 'SIGNED',
}
registerEnumType(DecisionStatus, { name: 'DecisionStatus' });

@ObjectType('DecisionEntry', {
  description: 'One recipient of a decision drafted in the system, with its computed reward',
})
export class DecisionEntryType {
  @Field(() => ID)
  dossierId!: string;

  @Field(() => ID, { description: 'The award the entry becomes once the decision is signed' })
  awardId!: string;

  @Field(() => AwardKind)
  award!: AwardKind;

  @Field()
  label!: string;

  @Field(() => SubjectType)
  subject!: SubjectType;

  @Field(() => PeriodType)
  period!: PeriodType;

  @Field(() => Float, { nullable: true, description: 'Multiple (hệ số) of the base salary; null where none is set' })
  cashMultiple!: number | null;

  @Field(() => Float, { nullable: true, description: 'The cash reward in VND on the decision date; null where none' })
  rewardVnd!: number | null;

  static of(entry: DecisionEntry): DecisionEntryType {
    return {
      dossierId: entry.dossierId,
      awardId: entry.awardId,
      award: entry.award,
      label: entry.label,
      subject: entry.subject,
      period: PeriodType.of(entry.period),
      cashMultiple: entry.cashMultiple,
      rewardVnd: entry.rewardVnd,
    };
  }
}

@ObjectType('DecisionAward', {
  description: 'An award citing the decision: granted by signing it, or recorded from paper with grantAward',
})
export class DecisionAwardType {
  @Field(() => ID)
  awardId!: string;

  @Field(() => ID)
  dossierId!: string;

  @Field(() => AwardKind)
  award!: AwardKind;

  @Field()
  label!: string;

  @Field(() => SubjectType)
  subject!: SubjectType;

  @Field(() => Float, { nullable: true })
  rewardVnd!: number | null;

  @Field()
  revoked!: boolean;

  static of(view: DecisionAwardView): DecisionAwardType {
    return { ...view };
  }
}

@ObjectType('Decision', { description: 'An award decision (quyết định khen thưởng) drafted and signed in the system' })
export class DecisionType {
  @Field(() => ID, { description: 'issuedByUnitId:year:number, the number spelled in the id alphabet' })
  id!: string;

  @Field(() => ID)
  issuedByUnitId!: string;

  @Field()
  issuedByUnitName!: string;

  @Field(() => Int)
  year!: number;

  @Field()
  number!: string;

  @Field(() => DecisionStatus)
  status!: DecisionStatus;

  @Field(() => DateScalar)
  decidedOn!: string;

  @Field({ description: 'Địa danh of the date line' })
  place!: string;

  @Field()
  signerName!: string;

  @Field()
  signerTitle!: string;

  @Field({ description: 'Trích yếu, after "Về việc"' })
  about!: string;

  @Field(() => [String])
  legalGrounds!: string[];

  @Field(() => [DecisionEntryType])
  entries!: DecisionEntryType[];

  @Field(() => Float, { description: 'The sum of the entries’ cash rewards in VND' })
  totalRewardVnd!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  signedAt!: Date | null;

  @Field(() => [DecisionAwardType], { description: 'The awards citing this number of the unit and year' })
  awards!: DecisionAwardType[];

  static of(view: DecisionView): DecisionType {
    const d = view.document;
    return {
      id: d.decisionId,
      issuedByUnitId: d.issuedByUnitId,
      issuedByUnitName: d.issuedByUnitName,
      year: d.year,
      number: d.number,
      status: view.status as DecisionStatus,
      decidedOn: d.decidedOn,
      place: d.place,
      signerName: d.signerName,
      signerTitle: d.signerTitle,
      about: d.about,
      legalGrounds: d.legalGrounds,
      entries: d.entries.map(DecisionEntryType.of),
      totalRewardVnd: d.entries.reduce((sum, e) => sum + (e.rewardVnd ?? 0), 0),
      signedAt: view.signedAt === null ? null : new Date(view.signedAt),
      awards: view.awards.map(DecisionAwardType.of),
    };
  }
}
