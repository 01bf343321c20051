import './enums';
import { IsEnum, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  MAX_YEAR,
  MIN_YEAR,
  PeriodKind,
  SubjectKind,
  periodLabel,
  type Period,
  type SubjectRef,
} from '../shared/domain';
import { ID_MESSAGE, ID_PATTERN } from '../shared/ids';

// The input classes check ids against the application's id alphabet.
export { ID_MESSAGE, ID_PATTERN } from '../shared/ids';
export { NAME_MAX, TEXT_MAX } from '../shared/validation';

/** The optional `id` of a create command's input: the caller's, or one generated. */
export function GeneratedIdField(): PropertyDecorator {
  return (target, key) => {
    Field(() => ID, { nullable: true, description: 'Generated when absent' })(target, key);
    IsOptional()(target, key);
    Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })(target, key);
  };
}

/** A year of a period, plan or cluster: 1945–2100. */
export function YearField(): PropertyDecorator {
  return (target, key) => {
    Field(() => Int)(target, key);
    IsInt()(target, key);
    Min(MIN_YEAR)(target, key);
    Max(MAX_YEAR)(target, key);
  };
}

@InputType('PeriodInput', { description: 'SCHOOL_YEAR 2022 = 2022-2023' })
export class PeriodInput implements Period {
  @Field(() => PeriodKind)
  @IsEnum(PeriodKind)
  kind!: PeriodKind;

  @YearField()
  year!: number;
}

@InputType('SubjectInput')
export class SubjectInput implements SubjectRef {
  @Field(() => SubjectKind)
  @IsEnum(SubjectKind)
  kind!: SubjectKind;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;
}

@ObjectType('Period')
export class PeriodType {
  @Field(() => PeriodKind)
  kind!: PeriodKind;

  @Field(() => Int)
  year!: number;

  @Field({ description: '"2023" or "2022-2023"' })
  label!: string;

  static of(period: Period): PeriodType {
    return { kind: period.kind, year: period.year, label: periodLabel(period) };
  }
}

@ObjectType('Subject')
export class SubjectType {
  @Field(() => SubjectKind)
  kind!: SubjectKind;

  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType('CommandResult', {
  description:
    'Every command answers with this. `position` is the global position of the last event appended; pass it to projectionsCaughtUp to read your own writes.',
})
export class CommandResultType {
  @Field(() => ID)
  id!: string;

  @Field()
  streamId!: string;

  @Field(() => Int, { description: 'Events in the stream after the append' })
  version!: number;

  @Field()
  position!: string;

  @Field(() => [String])
  eventTypes!: string[];
}
