/** Questions asked of the complaints read model (schema `complaints`). */
import {
  ComplaintKind,
  ComplaintStatus,
  type ComplaintOutcome,
  type IsoDate,
  type SubjectKind,
  type SubjectRef,
} from '../../src/shared/domain';
import type { Queryable } from '../awards/awards.queries';

/**
 * Complaints and denunciations about the subject that are still open (RECEIVED or
 * ACCEPTED): the 2025 rule set allows no award while one is pending. Petitions do not count.
 */
export async function countPendingComplaintsAbout(db: Queryable, subject: SubjectRef): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM complaints.complaints
     WHERE subject_kind = $1 AND subject_id = $2 AND status = ANY($3::text[]) AND kind = ANY($4::text[])`,
    [
      subject.kind,
      subject.id,
      [ComplaintStatus.RECEIVED, ComplaintStatus.ACCEPTED],
      [ComplaintKind.COMPLAINT, ComplaintKind.DENUNCIATION],
    ],
  );
  return rows[0].n;
}

/** A complaint as the `Complaint` lookups show it (no content: personal data stays in the log). */
export interface ComplaintView {
  id: string;
  kind: ComplaintKind;
  status: ComplaintStatus;
  complainantName: string;
  receivedOn: IsoDate;
  acceptanceDueOn: IsoDate;
  acceptedOn: IsoDate | null;
  complex: boolean;
  remoteArea: boolean;
  dueOn: IsoDate | null;
  extensionCount: number;
  extensionDays: number;
  resolvedOn: IsoDate | null;
  outcome: ComplaintOutcome | null;
  awardId: string | null;
  dossierId: string | null;
  subject: { kind: SubjectKind; id: string; name: string } | null;
  revokedAwardId: string | null;
}

interface ComplaintRow {
  complaint_id: string;
  kind: ComplaintKind;
  status: ComplaintStatus;
  complainant_name: string;
  received_on: string;
  acceptance_due_on: string;
  accepted_on: string | null;
  complex: boolean;
  remote_area: boolean;
  due_on: string | null;
  extension_count: number;
  extension_days: number;
  resolved_on: string | null;
  outcome: ComplaintOutcome | null;
  award_id: string | null;
  dossier_id: string | null;
  subject_kind: SubjectKind | null;
  subject_id: string | null;
  subject_name: string | null;
  revoked_award_id: string | null;
}

const SELECT_COMPLAINT = `SELECT complaint_id, kind, status, complainant_name, to_char(received_on, 'YYYY-MM-DD') AS received_on,
    to_char(acceptance_due_on, 'YYYY-MM-DD') AS acceptance_due_on, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on, complex, remote_area,
    to_char(due_on, 'YYYY-MM-DD') AS due_on, to_char(resolved_on, 'YYYY-MM-DD') AS resolved_on, outcome, award_id, dossier_id, extension_count, extension_days,
    subject_kind, subject_id, subject_name, revoked_award_id
  FROM complaints.complaints`;

function toComplaintView(row: ComplaintRow): ComplaintView {
  return {
    id: row.complaint_id,
    kind: row.kind,
    status: row.status,
    complainantName: row.complainant_name,
    receivedOn: row.received_on,
    acceptanceDueOn: row.acceptance_due_on,
    acceptedOn: row.accepted_on,
    complex: row.complex,
    remoteArea: row.remote_area,
    dueOn: row.due_on,
    extensionCount: row.extension_count,
    extensionDays: row.extension_days,
    resolvedOn: row.resolved_on,
    outcome: row.outcome,
    awardId: row.award_id,
    dossierId: row.dossier_id,
    subject:
      row.subject_kind === null || row.subject_id === null
        ? null
        : { kind: row.subject_kind, id: row.subject_id, name: row.subject_name ?? '' },
    revokedAwardId: row.revoked_award_id,
  };
}

export async function getComplaint(db: Queryable, complaintId: string): Promise<ComplaintView | null> {
  const { rows } = await db.query<ComplaintRow>(`${SELECT_COMPLAINT} WHERE complaint_id = $1`, [complaintId]);
  return rows.length === 0 ? null : toComplaintView(rows[0]);
}

export interface ComplaintPageRequest {
  /** Current status. */
  status: ComplaintStatus | null;
  /** Only this kind. */
  kind: ComplaintKind | null;
  /** Only those overdue on this date (as of that date: one resolved later still counts). */
  overdueOn: IsoDate | null;
  /** Keyset: strictly after this (receivedOn, id). */
  after: { receivedOn: IsoDate; id: string } | null;
  first: number;
}

/**
 * The SQL of one page, ordered by receivedOn then id, fetching one row more than
 * asked to tell whether another page follows. "Overdue on D" is `overdue_days @> D`
 * (see migration 002), which the GiST index on overdue_days answers.
 */
export function complaintsPageQuery(request: ComplaintPageRequest): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const where: string[] = [];
  if (request.status !== null) {
    values.push(request.status);
    where.push(`status = $${values.length}`);
  }
  if (request.kind !== null) {
    values.push(request.kind);
    where.push(`kind = $${values.length}`);
  }
  if (request.overdueOn !== null) {
    values.push(request.overdueOn);
    where.push(`overdue_days @> $${values.length}::date`);
  }
  if (request.after !== null) {
    values.push(request.after.receivedOn, request.after.id);
    where.push(`(received_on, complaint_id) > ($${values.length - 1}::date, $${values.length}::text)`);
  }
  values.push(request.first + 1);
  return {
    text: `${SELECT_COMPLAINT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY received_on, complaint_id LIMIT $${values.length}`,
    values,
  };
}

export async function getComplaintsPage(
  db: Queryable,
  request: ComplaintPageRequest,
): Promise<{ complaints: ComplaintView[]; hasNextPage: boolean }> {
  const { text, values } = complaintsPageQuery(request);
  const { rows } = await db.query<ComplaintRow>(text, values);
  return { complaints: rows.slice(0, request.first).map(toComplaintView), hasNextPage: rows.length > request.first };
}
