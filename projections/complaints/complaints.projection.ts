import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { ComplaintAccepted, ComplaintDismissed, ComplaintFiled, ComplaintResolved } from '../../src/complaints/complaint.events';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { ComplaintStatus } from '../../src/shared/domain';

export const COMPLAINTS_PROJECTION = 'complaints';

async function update(client: PoolClient, complaintId: string, sql: string, params: unknown[]): Promise<void> {
  const result = await client.query(`UPDATE complaints SET ${sql} WHERE complaint_id = $1`, [complaintId, ...params]);
  if (result.rowCount !== 1) throw new Error(`complaint ${complaintId} was never filed`);
}

export async function applyComplaints(events: RecordedEvent[], client: PoolClient): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case 'ComplaintFiled': {
        const d = event.data as ComplaintFiled['data'];
        await client.query(
          `INSERT INTO complaints (complaint_id, kind, status, complainant_name, received_on, acceptance_due_on, award_id, dossier_id,
             subject_kind, subject_id, subject_name, filed_at, updated_position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            d.complaintId, d.kind, ComplaintStatus.RECEIVED, d.complainantName, d.receivedOn, d.acceptanceDueOn, d.awardId, d.dossierId,
            d.subject?.kind ?? null, d.subject?.id ?? null, d.subject?.name ?? null, d.filedAt, event.position,
          ],
        );
        break;
      }
      case 'ComplaintAccepted': {
        const d = event.data as ComplaintAccepted['data'];
        await update(client, d.complaintId, 'status = $2, accepted_on = $3, complex = $4, remote_area = $5, due_on = $6, updated_position = $7', [
          ComplaintStatus.ACCEPTED, d.acceptedOn, d.complex, d.remoteArea, d.dueOn, event.position,
        ]);
        break;
      }
      case 'ComplaintDismissed': {
        const d = event.data as ComplaintDismissed['data'];
        await update(client, d.complaintId, 'status = $2, resolved_on = $3, updated_position = $4', [ComplaintStatus.DISMISSED, d.decidedOn, event.position]);
        break;
      }
      case 'ComplaintResolved': {
        const d = event.data as ComplaintResolved['data'];
        await update(client, d.complaintId, 'status = $2, resolved_on = $3, outcome = $4, revoked_award_id = $5, updated_position = $6', [
          ComplaintStatus.RESOLVED, d.decidedOn, d.outcome, d.revokedAwardId, event.position,
        ]);
        break;
      }
      default:
        break;
    }
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
