/** Questions asked of the dossiers read model (schema `dossiers`). */
import type {
  AuthorityLevel,
  AwardKind,
  BallotTally,
  DossierProcedure,
  DossierStatus,
  IsoDate,
  Period,
  PeriodKind,
  RuleCheck,
  SubjectKind,
} from '../../src/shared/domain';
import type { RouteStep } from '../../src/dossiers/dossier.events';
import type { CarryingMemo } from '../../src/proposals/proposal.events';
import type { Queryable } from '../awards/awards.queries';

export interface DossierView {
  id: string;
  status: DossierStatus;
  nominee: { kind: SubjectKind; id: string; name: string };
  nomineeUnitId: string;
  award: AwardKind;
  period: Period;
  proposingUnitId: string;
  proposingUnitName: string;
  movementId: string | null;
  submittedOn: IsoDate;
  submittedAt: Date;
  ruleSetId: string;
  checks: RuleCheck[];
  returnCount: number;
  sessionId: string | null;
  tally: BallotTally | null;
  resolvedOn: IsoDate | null;
  awardId: string | null;
  decisionNumber: string | null;
  decidedOn: IsoDate | null;
  receivedOn: IsoDate | null;
  receivingUnitId: string | null;
  handlingLevel: AuthorityLevel | null;
  handlingOfficerId: string | null;
  handlingOfficerName: string | null;
  dueOn: IsoDate | null;
  procedure: DossierProcedure;
  achievedOn: IsoDate | null;
  route: RouteStep[];
  /** The unit handling it now: the receiving unit, or the unit it was last forwarded to. */
  handlingUnitId: string | null;
  proposal: { id: string; number: string; proposedOn: IsoDate } | null;
  version: number;
}

export const SELECT_DOSSIER = `SELECT dossier_id, status, nominee_kind, nominee_id, nominee_name, nominee_unit_id, award, period_kind, period_year,
    proposing_unit_id, proposing_unit_name, movement_id, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on, submitted_at,
    rule_set_id, checks, return_count, session_id, tally, to_char(resolved_on, 'YYYY-MM-DD') AS resolved_on,
    award_id, decision_number, to_char(decided_on, 'YYYY-MM-DD') AS decided_on,
    to_char(received_on, 'YYYY-MM-DD') AS received_on, receiving_unit_id, handling_level, handling_officer_id,
    handling_officer_name, to_char(due_on, 'YYYY-MM-DD') AS due_on, procedure,
    to_char(achieved_on, 'YYYY-MM-DD') AS achieved_on, route, handling_unit_id,
    proposal_id, proposal_number, to_char(proposed_on, 'YYYY-MM-DD') AS proposed_on, version
  FROM dossiers.dossiers`;

export interface DossierRow {
  dossier_id: string;
  status: DossierStatus;
  nominee_kind: SubjectKind;
  nominee_id: string;
  nominee_name: string;
  nominee_unit_id: string;
  award: AwardKind;
  period_kind: PeriodKind;
  period_year: number;
  proposing_unit_id: string;
  proposing_unit_name: string;
  movement_id: string | null;
  submitted_on: string;
  submitted_at: Date;
  rule_set_id: string;
  checks: RuleCheck[];
  return_count: number;
  session_id: string | null;
  tally: BallotTally | null;
  resolved_on: string | null;
  award_id: string | null;
  decision_number: string | null;
  decided_on: string | null;
  received_on: string | null;
  receiving_unit_id: string | null;
  handling_level: AuthorityLevel | null;
  handling_officer_id: string | null;
  handling_officer_name: string | null;
  due_on: string | null;
  procedure: DossierProcedure;
  achieved_on: string | null;
  route: RouteStep[];
  handling_unit_id: string | null;
  proposal_id: string | null;
  proposal_number: string | null;
  proposed_on: string | null;
  version: number;
}

export function toView(row: DossierRow): DossierView {
  return {
    id: row.dossier_id,
    status: row.status,
    nominee: { kind: row.nominee_kind, id: row.nominee_id, name: row.nominee_name },
    nomineeUnitId: row.nominee_unit_id,
    award: row.award,
    period: { kind: row.period_kind, year: row.period_year },
    proposingUnitId: row.proposing_unit_id,
    proposingUnitName: row.proposing_unit_name,
    movementId: row.movement_id,
    submittedOn: row.submitted_on,
    submittedAt: row.submitted_at,
    ruleSetId: row.rule_set_id,
    checks: row.checks,
    returnCount: row.return_count,
    sessionId: row.session_id,
    tally: row.tally,
    resolvedOn: row.resolved_on,
    awardId: row.award_id,
    decisionNumber: row.decision_number,
    decidedOn: row.decided_on,
    receivedOn: row.received_on,
    receivingUnitId: row.receiving_unit_id,
    handlingLevel: row.handling_level,
    handlingOfficerId: row.handling_officer_id,
    handlingOfficerName: row.handling_officer_name,
    dueOn: row.due_on,
    procedure: row.procedure,
    achievedOn: row.achieved_on,
    route: row.route,
    handlingUnitId: row.handling_unit_id,
    proposal:
      row.proposal_id === null
        ? null
        : { id: row.proposal_id, number: row.proposal_number ?? '', proposedOn: row.proposed_on ?? '' },
    version: row.version,
  };
}

/** One dossier as the read model holds it; null when it was never submitted (or the model has not seen it yet). */
export async function getDossier(db: Queryable, dossierId: string): Promise<DossierView | null> {
  const { rows } = await db.query<DossierRow>(`${SELECT_DOSSIER} WHERE dossier_id = $1`, [dossierId]);
  return rows.length === 0 ? null : toView(rows[0]);
}

/** Several dossiers in one round trip (for a DataLoader); unknown ids are simply absent. */
export async function getDossiersByIds(db: Queryable, dossierIds: readonly string[]): Promise<DossierView[]> {
  if (dossierIds.length === 0) return [];
  const { rows } = await db.query<DossierRow>(`${SELECT_DOSSIER} WHERE dossier_id = ANY($1::text[])`, [
    [...dossierIds],
  ]);
  return rows.map(toView);
}

/** The submitted memo of `unitId`, other than `exceptProposalId`, that already carries each of `dossierIds`. */
export async function getMemosOfUnitCarrying(
  db: Queryable,
  unitId: string,
  dossierIds: readonly string[],
  exceptProposalId: string,
): Promise<Map<string, CarryingMemo>> {
  const { rows } = await db.query<{ dossier_id: string; proposal_id: string; number: string }>(
    `SELECT dossier_id, proposal_id, number FROM dossiers.dossier_memos
      WHERE unit_id = $1 AND dossier_id = ANY($2::text[]) AND proposal_id <> $3`,
    [unitId, [...dossierIds], exceptProposalId],
  );
  return new Map(rows.map((row) => [row.dossier_id, { proposalId: row.proposal_id, number: row.number }]));
}
