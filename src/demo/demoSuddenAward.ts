import { individual, receiveAndAssign, type DemoCall } from './demoClient';
import { DEMO_PERIOD, DEMO_YEAR } from './demoData';

/**
 * Bùi Văn Minh's sudden award (khen thưởng đột xuất): in the September flash flood he
 * brought four neighbours out of the water. The commune proposes a Giấy khen of the
 * district chairman by the simplified procedure; the district appraises it and its
 * chairman decides on the appraisal, without the council.
 */
export const SUDDEN_AWARD = {
  dossierId: 'hs-dot-xuat-bui-van-minh',
  awardId: 'kt-dot-xuat-bui-van-minh',
  nomineeId: 'p-bui-van-minh',
  achievedOn: `${DEMO_YEAR}-09-10`,
  receivedOn: `${DEMO_YEAR}-09-17`,
} as const;

export async function grantSuddenAward(call: DemoCall): Promise<{ dossierId: string; awardId: string }> {
  const dossier = await call('submitDossier', {
    input: {
      id: SUDDEN_AWARD.dossierId,
      proposingUnitId: 'xa-quan-ha',
      nominee: individual(SUDDEN_AWARD.nomineeId),
      award: 'CERTIFICATE_OF_MERIT',
      period: DEMO_PERIOD,
      procedure: 'SIMPLIFIED',
      achievedOn: SUDDEN_AWARD.achievedOn,
      achievements:
        'Trong trận lũ quét ngày 10/9 tại thôn Nà Pài, dũng cảm bơi ra cứu 4 người dân bị nước cuốn, ' +
        'đưa vào nơi an toàn.',
      submittedOn: `${DEMO_YEAR}-09-16`,
    },
  });
  await receiveAndAssign(call, [dossier.id], SUDDEN_AWARD.receivedOn);
  await call('appraiseDossier', { dossierId: dossier.id, note: 'Thành tích đột xuất, rõ ràng; thủ tục đơn giản.' });
  const award = await call('grantAward', {
    input: {
      id: SUDDEN_AWARD.awardId,
      dossierId: dossier.id,
      decisionNumber: '1890/QĐ-UBND',
      decidedOn: `${DEMO_YEAR}-09-20`,
      issuedByUnitId: 'huyen-bach-thong',
      signerName: 'Đinh Quang Hưng',
    },
  });
  return { dossierId: dossier.id, awardId: award.id };
}
