import { assertNever, type Decider } from '../shared/decider';
import { PlanTaskStatus, type IsoDate, type IsoInstant } from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { optionalText, requireDistinctIds, requireIsoDate, requireText, requireYear } from '../shared/validation';
import type { PlanEvent, PlanIssued, PlanTask, PlanTaskReported } from './plan.events';

const PLAN_STREAM_TYPE = 'plan';

export interface PlanTaskReport {
  done: boolean;
  note: string | null;
  reportedOn: IsoDate;
}

export interface PlanTaskState extends PlanTask {
  /** Reports in stream order. */
  reports: PlanTaskReport[];
}

export interface PlanRecord {
  status: 'ISSUED';
  planId: string;
  year: number;
  issuedByUnitId: string;
  title: string;
  tasks: PlanTaskState[];
}

export type PlanState = { status: 'NONE' } | PlanRecord;

export interface PlanTaskInput {
  quarter: number;
  content: string;
  directingUnitId: string;
  executingUnitIds: string[];
  /** The contract makes this optional: the handler passes `[]` when absent. */
  coordinatingUnitIds: string[];
}

export interface IssuePlan {
  type: 'IssuePlan';
  data: {
    planId: string;
    year: number;
    issuedByUnitId: string;
    title: string;
    tasks: PlanTaskInput[];
    /** Ids among the issuing, directing, executing and coordinating units that the handler could not find. */
    unknownUnitIds: string[];
  };
}

export interface ReportPlanTask {
  type: 'ReportPlanTask';
  data: {
    planId: string;
    taskNo: number;
    done: boolean;
    note: string | null;
    /** The date the report is about (the handler passes today's date unless given). */
    reportedOn: IsoDate;
    now: IsoInstant;
  };
}

export type PlanCommand = IssuePlan | ReportPlanTask;

function initialPlanState(): PlanState {
  return { status: 'NONE' };
}

function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanIssued': {
      const d = event.data;
      return {
        status: 'ISSUED',
        planId: d.planId,
        year: d.year,
        issuedByUnitId: d.issuedByUnitId,
        title: d.title,
        tasks: d.tasks.map((t) => ({ ...t, reports: [] })),
      };
    }
    case 'PlanTaskReported': {
      if (state.status === 'NONE') return state;
      const { taskNo, done, note, reportedOn } = event.data;
      return {
        ...state,
        tasks: state.tasks.map((t) =>
          t.taskNo === taskNo ? { ...t, reports: [...t.reports, { done, note, reportedOn }] } : t,
        ),
      };
    }
    default:
      return assertNever(event, 'plan event');
  }
}

function decidePlan(command: PlanCommand, state: PlanState): PlanEvent[] {
  switch (command.type) {
    case 'IssuePlan':
      return [issuePlan(command.data, state)];
    case 'ReportPlanTask':
      return [reportTask(command.data, state)];
    default:
      return assertNever(command, 'plan command');
  }
}

function issuePlan(d: IssuePlan['data'], state: PlanState): PlanIssued {
  if (state.status !== 'NONE')
    throw new RuleViolation('ALREADY_EXISTS', `plan ${d.planId} already exists`, { planId: d.planId });
  requireText(d.planId, 'planId');
  requireYear(d.year);
  requireText(d.issuedByUnitId, 'issuedByUnitId');
  requireText(d.title, 'title');
  d.tasks.forEach((t, i) => {
    const f = `tasks[${i}]`;
    if (!Number.isInteger(t.quarter) || t.quarter < 1 || t.quarter > 4) {
      throw new InvalidInput(`${f}.quarter must be 1, 2, 3 or 4, got ${t.quarter}`, `${f}.quarter`);
    }
    requireText(t.content, `${f}.content`);
    requireText(t.directingUnitId, `${f}.directingUnitId`);
    requireDistinctIds(t.executingUnitIds, `${f}.executingUnitIds`);
    requireDistinctIds(t.coordinatingUnitIds, `${f}.coordinatingUnitIds`);
  });
  if (d.unknownUnitIds.length > 0) throw new NotFound('Unit', d.unknownUnitIds[0]);
  if (d.tasks.length === 0)
    throw new RuleViolation('PLAN_TASKS_REQUIRED', 'a plan needs at least one task', { planId: d.planId });
  const withoutExecutor = d.tasks.map((t, i) => (t.executingUnitIds.length === 0 ? i + 1 : 0)).filter((n) => n > 0);
  if (withoutExecutor.length > 0) {
    throw new RuleViolation(
      'PLAN_TASK_EXECUTOR_REQUIRED',
      `every task needs an executing unit; task(s) ${withoutExecutor.join(', ')} have none`,
      {
        planId: d.planId,
        taskNos: withoutExecutor,
      },
    );
  }
  return {
    type: 'PlanIssued',
    data: {
      planId: d.planId,
      year: d.year,
      issuedByUnitId: d.issuedByUnitId,
      title: d.title,
      tasks: d.tasks.map((t, i) => ({
        taskNo: i + 1,
        quarter: t.quarter,
        content: t.content,
        directingUnitId: t.directingUnitId,
        executingUnitIds: [...t.executingUnitIds],
        coordinatingUnitIds: [...t.coordinatingUnitIds],
      })),
    },
  };
}

function reportTask(d: ReportPlanTask['data'], state: PlanState): PlanTaskReported {
  if (state.status === 'NONE') throw new NotFound('Plan', d.planId);
  requireIsoDate(d.reportedOn, 'reportedOn');
  const task = state.tasks.find((t) => t.taskNo === d.taskNo);
  if (!task) {
    throw new RuleViolation(
      'PLAN_TASK_UNKNOWN',
      `plan ${state.planId} has no task ${d.taskNo} (tasks 1–${state.tasks.length})`,
      {
        planId: state.planId,
        taskNo: d.taskNo,
        tasks: state.tasks.length,
      },
    );
  }
  const doneReport = task.reports.find((r) => r.done);
  if (doneReport) {
    throw new RuleViolation(
      'PLAN_TASK_ALREADY_DONE',
      `task ${d.taskNo} of plan ${state.planId} was reported done on ${doneReport.reportedOn}`,
      {
        planId: state.planId,
        taskNo: d.taskNo,
        doneOn: doneReport.reportedOn,
      },
    );
  }
  return {
    type: 'PlanTaskReported',
    data: {
      planId: state.planId,
      year: state.year,
      taskNo: task.taskNo,
      quarter: task.quarter,
      done: d.done,
      note: optionalText(d.note),
      reportedOn: d.reportedOn,
      reportedAt: d.now,
    },
  };
}

/** The last day of a quarter of a year, e.g. (2023, 2) → `2023-06-30`. */
export function quarterEndDate(year: number, quarter: number): IsoDate {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)
    throw new RangeError(`quarter must be 1–4, got ${quarter}`);
  const lastDays = ['03-31', '06-30', '09-30', '12-31'];
  return `${String(year).padStart(4, '0')}-${lastDays[quarter - 1]}`;
}

/**
 * The status of a task on `today`: DONE once any report says done; otherwise OVERDUE
 * when `today` is after the last day of the task's quarter in the plan's year; otherwise
 * IN_PROGRESS once a not-done report exists; otherwise PLANNED. A task done late is DONE.
 * The caller passes the reports that are known at `today` (e.g. filtered for `asOf`).
 */
export function planTaskStatus(
  task: { year: number; quarter: number },
  reports: readonly { done: boolean }[],
  today: IsoDate,
): PlanTaskStatus {
  if (reports.some((r) => r.done)) return PlanTaskStatus.DONE;
  if (today > quarterEndDate(task.year, task.quarter)) return PlanTaskStatus.OVERDUE;
  if (reports.length > 0) return PlanTaskStatus.IN_PROGRESS;
  return PlanTaskStatus.PLANNED;
}

export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = {
  streamType: PLAN_STREAM_TYPE,
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: decidePlan,
};
