import type { DomainEvent } from '../shared/decider';
import type { IsoInstant } from '../shared/domain';

/** People in one row of form 0605, and the women among them. */
export interface HeadCount {
  total: number;
  women: number;
}

/**
 * The year's figures on the people and organisations doing emulation and commendation
 * work, as forms 0604 and 0605.N/BNV-TĐKT (Circular 02/2023/TT-BNV) ask for them. The
 * log holds none of this: the standing agency enters it.
 */
export interface WorkforceFigures {
  /** Form 0604 rows 02–05: organisations by their place in the apparatus. */
  organisations: {
    ministryDepartments: number;
    departmentDivisions: number;
    homeAffairsBoards: number;
    homeAffairsDivisions: number;
  };
  /** Form 0605 rows 02–07. */
  byAge: {
    upTo30: HeadCount;
    from31To40: HeadCount;
    from41To50: HeadCount;
    from51To55: HeadCount;
    from56To60: HeadCount;
    over60: HeadCount;
  };
  /** Form 0605 rows 08–12; people without one of these levels of training are in no row. */
  byTraining: {
    elementary: HeadCount;
    intermediate: HeadCount;
    college: HeadCount;
    university: HeadCount;
    postgraduate: HeadCount;
  };
  /** Form 0605 rows 13–15: years of work in emulation and commendation. */
  bySeniority: {
    under5Years: HeadCount;
    from5To10Years: HeadCount;
    over10Years: HeadCount;
  };
}

/**
 * A unit's workforce figures for a year were reported. A later report for the same unit
 * and year corrects the earlier one, which stays in history (`revision` counts them).
 */
export interface WorkforceReported extends DomainEvent<
  'WorkforceReported',
  {
    unitId: string;
    unitName: string;
    year: number;
    figures: WorkforceFigures;
    revision: number;
    reportedAt: IsoInstant;
  }
> {}

export type WorkforceReportEvent = WorkforceReported;
