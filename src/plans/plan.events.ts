import type { IsoDate, IsoInstant } from '../shared/domain';

export interface PlanTask {
  /** 1-based position in the plan's task list as issued. */
  taskNo: number;
  /** 1–4: the quarter of the plan's year by whose last day the task is due. */
  quarter: number;
  content: string;
  directingUnitId: string;
  /** At least one. */
  executingUnitIds: string[];
  coordinatingUnitIds: string[];
}

/** The year's emulation and commendation work plan with its quarterly schedule. */
export interface PlanIssued {
  type: 'PlanIssued';
  data: {
    planId: string;
    year: number;
    issuedByUnitId: string;
    title: string;
    tasks: PlanTask[];
  };
}

/** Progress on one task: done, or still in progress (`done: false`). */
export interface PlanTaskReported {
  type: 'PlanTaskReported';
  data: {
    planId: string;
    year: number;
    taskNo: number;
    quarter: number;
    done: boolean;
    note: string | null;
    reportedOn: IsoDate;
    reportedAt: IsoInstant;
  };
}

export type PlanEvent = PlanIssued | PlanTaskReported;
