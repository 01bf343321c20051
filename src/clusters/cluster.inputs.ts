import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsNumber,
  IsOptional,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, NAME_MAX, TEXT_MAX, YearField } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';
import { ClusterKind, ScoreKind } from '../shared/domain';

/**
 * Upper bound on the member list the input accepts. The domain rule (4–15 members,
 * CLUSTER_SIZE) is the decider's: this only keeps a request from loading thousands of
 * unit streams.
 */
const MAX_MEMBER_IDS = 100;
/** At most this many criteria per year. */
const MAX_CRITERIA = 100;
/** Criterion codes are short labels ("A", "1.2", "DIEM_THUONG"). */
const CODE_MAX = 100;

const FINITE = { allowNaN: false, allowInfinity: false } as const;

@InputType('FormClusterInput')
export class FormClusterInput {
  @GeneratedIdField()
  id?: string | null;

  @Field()
  @Length(1, NAME_MAX)
  name!: string;

  @Field(() => ClusterKind)
  @IsEnum(ClusterKind)
  kind!: ClusterKind;

  @Field(() => ID, { description: 'The organizing authority (usually the province or district council)' })
  @Matches(ID_PATTERN, { message: `organizerUnitId ${ID_MESSAGE}` })
  organizerUnitId!: string;

  @Field(() => [ID], { description: '4–15 distinct member units' })
  @ArrayMaxSize(MAX_MEMBER_IDS)
  @Matches(ID_PATTERN, { each: true, message: `memberUnitIds ${ID_MESSAGE}` })
  memberUnitIds!: string[];
}

@InputType('CriterionInput')
class CriterionInput {
  @Field()
  @Length(1, CODE_MAX)
  code!: string;

  @Field()
  @Length(1, NAME_MAX)
  name!: string;

  @Field(() => Float, {
    description: 'Positive for ordinary and bonus criteria, negative for penalty criteria (điểm trừ)',
  })
  @IsNumber(FINITE)
  maxPoints!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A bonus criterion (điểm thưởng), outside the 100/1000-point scale; default false',
  })
  @IsOptional()
  @IsBoolean()
  bonus?: boolean | null;
}

@InputType('SetClusterCriteriaInput')
export class SetClusterCriteriaInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `clusterId ${ID_MESSAGE}` })
  clusterId!: string;

  @YearField()
  year!: number;

  @Field(() => [CriterionInput])
  @ArrayMaxSize(MAX_CRITERIA)
  @ValidateNested({ each: true })
  criteria!: CriterionInput[];
}

@InputType('RecordClusterScoreInput')
export class RecordClusterScoreInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `clusterId ${ID_MESSAGE}` })
  clusterId!: string;

  @YearField()
  year!: number;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `unitId ${ID_MESSAGE}` })
  unitId!: string;

  @Field()
  @Length(1, CODE_MAX)
  criterionCode!: string;

  @Field(() => Float)
  @IsNumber(FINITE)
  points!: number;

  @Field(() => ScoreKind, {
    description: 'SELF: the unit scores itself; ASSESSED: the cluster’s score, which supersedes it',
  })
  @IsEnum(ScoreKind)
  kind!: ScoreKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, TEXT_MAX)
  note?: string | null;
}

@ArgsType()
export class AssignClusterLeadershipArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `clusterId ${ID_MESSAGE}` })
  clusterId!: string;

  @YearField()
  year!: number;

  @Field(() => ID, { description: 'The leading unit (trưởng khối) for the year' })
  @Matches(ID_PATTERN, { message: `leaderUnitId ${ID_MESSAGE}` })
  leaderUnitId!: string;

  @Field(() => ID, { description: 'The deputy unit (phó khối) for the year' })
  @Matches(ID_PATTERN, { message: `deputyUnitId ${ID_MESSAGE}` })
  deputyUnitId!: string;
}

@ArgsType()
export class FinalizeClusterRankingArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `clusterId ${ID_MESSAGE}` })
  clusterId!: string;

  @YearField()
  year!: number;
}

@InputType('SignClusterCovenantInput', { description: "A member unit signs its cluster's covenant for the year" })
export class SignClusterCovenantInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `clusterId ${ID_MESSAGE}` })
  clusterId!: string;

  @YearField()
  year!: number;

  @Field(() => ID, { description: 'The signing member unit' })
  @Matches(ID_PATTERN, { message: `unitId ${ID_MESSAGE}` })
  unitId!: string;

  @Field(() => DateScalar)
  signedOn!: string;
}
