import type { DemoCall } from './demoClient';
import { DEMO_ACTORS, DEMO_PEOPLE, DEMO_PROVINCE_PEOPLE, DEMO_UNITS, DEMO_YEAR } from './demoData';

/**
 * The organisation catalogue: the administrator registers the units, the district
 * secretariat the district's people, the province's the members of its council.
 */
export async function registerUnitsAndPeople(call: DemoCall): Promise<void> {
  for (const unit of DEMO_UNITS) await call('registerUnit', { input: unit }, DEMO_ACTORS.admin);
  for (const person of DEMO_PEOPLE) await call('registerPerson', { input: person });
  for (const person of DEMO_PROVINCE_PEOPLE)
    await call('registerPerson', { input: person }, DEMO_ACTORS.provinceSecretariat);
}

/** A regular movement for the new countryside and a thematic one for digital transformation. */
export async function launchMovements(call: DemoCall): Promise<void> {
  await call('launchMovement', {
    input: {
      id: 'pt-nong-thon-moi',
      name: 'Bạch Thông chung sức xây dựng nông thôn mới',
      kind: 'REGULAR',
      launchedByUnitId: 'huyen-bach-thong',
      startsOn: `${DEMO_YEAR}-01-15`,
      criteria: ['Hoàn thành tiêu chí xã nông thôn mới nâng cao', 'Thu nhập bình quân đầu người tăng'],
      participantUnitIds: ['xa-quan-ha', 'xa-cam-giang', 'xa-nguyen-phuc', 'xa-my-thanh'],
    },
  });
  await call('launchMovement', {
    input: {
      id: 'pt-chuyen-doi-so',
      name: 'Bạch Thông đẩy mạnh chương trình chuyển đổi số',
      kind: 'THEMATIC',
      launchedByUnitId: 'huyen-bach-thong',
      startsOn: `${DEMO_YEAR}-03-01`,
      endsOn: `${DEMO_YEAR}-12-31`,
      criteria: [
        'Tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình',
        'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
      ],
    },
  });
}

/** The tasks of the district's yearly plan, quarter by quarter. */
const PLAN_TASKS = [
  {
    quarter: 1,
    content: `Ban hành Kế hoạch công tác thi đua, khen thưởng năm ${DEMO_YEAR}`,
    directingUnitId: 'huyen-bach-thong',
    executingUnitIds: ['phong-noi-vu'],
  },
  {
    quarter: 1,
    content: 'Hướng dẫn đăng ký thi đua, phân công Trưởng, Phó Trưởng khối thi đua',
    directingUnitId: 'huyen-bach-thong',
    executingUnitIds: ['phong-noi-vu'],
    coordinatingUnitIds: ['xa-quan-ha', 'xa-cam-giang'],
  },
  {
    quarter: 2,
    content: 'Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm',
    directingUnitId: 'huyen-bach-thong',
    executingUnitIds: ['xa-quan-ha'],
  },
  {
    quarter: 3,
    content: 'Cử cán bộ tham gia tập huấn công tác thi đua, khen thưởng do tỉnh tổ chức',
    directingUnitId: 'huyen-bach-thong',
    executingUnitIds: ['phong-noi-vu'],
  },
  {
    quarter: 4,
    content: `Báo cáo tổng kết công tác thi đua, khen thưởng năm ${DEMO_YEAR}`,
    directingUnitId: 'huyen-bach-thong',
    executingUnitIds: ['phong-noi-vu'],
    coordinatingUnitIds: ['phong-gddt', 'phong-tckh'],
  },
];

/** The district's emulation plan for the year, and progress reports on its first three tasks. */
export async function issueYearlyPlan(call: DemoCall): Promise<void> {
  const plan = await call('issuePlan', {
    input: {
      id: `ke-hoach-tdkt-${DEMO_YEAR}`,
      year: DEMO_YEAR,
      issuedByUnitId: 'huyen-bach-thong',
      title: `Kế hoạch công tác thi đua, khen thưởng năm ${DEMO_YEAR}`,
      tasks: PLAN_TASKS,
    },
  });
  await call('reportPlanTask', { planId: plan.id, taskNo: 1, done: true, note: 'Kế hoạch số 15/KH-UBND ngày 20/02' });
  await call('reportPlanTask', { planId: plan.id, taskNo: 2, done: true, note: null });
  await call('reportPlanTask', {
    planId: plan.id,
    taskNo: 3,
    done: false,
    note: 'Đã tổ chức hội nghị sơ kết cụm, chờ báo cáo',
  });
}
