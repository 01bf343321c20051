import { AWARD_CATALOG } from '../../src/rules/awardCatalog';
import type { AwardKind } from '../../src/shared/domain';
import { query } from './api';
import { byId, fillTable, formatDate, formatNumber } from './dom';

interface QueueDossier {
  id: string;
  nominee: { name: string };
  award: AwardKind;
  receivedOn: string | null;
  dueOn: string | null;
  handlingOfficerName: string | null;
}

interface DossierPage {
  totalCount: number;
  totalCountCapped: boolean;
  edges: Array<{ node: QueueDossier }>;
}

const DOSSIER_FIELDS = 'id nominee { name } award receivedOn dueOn handlingOfficerName';

/** The page lists this many of each list; the counts cover all. */
export const LIST_SIZE = 50;

const QUEUE_QUERY = `query OverviewQueue($today: Date!, $first: Int!) {
  overdue: dossiers(filter: { overdueOn: $today }, first: $first) {
    totalCount totalCountCapped edges { node { ${DOSSIER_FIELDS} } }
  }
  waiting: dossiers(filter: { status: SUBMITTED }, first: $first) {
    totalCount totalCountCapped edges { node { ${DOSSIER_FIELDS} } }
  }
}`;

const COMPLAINTS_QUERY = `query OverviewOverdueComplaints($today: Date!, $first: Int!) {
  complaints(overdueOn: $today, first: $first) {
    nodes { id kind status complainantName receivedOn acceptanceDueOn dueOn }
    hasNextPage
  }
}`;

const PROJECTIONS_QUERY = `query OverviewProjections { projections { name state lag checkpoint error } }`;

function countText(page: DossierPage): string {
  return `${formatNumber(page.totalCount)}${page.totalCountCapped ? '+' : ''}`;
}

/** The dossiers awaiting appraisal, oldest first, those overdue today first and marked. */
export async function loadQueue(today: string): Promise<void> {
  const { overdue, waiting } = await query<{ overdue: DossierPage; waiting: DossierPage }>(QUEUE_QUERY, {
    today,
    first: LIST_SIZE,
  });
  const overdueIds = new Set(overdue.edges.map((e) => e.node.id));
  const onTime = waiting.edges.filter((e) => !overdueIds.has(e.node.id));
  const summary = byId('queue-summary');
  summary.textContent = `Chờ thẩm định: ${countText(waiting)} hồ sơ, trong đó quá hạn: ${countText(overdue)}.`;
  summary.dataset.waiting = String(waiting.totalCount);
  summary.dataset.overdue = String(overdue.totalCount);
  fillTable(
    byId<HTMLTableElement>('queue-table'),
    ['Người, tập thể được đề nghị', 'Hình thức', 'Tiếp nhận', 'Hạn thẩm định', 'Cán bộ thụ lý', 'Tình trạng'],
    [
      ...overdue.edges.map((e) => ({ dossier: e.node, late: true })),
      ...onTime.map((e) => ({ dossier: e.node, late: false })),
    ]
      .slice(0, LIST_SIZE)
      .map(({ dossier, late }) => [
        dossier.nominee.name,
        AWARD_CATALOG[dossier.award]?.label ?? dossier.award,
        formatDate(dossier.receivedOn),
        formatDate(dossier.dueOn),
        dossier.handlingOfficerName ?? 'Chưa phân công',
        late ? { text: 'Quá hạn', className: 'late' } : 'Trong hạn',
      ]),
    'Không có hồ sơ nào chờ thẩm định',
  );
}

const COMPLAINT_KINDS: Record<string, string> = {
  COMPLAINT: 'Khiếu nại',
  DENUNCIATION: 'Tố cáo',
  PETITION: 'Kiến nghị',
};
const COMPLAINT_STATUSES: Record<string, string> = {
  RECEIVED: 'Chưa thụ lý',
  ACCEPTED: 'Đang giải quyết',
  RESOLVED: 'Đã giải quyết',
  DISMISSED: 'Không thụ lý',
};

interface OverdueComplaint {
  id: string;
  kind: string;
  status: string;
  complainantName: string;
  receivedOn: string;
  acceptanceDueOn: string;
  dueOn: string | null;
}

/** Complaints, denunciations and petitions overdue today: past their acceptance or resolution due date. */
export async function loadOverdueComplaints(today: string): Promise<void> {
  const { complaints } = await query<{ complaints: { nodes: OverdueComplaint[]; hasNextPage: boolean } }>(
    COMPLAINTS_QUERY,
    { today, first: LIST_SIZE },
  );
  const summary = byId('complaints-summary');
  const more = complaints.hasNextPage ? ` (hiện ${LIST_SIZE} đơn đầu)` : '';
  summary.textContent = `Quá hạn hôm nay: ${formatNumber(complaints.nodes.length)}${complaints.hasNextPage ? '+' : ''} đơn${more}.`;
  summary.dataset.overdue = String(complaints.nodes.length);
  fillTable(
    byId<HTMLTableElement>('complaints-table'),
    ['Loại', 'Người gửi', 'Ngày nhận', 'Tình trạng', 'Hạn đã quá'],
    complaints.nodes.map((c) => [
      COMPLAINT_KINDS[c.kind] ?? c.kind,
      c.complainantName,
      formatDate(c.receivedOn),
      COMPLAINT_STATUSES[c.status] ?? c.status,
      c.status === 'RECEIVED' ? `thụ lý ${formatDate(c.acceptanceDueOn)}` : `giải quyết ${formatDate(c.dueOn)}`,
    ]),
    'Không có đơn nào quá hạn',
  );
}

const PROJECTION_STATES: Record<string, string> = {
  running: 'Đang chạy',
  rebuilding: 'Đang dựng lại',
  retrying: 'Đang thử lại',
  failed: 'Lỗi',
  stopped: 'Đã dừng',
};

interface ProjectionStatus {
  name: string;
  state: string;
  lag: number;
  checkpoint: string | null;
  error: string | null;
}

/** Each read model: its state and how many events of the log it has still to apply. */
export async function loadProjections(): Promise<void> {
  const { projections } = await query<{ projections: ProjectionStatus[] }>(PROJECTIONS_QUERY);
  fillTable(
    byId<HTMLTableElement>('projections-table'),
    ['Bảng dữ liệu', 'Trạng thái', 'Sự kiện chưa áp dụng', 'Vị trí đã áp dụng', 'Lỗi'],
    projections.map((p) => [
      p.name,
      { text: PROJECTION_STATES[p.state] ?? p.state, className: `state-${p.state}` },
      { figure: p.lag },
      p.checkpoint ?? '—',
      p.error ?? '',
    ]),
  );
}
