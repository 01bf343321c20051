import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type {
  ComplaintAccepted,
  ComplaintDismissed,
  ComplaintFiled,
  ComplaintResolved,
} from '../../src/complaints/complaint.events';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { ComplaintStatus } from '../../src/shared/domain';

export const COMPLAINTS_PROJECTION = 'complaints';

/** The columns the lifecycle events change, as text where dates are, so a row loaded and written back is unchanged. */
interface ComplaintState {
  complaint_id: string;
  status: ComplaintStatus;
  accepted_on: string | null;
  complex: boolean;
  remote_area: boolean;
  due_on: string | null;
  resolved_on: string | null;
  outcome: string | null;
  revoked_award_id: string | null;
  updated_position: string;
}

const LIFECYCLE_EVENTS = new Set(['ComplaintAccepted', 'ComplaintDismissed', 'ComplaintResolved']);

/**
 * Loads the complaints filed before the batch that its events change, folds the batch
 * in log order (a complaint filed, accepted and resolved in one batch is inserted as
 * resolved), then writes new complaints with one insert and earlier ones with one update.
 */
export async function applyComplaints(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const filed = new Map<string, ComplaintFiled['data']>();
  const states = new Map<string, ComplaintState>();
  const changedEarlier = new Set<string>();

  const filedInBatch = new Set<string>();
  const earlierIds = new Set<string>();
  for (const event of events) {
    const complaintId = String(event.data.complaintId);
    if (event.type === 'ComplaintFiled') filedInBatch.add(complaintId);
    else if (LIFECYCLE_EVENTS.has(event.type) && !filedInBatch.has(complaintId)) earlierIds.add(complaintId);
  }
  if (earlierIds.size > 0) {
    const { rows } = await client.query<ComplaintState>(
      `SELECT complaint_id, status, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on, complex, remote_area, to_char(due_on, 'YYYY-MM-DD') AS due_on,
              to_char(resolved_on, 'YYYY-MM-DD') AS resolved_on, outcome, revoked_award_id, updated_position::text AS updated_position
       FROM complaints WHERE complaint_id = ANY($1::text[])`,
      [[...earlierIds]],
    );
    for (const row of rows) states.set(row.complaint_id, row);
  }

  const change = (event: RecordedEvent, complaintId: string, values: Partial<ComplaintState>): void => {
    const state = states.get(complaintId);
    if (!state) throw new Error(`complaint ${complaintId} was never filed`);
    Object.assign(state, values, { updated_position: event.position });
    if (!filed.has(complaintId)) changedEarlier.add(complaintId);
  };

  for (const event of events) {
    switch (event.type) {
      case 'ComplaintFiled': {
        const d = event.data as ComplaintFiled['data'];
        // Filing twice fails on the primary key, like two inserts did.
        if (filed.has(d.complaintId)) throw new Error(`complaint ${d.complaintId} was filed twice`);
        filed.set(d.complaintId, d);
        states.set(d.complaintId, {
          complaint_id: d.complaintId,
          status: ComplaintStatus.RECEIVED,
          accepted_on: null,
          complex: false,
          remote_area: false,
          due_on: null,
          resolved_on: null,
          outcome: null,
          revoked_award_id: null,
          updated_position: event.position,
        });
        break;
      }
      case 'ComplaintAccepted': {
        const d = event.data as ComplaintAccepted['data'];
        change(event, d.complaintId, {
          status: ComplaintStatus.ACCEPTED,
          accepted_on: d.acceptedOn,
          complex: d.complex,
          remote_area: d.remoteArea,
          due_on: d.dueOn,
        });
        break;
      }
      case 'ComplaintDismissed': {
        const d = event.data as ComplaintDismissed['data'];
        change(event, d.complaintId, { status: ComplaintStatus.DISMISSED, resolved_on: d.decidedOn });
        break;
      }
      case 'ComplaintResolved': {
        const d = event.data as ComplaintResolved['data'];
        change(event, d.complaintId, {
          status: ComplaintStatus.RESOLVED,
          resolved_on: d.decidedOn,
          outcome: d.outcome,
          revoked_award_id: d.revokedAwardId,
        });
        break;
      }
      default:
        break;
    }
  }

  if (filed.size > 0) {
    const data = [...filed.values()];
    const rows = data.map((d) => states.get(d.complaintId)!);
    await client.query(
      `INSERT INTO complaints (complaint_id, kind, status, complainant_name, received_on, acceptance_due_on, award_id, dossier_id,
         subject_kind, subject_id, subject_name, filed_at, updated_position,
         accepted_on, complex, remote_area, due_on, resolved_on, outcome, revoked_award_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::timestamptz[], $13::bigint[],
         $14::date[], $15::bool[], $16::bool[], $17::date[], $18::date[], $19::text[], $20::text[])`,
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
      ],
    );
  }
  if (changedEarlier.size > 0) {
    const rows = [...changedEarlier].map((id) => states.get(id)!);
    await client.query(
      `UPDATE complaints c SET status = v.status, accepted_on = v.accepted_on, complex = v.complex, remote_area = v.remote_area, due_on = v.due_on,
         resolved_on = v.resolved_on, outcome = v.outcome, revoked_award_id = v.revoked_award_id, updated_position = v.updated_position
       FROM unnest($1::text[], $2::text[], $3::date[], $4::bool[], $5::bool[], $6::date[], $7::date[], $8::text[], $9::text[], $10::bigint[])
         AS v(complaint_id, status, accepted_on, complex, remote_area, due_on, resolved_on, outcome, revoked_award_id, updated_position)
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
      ],
    );
  }
}

/** Complaints, denunciations and petitions with their status, deadlines and outcome. */
export const complaintsProjection: ProjectionDefinition = {
  name: COMPLAINTS_PROJECTION,
  version: 1,
  eventTypes: ['ComplaintFiled', 'ComplaintAccepted', 'ComplaintDismissed', 'ComplaintResolved'],
  migrations: loadMigrations(join(projectRoot(), 'projections/complaints/migrations')),
  apply: applyComplaints,
};
