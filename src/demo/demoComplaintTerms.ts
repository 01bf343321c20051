/**
 * Complaints whose terms move or run out: a denunciation extended and resolved within its
 * longer term, a complaint resolved within the complex term it was moved to, and a
 * complaint left past its due date (the dashboard's overdue figure).
 */
import { collective, individual, type DemoCall } from './demoClient';
import { DEMO_ACTORS, DEMO_YEAR } from './demoData';

const Y = DEMO_YEAR + 1;
const officer = DEMO_ACTORS.complaintOfficer;

/**
 * A denunciation accepted on 01-16 (due 02-17: 30 days end on a Saturday), found complex
 * and extended by 30 days on 02-14 (due 03-17), resolved on 03-12.
 */
export async function extendAndResolveDenunciation(call: DemoCall): Promise<void> {
  const denunciation = await call(
    'fileComplaint',
    {
      input: {
        id: `kn-${Y}-003`,
        kind: 'DENUNCIATION',
        complainantName: 'Nông Văn Thắng',
        receivedOn: `${Y}-01-13`,
        content: 'Tố cáo ông Hoàng Văn Em kê khai khống số buổi biểu diễn phục vụ cơ sở để được xét khen thưởng.',
        subject: individual('p-hoang-van-em'),
      },
    },
    officer,
  );
  await call('acceptComplaint', { complaintId: denunciation.id, acceptedOn: `${Y}-01-16` }, officer);
  await call(
    'extendDenunciation',
    {
      input: {
        denunciationId: denunciation.id,
        days: 30,
        reason: 'Phải xác minh tại ba xã và đối chiếu sổ sách của Trung tâm; nội dung phức tạp.',
        complexity: 'COMPLEX',
        extendedOn: `${Y}-02-14`,
      },
    },
    officer,
  );
  await call(
    'resolveComplaint',
    {
      input: {
        complaintId: denunciation.id,
        outcome: 'REJECTED',
        resolution: 'Số buổi biểu diễn kê khai khớp với sổ nhật ký và xác nhận của các xã; tố cáo không đúng.',
        decidedOn: `${Y}-03-12`,
      },
    },
    officer,
  );
}

/**
 * A complaint about Dương Thị Quỳnh's ineligible dossier, accepted on 02-12 (due 03-14),
 * marked complex on 03-05 (due 03-31), resolved on 03-18.
 */
export async function resolveComplexComplaint(call: DemoCall, dossierId: string): Promise<void> {
  const complaint = await call(
    'fileComplaint',
    {
      input: {
        id: `kn-${Y}-005`,
        kind: 'COMPLAINT',
        complainantName: 'Dương Thị Quỳnh',
        receivedOn: `${Y}-02-10`,
        content: 'Khiếu nại kết quả thẩm định hồ sơ: xếp loại năm 2024 chưa được cập nhật theo kết quả phúc tra.',
        dossierId,
      },
    },
    officer,
  );
  await call('acceptComplaint', { complaintId: complaint.id, acceptedOn: `${Y}-02-12` }, officer);
  await call('markComplex', { complaintId: complaint.id, markedOn: `${Y}-03-05` }, officer);
  await call(
    'resolveComplaint',
    {
      input: {
        complaintId: complaint.id,
        outcome: 'REJECTED',
        resolution: 'Kết quả phúc tra giữ nguyên mức xếp loại; hồ sơ không đủ điều kiện như đã thẩm định.',
        decidedOn: `${Y}-03-18`,
      },
    },
    officer,
  );
}

/** A complaint about the cluster's scoring, accepted on 02-05 (due 03-07) and still unresolved. */
export async function leaveComplaintOverdue(call: DemoCall): Promise<void> {
  const complaint = await call(
    'fileComplaint',
    {
      input: {
        id: `kn-${Y}-004`,
        kind: 'COMPLAINT',
        complainantName: 'Lương Văn Khánh',
        receivedOn: `${Y}-02-03`,
        content: 'Khiếu nại điểm chấm tiêu chí xây dựng nông thôn mới của xã Nguyên Phúc trong Khối thi đua các xã.',
        subject: collective('xa-nguyen-phuc'),
      },
    },
    officer,
  );
  await call('acceptComplaint', { complaintId: complaint.id, acceptedOn: `${Y}-02-05` }, officer);
}
