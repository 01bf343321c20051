import { addDays, daysBetween, periodLabel, PeriodKind } from '../../src/shared/domain';

describe('periods and dates', () => {
  it('labels a school year with both calendar years', () => {
    expect(periodLabel({ kind: PeriodKind.SCHOOL_YEAR, year: 2022 })).toBe('2022-2023');
    expect(periodLabel({ kind: PeriodKind.CALENDAR_YEAR, year: 2023 })).toBe('2023');
  });
  it('adds days across month and leap-year boundaries', () => {
    expect(addDays('2024-02-20', 10)).toBe('2024-03-01');
    expect(addDays('2023-12-25', 10)).toBe('2024-01-04');
    expect(daysBetween('2024-02-20', '2024-03-01')).toBe(10);
  });
});
