/** Questions asked of the decisions read model (schema `decisions`). */
import type { DecisionDocument } from '../../src/decisions/decision.events';
import type { AwardKind } from '../../src/shared/domain';
import type { NamedSubject } from '../../src/rules/values';
import type { Queryable } from '../awards/awards.queries';

/** An award citing the decision (granted by signing it in the system, or recorded from paper). */
export interface DecisionAwardView {
  awardId: string;
  dossierId: string;
  award: AwardKind;
  label: string;
  subject: NamedSubject;
  rewardVnd: number | null;
  revoked: boolean;
}

export interface DecisionView {
  document: DecisionDocument;
  status: 'DRAFT' | 'SIGNED';
  signedAt: string | null;
  awards: DecisionAwardView[];
}

interface DecisionRow {
  document: DecisionDocument;
  status: 'DRAFT' | 'SIGNED';
  signed_at: Date | null;
  awards: Array<Omit<DecisionAwardView, 'rewardVnd'> & { rewardVnd: string | number | null }>;
}

const DECISIONS_WITH_AWARDS = `
  SELECT d.document, d.status, d.signed_at,
    COALESCE((SELECT json_agg(json_build_object('awardId', a.award_id, 'dossierId', a.dossier_id, 'award', a.award,
        'label', a.label, 'subject', a.subject, 'rewardVnd', a.reward_vnd, 'revoked', a.revoked)
        ORDER BY a.granted_position)
      FROM decisions.decision_awards a
      WHERE a.issued_by_unit_id = d.issued_by_unit_id AND a.year = d.year AND a.number = d.number), '[]') AS awards
  FROM decisions.decisions d`;

function viewOf(row: DecisionRow): DecisionView {
  return {
    document: row.document,
    status: row.status,
    signedAt: row.signed_at?.toISOString() ?? null,
    awards: row.awards.map((a) => ({ ...a, rewardVnd: a.rewardVnd === null ? null : Number(a.rewardVnd) })),
  };
}

/** The decision the system holds under this number of the unit and year, with the awards citing it; null if none. */
export async function getDecisionDocument(
  db: Queryable,
  issuedByUnitId: string,
  year: number,
  number: string,
): Promise<DecisionView | null> {
  const { rows } = await db.query<DecisionRow>(
    `${DECISIONS_WITH_AWARDS} WHERE d.issued_by_unit_id = $1 AND d.year = $2 AND d.number = $3`,
    [issuedByUnitId, year, number.trim().normalize('NFC')],
  );
  return rows[0] ? viewOf(rows[0]) : null;
}

/** The decisions the unit drafted or signed in the system in the year, by decision date then number. */
export async function listDecisionsOfYear(
  db: Queryable,
  issuedByUnitId: string,
  year: number,
): Promise<DecisionView[]> {
  const { rows } = await db.query<DecisionRow>(
    `${DECISIONS_WITH_AWARDS} WHERE d.issued_by_unit_id = $1 AND d.year = $2
     ORDER BY d.document->>'decidedOn', d.number`,
    [issuedByUnitId, year],
  );
  return rows.map(viewOf);
}
