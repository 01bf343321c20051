import { collective, type DemoCall } from './demoClient';
import { DEMO_ACTORS, DEMO_YEAR } from './demoData';

/** A complaint against an advanced-worker award, upheld: the award is revoked. */
export async function upholdComplaint(call: DemoCall, awardId: string): Promise<void> {
  const complaint = await call(
    'fileComplaint',
    {
      input: {
        id: `kn-${DEMO_YEAR + 1}-001`,
        kind: 'COMPLAINT',
        complainantName: 'Lý Văn Sơn',
        receivedOn: `${DEMO_YEAR + 1}-01-06`,
        content: 'Ông Ngô Văn Phúc bị kỷ luật khiển trách trong năm nhưng vẫn được tặng danh hiệu Lao động tiên tiến.',
        awardId,
      },
    },
    DEMO_ACTORS.complaintOfficer,
  );
  await call(
    'acceptComplaint',
    { complaintId: complaint.id, acceptedOn: `${DEMO_YEAR + 1}-01-10`, complex: false, remoteArea: true },
    DEMO_ACTORS.complaintOfficer,
  );
  await call(
    'resolveComplaint',
    {
      input: {
        complaintId: complaint.id,
        outcome: 'UPHELD',
        resolution:
          'Xác minh đúng nội dung khiếu nại: cá nhân bị kỷ luật trong năm không đủ điều kiện. Thu hồi danh hiệu theo Điều 93 Luật Thi đua, khen thưởng 2022.',
        decidedOn: `${DEMO_YEAR + 1}-02-05`,
        revokeAward: true,
      },
    },
    DEMO_ACTORS.complaintOfficer,
  );
}

/** A petition outside the district's competence, dismissed. */
export async function dismissPetition(call: DemoCall): Promise<void> {
  const petition = await call(
    'fileComplaint',
    {
      input: {
        id: `kn-${DEMO_YEAR + 1}-002`,
        kind: 'PETITION',
        complainantName: 'Hà Thị Tuyết',
        receivedOn: `${DEMO_YEAR + 1}-01-12`,
        content: 'Đề nghị xem xét khen thưởng cho tổ hòa giải thôn Nà Pài.',
        subject: collective('xa-cam-giang'),
      },
    },
    DEMO_ACTORS.complaintOfficer,
  );
  await call(
    'dismissComplaint',
    {
      complaintId: petition.id,
      reason: 'Không thuộc thẩm quyền giải quyết; đã hướng dẫn gửi UBND xã Cẩm Giàng.',
      decidedOn: `${DEMO_YEAR + 1}-01-15`,
    },
    DEMO_ACTORS.complaintOfficer,
  );
}
