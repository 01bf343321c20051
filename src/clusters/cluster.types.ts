import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ClusterKind } from '../shared/domain';

@ObjectType('ClusterInfo')
export class ClusterInfoType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ClusterKind)
  kind!: ClusterKind;

  @Field(() => ID)
  organizerUnitId!: string;

  @Field(() => [ID])
  memberUnitIds!: string[];
}

@ObjectType('CriterionScore', {
  description: 'The counting score of one criterion: the latest assessed score, else the latest self-score, else 0',
})
class CriterionScoreType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Float)
  points!: number;

  @Field(() => Float)
  maxPoints!: number;
}

@ObjectType('ClusterStandingRow')
class ClusterStandingRowType {
  @Field(() => Int)
  rank!: number;

  @Field(() => ID)
  unitId!: string;

  @Field()
  unitName!: string;

  @Field(() => Float)
  totalPoints!: number;

  @Field(() => [CriterionScoreType])
  scores!: CriterionScoreType[];

  @Field({ description: 'Rank 1 once the ranking is finalized' })
  proposedForFlag!: boolean;
}

@ObjectType('ClusterStandings')
export class ClusterStandingsType {
  @Field(() => ID)
  clusterId!: string;

  @Field()
  clusterName!: string;

  @Field(() => Int)
  year!: number;

  @Field()
  finalized!: boolean;

  @Field(() => ID, { nullable: true })
  leaderUnitId!: string | null;

  @Field(() => [ClusterStandingRowType])
  rows!: ClusterStandingRowType[];
}
