import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type {
  AwardCountRow,
  ComplaintTotalsRow,
  DossierTotalsRow,
  YearlyTotalsRow,
} from '../../projections/yearlyTotals/yearlyTotals.queries';
import { PeriodType } from '../graphql/common.types';
import { AwardCategory, AwardKind } from '../shared/domain';

@ObjectType('AwardCount', {
  description:
    "Awards of one kind granted for the period (AwardGranted.period), with a unit: those whose subject unit (the person's unit, or the collective itself) is the unit or below it. " +
    'count: awards granted for the period, revoked ones included; individuals, collectives, directWorkers, women: of those counted (revoked included); revoked: how many of those were revoked',
})
class AwardCountType implements AwardCountRow {
  @Field(() => AwardKind)
  award!: AwardKind;

  @Field({ description: 'From the award catalog' })
  label!: string;

  @Field(() => AwardCategory, { description: 'From the award catalog' })
  category!: AwardCategory;

  @Field(() => Int, { description: 'Awards granted for the period, revoked ones included' })
  count!: number;

  @Field(() => Int)
  individuals!: number;

  @Field(() => Int)
  collectives!: number;

  @Field(() => Int, { description: 'Awards to direct workers (người lao động trực tiếp), revoked included' })
  directWorkers!: number;

  @Field(() => Int, { description: 'Awards to women, revoked included' })
  women!: number;

  @Field(() => Int, { description: 'How many of the counted awards were revoked' })
  revoked!: number;

  @Field(() => Float, {
    description:
      'Sum of the cash rewards (VND) the counted awards recorded, revoked included; awards with no fixed amount add 0',
  })
  rewardVnd!: number;

  @Field(() => Float, { description: 'Of rewardVnd, the cash rewards (VND) of the revoked awards' })
  revokedRewardVnd!: number;
}

@ObjectType('DossierTotals', {
  description:
    "Dossiers of the period (DossierSubmitted.period), with a unit: by the nominee's unit. A withdrawn dossier counts in submitted only",
})
class DossierTotalsType implements DossierTotalsRow {
  @Field(() => Int, { description: 'Dossiers submitted' })
  submitted!: number;

  @Field(() => Int, { description: 'Dossiers returned for supplement at least once' })
  returned!: number;

  @Field(() => Int, { description: 'Dossiers whose latest appraisal found them eligible' })
  eligible!: number;

  @Field(() => Int, { description: 'Dossiers whose latest appraisal found them ineligible' })
  ineligible!: number;

  @Field(() => Int, { description: 'Dossiers the council approved' })
  approved!: number;

  @Field(() => Int, { description: 'Dossiers the council rejected' })
  rejected!: number;

  @Field(() => Int, { description: 'Dossiers on which an award decision was issued' })
  granted!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Median days from submittedOn to the resolving council session's heldOn, over approved and rejected dossiers; null when none",
  })
  medianDaysToDecision!: number | null;
}

@ObjectType('ComplaintTotals', {
  description:
    "Complaints, denunciations and petitions received within the period's dates (calendar year: Jan 1 – Dec 31; school year y: Sep 1 y – Aug 31 y+1); " +
    "with a unit: those whose subject (the complaint's subject, else the award's or dossier's subject; a person's unit when the complaint was filed) is in the unit's subtree",
})
class ComplaintTotalsType implements ComplaintTotalsRow {
  @Field(() => Int, { description: 'Received within the period' })
  filed!: number;

  @Field(() => Int, { description: 'Accepted for handling (whatever happened since)' })
  accepted!: number;

  @Field(() => Int, { description: 'Resolved on the merits (dismissals not included)' })
  resolved!: number;

  @Field(() => Int, { description: 'Resolved UPHELD or PARTIALLY_UPHELD' })
  upheld!: number;

  @Field(() => Int, {
    description:
      "Overdue on the period's last day, or today while the period has not ended: still RECEIVED past its acceptance due date, or ACCEPTED past its due date, extensions included (one resolved later still counts)",
  })
  overdue!: number;

  @Field(() => Int, { description: 'Of those overdue: complaints (khiếu nại)' })
  overdueComplaints!: number;

  @Field(() => Int, { description: 'Of those overdue: denunciations (tố cáo)' })
  overdueDenunciations!: number;
}

@ObjectType('YearlyTotals', {
  description: 'Totals of one period, over all units or over one unit and every unit below it',
})
export class YearlyTotalsType implements YearlyTotalsRow {
  @Field(() => PeriodType)
  period!: PeriodType;

  @Field(() => ID, { nullable: true, description: 'The unit whose subtree is counted; null: all units' })
  unitId!: string | null;

  @Field(() => [AwardCountType], { description: 'Only kinds with count > 0, in AwardKind order' })
  awards!: AwardCountType[];

  @Field(() => DossierTotalsType)
  dossiers!: DossierTotalsType;

  @Field(() => ComplaintTotalsType)
  complaints!: ComplaintTotalsType;

  @Field(() => Float, {
    nullable: true,
    description: 'Direct workers among non-revoked individual awards of every kind; null when there are none',
  })
  directWorkerShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Non-revoked GRASSROOTS_EMULATION_FIGHTER awards per non-revoked ADVANCED_WORKER award; null when there are no advanced workers',
  })
  grassrootsFighterRatio!: number | null;

  @Field(() => Float, {
    description:
      "Cash rewards (VND) of the period's awards that stand (revoked ones left out), as each decision recorded it",
  })
  rewardVnd!: number;
}
