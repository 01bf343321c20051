/**
 * Questions the award rules ask of the awards read model (schema `awards`). Callers
 * that base a decision on them first wait for the model to catch up (awaitFreshReadModels).
 */
import type { Pool, PoolClient } from 'pg';
import { AwardKind, type IsoDate, type Period, type PeriodKind, type SubjectRef } from '../../src/shared/domain';
import type { HeldAwardFact, UnitAwardCounts } from '../../src/rules/eligibility';

export type Queryable = Pick<Pool | PoolClient, 'query'>;

export interface HeldAward extends HeldAwardFact {
  awardId: string;
  dossierId: string;
}

/** Every award the subject received, revoked ones included (flagged), oldest period first. */
export async function getAwardsHeldBySubject(db: Queryable, subject: SubjectRef): Promise<HeldAward[]> {
  const { rows } = await db.query<{ award_id: string; dossier_id: string; award: AwardKind; period_kind: PeriodKind; period_year: number; revoked: boolean; thematic: boolean }>(
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
export async function countHeldAwards(db: Queryable, subject: SubjectRef, award: AwardKind, period: Period): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM awards.awards
     WHERE subject_kind = $1 AND subject_id = $2 AND period_kind = $3 AND period_year = $4 AND award = $5 AND NOT revoked`,
    [subject.kind, subject.id, period.kind, period.year, award],
  );
  return rows[0].n;
}

/** A unit's ADVANCED_WORKER and GRASSROOTS_EMULATION_FIGHTER awards for a period, revoked ones excluded. */
export async function countUnitAwardsForPeriod(db: Queryable, unitId: string, period: Period): Promise<UnitAwardCounts> {
  const { rows } = await db.query<{ award: AwardKind; n: number }>(
    `SELECT award, count(*)::int AS n FROM awards.awards
     WHERE subject_unit_id = $1 AND period_kind = $2 AND period_year = $3 AND award = ANY($4::text[]) AND NOT revoked
     GROUP BY award`,
    [unitId, period.kind, period.year, [AwardKind.ADVANCED_WORKER, AwardKind.GRASSROOTS_EMULATION_FIGHTER]],
  );
  const count = (award: AwardKind) => rows.find((row) => row.award === award)?.n ?? 0;
  return { advancedWorkers: count(AwardKind.ADVANCED_WORKER), grassrootsFighters: count(AwardKind.GRASSROOTS_EMULATION_FIGHTER) };
}

export interface DecisionFacts {
  decidedOn: IsoDate;
  signerName: string;
}

/** The date and signer of decision `decisionNumber` of the issuing unit, as its first recorded award says; null if none. */
export async function getDecision(db: Queryable, decisionNumber: string, issuedByUnitId: string): Promise<DecisionFacts | null> {
  const { rows } = await db.query<{ decided_on: string; signer_name: string }>(
    `SELECT to_char(decided_on, 'YYYY-MM-DD') AS decided_on, signer_name FROM awards.awards
     WHERE decision_number = $1 AND issued_by_unit_id = $2
     ORDER BY granted_position LIMIT 1`,
    [decisionNumber, issuedByUnitId],
  );
  return rows.length === 0 ? null : { decidedOn: rows[0].decided_on, signerName: rows[0].signer_name };
}
