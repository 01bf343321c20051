import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, NAME_MAX, TEXT_MAX, YearField } from '../graphql/common.types';

/** At most this many tasks per plan (the 2022–2023 district plans have a few dozen). */
const MAX_PLAN_TASKS = 500;
/** At most this many executing or coordinating units per task. */
const MAX_TASK_UNITS = 200;

@InputType('PlanTaskInput')
class PlanTaskInput {
  @Field(() => Int, { description: '1–4: the task is due by the last day of this quarter of the plan’s year' })
  @IsInt()
  @Min(1)
  @Max(4)
  quarter!: number;

  @Field()
  @Length(1, TEXT_MAX)
  content!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `directingUnitId ${ID_MESSAGE}` })
  directingUnitId!: string;

  @Field(() => [ID], { description: 'At least one' })
  @ArrayMaxSize(MAX_TASK_UNITS)
  @Matches(ID_PATTERN, { each: true, message: `executingUnitIds ${ID_MESSAGE}` })
  executingUnitIds!: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_TASK_UNITS)
  @Matches(ID_PATTERN, { each: true, message: `coordinatingUnitIds ${ID_MESSAGE}` })
  coordinatingUnitIds?: string[] | null;
}

@InputType('IssuePlanInput')
export class IssuePlanInput {
  @GeneratedIdField()
  id?: string | null;

  @YearField()
  year!: number;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `issuedByUnitId ${ID_MESSAGE}` })
  issuedByUnitId!: string;

  @Field()
  @Length(1, NAME_MAX)
  title!: string;

  @Field(() => [PlanTaskInput], { description: 'Numbered 1, 2, 3 … in this order (taskNo)' })
  @ArrayMaxSize(MAX_PLAN_TASKS)
  @ValidateNested({ each: true })
  tasks!: PlanTaskInput[];
}

@ArgsType()
export class ReportPlanTaskArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `planId ${ID_MESSAGE}` })
  planId!: string;

  @Field(() => Int, { description: '1-based position in the plan’s task list as issued' })
  @IsInt()
  @Min(1)
  taskNo!: number;

  @Field({ description: 'true: the task is done; false: a progress report' })
  @IsBoolean()
  done!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, TEXT_MAX)
  note?: string | null;
}
