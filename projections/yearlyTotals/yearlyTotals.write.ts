import type { PoolClient } from 'pg';
import {
  AWARD_TOTALS,
  awardDeltas,
  DOSSIER_DECISION_DAYS,
  DOSSIER_TOTALS,
  dossierDeltas,
  type Deltas,
  type TotalsTable,
} from './yearlyTotals.deltas';
import type { AwardRow, ComplaintRow, DossierRow, YearlyTotalsBatch } from './yearlyTotals.rows';

async function writeUnits(client: PoolClient, batch: YearlyTotalsBatch): Promise<void> {
  if (batch.units.size === 0) return;
  const units = [...batch.units];
  await client.query(
    `INSERT INTO units (unit_id, parent_unit_id, level) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (unit_id) DO UPDATE SET parent_unit_id = EXCLUDED.parent_unit_id, level = EXCLUDED.level`,
    [units.map((u) => u[0]), units.map((u) => u[1]), units.map((u) => batch.unitLevels.get(u[0]) ?? null)],
  );
}

/** After writeUnits: a unit is registered before it can be merged, in an earlier batch or this one. */
async function writeMergedUnits(client: PoolClient, batch: YearlyTotalsBatch): Promise<void> {
  if (batch.mergedInto.size === 0) return;
  const merges = [...batch.mergedInto];
  await client.query(
    `UPDATE units u SET merged_into = m.into_unit_id
     FROM unnest($1::text[], $2::text[]) AS m(unit_id, into_unit_id) WHERE u.unit_id = m.unit_id`,
    [merges.map((m) => m[0]), merges.map((m) => m[1])],
  );
}

async function writeMovements(client: PoolClient, batch: YearlyTotalsBatch): Promise<void> {
  if (batch.movements.size === 0) return;
  const rows = [...batch.movements.values()];
  await client.query(
    `INSERT INTO movements (movement_id, launched_by_unit_id, kind, starts_on, ends_on)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[])
     ON CONFLICT (movement_id) DO NOTHING`,
    [
      rows.map((r) => r.movementId),
      rows.map((r) => r.launchedByUnitId),
      rows.map((r) => r.kind),
      rows.map((r) => r.startsOn),
      rows.map((r) => r.endsOn),
    ],
  );
}

async function writeWorkforceReports(client: PoolClient, batch: YearlyTotalsBatch): Promise<void> {
  if (batch.workforce.size === 0) return;
  const reports = [...batch.workforce.values()];
  await client.query(
    `INSERT INTO workforce_reports (unit_id, year, figures) SELECT * FROM unnest($1::text[], $2::int[], $3::jsonb[])
     ON CONFLICT (unit_id, year) DO UPDATE SET figures = EXCLUDED.figures`,
    [reports.map((r) => r.unitId), reports.map((r) => r.year), reports.map((r) => JSON.stringify(r.figures))],
  );
}

async function writePeople(client: PoolClient, batch: YearlyTotalsBatch): Promise<void> {
  if (batch.changedPeople.size === 0) return;
  const ids = [...batch.changedPeople];
  await client.query(
    `INSERT INTO people (person_id, unit_id) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (person_id) DO UPDATE SET unit_id = EXCLUDED.unit_id`,
    [ids, ids.map((id) => batch.people.get(id)!)],
  );
}

async function writeSessions(client: PoolClient, batch: YearlyTotalsBatch): Promise<void> {
  if (batch.newSessions.size === 0) return;
  const ids = [...batch.newSessions];
  await client.query(
    `INSERT INTO sessions (session_id, held_on) SELECT * FROM unnest($1::text[], $2::date[])
     ON CONFLICT (session_id) DO UPDATE SET held_on = EXCLUDED.held_on`,
    [ids, ids.map((id) => batch.sessions.get(id)!)],
  );
}

async function upsertAwards(client: PoolClient, rows: AwardRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO awards (award_id, period_kind, period_year, unit_id, award, individual, direct_worker, female, revoked, reward_vnd,
                         method, issued_by_level)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::bool[], $7::bool[], $8::bool[], $9::bool[], $10::bigint[],
                          $11::text[], $12::text[])
     ON CONFLICT (award_id) DO UPDATE SET revoked = EXCLUDED.revoked`,
    [
      rows.map((r) => r.awardId),
      rows.map((r) => r.periodKind),
      rows.map((r) => r.periodYear),
      rows.map((r) => r.unitId),
      rows.map((r) => r.award),
      rows.map((r) => r.individual),
      rows.map((r) => r.directWorker),
      rows.map((r) => r.female),
      rows.map((r) => r.revoked),
      rows.map((r) => r.rewardVnd),
      rows.map((r) => r.method),
      rows.map((r) => r.issuedByLevel),
    ],
  );
}

async function upsertDossiers(client: PoolClient, rows: DossierRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO dossiers (dossier_id, period_kind, period_year, unit_id, submitted_on, returned, eligible, approved, decision_days, granted, withdrawn)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::date[], $6::bool[], $7::bool[], $8::bool[], $9::int[], $10::bool[], $11::bool[])
     ON CONFLICT (dossier_id) DO UPDATE SET returned = EXCLUDED.returned, eligible = EXCLUDED.eligible, approved = EXCLUDED.approved,
       decision_days = EXCLUDED.decision_days, granted = EXCLUDED.granted, withdrawn = EXCLUDED.withdrawn`,
    [
      rows.map((r) => r.dossierId),
      rows.map((r) => r.periodKind),
      rows.map((r) => r.periodYear),
      rows.map((r) => r.unitId),
      rows.map((r) => r.submittedOn),
      rows.map((r) => r.returned),
      rows.map((r) => r.eligible),
      rows.map((r) => r.approved),
      rows.map((r) => r.decisionDays),
      rows.map((r) => r.granted),
      rows.map((r) => r.withdrawn),
    ],
  );
}

async function upsertComplaints(client: PoolClient, rows: ComplaintRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO complaints (complaint_id, unit_id, received_on, accepted_on, due_on, closed_on, status, upheld, kind, acceptance_due_on)
     SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::date[], $6::date[], $7::text[], $8::bool[],
       $9::text[], $10::date[])
     ON CONFLICT (complaint_id) DO UPDATE SET accepted_on = EXCLUDED.accepted_on, due_on = EXCLUDED.due_on, closed_on = EXCLUDED.closed_on,
       status = EXCLUDED.status, upheld = EXCLUDED.upheld`,
    [
      rows.map((r) => r.complaintId),
      rows.map((r) => r.unitId),
      rows.map((r) => r.receivedOn),
      rows.map((r) => r.acceptedOn),
      rows.map((r) => r.dueOn),
      rows.map((r) => r.closedOn),
      rows.map((r) => r.status),
      rows.map((r) => r.upheld),
      rows.map((r) => r.kind),
      rows.map((r) => r.acceptanceDueOn),
    ],
  );
}

/**
 * Adds a batch's deltas to an aggregate table in one statement. Table and column
 * names are constants of yearlyTotals.deltas.ts; every value is a bound parameter.
 */
async function addToTotals(client: PoolClient, totals: TotalsTable, deltas: Deltas): Promise<void> {
  const changed = deltas.changed();
  if (changed.length === 0) return;
  const { table, keyColumns, keyTypes, valueColumns } = totals;
  const columns = [...keyColumns, ...valueColumns];
  // bigint for every value: VND sums exceed int; counts cast back on assignment.
  const types = [...keyTypes, ...valueColumns.map(() => 'bigint')];
  const params = [
    ...keyColumns.map((_, i) => changed.map((e) => e.key[i])),
    ...valueColumns.map((_, i) => changed.map((e) => e.values[i])),
  ];
  await client.query(
    `INSERT INTO ${table} (${columns.join(', ')})
     SELECT * FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})
     ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${valueColumns.map((col) => `${col} = ${table}.${col} + EXCLUDED.${col}`).join(', ')}`,
    params,
  );
}

/** Writes the batch: each table with one multi-row statement, the aggregates by delta. */
export async function writeYearlyTotalsBatch(client: PoolClient, batch: YearlyTotalsBatch): Promise<void> {
  await writeUnits(client, batch);
  await writeMergedUnits(client, batch);
  await writePeople(client, batch);
  await writeSessions(client, batch);
  await writeMovements(client, batch);
  await writeWorkforceReports(client, batch);
  // Only a revocation changes an award granted earlier.
  const awards = [...batch.awards.values()].filter((t) => t.before === null || t.before.revoked !== t.row.revoked);
  await upsertAwards(
    client,
    awards.map((t) => t.row),
  );
  const dossiers = [...batch.dossiers.values()].filter(
    (t) => t.before === null || JSON.stringify(t.before) !== JSON.stringify(t.row),
  );
  await upsertDossiers(
    client,
    dossiers.map((t) => t.row),
  );
  await upsertComplaints(
    client,
    [...batch.complaints.values()].map((t) => t.row),
  );
  await addToTotals(client, AWARD_TOTALS, awardDeltas(awards));
  const { totals, days } = dossierDeltas(dossiers);
  await addToTotals(client, DOSSIER_TOTALS, totals);
  await addToTotals(client, DOSSIER_DECISION_DAYS, days);
}
