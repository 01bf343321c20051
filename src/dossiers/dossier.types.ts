import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { DossierView } from '../../projections/dossiers/dossiers.queries';
import { PeriodType, SubjectType } from '../graphql/common.types';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import { AuthorityLevel, AwardKind, DossierProcedure, DossierStatus, type BallotTally } from '../shared/domain';
import { RuleCheckType } from './eligibility.types';
import { DossierProposalType, RouteStepType } from './dossierRoute.types';

@ObjectType('BallotTally', {
  description:
    "The council's secret-ballot count. thresholdShare: the share of ALL council members who may vote on the dossier whose approval is required (0.9 for provincial and national emulation fighters, otherwise the council's rule, default 0.5); approved: approve / members meets it (>= 0.9, or > 0.5 for the default). Members barred for a conflict of interest are left out of members and counted in barredMembers",
})
export class BallotTallyType {
  @Field(() => Int)
  approve!: number;

  @Field(() => Int)
  reject!: number;

  @Field(() => Int)
  abstain!: number;

  @Field(() => Int, {
    description: 'All council members who may vote on the dossier, present or not: the threshold denominator',
  })
  members!: number;

  @Field(() => Int, {
    description: 'Council members barred from voting on the dossier (the nominee or of its unit), left out of members',
  })
  barredMembers!: number;

  @Field(() => Float)
  thresholdShare!: number;

  @Field()
  approved!: boolean;

  static of(tally: BallotTally): BallotTallyType {
    return {
      approve: tally.approve,
      reject: tally.reject,
      abstain: tally.abstain,
      members: tally.members,
      // Tallies recorded before members could be barred carry no count: none was.
      barredMembers: tally.barred ?? 0,
      thresholdShare: tally.thresholdShare,
      approved: tally.approved,
    };
  }
}

@ObjectType('Dossier', { description: 'An award proposal dossier (hồ sơ đề nghị khen thưởng) as it stands' })
export class DossierType {
  @Field(() => ID)
  id!: string;

  @Field(() => DossierStatus)
  status!: DossierStatus;

  @Field(() => SubjectType)
  nominee!: SubjectType;

  @Field(() => ID, { description: "The nominee's unit: the person's unit, or the collective itself" })
  nomineeUnitId!: string;

  @Field(() => AwardKind)
  award!: AwardKind;

  @Field(() => PeriodType)
  period!: PeriodType;

  @Field(() => ID)
  proposingUnitId!: string;

  @Field(() => DateScalar, { description: 'The submission date the rule set was chosen by' })
  submittedOn!: string;

  @Field(() => DateTimeScalar, { description: 'When the submission was recorded' })
  submittedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The rule set the dossier is appraised under (chosen by submittedOn, recorded by the appraisal)',
  })
  ruleSet!: string | null;

  @Field(() => [RuleCheckType], { description: "The latest appraisal's findings; empty until appraised" })
  checks!: RuleCheckType[];

  @Field(() => Int, { description: 'How many times it was returned for supplement' })
  returnCount!: number;

  @Field(() => BallotTallyType, {
    nullable: true,
    description: "The council's tally; null until the council resolved it",
  })
  tally!: BallotTallyType | null;

  @Field(() => ID, { nullable: true, description: 'The council session that resolved it' })
  sessionId!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The day the council resolved it (the session's heldOn)" })
  resolvedOn!: string | null;

  @Field(() => ID, { nullable: true, description: 'The award granted on it' })
  awardId!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the standing agency received it complete (tiếp nhận); null until then',
  })
  receivedOn!: string | null;

  @Field(() => ID, { nullable: true, description: 'The standing agency unit that received it' })
  receivingUnitId!: string | null;

  @Field(() => AuthorityLevel, { nullable: true, description: "The receiving unit's level: the handling level" })
  handlingLevel!: AuthorityLevel | null;

  @Field(() => ID, { nullable: true, description: 'The handling officer (cán bộ thụ lý); null until assigned' })
  handlingOfficerId!: string | null;

  @Field(() => String, { nullable: true })
  handlingOfficerName!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The appraisal's due date, from the reception date, handling level and rule set; null when no term applies",
  })
  dueOn!: string | null;

  @Field(() => DossierProcedure, {
    description: 'STANDARD, or SIMPLIFIED for a sudden award (khen thưởng đột xuất), appraised under its own term',
  })
  procedure!: DossierProcedure;

  @Field(() => DateScalar, { nullable: true, description: 'The sudden achievement the dossier proposes an award for' })
  achievedOn!: string | null;

  @Field(() => [RouteStepType], {
    description: 'Its forwardings to higher levels (khen cao), in order; empty while it stays at its first level',
  })
  route!: RouteStepType[];

  @Field(() => ID, {
    nullable: true,
    description: 'The unit handling it now: the receiving unit, or the unit it was last forwarded to',
  })
  handlingUnitId!: string | null;

  @Field(() => DossierProposalType, {
    nullable: true,
    description: 'The submitted proposal memo (tờ trình) that carries it; null when none does',
  })
  proposal!: DossierProposalType | null;

  @Field(() => Int, { description: 'Events in the dossier stream so far' })
  version!: number;

  static of(view: DossierView): DossierType {
    return {
      id: view.id,
      status: view.status,
      nominee: view.nominee,
      nomineeUnitId: view.nomineeUnitId,
      award: view.award,
      period: PeriodType.of(view.period),
      proposingUnitId: view.proposingUnitId,
      submittedOn: view.submittedOn,
      submittedAt: view.submittedAt,
      ruleSet: view.ruleSetId,
      checks: view.checks.map((c) => ({ rule: c.rule, passed: c.passed, detail: c.detail })),
      returnCount: view.returnCount,
      tally: view.tally === null ? null : BallotTallyType.of(view.tally),
      sessionId: view.sessionId,
      resolvedOn: view.resolvedOn,
      awardId: view.awardId,
      receivedOn: view.receivedOn,
      receivingUnitId: view.receivingUnitId,
      handlingLevel: view.handlingLevel,
      handlingOfficerId: view.handlingOfficerId,
      handlingOfficerName: view.handlingOfficerName,
      dueOn: view.dueOn,
      procedure: view.procedure,
      achievedOn: view.achievedOn,
      route: view.route.map((step) => RouteStepType.of(step)),
      handlingUnitId: view.handlingUnitId,
      proposal: view.proposal,
      version: view.version,
    };
  }
}
