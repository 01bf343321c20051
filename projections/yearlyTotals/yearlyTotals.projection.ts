import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents } from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { applyYearlyTotalsEvent } from './yearlyTotals.fold';
import { loadYearlyTotalsBatch } from './yearlyTotals.load';
import { writeYearlyTotalsBatch } from './yearlyTotals.write';

/**
 * Yearly totals for dashboards: per period (calendar or school year) and per unit, so
 * a dashboard sums any unit subtree from a few rows.
 *
 * - Merged units (UnitMerged): a unit's totals include those of the units merged into
 *   it, their past included: the queries walk the merges as they walk the unit tree.
 * - Awards: by the award's own period (AwardGranted.period) and its subject unit
 *   (AwardGranted.subjectUnitId: a person's unit, or the collective itself). Counts
 *   include revoked awards; `revoked*` columns count those later revoked (AwardRevoked).
 * - Dossiers: by DossierSubmitted.period and the nominee's unit. submitted; returned
 *   (returned at least once); eligible / ineligible (the latest appraisal); approved /
 *   rejected (the council's resolution); granted (DossierGranted); and a histogram of
 *   days from submittedOn to the resolving session's heldOn (CouncilSessionConvened)
 *   for the median. A withdrawn dossier counts as submitted only.
 * - Complaints: one row each (received, accepted, due and closing dates, status, unit of
 *   the subject), counted at query time because "overdue" depends on the day asked.
 *   The subject is ComplaintFiled.subject, else the award's or the dossier's subject;
 *   a person's unit is the one the person belongs to when the complaint is filed.
 *
 * - For the statistics forms (Circular 02/2023/TT-BNV): each award's method and issuing
 *   level, each unit's authority level, the movements launched (MovementLaunched), and
 *   the latest workforce report per unit and year (WorkforceReported).
 *
 * Batch-friendly: a batch loads the state of the entities it touches with one query
 * per table (yearlyTotals.load.ts), folds its events in memory (yearlyTotals.fold.ts),
 * and writes every table with one multi-row statement (yearlyTotals.write.ts);
 * aggregates change by (new contribution - old contribution) per entity (yearlyTotals.deltas.ts).
 */
const YEARLY_TOTALS_PROJECTION = 'yearly_totals';

/** DossierResubmitted, BallotCast and the rest change no total, so the runner does not even read them. */
const YEARLY_TOTALS_EVENT_TYPES = [
  'UnitRegistered',
  'UnitMerged',
  'MovementLaunched',
  'WorkforceReported',
  'PersonRegistered',
  'PersonTransferred',
  'CouncilSessionConvened',
  'AwardGranted',
  'AwardRevoked',
  'DossierSubmitted',
  'DossierReturned',
  'DossierWithdrawn',
  'DossierAppraised',
  'DossierResolved',
  'DossierGranted',
  'ComplaintFiled',
  'ComplaintAccepted',
  'ComplaintDismissed',
  'ComplaintResolved',
  'DenunciationExtended',
  'ComplaintMarkedComplex',
] as const;

async function applyYearlyTotals(recorded: RecordedEvent[], client: PoolClient): Promise<void> {
  const events = asRecordedDomainEvents(recorded);
  const batch = await loadYearlyTotalsBatch(client, events);
  for (const event of events) applyYearlyTotalsEvent(batch, event);
  await writeYearlyTotalsBatch(client, batch);
}

/** Per-period, per-unit totals of awards, dossiers and complaints, summed over unit subtrees by the queries. */
export const yearlyTotalsProjection: ProjectionDefinition = {
  name: YEARLY_TOTALS_PROJECTION,
  version: 5,
  eventTypes: YEARLY_TOTALS_EVENT_TYPES,
  migrations: loadMigrations(join(projectRoot(), 'projections/yearlyTotals/migrations')),
  apply: applyYearlyTotals,
};
