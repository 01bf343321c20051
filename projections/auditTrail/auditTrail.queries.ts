import type { Pool } from 'pg';
import type { RefKind } from './auditRefs';

export interface AuditTrailFilter {
  streamId?: string | null;
  subject?: { kind: string; id: string } | null;
  dossierId?: string | null;
  awardId?: string | null;
  complaintId?: string | null;
  decisionNumber?: string | null;
  actorId?: string | null;
}

export interface AuditEntryRow {
  position: string;
  recordedAt: Date;
  streamId: string;
  streamVersion: number;
  type: string;
  actorId: string | null;
  summary: string;
  /** Absent when the page was read without it (withData: false). */
  data?: Record<string, unknown>;
  hash: string;
}

export interface AuditTrailPage {
  entries: AuditEntryRow[];
  hasNextPage: boolean;
}

/**
 * The events matching every given filter, oldest first, after a position (keyset
 * pagination: an entry never moves, so pages stay stable while events are appended),
 * optionally only those recorded at or before `asOf`.
 */
export async function getAuditTrail(
  pool: Pool,
  filter: AuditTrailFilter,
  page: AuditTrailPageArgs,
): Promise<AuditTrailPage> {
  const { text, params } = auditTrailSql(filter, page);
  const { rows } = await pool.query(text, params);
  const hasNextPage = rows.length > page.first;
  return { entries: rows.slice(0, page.first) as AuditEntryRow[], hasNextPage };
}

export interface AuditTrailPageArgs {
  first: number;
  afterPosition: string;
  asOf: Date | null;
  /** Read each entry's data (default true); a page whose reader asks no data skips parsing it. */
  withData?: boolean;
}

/**
 * The statement behind getAuditTrail (exposed so tests can check its plan, and so the
 * chain verifier can read the page and its log check in one round trip). It selects
 * at most `first + 1` rows: one more tells whether there is a next page.
 */
export function auditTrailSql(filter: AuditTrailFilter, page: AuditTrailPageArgs): { text: string; params: unknown[] } {
  const params: unknown[] = [page.afterPosition, page.first + 1];
  const joins: string[] = [];
  const where: string[] = ['e.position > $1::bigint'];
  const refFilters: Array<[RefKind, string | null | undefined]> = [
    ['subject', filter.subject ? `${filter.subject.kind}:${filter.subject.id}` : null],
    ['dossier', filter.dossierId],
    ['award', filter.awardId],
    ['complaint', filter.complaintId],
    ['decision', filter.decisionNumber],
  ];
  for (const [kind, id] of refFilters) {
    if (id === null || id === undefined) continue;
    params.push(kind, id);
    const alias = `r${joins.length}`;
    joins.push(`JOIN audit_trail.entry_refs ${alias} ON ${alias}.position = e.position AND ${alias}.ref_kind = $${params.length - 1} AND ${alias}.ref_id = $${params.length}`);
  }
  if (filter.streamId) {
    params.push(filter.streamId);
    where.push(`e.stream_id = $${params.length}`);
  }
  if (filter.actorId) {
    params.push(filter.actorId);
    where.push(`e.actor_id = $${params.length}`);
  }
  if (page.asOf) {
    params.push(page.asOf);
    where.push(`e.recorded_at <= $${params.length}`);
  }
  const text =
    `SELECT e.position::text AS position, e.recorded_at AS "recordedAt", e.stream_id AS "streamId", e.stream_version AS "streamVersion",
            e.type, e.actor_id AS "actorId", e.summary${page.withData === false ? '' : ', e.data'}, e.hash
     FROM audit_trail.entries e ${joins.join(' ')}
     WHERE ${where.join(' AND ')}
     ORDER BY e.position
     LIMIT $2`;
  return { text, params };
}
