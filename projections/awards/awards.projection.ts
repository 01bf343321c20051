import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { AwardGranted, AwardRevoked } from '../../src/awards/award.events';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';

export const AWARDS_PROJECTION = 'awards';

async function granted(event: RecordedEvent, client: PoolClient): Promise<void> {
  const d = event.data as AwardGranted['data'];
  await client.query(
    `INSERT INTO awards (award_id, dossier_id, award, category, label, subject_kind, subject_id, subject_name, subject_unit_id,
       period_kind, period_year, decision_number, decided_on, issued_by_unit_id, issued_by_level, signer_name, cash_multiple,
       direct_worker, female, movement_id, thematic, granted_at, granted_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
    [
      d.awardId, d.dossierId, d.award, d.category, d.label, d.subject.kind, d.subject.id, d.subject.name, d.subjectUnitId,
      d.period.kind, d.period.year, d.decisionNumber, d.decidedOn, d.issuedByUnitId, d.issuedByLevel, d.signerName, d.cashMultiple,
      d.directWorker, d.female, d.movementId, d.thematic, d.grantedAt, event.position,
    ],
  );
}

async function revoked(event: RecordedEvent, client: PoolClient): Promise<void> {
  const d = event.data as AwardRevoked['data'];
  const result = await client.query(
    `UPDATE awards SET revoked = true, revoked_reason = $2, revocation_decision_number = $3, revoked_by_complaint_id = $4, revoked_at = $5
     WHERE award_id = $1`,
    [d.awardId, d.reason, d.decisionNumber, d.complaintId, d.revokedAt],
  );
  if (result.rowCount !== 1) throw new Error(`AwardRevoked for award ${d.awardId}, which was never granted`);
}

export async function applyAwards(events: RecordedEvent[], client: PoolClient): Promise<void> {
  for (const event of events) {
    if (event.type === 'AwardGranted') await granted(event, client);
    else if (event.type === 'AwardRevoked') await revoked(event, client);
  }
}

/** Awards by subject, by decision number and by unit and period: the facts the award rules check. */
export const awardsProjection: ProjectionDefinition = {
  name: AWARDS_PROJECTION,
  version: 1,
  eventTypes: ['AwardGranted', 'AwardRevoked'],
  migrations: loadMigrations(join(projectRoot(), 'projections/awards/migrations')),
  apply: applyAwards,
};
