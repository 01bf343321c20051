import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents, type RecordedDomainEvent } from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { ComplaintsFold, type ComplaintState } from './complaintState';

export const COMPLAINTS_PROJECTION = 'complaints';

/** The ids of complaints filed before the batch that its lifecycle events change. */
function earlierComplaintIds(events: RecordedDomainEvent[]): Set<string> {
  const filedInBatch = new Set<string>();
  const earlierIds = new Set<string>();
  for (const event of events) {
    switch (event.type) {
      case 'ComplaintFiled':
        filedInBatch.add(event.data.complaintId);
        break;
      case 'ComplaintAccepted':
      case 'ComplaintDismissed':
      case 'ComplaintResolved':
      case 'DenunciationExtended':
      case 'ComplaintMarkedComplex':
        if (!filedInBatch.has(event.data.complaintId)) earlierIds.add(event.data.complaintId);
        break;
      default:
        break;
    }
  }
  return earlierIds;
}

/** One read of the complaints filed before the batch that it changes. */
async function loadEarlierStates(client: PoolClient, ids: Set<string>): Promise<Map<string, ComplaintState>> {
  const states = new Map<string, ComplaintState>();
  if (ids.size === 0) return states;
  const { rows } = await client.query<ComplaintState>(
    `SELECT complaint_id, status, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on, complex, remote_area, to_char(due_on, 'YYYY-MM-DD') AS due_on,
            extension_count, extension_days, to_char(resolved_on, 'YYYY-MM-DD') AS resolved_on, outcome, revoked_award_id, updated_position::text AS updated_position
     FROM complaints WHERE complaint_id = ANY($1::text[])`,
    [[...ids]],
  );
  for (const row of rows) states.set(row.complaint_id, row);
  return states;
}

/** One insert of the complaints the batch files, each in the state the batch leaves it. */
async function insertFiled(client: PoolClient, fold: ComplaintsFold): Promise<void> {
  if (fold.filed.size === 0) return;
  const data = [...fold.filed.values()];
  const rows = data.map((d) => fold.states.get(d.complaintId)!);
  await client.query(
    `INSERT INTO complaints (complaint_id, kind, status, complainant_name, received_on, acceptance_due_on, award_id, dossier_id,
       subject_kind, subject_id, subject_name, filed_at, updated_position,
       accepted_on, complex, remote_area, due_on, resolved_on, outcome, revoked_award_id, extension_count, extension_days)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::timestamptz[], $13::bigint[],
       $14::date[], $15::bool[], $16::bool[], $17::date[], $18::date[], $19::text[], $20::text[], $21::int[], $22::int[])`,
    [
      data.map((d) => d.complaintId),
      data.map((d) => d.kind),
      rows.map((r) => r.status),
      data.map((d) => d.complainantName),
      data.map((d) => d.receivedOn),
      data.map((d) => d.acceptanceDueOn),
      data.map((d) => d.awardId),
      data.map((d) => d.dossierId),
      data.map((d) => d.subject?.kind ?? null),
      data.map((d) => d.subject?.id ?? null),
      data.map((d) => d.subject?.name ?? null),
      data.map((d) => d.filedAt),
      rows.map((r) => r.updated_position),
      rows.map((r) => r.accepted_on),
      rows.map((r) => r.complex),
      rows.map((r) => r.remote_area),
      rows.map((r) => r.due_on),
      rows.map((r) => r.resolved_on),
      rows.map((r) => r.outcome),
      rows.map((r) => r.revoked_award_id),
      rows.map((r) => r.extension_count),
      rows.map((r) => r.extension_days),
    ],
  );
}

/** One update of the complaints filed before the batch that it changed. */
async function updateEarlier(client: PoolClient, fold: ComplaintsFold): Promise<void> {
  if (fold.changedEarlier.size === 0) return;
  const rows = [...fold.changedEarlier].map((id) => fold.states.get(id)!);
  await client.query(
    `UPDATE complaints c SET status = v.status, accepted_on = v.accepted_on, complex = v.complex, remote_area = v.remote_area, due_on = v.due_on,
       resolved_on = v.resolved_on, outcome = v.outcome, revoked_award_id = v.revoked_award_id, updated_position = v.updated_position,
       extension_count = v.extension_count, extension_days = v.extension_days
     FROM unnest($1::text[], $2::text[], $3::date[], $4::bool[], $5::bool[], $6::date[], $7::date[], $8::text[], $9::text[], $10::bigint[],
       $11::int[], $12::int[])
       AS v(complaint_id, status, accepted_on, complex, remote_area, due_on, resolved_on, outcome, revoked_award_id, updated_position,
         extension_count, extension_days)
     WHERE c.complaint_id = v.complaint_id`,
    [
      rows.map((r) => r.complaint_id),
      rows.map((r) => r.status),
      rows.map((r) => r.accepted_on),
      rows.map((r) => r.complex),
      rows.map((r) => r.remote_area),
      rows.map((r) => r.due_on),
      rows.map((r) => r.resolved_on),
      rows.map((r) => r.outcome),
      rows.map((r) => r.revoked_award_id),
      rows.map((r) => r.updated_position),
      rows.map((r) => r.extension_count),
      rows.map((r) => r.extension_days),
    ],
  );
}

/**
 * Loads the complaints filed before the batch that its events change, folds the batch
 * in log order (a complaint filed, accepted and resolved in one batch is inserted as
 * resolved), then writes new complaints with one insert and earlier ones with one update.
 */
export async function applyComplaints(recorded: RecordedEvent[], client: PoolClient): Promise<void> {
  const events = asRecordedDomainEvents(recorded);
  const fold = new ComplaintsFold(await loadEarlierStates(client, earlierComplaintIds(events)));
  for (const event of events) fold.apply(event);
  await insertFiled(client, fold);
  await updateEarlier(client, fold);
}

/** Complaints, denunciations and petitions with their status, deadlines and outcome. */
export const complaintsProjection: ProjectionDefinition = {
  name: COMPLAINTS_PROJECTION,
  version: 1,
  eventTypes: [
    'ComplaintFiled',
    'ComplaintAccepted',
    'ComplaintDismissed',
    'ComplaintResolved',
    'DenunciationExtended',
    'ComplaintMarkedComplex',
  ],
  migrations: loadMigrations(join(projectRoot(), 'projections/complaints/migrations')),
  apply: applyComplaints,
};
