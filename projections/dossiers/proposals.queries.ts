/** Questions asked of the proposal memos in the dossiers read model (schema `dossiers`). */
import type { IsoDate } from '../../src/shared/domain';
import type { Queryable } from '../awards/awards.queries';

export type ProposalStatusName = 'DRAFT' | 'SUBMITTED' | 'SENT_BACK';

export interface ProposalView {
  id: string;
  unitId: string;
  number: string;
  proposedOn: IsoDate;
  dossierIds: string[];
  status: ProposalStatusName;
  draftedAt: Date;
  submittedAt: Date | null;
  /** Why it was sent back: its dossier an earlier memo of the unit carries, and that memo. */
  sentBack: { at: Date; dossierId: string; carriedBy: { id: string; number: string } } | null;
}

interface ProposalRow {
  proposal_id: string;
  unit_id: string;
  number: string;
  proposed_on: IsoDate;
  dossier_ids: string[];
  status: ProposalStatusName;
  drafted_at: Date;
  submitted_at: Date | null;
  sent_back_at: Date | null;
  sent_back_dossier_id: string | null;
  carried_by_proposal_id: string | null;
  carried_by_number: string | null;
}

function proposalView(row: ProposalRow): ProposalView {
  return {
    id: row.proposal_id,
    unitId: row.unit_id,
    number: row.number,
    proposedOn: row.proposed_on,
    dossierIds: row.dossier_ids,
    status: row.status,
    draftedAt: row.drafted_at,
    submittedAt: row.submitted_at,
    sentBack:
      row.sent_back_at === null
        ? null
        : {
            at: row.sent_back_at,
            dossierId: row.sent_back_dossier_id!,
            carriedBy: { id: row.carried_by_proposal_id!, number: row.carried_by_number! },
          },
  };
}

/** The unit's memos dated in `year`, newest first. */
export async function listProposalsOfYear(db: Queryable, unitId: string, year: number): Promise<ProposalView[]> {
  const { rows } = await db.query<ProposalRow>(
    `SELECT proposal_id, unit_id, number, to_char(proposed_on, 'YYYY-MM-DD') AS proposed_on, dossier_ids, status,
            drafted_at, submitted_at, sent_back_at, sent_back_dossier_id, carried_by_proposal_id, carried_by_number
       FROM dossiers.proposals
      WHERE unit_id = $1 AND proposed_on >= make_date($2, 1, 1) AND proposed_on < make_date($2 + 1, 1, 1)
      ORDER BY proposed_on DESC, proposal_id DESC`,
    [unitId, year],
  );
  return rows.map(proposalView);
}
