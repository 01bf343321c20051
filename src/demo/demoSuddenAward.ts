import { individual, receiveAndAssign, type DemoCall } from './demoClient';
import { DEMO_PERIOD, DEMO_YEAR, unitOfficer } from './demoData';
import { attachDemoDocuments, type DocumentUploader } from './demoDocuments';

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

/** The simplified procedure's dossier: the commune's memo and the brief account of the rescue. */
const SUDDEN_AWARD_DOCUMENTS = [
  { kind: 'PROPOSAL_MEMO', fileName: 'to-trinh-khen-dot-xuat.pdf', line: 'To trinh de nghi khen thuong dot xuat' },
  { kind: 'ACHIEVEMENT_REPORT', fileName: 'tom-tat-thanh-tich.pdf', line: 'Tom tat thanh tich: cuu 4 nguoi trong lu' },
] as const;

/**
 * Submitted, received, documented (where the run can upload), appraised, granted without
 * the council, and its Giấy khen printed: serial 1 of the district's 2024 register.
 */
export async function grantSuddenAward(
  call: DemoCall,
  upload?: DocumentUploader,
): Promise<{ dossierId: string; awardId: string; documents: string[] }> {
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
  const documents = upload
    ? await attachDemoDocuments(call, upload, dossier.id, SUDDEN_AWARD_DOCUMENTS, unitOfficer('xa-quan-ha'))
    : [];
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
  await call('printCertificate', { awardId: award.id });
  return { dossierId: dossier.id, awardId: award.id, documents };
}
