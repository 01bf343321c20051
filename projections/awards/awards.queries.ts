/**
 * Questions the award rules and the award lookups ask of the awards read model (schema
 * `awards`). Callers that base a decision on them first wait for the model to catch up
 * (awaitFreshReadModels).
 */
import {
  AwardKind,
  type AwardCategory,
  type IsoDate,
  type Period,
  type PeriodKind,
  type SubjectKind,
  type SubjectRef,
} from '../../src/shared/domain';
import type { HeldAwardFact, UnitAwardCounts } from '../../src/rules/eligibility';
import type { Queryable } from '../../src/infra/db';
import type { PreparedStatements } from '../../src/infra/preparedQuery';

export type { Queryable };

export interface HeldAward extends HeldAwardFact {
  awardId: string;
  dossierId: string;
}

/** Every award the subject received, revoked ones included (flagged), oldest period first. */
export async function getAwardsHeldBySubject(db: Queryable, subject: SubjectRef): Promise<HeldAward[]> {
  const { rows } = await db.query<{
    award_id: string;
    dossier_id: string;
    award: AwardKind;
    period_kind: PeriodKind;
    period_year: number;
    revoked: boolean;
    thematic: boolean;
  }>(
    `SELECT award_id, dossier_id, award, period_kind, period_year, revoked, thematic
     FROM awards.awards WHERE subject_kind = $1 AND subject_id = $2
     ORDER BY period_year, period_kind, granted_position`,
    [subject.kind, subject.id],
  );
  return rows.map((row) => ({
    awardId: row.award_id,
    dossierId: row.dossier_id,
    award: row.award,
    period: { kind: row.period_kind, year: row.period_year },
    revoked: row.revoked,
    fromThematicMovement: row.thematic,
  }));
}

/** Non-revoked awards of one kind for the subject and period (one achievement, one form). */
export async function countHeldAwards(
  db: Queryable,
  subject: SubjectRef,
  award: AwardKind,
  period: Period,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM awards.awards
     WHERE subject_kind = $1 AND subject_id = $2 AND period_kind = $3 AND period_year = $4 AND award = $5 AND NOT revoked`,
    [subject.kind, subject.id, period.kind, period.year, award],
  );
  return rows[0].n;
}

/** A unit's ADVANCED_WORKER and GRASSROOTS_EMULATION_FIGHTER awards for a period, revoked ones excluded. */
export async function countUnitAwardsForPeriod(
  db: Queryable,
  unitId: string,
  period: Period,
): Promise<UnitAwardCounts> {
  const { rows } = await db.query<{ award: AwardKind; n: number }>(
    `SELECT award, count(*)::int AS n FROM awards.awards
     WHERE subject_unit_id = $1 AND period_kind = $2 AND period_year = $3 AND award = ANY($4::text[]) AND NOT revoked
     GROUP BY award`,
    [unitId, period.kind, period.year, [AwardKind.ADVANCED_WORKER, AwardKind.GRASSROOTS_EMULATION_FIGHTER]],
  );
  const count = (award: AwardKind) => rows.find((row) => row.award === award)?.n ?? 0;
  return {
    advancedWorkers: count(AwardKind.ADVANCED_WORKER),
    grassrootsFighters: count(AwardKind.GRASSROOTS_EMULATION_FIGHTER),
  };
}

export interface DecisionFacts {
  decidedOn: IsoDate;
  signerName: string;
}

/**
 * The date and signer of decision `decisionNumber` of the issuing unit (dated in `year`
 * when given: numbering restarts each year), as its first recorded award says; null if none.
 */
export async function getDecision(
  db: Queryable,
  decisionNumber: string,
  issuedByUnitId: string,
  year: number | null = null,
): Promise<DecisionFacts | null> {
  const { rows } = await db.query<{ decided_on: string; signer_name: string }>(
    `SELECT to_char(decided_on, 'YYYY-MM-DD') AS decided_on, signer_name FROM awards.awards
     WHERE decision_number = $1 AND issued_by_unit_id = $2
       AND ($3::int IS NULL OR extract(year FROM decided_on) = $3)
     ORDER BY granted_position LIMIT 1`,
    [decisionNumber, issuedByUnitId, year],
  );
  return rows.length === 0 ? null : { decidedOn: rows[0].decided_on, signerName: rows[0].signer_name };
}

/** An award decision as the `Award` lookups show it, with its revocation if any. */
export interface AwardView {
  id: string;
  award: AwardKind;
  label: string;
  category: AwardCategory;
  subject: { kind: SubjectKind; id: string; name: string };
  subjectUnitId: string;
  period: Period;
  decisionNumber: string;
  decidedOn: IsoDate;
  issuedByUnitId: string;
  signerName: string;
  dossierId: string;
  movementId: string | null;
  /** Multiple of the base salary; null where none is set. */
  cashMultiple: number | null;
  /** The base salary in force on the decision date (VND/month), as the decision recorded it. */
  baseSalaryVnd: number | null;
  /** The cash reward in VND as the decision recorded it; null where none is fixed. */
  rewardVnd: number | null;
  revoked: boolean;
  revokedReason: string | null;
  revocationDecisionNumber: string | null;
  revokedByComplaintId: string | null;
}

interface AwardRow {
  award_id: string;
  award: AwardKind;
  label: string;
  category: AwardCategory;
  subject_kind: SubjectKind;
  subject_id: string;
  subject_name: string;
  subject_unit_id: string;
  period_kind: PeriodKind;
  period_year: number;
  decision_number: string;
  decided_on: string;
  issued_by_unit_id: string;
  signer_name: string;
  dossier_id: string;
  movement_id: string | null;
  cash_multiple: number | null;
  base_salary_vnd: number | null;
  reward_vnd: number | null;
  revoked: boolean;
  revoked_reason: string | null;
  revocation_decision_number: string | null;
  revoked_by_complaint_id: string | null;
}

const SELECT_AWARD = `SELECT award_id, award, label, category, subject_kind, subject_id, subject_name, subject_unit_id, period_kind, period_year,
    decision_number, to_char(decided_on, 'YYYY-MM-DD') AS decided_on, issued_by_unit_id, signer_name, dossier_id, movement_id,
    cash_multiple::float8 AS cash_multiple, base_salary_vnd::float8 AS base_salary_vnd, reward_vnd::float8 AS reward_vnd, revoked, revoked_reason, revocation_decision_number, revoked_by_complaint_id
  FROM awards.awards`;

function toAwardView(row: AwardRow): AwardView {
  return {
    id: row.award_id,
    award: row.award,
    label: row.label,
    category: row.category,
    subject: { kind: row.subject_kind, id: row.subject_id, name: row.subject_name },
    subjectUnitId: row.subject_unit_id,
    period: { kind: row.period_kind, year: row.period_year },
    decisionNumber: row.decision_number,
    decidedOn: row.decided_on,
    issuedByUnitId: row.issued_by_unit_id,
    signerName: row.signer_name,
    dossierId: row.dossier_id,
    movementId: row.movement_id,
    cashMultiple: row.cash_multiple,
    baseSalaryVnd: row.base_salary_vnd,
    rewardVnd: row.reward_vnd,
    revoked: row.revoked,
    revokedReason: row.revoked_reason,
    revocationDecisionNumber: row.revocation_decision_number,
    revokedByComplaintId: row.revoked_by_complaint_id,
  };
}

/**
 * Every award the subject received, revoked ones included, oldest period first
 * (within a year the calendar year before the school year that starts in it), then
 * in decision order. A unit's history includes the awards of the units merged into it,
 * directly or through earlier merges (its lineage).
 */
export async function getAwardHistory(
  db: Queryable,
  statements: PreparedStatements,
  subject: SubjectRef,
): Promise<AwardView[]> {
  const { rows } = await statements.query<AwardRow>(
    db,
    `WITH RECURSIVE lineage AS (
       SELECT $2::text AS unit_id
       UNION SELECT m.unit_id FROM awards.merged_units m JOIN lineage l ON m.into_unit_id = l.unit_id
     )
     ${SELECT_AWARD} WHERE subject_kind = $1
       AND (subject_id = $2 OR ($1 = 'COLLECTIVE' AND subject_id IN (SELECT unit_id FROM lineage)))
     ORDER BY period_year, period_kind, decided_on, granted_position`,
    [subject.kind, subject.id],
  );
  return rows.map(toAwardView);
}

/**
 * The awards granted by decision `decisionNumber` (of whichever issuing unit: numbers
 * like 125/QĐ-UBND recur across committees), revoked ones included, in the order granted.
 * Revoking decisions are not matched: they are on the revoked award's revocationDecisionNumber.
 */
export async function getAwardsByDecision(db: Queryable, decisionNumber: string): Promise<AwardView[]> {
  const { rows } = await db.query<AwardRow>(
    `${SELECT_AWARD} WHERE decision_number = $1 ORDER BY decided_on, issued_by_unit_id, granted_position`,
    [decisionNumber],
  );
  return rows.map(toAwardView);
}

/** Several awards in one round trip (for a DataLoader); unknown ids are simply absent. */
export async function getAwardsByIds(db: Queryable, awardIds: readonly string[]): Promise<AwardView[]> {
  if (awardIds.length === 0) return [];
  const { rows } = await db.query<AwardRow>(`${SELECT_AWARD} WHERE award_id = ANY($1::text[])`, [[...awardIds]]);
  return rows.map(toAwardView);
}
