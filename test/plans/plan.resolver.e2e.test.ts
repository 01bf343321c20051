import { expectRefused, mutate, startTestApp, type TestApp } from '../support/app';
import { registerUnit } from '../support/reference';
import { streamEvents, typeAndData } from '../support/streams';

const ISSUE = `mutation($input: IssuePlanInput!) { issuePlan(input: $input) { id streamId version position eventTypes } }`;
const REPORT = `mutation($planId: ID!, $taskNo: Int!, $done: Boolean!, $note: String) {
  reportPlanTask(planId: $planId, taskNo: $taskNo, done: $done, note: $note) { id streamId version position eventTypes } }`;

const NOW = new Date('2023-05-15T03:00:00.000Z');
const PLAN = 'kh-tdkt-2023';
const STREAM = `plan-${PLAN}`;

describe('annual plans and task reports over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: () => NOW });
    await registerUnit(t, {
      id: 'ubnd-huyen-dl',
      name: 'UBND huyện Duy Xuyên',
      kind: 'PEOPLES_COMMITTEE',
      level: 'DISTRICT',
    });
    for (const [id, name] of [
      ['phong-nv-dl', 'Phòng Nội vụ'],
      ['phong-gd-dl', 'Phòng Giáo dục và Đào tạo'],
      ['phong-vh-dl', 'Phòng Văn hóa và Thông tin'],
    ]) {
      await registerUnit(t, { id, name, kind: 'AGENCY', level: 'UNIT', parentUnitId: 'ubnd-huyen-dl' });
    }
  });
  afterAll(async () => t.stop());

  const tasks = [
    {
      quarter: 1,
      content: 'Ban hành kế hoạch, phát động phong trào thi đua năm 2023',
      directingUnitId: 'ubnd-huyen-dl',
      executingUnitIds: ['phong-nv-dl'],
      coordinatingUnitIds: ['phong-vh-dl'],
    },
    {
      quarter: 2,
      content: 'Sơ kết 6 tháng, khen thưởng năm học cho ngành giáo dục',
      directingUnitId: 'phong-nv-dl',
      executingUnitIds: ['phong-gd-dl', 'phong-nv-dl'],
    },
    {
      quarter: 4,
      content: 'Hướng dẫn tổng kết, thu nhận hồ sơ đề nghị khen thưởng',
      directingUnitId: 'phong-nv-dl',
      executingUnitIds: ['phong-nv-dl'],
    },
  ];
  const plan = (overrides: Record<string, unknown> = {}) => ({
    id: PLAN,
    year: 2023,
    issuedByUnitId: 'ubnd-huyen-dl',
    title: 'Kế hoạch công tác thi đua, khen thưởng năm 2023',
    tasks,
    ...overrides,
  });

  it('issues a plan whose tasks are numbered in the order given', async () => {
    const result = await mutate(t, ISSUE, { input: plan() });
    expect(result).toMatchObject({ id: PLAN, streamId: STREAM, version: 1, eventTypes: ['PlanIssued'] });
    const [issued] = await streamEvents(t, STREAM);
    expect(issued.type).toBe('PlanIssued');
    expect(issued.data).toMatchObject({
      planId: PLAN,
      year: 2023,
      issuedByUnitId: 'ubnd-huyen-dl',
      title: 'Kế hoạch công tác thi đua, khen thưởng năm 2023',
    });
    expect(issued.data.tasks).toEqual([
      { taskNo: 1, ...tasks[0] },
      { taskNo: 2, ...tasks[1], coordinatingUnitIds: [] },
      { taskNo: 3, ...tasks[2], coordinatingUnitIds: [] },
    ]);
  });

  it('refuses plans with unknown units, broken rules or malformed tasks, appending nothing', async () => {
    const s = ['plan-kh-loi'];
    await expectRefused(
      t,
      s,
      ISSUE,
      { input: plan({ id: 'kh-loi', tasks: [{ ...tasks[0], executingUnitIds: ['phong-khong-co'] }] }) },
      { code: 'NOT_FOUND', entity: 'Unit', id: 'phong-khong-co' },
    );
    await expectRefused(
      t,
      s,
      ISSUE,
      { input: plan({ id: 'kh-loi', issuedByUnitId: 'ubnd-khong-co' }) },
      { code: 'NOT_FOUND', entity: 'Unit', id: 'ubnd-khong-co' },
    );
    await expectRefused(
      t,
      s,
      ISSUE,
      { input: plan({ id: 'kh-loi', tasks: [] }) },
      { code: 'RULE_VIOLATION', rule: 'PLAN_TASKS_REQUIRED' },
    );
    await expectRefused(
      t,
      s,
      ISSUE,
      { input: plan({ id: 'kh-loi', tasks: [tasks[0], { ...tasks[1], executingUnitIds: [] }] }) },
      {
        code: 'RULE_VIOLATION',
        rule: 'PLAN_TASK_EXECUTOR_REQUIRED',
        taskNos: [2],
      },
    );
    const quarter = await expectRefused(
      t,
      s,
      ISSUE,
      { input: plan({ id: 'kh-loi', tasks: [{ ...tasks[0], quarter: 5 }] }) },
      { code: 'BAD_USER_INPUT' },
    );
    expect(quarter.extensions?.validationErrors[0].field).toBe('tasks.0.quarter');
    await expectRefused(t, s, ISSUE, { input: plan({ id: 'kh-loi', year: 1944 }) }, { code: 'BAD_USER_INPUT' });
    await expectRefused(t, s, ISSUE, { input: plan({ id: 'kh-loi', title: '' }) }, { code: 'BAD_USER_INPUT' });
    await expectRefused(t, [STREAM], ISSUE, { input: plan() }, { code: 'RULE_VIOLATION', rule: 'ALREADY_EXISTS' });
  });

  it('records progress and completion of a task, dated today', async () => {
    const progress = await mutate(t, REPORT, {
      planId: PLAN,
      taskNo: 2,
      done: false,
      note: 'Đã tổ chức sơ kết tại 12/14 trường',
    });
    expect(progress).toMatchObject({ id: PLAN, streamId: STREAM, version: 2, eventTypes: ['PlanTaskReported'] });
    const done = await mutate(t, REPORT, { planId: PLAN, taskNo: 2, done: true });
    expect(done.version).toBe(3);
    const events = await streamEvents(t, STREAM);
    const reported = (done: boolean, note: string | null) => ({
      type: 'PlanTaskReported',
      data: {
        planId: PLAN,
        year: 2023,
        taskNo: 2,
        quarter: 2,
        done,
        note,
        reportedOn: '2023-05-15',
        reportedAt: NOW.toISOString(),
      },
    });
    expect(events.slice(1).map(typeAndData)).toEqual([
      reported(false, 'Đã tổ chức sơ kết tại 12/14 trường'),
      reported(true, null),
    ]);
  });

  it('refuses a report on an unknown task number, a task already done, or an unknown plan', async () => {
    await expectRefused(
      t,
      [STREAM],
      REPORT,
      { planId: PLAN, taskNo: 4, done: true },
      { code: 'RULE_VIOLATION', rule: 'PLAN_TASK_UNKNOWN', taskNo: 4, tasks: 3 },
    );
    await expectRefused(
      t,
      [STREAM],
      REPORT,
      { planId: PLAN, taskNo: 2, done: false, note: 'Báo cáo lại' },
      { code: 'RULE_VIOLATION', rule: 'PLAN_TASK_ALREADY_DONE', doneOn: '2023-05-15' },
    );
    await expectRefused(
      t,
      ['plan-kh-khong-co'],
      REPORT,
      { planId: 'kh-khong-co', taskNo: 1, done: true },
      { code: 'NOT_FOUND', entity: 'Plan', id: 'kh-khong-co' },
    );
    const zero = await expectRefused(
      t,
      [STREAM],
      REPORT,
      { planId: PLAN, taskNo: 0, done: true },
      { code: 'BAD_USER_INPUT' },
    );
    expect(zero.extensions?.validationErrors[0].field).toBe('taskNo');
    await expectRefused(
      t,
      [STREAM],
      REPORT,
      { planId: PLAN, taskNo: 1, done: true, note: 'x'.repeat(20_001) },
      { code: 'BAD_USER_INPUT' },
    );
  });
});
