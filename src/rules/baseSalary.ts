/**
 * The base salary (mức lương cơ sở) as dated data: cash rewards are multiples of the base
 * salary in force on the award decision's date (Decree 98/2023/ND-CP Art. 53 cl. 1).
 */
import type { IsoDate } from '../shared/domain';
import { requireIsoDate } from '../shared/validation';

export interface BaseSalaryPeriod {
  /** First day in force. */
  from: IsoDate;
  /** VND per month. */
  vndPerMonth: number;
  legalBasis: string;
}

/** Oldest first; each period lasts until the next one starts. */
export const BASE_SALARY_PERIODS: readonly BaseSalaryPeriod[] = Object.freeze(
  [
    // Not checked against the decree text: the figure and date as commonly reported.
    { from: '2017-07-01', vndPerMonth: 1_300_000, legalBasis: 'Decree 47/2017/ND-CP' },
    // The figure is confirmed by secondary sources (in force until 2019-06-30); the start date was not verified.
    { from: '2018-07-01', vndPerMonth: 1_390_000, legalBasis: 'Decree 72/2018/ND-CP' },
    { from: '2019-07-01', vndPerMonth: 1_490_000, legalBasis: 'Decree 38/2019/ND-CP' },
    { from: '2023-07-01', vndPerMonth: 1_800_000, legalBasis: 'Decree 24/2023/ND-CP' },
    { from: '2024-07-01', vndPerMonth: 2_340_000, legalBasis: 'Decree 73/2024/ND-CP Art. 3' },
  ].map((period) => Object.freeze(period)),
);

/** The base salary in force on `date`; null before the first period this system knows. */
export function baseSalaryOn(date: IsoDate): BaseSalaryPeriod | null {
  requireIsoDate(date, 'date');
  let found: BaseSalaryPeriod | null = null;
  // ISO dates compare correctly as strings.
  for (const period of BASE_SALARY_PERIODS) if (period.from <= date) found = period;
  return found;
}
