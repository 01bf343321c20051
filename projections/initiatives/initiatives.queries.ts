/** Questions asked of the initiatives read model (schema `initiatives`). */
import type { InitiativeFact } from '../../src/rules/eligibility';
import type { AuthorityLevel, PeriodKind } from '../../src/shared/domain';
import type { Queryable } from '../awards/awards.queries';

export interface AuthoredInitiative extends InitiativeFact {
  initiativeId: string;
  title: string;
  decisionNumber: string;
}

/** Every recognised initiative with the person among its authors, oldest period first. */
export async function getInitiativesByAuthor(db: Queryable, personId: string): Promise<AuthoredInitiative[]> {
  const { rows } = await db.query<{
    initiative_id: string;
    title: string;
    level: AuthorityLevel;
    period_kind: PeriodKind;
    period_year: number;
    decision_number: string;
  }>(
    `SELECT initiative_id, title, level, period_kind, period_year, decision_number FROM initiatives.initiative_authors
     WHERE person_id = $1 ORDER BY period_year, period_kind, recognized_at, initiative_id`,
    [personId],
  );
  return rows.map((row) => ({
    initiativeId: row.initiative_id,
    title: row.title,
    decisionNumber: row.decision_number,
    level: row.level,
    period: { kind: row.period_kind, year: row.period_year },
  }));
}
