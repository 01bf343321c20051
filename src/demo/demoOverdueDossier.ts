import { individual, receiveAndAssign, type DemoCall } from './demoClient';
import { DEMO_PERIOD, DEMO_YEAR } from './demoData';

/**
 * Phạm Thị Dung's Giấy khen dossier, received complete by the district standing agency on
 * 12-26: its 20 working days skip New Year's Day and end in January, before Tết.
 */
export const OVERDUE_DOSSIER = {
  id: 'hs-giay-khen-pham-thi-dung',
  nomineeId: 'p-pham-thi-dung',
  receivedOn: `${DEMO_YEAR}-12-26`,
} as const;

/**
 * A Giấy khen of the district chairman proposed by the agriculture office, received and
 * assigned at the year's end and never appraised: the queue's overdue dossier.
 */
export async function leaveDossierOverdue(call: DemoCall): Promise<string> {
  const dossier = await call('submitDossier', {
    input: {
      id: OVERDUE_DOSSIER.id,
      proposingUnitId: 'phong-nnptnt',
      nominee: individual(OVERDUE_DOSSIER.nomineeId),
      award: 'CERTIFICATE_OF_MERIT',
      period: DEMO_PERIOD,
      movementId: 'pt-nong-thon-moi',
      achievements:
        'Có thành tích xuất sắc trong tham mưu thực hiện phong trào "Bạch Thông chung sức xây dựng nông thôn mới"; ' +
        'hướng dẫn xã Quân Hà hoàn thành tiêu chí xã nông thôn mới nâng cao.',
      submittedOn: `${DEMO_YEAR}-12-24`,
    },
  });
  await receiveAndAssign(call, [dossier.id], OVERDUE_DOSSIER.receivedOn);
  return dossier.id;
}
