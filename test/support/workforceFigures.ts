import type { WorkforceFigures } from '../../src/workforceReports/workforceReport.events';

const count = (total: number, women: number) => ({ total, women });

/** A consistent year of figures: 20 people (9 women) by age and seniority, 18 of them with training. */
export function workforceFigures(): WorkforceFigures {
  return {
    organisations: { ministryDepartments: 0, departmentDivisions: 0, homeAffairsBoards: 1, homeAffairsDivisions: 2 },
    byAge: {
      upTo30: count(3, 2),
      from31To40: count(6, 3),
      from41To50: count(5, 2),
      from51To55: count(3, 1),
      from56To60: count(2, 1),
      over60: count(1, 0),
    },
    byTraining: {
      elementary: count(1, 0),
      intermediate: count(2, 1),
      college: count(3, 1),
      university: count(10, 5),
      postgraduate: count(2, 1),
    },
    bySeniority: { under5Years: count(8, 4), from5To10Years: count(7, 3), over10Years: count(5, 2) },
  };
}
