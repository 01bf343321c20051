import type { Pool } from 'pg';
import { COUNCIL_SESSION_STREAM_TYPE } from '../../src/councilSessions/councilSession.decider';
import type { RefKind } from './auditRefs';

export interface AuditTrailFilter {
  streamId?: string | null;
  subject?: { kind: string; id: string } | null;
  dossierId?: string | null;
  awardId?: string | null;
  complaintId?: string | null;
  /** A cluster's own stream and every one of its year streams. */
  clusterId?: string | null;
  decisionNumber?: string | null;
  actorId?: string | null;
}

export interface AuditEntryRow {
  position: string;
  /** UTC, milliseconds, `Z` (the API's own form: written out as is). */
  recordedAt: string;
  streamId: string;
  streamVersion: number;
  type: string;
  actorId: string | null;
  summary: string;
  /** Absent when the page was read without it (withData: false). */
  data?: Record<string, unknown>;
  hash: string;
}

export interface AuditTrailPageArgs {
  first: number;
  afterPosition: string;
  asOf: Date | null;
  /** Read each entry's data (default true); a page whose reader asks no data skips parsing it. */
  withData?: boolean;
}

/** recorded_at as the API writes a DateTime (events are recorded to the millisecond). */
const RECORDED_AT_ISO = `to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The statement behind getAuditTrail (exposed so tests can check its plan, and so the
 * chain verifier can read the page and its log check in one round trip). It selects
 * at most `first + 1` rows: one more tells whether there is a next page.
 */
export function auditTrailSql(filter: AuditTrailFilter, page: AuditTrailPageArgs): { text: string; params: unknown[] } {
  const params: unknown[] = [page.afterPosition, page.first + 1];
  const refFilters: Array<[RefKind, string | null | undefined]> = [
    ['subject', filter.subject ? `${filter.subject.kind}:${filter.subject.id}` : null],
    ['dossier', filter.dossierId],
    ['award', filter.awardId],
    ['complaint', filter.complaintId],
    ['cluster', filter.clusterId],
    ['decision', filter.decisionNumber],
  ];
  // The text depends only on which filters are given: one string per shape, built once.
  let shape = '';
  for (const [kind, id] of refFilters) {
    if (id === null || id === undefined) continue;
    params.push(kind, id);
    shape += 'ref,';
  }
  if (filter.streamId) {
    params.push(filter.streamId);
    shape += 'stream,';
  }
  if (filter.actorId) {
    params.push(filter.actorId);
    shape += 'actor,';
  }
  if (page.asOf) {
    params.push(page.asOf);
    shape += 'asOf,';
  }
  if (page.withData !== false) shape += 'data';
  let text = statementTexts.get(shape);
  if (text === undefined) {
    text = auditTrailText(shape);
    statementTexts.set(shape, text);
  }
  return { text, params };
}

/**
 * Statement texts by filter shape (a few hundred shapes at most): a pure function of the
 * shape, so every app in the process may share the table. Handing out the same string
 * object each time also lets every map keyed by the text (prepared statement names,
 * the chain verifier's wrapping) reuse its hash instead of rehashing a new string.
 */
const statementTexts = new Map<string, string>();

/** The statement for a shape: its parameters are $1 after, $2 limit, then two per ref, then stream, actor, asOf. */
function auditTrailText(shape: string): string {
  let n = 2;
  const joins: string[] = [];
  const where: string[] = ['e.position > $1::bigint'];
  const parts = shape.split(',');
  for (const part of parts) {
    if (part === 'ref') {
      const alias = `r${joins.length}`;
      joins.push(
        `JOIN audit_trail.entry_refs ${alias} ON ${alias}.position = e.position AND ${alias}.ref_kind = $${n + 1} AND ${alias}.ref_id = $${n + 2}`,
      );
      n += 2;
    } else if (part === 'stream') where.push(`e.stream_id = $${++n}`);
    else if (part === 'actor') where.push(`e.actor_id = $${++n}`);
    else if (part === 'asOf') where.push(`e.recorded_at <= $${++n}`);
  }
  return `SELECT e.position::text AS position, ${RECORDED_AT_ISO} AS "recordedAt", e.stream_id AS "streamId", e.stream_version AS "streamVersion",
            e.type, e.actor_id AS "actorId", e.summary${parts.includes('data') ? ', e.data' : ''}, e.hash
     FROM audit_trail.entries e ${joins.join(' ')}
     WHERE ${where.join(' AND ')}
     ORDER BY e.position
     LIMIT $2`;
}

/** The council sessions convened with the dossier on their agenda (session ids). */
export async function getSessionsWithDossierOnAgenda(pool: Pool, dossierId: string): Promise<string[]> {
  const { rows } = await pool.query(
    `SELECT e.stream_id FROM audit_trail.entry_refs r JOIN audit_trail.entries e ON e.position = r.position
     WHERE r.ref_kind = 'dossier' AND r.ref_id = $1 AND e.type = 'CouncilSessionConvened'`,
    [dossierId],
  );
  return rows.map((r) => (r.stream_id as string).slice(COUNCIL_SESSION_STREAM_TYPE.length + 1));
}
