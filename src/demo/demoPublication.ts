import type { DemoCall } from './demoClient';
import { DEMO_ACTORS, DEMO_YEAR } from './demoData';

export const DEMO_PUBLICATION_ID = `cong-khai-${DEMO_YEAR}-2`;

/**
 * The district publishes the second round's nominees on its portal and notice board before
 * the council meets (required of State-level awards only, done here for every nominee), and
 * the complaint desk records a comment received while the list is up.
 */
export async function publishSecondRoundNominees(call: DemoCall, dossierIds: string[]): Promise<string> {
  const publication = await call('publishNominees', {
    input: {
      id: DEMO_PUBLICATION_ID,
      dossierIds,
      channels: ['PORTAL', 'NOTICE_BOARD'],
      location: 'Cổng thông tin điện tử huyện Bạch Thông; bảng tin UBND huyện',
      fromDate: `${DEMO_YEAR}-12-17`,
    },
  });
  await call(
    'recordPublicationComment',
    {
      input: {
        publicationId: publication.id,
        commenterName: 'Hoàng Văn Tùng',
        content: 'Nhất trí với danh sách đề nghị; xã Quân Hà dẫn đầu phong trào xây dựng nông thôn mới.',
        receivedOn: `${DEMO_YEAR}-12-18`,
        dossierId: dossierIds[dossierIds.length - 1],
      },
    },
    DEMO_ACTORS.complaintOfficer,
  );
  return publication.id;
}
