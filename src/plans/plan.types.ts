import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PlanTaskStatus } from '../shared/domain';

@ObjectType('PlanTask', { description: 'taskNo: 1-based position in the plan as issued' })
class PlanTaskType {
  @Field(() => Int)
  taskNo!: number;

  @Field(() => Int)
  quarter!: number;

  @Field()
  content!: string;

  @Field(() => ID)
  directingUnitId!: string;

  @Field(() => [ID])
  executingUnitIds!: string[];

  @Field(() => [ID])
  coordinatingUnitIds!: string[];

  @Field(() => PlanTaskStatus, { description: 'OVERDUE once its quarter has ended without a report of it done' })
  status!: PlanTaskStatus;
}

@ObjectType('Plan')
export class PlanType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field()
  title!: string;

  @Field(() => ID)
  issuedByUnitId!: string;

  @Field(() => [PlanTaskType])
  tasks!: PlanTaskType[];
}
