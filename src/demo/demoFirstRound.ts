import { decisionAwardId, decisionStreamKey } from '../decisions/decision.decider';
import { individual, receiveAndAssign, type DemoCall } from './demoClient';
import { ADVANCED_WORKER_NOMINEES, DEMO_PERIOD, DEMO_YEAR, officerOf, unitOfPerson } from './demoData';
import { holdCouncilSession } from './demoCouncil';

/** What a round of the demo leaves: its dossiers and awards by nominee (or by name), and its council session. */
export interface DemoRound {
  dossiers: Record<string, string>;
  awards: Record<string, string>;
  sessionId: string;
}

/**
 * Advanced-worker dossiers for the five nominees: appraised (one returned and resubmitted first,
 * one ineligible), the eligible ones approved by the council and granted by a district decision
 * signed in the system.
 */
export async function runFirstRound(call: DemoCall): Promise<DemoRound> {
  const dossiers = await submitAdvancedWorkerDossiers(call);
  const eligible = ADVANCED_WORKER_NOMINEES.filter((id) => id !== 'p-duong-thi-quynh'); // rated COMPLETED: ineligible
  const sessionId = await holdCouncilSession(
    call,
    1,
    `${DEMO_YEAR}-12-10`,
    eligible.map((id) => ({ dossierId: dossiers[id], nomineeId: id, nomineeUnitId: unitOfPerson(id) })),
  );
  const awards = await grantAdvancedWorkerAwards(call, eligible, dossiers);
  return { dossiers, awards, sessionId };
}

/**
 * Submits, receives, assigns and appraises a dossier per nominee; Ngọc's is returned and
 * supplemented before its reception.
 */
async function submitAdvancedWorkerDossiers(call: DemoCall): Promise<Record<string, string>> {
  const dossiers: Record<string, string> = {};
  const submitted = `${DEMO_YEAR}-12-02`;
  for (const id of ADVANCED_WORKER_NOMINEES) {
    const proposingUnitId = unitOfPerson(id);
    const dossier = await call('submitDossier', {
      input: {
        id: `hs-ldtt-${id.slice(2)}`,
        proposingUnitId,
        nominee: individual(id),
        award: 'ADVANCED_WORKER',
        period: DEMO_PERIOD,
        movementId: 'pt-nong-thon-moi',
        achievements:
          'Hoàn thành tốt nhiệm vụ được giao, chấp hành tốt chủ trương, chính sách của Đảng và pháp luật của Nhà nước.',
        submittedOn: submitted,
      },
    });
    dossiers[id] = dossier.id;
  }
  await call('returnDossier', {
    dossierId: dossiers['p-do-thi-ngoc'],
    reason: 'Thiếu bản nhận xét, đánh giá của thủ trưởng đơn vị',
  });
  // The proposing unit supplements its dossier.
  await call(
    'resubmitDossier',
    {
      dossierId: dossiers['p-do-thi-ngoc'],
      achievements:
        'Hoàn thành xuất sắc nhiệm vụ tham mưu dự toán ngân sách; bổ sung bản nhận xét của Trưởng phòng Tài chính - Kế hoạch.',
    },
    officerOf('p-do-thi-ngoc'),
  );
  // Received complete once Ngọc's supplement is in, then appraised.
  await receiveAndAssign(
    call,
    ADVANCED_WORKER_NOMINEES.map((id) => dossiers[id]),
    `${DEMO_YEAR}-12-04`,
  );
  for (const id of ADVANCED_WORKER_NOMINEES) await call('appraiseDossier', { dossierId: dossiers[id], note: null });
  return dossiers;
}

/**
 * One district decision, drafted and signed in the system, grants every approved advanced
 * worker: the dossiers record their grants and the awards follow (process managers).
 */
async function grantAdvancedWorkerAwards(
  call: DemoCall,
  nominees: string[],
  dossiers: Record<string, string>,
): Promise<Record<string, string>> {
  const key = { issuedByUnitId: 'huyen-bach-thong', year: DEMO_YEAR, number: '125/QĐ-UBND' };
  await call('draftDecision', {
    input: {
      ...key,
      decidedOn: `${DEMO_YEAR}-12-15`,
      place: 'Bạch Thông',
      signerName: 'Đinh Quang Hưng',
      signerTitle: 'Chủ tịch',
      about: `tặng danh hiệu Lao động tiên tiến năm ${DEMO_YEAR}`,
      legalGrounds: [
        'Luật Thi đua, khen thưởng số 06/2022/QH15',
        `Biên bản họp Hội đồng Thi đua - Khen thưởng huyện ngày 10 tháng 12 năm ${DEMO_YEAR}`,
      ],
      dossierIds: nominees.map((id) => dossiers[id]),
    },
  });
  await call('signDecision', key);
  const decisionId = decisionStreamKey(key.issuedByUnitId, key.year, key.number);
  return Object.fromEntries(nominees.map((id) => [id, decisionAwardId(decisionId, dossiers[id])]));
}
