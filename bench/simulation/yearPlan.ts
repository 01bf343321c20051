/** Who takes part in a year's rounds, chosen when the year is planned and read by its later rounds. */
export interface YearPlan {
  /** Registrants for calendar-year titles: advanced workers and grassroots fighters. */
  awCalendar: string[];
  gfCalendar: Set<string>;
  /** Registrants for school-year titles, by school year. */
  awSchool: Map<number, string[]>;
  gfSchool: Map<number, Set<string>>;
  advancedCollective: string[];
  excellentCollective: string[];
  regularMovement: Map<number | 'province', string>;
  thematicMovement: Map<number, string>;
}

export function emptyYearPlan(): YearPlan {
  return {
    awCalendar: [],
    gfCalendar: new Set(),
    awSchool: new Map(),
    gfSchool: new Map(),
    advancedCollective: [],
    excellentCollective: [],
    regularMovement: new Map(),
    thematicMovement: new Map(),
  };
}
