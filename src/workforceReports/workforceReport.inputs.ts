import { IsInt, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ID_MESSAGE, ID_PATTERN, YearField } from '../graphql/common.types';
import type { HeadCount, WorkforceFigures } from './workforceReport.events';

/** A form cell: a whole number from 0 to 1,000,000. */
function CountField(description?: string): PropertyDecorator {
  return (target, key) => {
    Field(() => Int, description ? { description } : {})(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(1_000_000)(target, key);
  };
}

function NestedField(type: () => unknown, description: string): PropertyDecorator {
  return (target, key) => {
    Field(type as () => never, { description })(target, key);
    ValidateNested()(target, key);
  };
}

@InputType('HeadCountInput', { description: 'People in one row of form 0605, and the women among them' })
export class HeadCountInput implements HeadCount {
  @CountField() total!: number;
  @CountField() women!: number;
}

@InputType('WorkforceOrganisationsInput', { description: 'Form 0604 rows 02–05 (tổ chức làm công tác TĐKT)' })
export class WorkforceOrganisationsInput {
  @CountField('02: cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương') ministryDepartments!: number;
  @CountField('03: cấp phòng, ban hoặc bộ phận thuộc Vụ') departmentDivisions!: number;
  @CountField('04: cấp ban thuộc Sở Nội vụ') homeAffairsBoards!: number;
  @CountField('05: cấp phòng thuộc Sở Nội vụ') homeAffairsDivisions!: number;
}

@InputType('WorkforceByAgeInput', { description: 'Form 0605 rows 02–07' })
export class WorkforceByAgeInput {
  @NestedField(() => HeadCountInput, '02: từ 30 trở xuống') upTo30!: HeadCountInput;
  @NestedField(() => HeadCountInput, '03: từ 31 đến 40') from31To40!: HeadCountInput;
  @NestedField(() => HeadCountInput, '04: từ 41 đến 50') from41To50!: HeadCountInput;
  @NestedField(() => HeadCountInput, '05: từ 51 đến 55') from51To55!: HeadCountInput;
  @NestedField(() => HeadCountInput, '06: từ 56 đến 60') from56To60!: HeadCountInput;
  @NestedField(() => HeadCountInput, '07: trên 60 tuổi') over60!: HeadCountInput;
}

@InputType('WorkforceByTrainingInput', { description: 'Form 0605 rows 08–12' })
export class WorkforceByTrainingInput {
  @NestedField(() => HeadCountInput, '08: sơ cấp') elementary!: HeadCountInput;
  @NestedField(() => HeadCountInput, '09: trung cấp') intermediate!: HeadCountInput;
  @NestedField(() => HeadCountInput, '10: cao đẳng') college!: HeadCountInput;
  @NestedField(() => HeadCountInput, '11: đại học') university!: HeadCountInput;
  @NestedField(() => HeadCountInput, '12: trên đại học') postgraduate!: HeadCountInput;
}

@InputType('WorkforceBySeniorityInput', {
  description: 'Form 0605 rows 13–15: years of work in emulation and commendation',
})
export class WorkforceBySeniorityInput {
  @NestedField(() => HeadCountInput, '13: dưới 5 năm') under5Years!: HeadCountInput;
  @NestedField(() => HeadCountInput, '14: từ 5 đến dưới 10 năm') from5To10Years!: HeadCountInput;
  @NestedField(() => HeadCountInput, '15: từ 10 năm trở lên') over10Years!: HeadCountInput;
}

@InputType('WorkforceFiguresInput')
export class WorkforceFiguresInput {
  @NestedField(() => WorkforceOrganisationsInput, 'Form 0604') organisations!: WorkforceOrganisationsInput;
  @NestedField(() => WorkforceByAgeInput, 'Form 0605, by age') byAge!: WorkforceByAgeInput;
  @NestedField(() => WorkforceByTrainingInput, 'Form 0605, by training') byTraining!: WorkforceByTrainingInput;
  @NestedField(() => WorkforceBySeniorityInput, 'Form 0605, by seniority') bySeniority!: WorkforceBySeniorityInput;
}

@InputType('ReportWorkforceInput')
export class ReportWorkforceInput {
  @Field(() => ID, { description: 'The unit whose emulation and commendation workforce is reported' })
  @Matches(ID_PATTERN, { message: `unitId ${ID_MESSAGE}` })
  unitId!: string;

  @YearField()
  year!: number;

  @NestedField(() => WorkforceFiguresInput, 'A later report for the same unit and year corrects the earlier one')
  figures!: WorkforceFiguresInput;
}

const plainCount = (c: HeadCount): HeadCount => ({ total: c.total, women: c.women });
const plainCounts = <K extends string>(counts: Record<K, HeadCount>, keys: readonly K[]): Record<K, HeadCount> =>
  Object.fromEntries(keys.map((k) => [k, plainCount(counts[k])])) as Record<K, HeadCount>;

/** The figures as plain data in the events' key order. */
export function plainFigures(f: WorkforceFiguresInput): WorkforceFigures {
  const o = f.organisations;
  return {
    organisations: {
      ministryDepartments: o.ministryDepartments,
      departmentDivisions: o.departmentDivisions,
      homeAffairsBoards: o.homeAffairsBoards,
      homeAffairsDivisions: o.homeAffairsDivisions,
    },
    byAge: plainCounts(f.byAge, ['upTo30', 'from31To40', 'from41To50', 'from51To55', 'from56To60', 'over60']),
    byTraining: plainCounts(f.byTraining, ['elementary', 'intermediate', 'college', 'university', 'postgraduate']),
    bySeniority: plainCounts(f.bySeniority, ['under5Years', 'from5To10Years', 'over10Years']),
  };
}
