import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { AwardRevoked } from '../../src/awards/award.events';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import {
  asRecordedDomainEvents,
  type RecordedDomainEvent,
  type RecordedOfType,
} from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import { copyRows } from '../../src/projections/copyRows';
import type { ProjectionDefinition } from '../../src/projections/projection';

export const AWARDS_PROJECTION = 'awards';

type Revocation = AwardRevoked['data'];

const GRANT_COLUMNS = [
  'award_id',
  'dossier_id',
  'award',
  'category',
  'label',
  'subject_kind',
  'subject_id',
  'subject_name',
  'subject_unit_id',
  'period_kind',
  'period_year',
  'decision_number',
  'decided_on',
  'issued_by_unit_id',
  'issued_by_level',
  'signer_name',
  'cash_multiple',
  'base_salary_vnd',
  'reward_vnd',
  'direct_worker',
  'female',
  'movement_id',
  'thematic',
  'granted_at',
  'granted_position',
  'revoked',
  'revoked_reason',
  'revocation_decision_number',
  'revoked_by_complaint_id',
  'revoked_at',
] as const;

interface Grant {
  event: RecordedOfType<'AwardGranted'>;
  /** The last revocation of the award in the same batch. */
  revocation: Revocation | null;
}

/**
 * The batch's grants, each with its revocation in the batch, and the revocations of
 * awards granted before the batch. A later revocation of the same award replaces an
 * earlier one, as row-by-row updates would.
 */
function foldAwardEvents(events: RecordedDomainEvent[]): {
  grants: Map<string, Grant>;
  revocationsOfEarlier: Map<string, Revocation>;
} {
  const grants = new Map<string, Grant>();
  const revocationsOfEarlier = new Map<string, Revocation>();
  for (const event of events) {
    if (event.type === 'AwardGranted') {
      const d = event.data;
      // Two grants of one award are an error, as the primary key would make them.
      if (grants.has(d.awardId)) throw new Error(`award ${d.awardId} was granted twice`);
      // Revoked before it was granted: row by row, that revocation found nothing to update.
      if (revocationsOfEarlier.has(d.awardId))
        throw new Error(`AwardRevoked for award ${d.awardId}, which was never granted`);
      grants.set(d.awardId, { event, revocation: null });
    } else if (event.type === 'AwardRevoked') {
      const d = event.data;
      const grant = grants.get(d.awardId);
      if (grant) grant.revocation = d;
      else revocationsOfEarlier.set(d.awardId, d);
    }
  }
  return { grants, revocationsOfEarlier };
}

/** A new award's row, in GRANT_COLUMNS order, revoked already when the batch revokes it. */
function grantRow({ event, revocation: r }: Grant): unknown[] {
  const d = event.data;
  return [
    d.awardId,
    d.dossierId,
    d.award,
    d.category,
    d.label,
    d.subject.kind,
    d.subject.id,
    d.subject.name,
    d.subjectUnitId,
    d.period.kind,
    d.period.year,
    d.decisionNumber,
    d.decidedOn,
    d.issuedByUnitId,
    d.issuedByLevel,
    d.signerName,
    d.cashMultiple,
    d.baseSalaryVnd ?? null,
    d.rewardVnd ?? null,
    d.directWorker,
    d.female,
    d.movementId,
    d.thematic,
    d.grantedAt,
    event.position,
    r !== null,
    r?.reason ?? null,
    r?.decisionNumber ?? null,
    r?.complaintId ?? null,
    r?.revokedAt ?? null,
  ];
}

/** One update of the awards granted before the batch; a revocation of an award never granted fails. */
async function revokeEarlierGrants(client: PoolClient, revocations: Revocation[]): Promise<void> {
  if (revocations.length === 0) return;
  const { rows } = await client.query<{ award_id: string }>(
    `UPDATE awards a SET revoked = true, revoked_reason = r.reason, revocation_decision_number = r.decision_number,
       revoked_by_complaint_id = r.complaint_id, revoked_at = r.revoked_at
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS r(award_id, reason, decision_number, complaint_id, revoked_at)
     WHERE a.award_id = r.award_id
     RETURNING a.award_id`,
    [
      revocations.map((r) => r.awardId),
      revocations.map((r) => r.reason),
      revocations.map((r) => r.decisionNumber),
      revocations.map((r) => r.complaintId),
      revocations.map((r) => r.revokedAt),
    ],
  );
  if (rows.length !== revocations.length) {
    const found = new Set(rows.map((r) => r.award_id));
    const missing = revocations.find((r) => !found.has(r.awardId))!;
    throw new Error(`AwardRevoked for award ${missing.awardId}, which was never granted`);
  }
}

/** The batch's merges, one COPY: a unit is merged once (its decider refuses a second merge). */
async function insertMergedUnits(client: PoolClient, events: RecordedDomainEvent[]): Promise<void> {
  const merges = events.flatMap((e) => (e.type === 'UnitMerged' ? [[e.data.unitId, e.data.intoUnitId]] : []));
  await copyRows(client, 'merged_units', ['unit_id', 'into_unit_id'], merges);
}

/**
 * One COPY of the batch's grants and one update of the awards granted before it. A
 * revocation of an award granted earlier in the same batch is folded into its new row.
 */
async function applyAwards(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const domainEvents = asRecordedDomainEvents(events);
  await insertMergedUnits(client, domainEvents);
  const { grants, revocationsOfEarlier } = foldAwardEvents(domainEvents);
  // A plain COPY: granting an award twice still fails on the primary key.
  await copyRows(client, 'awards', GRANT_COLUMNS, [...grants.values()].map(grantRow));
  await revokeEarlierGrants(client, [...revocationsOfEarlier.values()]);
}

/**
 * Awards by subject, by decision number and by unit and period: the facts the award rules
 * check; and the merged units, whose awards a surviving unit's history includes.
 */
export const awardsProjection: ProjectionDefinition = {
  name: AWARDS_PROJECTION,
  version: 2,
  eventTypes: ['AwardGranted', 'AwardRevoked', 'UnitMerged'],
  migrations: loadMigrations(join(projectRoot(), 'projections/awards/migrations')),
  apply: applyAwards,
};
