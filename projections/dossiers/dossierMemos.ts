import type { PoolClient } from 'pg';
import type { RecordedDomainEvent, RecordedOfType } from '../../src/eventStore/recordedDomainEvent';

type MemoEvent = RecordedOfType<'ProposalSubmitted'> | RecordedOfType<'ProposalSentBack'>;

/**
 * The memos' own rows: the drafted inserted, then the submitted and the sent back marked.
 * A memo goes through these in this order only, so three statements apply any batch.
 */
export async function writeProposals(client: PoolClient, events: RecordedDomainEvent[]): Promise<void> {
  const rowsOf = <T extends MemoEvent['type'] | 'ProposalDrafted'>(
    type: T,
    row: (event: RecordedOfType<T>) => object,
  ) => JSON.stringify(events.filter((e): e is RecordedOfType<T> => e.type === type).map(row));
  const drafted = rowsOf('ProposalDrafted', ({ data }) => ({
    proposal_id: data.proposalId,
    unit_id: data.unitId,
    number: data.number,
    proposed_on: data.proposedOn,
    dossier_ids: data.dossierIds,
    drafted_at: data.draftedAt,
  }));
  const submitted = rowsOf('ProposalSubmitted', ({ data }) => ({ proposal_id: data.proposalId, at: data.submittedAt }));
  const sentBack = rowsOf('ProposalSentBack', ({ data }) => ({
    proposal_id: data.proposalId,
    at: data.sentBackAt,
    dossier_id: data.dossierId,
    carried_by_proposal_id: data.carriedBy.proposalId,
    carried_by_number: data.carriedBy.number,
  }));
  if (drafted !== '[]')
    await client.query(
      `INSERT INTO proposals (proposal_id, unit_id, number, proposed_on, dossier_ids, status, drafted_at)
       SELECT r.proposal_id, r.unit_id, r.number, r.proposed_on, ARRAY(SELECT jsonb_array_elements_text(r.dossier_ids)), 'DRAFT', r.drafted_at
         FROM jsonb_to_recordset($1::jsonb) AS r(proposal_id text, unit_id text, number text, proposed_on date, dossier_ids jsonb, drafted_at timestamptz)`,
      [drafted],
    );
  if (submitted !== '[]')
    await client.query(
      `UPDATE proposals p SET status = 'SUBMITTED', submitted_at = r.at
         FROM jsonb_to_recordset($1::jsonb) AS r(proposal_id text, at timestamptz) WHERE p.proposal_id = r.proposal_id`,
      [submitted],
    );
  if (sentBack !== '[]')
    await client.query(
      `UPDATE proposals p SET status = 'SENT_BACK', sent_back_at = r.at, sent_back_dossier_id = r.dossier_id,
              carried_by_proposal_id = r.carried_by_proposal_id, carried_by_number = r.carried_by_number
         FROM jsonb_to_recordset($1::jsonb) AS r(proposal_id text, at timestamptz, dossier_id text,
              carried_by_proposal_id text, carried_by_number text)
        WHERE p.proposal_id = r.proposal_id`,
      [sentBack],
    );
}

function isMemoEvent(event: RecordedDomainEvent): event is MemoEvent {
  return event.type === 'ProposalSubmitted' || event.type === 'ProposalSentBack';
}

/** The batch's memo events in runs of one type, in log order: a memo sent back frees its rows for the next. */
function runsOf(events: RecordedDomainEvent[]): MemoEvent[][] {
  const runs: MemoEvent[][] = [];
  for (const event of events.filter(isMemoEvent)) {
    const last = runs.at(-1);
    if (last !== undefined && last[0].type === event.type) last.push(event);
    else runs.push([event]);
  }
  return runs;
}

async function insertSubmitted(client: PoolClient, run: Array<RecordedOfType<'ProposalSubmitted'>>): Promise<void> {
  const rows = run.flatMap((event) =>
    event.data.dossierIds.map((dossierId) => ({
      dossier_id: dossierId,
      unit_id: event.data.unitId,
      proposal_id: event.data.proposalId,
      number: event.data.number,
      proposed_on: event.data.proposedOn,
    })),
  );
  await client.query(
    `INSERT INTO dossier_memos (dossier_id, unit_id, proposal_id, number, proposed_on)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(dossier_id text, unit_id text, proposal_id text, number text, proposed_on date)
     ON CONFLICT (dossier_id, unit_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/**
 * The memos the batch submits, a row per dossier they carry (the first memo of a unit is
 * kept), less those it sends back: a statement per run of one kind, in log order.
 */
export async function writeMemos(client: PoolClient, events: RecordedDomainEvent[]): Promise<void> {
  for (const run of runsOf(events)) {
    if (run[0].type === 'ProposalSubmitted')
      await insertSubmitted(client, run as Array<RecordedOfType<'ProposalSubmitted'>>);
    else
      await client.query('DELETE FROM dossier_memos WHERE proposal_id = ANY($1::text[])', [
        run.map((event) => event.data.proposalId),
      ]);
  }
}

/**
 * A dossier whose memo the batch sent back shows the newest memo still carrying it (of
 * another unit), or none. Run once the batch's rows are written.
 */
export async function showRemainingMemos(client: PoolClient, events: RecordedDomainEvent[]): Promise<void> {
  const sentBack = events.flatMap((event) => (event.type === 'ProposalSentBack' ? [event.data.proposalId] : []));
  if (sentBack.length === 0) return;
  await client.query(
    `UPDATE dossiers d SET (proposal_id, proposal_number, proposed_on) = (
       SELECT m.proposal_id, m.number, m.proposed_on FROM dossier_memos m
        WHERE m.dossier_id = d.dossier_id ORDER BY m.proposed_on DESC, m.proposal_id DESC LIMIT 1)
      WHERE d.proposal_id = ANY($1::text[])`,
    [sentBack],
  );
}
