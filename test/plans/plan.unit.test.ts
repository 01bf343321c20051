import {
  planDecider,
  planTaskStatus,
  quarterEndDate,
  type IssuePlan,
  type PlanTaskInput,
  type ReportPlanTask,
} from '../../src/plans/plan.decider';
import type { PlanIssued, PlanTaskReported } from '../../src/plans/plan.events';
import { fold } from '../../src/shared/decider';
import { PlanTaskStatus } from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(planDecider));
const NOW = '2023-04-10T03:00:00.000Z';

const TASKS: PlanTaskInput[] = [
  {
    quarter: 1,
    content: 'Ban hành kế hoạch, phát động phong trào thi đua năm 2023',
    directingUnitId: 'u-pnv',
    executingUnitIds: ['u-pnv'],
    coordinatingUnitIds: [],
  },
  {
    quarter: 4,
    content: 'Tổng kết công tác thi đua, khen thưởng',
    directingUnitId: 'u-ubnd',
    executingUnitIds: ['u-pnv', 'u-vp'],
    coordinatingUnitIds: ['u-mttq'],
  },
];

function issue(overrides: Partial<IssuePlan['data']> = {}): IssuePlan {
  return {
    type: 'IssuePlan',
    data: {
      planId: 'pl-1',
      year: 2023,
      issuedByUnitId: 'u-ubnd',
      title: 'Kế hoạch công tác thi đua, khen thưởng năm 2023',
      tasks: TASKS,
      unknownUnitIds: [],
      ...overrides,
    },
  };
}

const issued: PlanIssued = {
  type: 'PlanIssued',
  data: {
    planId: 'pl-1',
    year: 2023,
    issuedByUnitId: 'u-ubnd',
    title: 'Kế hoạch công tác thi đua, khen thưởng năm 2023',
    tasks: [
      {
        taskNo: 1,
        quarter: 1,
        content: 'Ban hành kế hoạch, phát động phong trào thi đua năm 2023',
        directingUnitId: 'u-pnv',
        executingUnitIds: ['u-pnv'],
        coordinatingUnitIds: [],
      },
      {
        taskNo: 2,
        quarter: 4,
        content: 'Tổng kết công tác thi đua, khen thưởng',
        directingUnitId: 'u-ubnd',
        executingUnitIds: ['u-pnv', 'u-vp'],
        coordinatingUnitIds: ['u-mttq'],
      },
    ],
  },
};

function report(taskNo: number, done: boolean, overrides: Partial<ReportPlanTask['data']> = {}): ReportPlanTask {
  return {
    type: 'ReportPlanTask',
    data: { planId: 'pl-1', taskNo, done, note: null, reportedOn: '2023-04-10', now: NOW, ...overrides },
  };
}

function reported(
  taskNo: number,
  quarter: number,
  done: boolean,
  note: string | null = null,
  reportedOn = '2023-04-10',
): PlanTaskReported {
  return {
    type: 'PlanTaskReported',
    data: { planId: 'pl-1', year: 2023, taskNo, quarter, done, note, reportedOn, reportedAt: NOW },
  };
}

describe('plan decider', () => {
  it('has the stream type plan', () => {
    expect(planDecider.streamType).toBe('plan');
  });

  describe('IssuePlan', () => {
    it('given nothing, when issued, then PlanIssued with tasks numbered from 1', () => {
      spec.given([]).when(issue()).then([issued]);
    });

    it('given the plan exists, when issued again, then ALREADY_EXISTS', () => {
      spec.given([issued]).when(issue()).thenThrows('ALREADY_EXISTS');
    });

    it('refuses a plan without tasks', () => {
      spec
        .given([])
        .when(issue({ tasks: [] }))
        .thenThrows('PLAN_TASKS_REQUIRED');
    });

    it('refuses a task without an executing unit, naming it', () => {
      spec
        .given([])
        .when(issue({ tasks: [TASKS[0], { ...TASKS[1], executingUnitIds: [] }] }))
        .thenThrows('PLAN_TASK_EXECUTOR_REQUIRED', { taskNos: [2] });
    });

    it('accepts quarters 1 and 4, refuses 0 and 5', () => {
      spec
        .given([])
        .when(issue({ tasks: [{ ...TASKS[0], quarter: 4 }] }))
        .events();
      spec
        .given([])
        .when(issue({ tasks: [{ ...TASKS[0], quarter: 0 }] }))
        .thenThrows(InvalidInput, { field: 'tasks[0].quarter' });
      spec
        .given([])
        .when(issue({ tasks: [TASKS[0], { ...TASKS[1], quarter: 5 }] }))
        .thenThrows(InvalidInput, { field: 'tasks[1].quarter' });
    });

    it('refuses a year outside 1945–2100 and a blank title or content', () => {
      spec
        .given([])
        .when(issue({ year: 2101 }))
        .thenThrows(InvalidInput, { field: 'year' });
      spec
        .given([])
        .when(issue({ title: ' ' }))
        .thenThrows(InvalidInput, { field: 'title' });
      spec
        .given([])
        .when(issue({ tasks: [{ ...TASKS[0], content: '' }] }))
        .thenThrows(InvalidInput, { field: 'tasks[0].content' });
    });

    it('refuses an executing unit listed twice', () => {
      spec
        .given([])
        .when(issue({ tasks: [{ ...TASKS[0], executingUnitIds: ['u-pnv', 'u-pnv'] }] }))
        .thenThrows(InvalidInput, { field: 'tasks[0].executingUnitIds' });
    });

    it('refuses unknown units', () => {
      spec
        .given([])
        .when(issue({ unknownUnitIds: ['u-mttq'] }))
        .thenThrows(NotFound, { entity: 'Unit', id: 'u-mttq' });
    });
  });

  describe('ReportPlanTask', () => {
    it('given a plan, when a task is reported in progress, then PlanTaskReported with year and quarter', () => {
      spec
        .given([issued])
        .when(report(2, false, { note: 'Đang triển khai' }))
        .then([reported(2, 4, false, 'Đang triển khai')]);
    });

    it('given a task in progress, when reported done, then PlanTaskReported done', () => {
      spec
        .given([issued, reported(2, 4, false)])
        .when(report(2, true, { reportedOn: '2023-12-28' }))
        .then([reported(2, 4, true, null, '2023-12-28')]);
    });

    it('given a task reported done, when reported again (done or not), then PLAN_TASK_ALREADY_DONE', () => {
      spec
        .given([issued, reported(1, 1, true)])
        .when(report(1, false))
        .thenThrows('PLAN_TASK_ALREADY_DONE', { doneOn: '2023-04-10' });
      spec
        .given([issued, reported(1, 1, true)])
        .when(report(1, true))
        .thenThrows('PLAN_TASK_ALREADY_DONE');
    });

    it('refuses an unknown task number', () => {
      spec.given([issued]).when(report(3, true)).thenThrows('PLAN_TASK_UNKNOWN', { taskNo: 3 });
      spec.given([issued]).when(report(0, true)).thenThrows('PLAN_TASK_UNKNOWN');
    });

    it('given nothing, when reported, then NotFound', () => {
      spec.given([]).when(report(1, true)).thenThrows(NotFound, { entity: 'Plan', id: 'pl-1' });
    });

    it('refuses an invalid report date', () => {
      spec
        .given([issued])
        .when(report(1, true, { reportedOn: '2023-4-10' }))
        .thenThrows(InvalidInput, { field: 'reportedOn' });
    });

    it('keeps the reports in the state', () => {
      const state = fold(planDecider, [issued, reported(2, 4, false), reported(2, 4, true)]);
      expect(state).toMatchObject({
        tasks: [
          { taskNo: 1, reports: [] },
          { taskNo: 2, reports: [{ done: false }, { done: true }] },
        ],
      });
    });
  });
});

describe('planTaskStatus', () => {
  const q2 = { year: 2023, quarter: 2 };

  it('is PLANNED with no report up to the quarter’s last day', () => {
    expect(planTaskStatus(q2, [], '2023-01-01')).toBe(PlanTaskStatus.PLANNED);
    expect(planTaskStatus(q2, [], '2023-06-30')).toBe(PlanTaskStatus.PLANNED);
  });

  it('is IN_PROGRESS once reported not done', () => {
    expect(planTaskStatus(q2, [{ done: false }], '2023-05-01')).toBe(PlanTaskStatus.IN_PROGRESS);
  });

  it('is OVERDUE the day after the quarter ends when not done, with or without progress reports', () => {
    expect(planTaskStatus(q2, [], '2023-07-01')).toBe(PlanTaskStatus.OVERDUE);
    expect(planTaskStatus(q2, [{ done: false }], '2023-07-01')).toBe(PlanTaskStatus.OVERDUE);
    expect(planTaskStatus({ year: 2023, quarter: 4 }, [], '2024-01-01')).toBe(PlanTaskStatus.OVERDUE);
    expect(planTaskStatus({ year: 2023, quarter: 4 }, [], '2023-12-31')).toBe(PlanTaskStatus.PLANNED);
  });

  it('is DONE once reported done, even late', () => {
    expect(planTaskStatus(q2, [{ done: false }, { done: true }], '2023-05-01')).toBe(PlanTaskStatus.DONE);
    expect(planTaskStatus(q2, [{ done: true }], '2024-03-01')).toBe(PlanTaskStatus.DONE);
  });

  it('knows each quarter’s last day', () => {
    expect([1, 2, 3, 4].map((q) => quarterEndDate(2024, q))).toEqual([
      '2024-03-31',
      '2024-06-30',
      '2024-09-30',
      '2024-12-31',
    ]);
    expect(() => quarterEndDate(2024, 5)).toThrow(RangeError);
  });
});
