/**
 * The dossier queue (hàng đợi hồ sơ): pages of the dossiers read model in a stable order,
 * submitted_on then dossier_id, oldest first, under a filter.
 */
import type { AwardKind, DossierProcedure, DossierStatus, IsoDate, Period } from '../../src/shared/domain';
import type { Queryable } from '../awards/awards.queries';
import { SELECT_DOSSIER, toView, type DossierRow, type DossierView } from './dossiers.queries';

export interface DossierQueueFilter {
  status: DossierStatus | null;
  /** Proposed by this unit or a unit below it. */
  proposingUnitId: string | null;
  movementId: string | null;
  period: Period | null;
  award: AwardKind | null;
  handlingOfficerId: string | null;
  /** Received, still awaiting appraisal (SUBMITTED), and due before this day. */
  overdueOn: IsoDate | null;
  /** On the agenda of a council session this person sits on. */
  councilMemberId: string | null;
  procedure: DossierProcedure | null;
  /** Handled now by this unit: received there, or forwarded to it. */
  handlingUnitId: string | null;
}

/** A dossier's place in the queue's order. */
export interface QueueKey {
  submittedOn: IsoDate;
  id: string;
}

/** The statement's parts for a filter: the unit-tree CTE when needed, the conditions, their values. */
function conditionsOf(filter: DossierQueueFilter): { cte: string; where: string[]; values: unknown[] } {
  const values: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  let cte = '';
  if (filter.proposingUnitId !== null) {
    cte = `WITH RECURSIVE tree AS (
        SELECT unit_id FROM dossiers.units WHERE unit_id = ${bind(filter.proposingUnitId)}
        UNION SELECT u.unit_id FROM dossiers.units u JOIN tree t ON u.parent_unit_id = t.unit_id
      ) `;
    where.push('d.proposing_unit_id IN (SELECT unit_id FROM tree)');
  }
  if (filter.status !== null) where.push(`d.status = ${bind(filter.status)}`);
  if (filter.movementId !== null) where.push(`d.movement_id = ${bind(filter.movementId)}`);
  if (filter.period !== null)
    where.push(`d.period_kind = ${bind(filter.period.kind)} AND d.period_year = ${bind(filter.period.year)}`);
  if (filter.award !== null) where.push(`d.award = ${bind(filter.award)}`);
  if (filter.procedure !== null) where.push(`d.procedure = ${bind(filter.procedure)}`);
  if (filter.handlingOfficerId !== null) where.push(`d.handling_officer_id = ${bind(filter.handlingOfficerId)}`);
  if (filter.overdueOn !== null) where.push(`d.status = 'SUBMITTED' AND d.due_on < ${bind(filter.overdueOn)}::date`);
  if (filter.handlingUnitId !== null) where.push(`d.handling_unit_id = ${bind(filter.handlingUnitId)}`);
  if (filter.councilMemberId !== null)
    where.push(`EXISTS (SELECT 1 FROM council_sessions.agenda_items a
        JOIN council_sessions.session_members m ON m.session_id = a.session_id
        WHERE a.dossier_id = d.dossier_id AND m.person_id = ${bind(filter.councilMemberId)})`);
  return { cte, where, values };
}

/**
 * One page of the queue: the `first` dossiers after `after` that match the filter, and
 * whether more follow (one row more is read to tell).
 */
export async function getDossierQueuePage(
  db: Queryable,
  request: { filter: DossierQueueFilter; after: QueueKey | null; first: number },
): Promise<{ dossiers: DossierView[]; hasNextPage: boolean }> {
  const { cte, where, values } = conditionsOf(request.filter);
  if (request.after !== null) {
    values.push(request.after.submittedOn, request.after.id);
    where.push(`(d.submitted_on, d.dossier_id) > ($${values.length - 1}::date, $${values.length}::text)`);
  }
  values.push(request.first + 1);
  const { rows } = await db.query<DossierRow>(
    `${cte}${SELECT_DOSSIER} d ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY d.submitted_on, d.dossier_id LIMIT $${values.length}`,
    values,
  );
  return { dossiers: rows.slice(0, request.first).map(toView), hasNextPage: rows.length > request.first };
}

/** How many dossiers match the filter, counting no further than `cap` (a larger number answers `cap`). */
export async function countDossiersInQueue(
  db: Queryable,
  filter: DossierQueueFilter,
  cap: number,
): Promise<{ count: number; capped: boolean }> {
  const { cte, where, values } = conditionsOf(filter);
  values.push(cap + 1);
  const { rows } = await db.query<{ count: number }>(
    `${cte}SELECT count(*)::int AS count FROM (
       SELECT 1 FROM dossiers.dossiers d ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       LIMIT $${values.length}) matching`,
    values,
  );
  const count = rows[0].count;
  return { count: Math.min(count, cap), capped: count > cap };
}
