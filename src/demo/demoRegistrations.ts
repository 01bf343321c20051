import { collective, individual, type DemoCall } from './demoClient';
import { ADVANCED_WORKER_NOMINEES, DEMO_PERIOD, DEMO_YEAR, officerOf, unitOfficer } from './demoData';

/** Each nominee registers for advanced worker; Lan also for grassroots fighter, Quân Hà commune for the flag. */
export async function registerTitles(call: DemoCall): Promise<void> {
  for (const id of ADVANCED_WORKER_NOMINEES)
    await call(
      'registerTitle',
      {
        input: {
          subject: individual(id),
          award: 'ADVANCED_WORKER',
          period: DEMO_PERIOD,
          movementId: 'pt-nong-thon-moi',
        },
      },
      officerOf(id),
    );
  await call(
    'registerTitle',
    { input: { subject: individual('p-dang-thi-lan'), award: 'GRASSROOTS_EMULATION_FIGHTER', period: DEMO_PERIOD } },
    officerOf('p-dang-thi-lan'),
  );
  await call(
    'registerTitle',
    { input: { subject: collective('xa-quan-ha'), award: 'PROVINCIAL_EMULATION_FLAG', period: DEMO_PERIOD } },
    unitOfficer('xa-quan-ha'),
  );
}

/** The year's performance ratings; COMPLETED makes Quỳnh ineligible for advanced worker. */
const RATINGS: Record<string, string> = {
  'p-dang-thi-lan': 'EXCELLENT',
  'p-bui-van-minh': 'GOOD',
  'p-do-thi-ngoc': 'GOOD',
  'p-ngo-van-phuc': 'EXCELLENT',
  'p-duong-thi-quynh': 'COMPLETED',
};

/** Each nominee rated by their unit, then one rating corrected. */
export async function rateNominees(call: DemoCall): Promise<void> {
  for (const [id, rating] of Object.entries(RATINGS))
    await call('ratePerformance', { input: { subject: individual(id), period: DEMO_PERIOD, rating } }, officerOf(id));
  // A correction: the first rating of Ngọc was entered wrong.
  await call(
    'ratePerformance',
    { input: { subject: individual('p-do-thi-ngoc'), period: DEMO_PERIOD, rating: 'EXCELLENT' } },
    officerOf('p-do-thi-ngoc'),
  );
}

/** Minh's digital map of the fruit-growing areas, recognized as a district-level initiative. */
export async function recognizeInitiative(call: DemoCall): Promise<void> {
  await call('recognizeInitiative', {
    input: {
      id: `sk-${DEMO_YEAR}-ban-do-so`,
      title: 'Ứng dụng bản đồ số quản lý vùng trồng cây ăn quả',
      authorIds: ['p-bui-van-minh'],
      level: 'DISTRICT',
      period: DEMO_PERIOD,
      decisionNumber: `88/QĐ-HĐSK`,
    },
  });
}
