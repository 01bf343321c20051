import type { PoolClient } from 'pg';
import { copyRows } from '../../src/projections/copyRows';
import type { RegistryBatch } from './registry.rows';

const UNIT_COLUMNS = ['unit_id', 'name', 'kind', 'level', 'parent_unit_id', 'sector', 'small', 'merged_into'] as const;
const PERSON_COLUMNS = ['person_id', 'full_name', 'unit_id', 'position', 'direct_worker', 'female'] as const;
const HOUSEHOLD_COLUMNS = ['household_id', 'head_name', 'address', 'unit_id'] as const;
const SUBJECT_COLUMNS = ['kind', 'id', 'name', 'unit_name', 'search_text'] as const;

async function writeUnits(client: PoolClient, batch: RegistryBatch): Promise<void> {
  const units = (ids: Set<string>) => [...ids].map((id) => batch.units.get(id)!);
  await copyRows(
    client,
    'units',
    UNIT_COLUMNS,
    units(batch.newUnits).map((u) => UNIT_COLUMNS.map((column) => u[column])),
  );
  if (batch.changedUnits.size === 0) return;
  const rows = units(batch.changedUnits);
  await client.query(
    `UPDATE units u SET name = v.name, merged_into = v.merged_into
     FROM unnest($1::text[], $2::text[], $3::text[]) AS v(unit_id, name, merged_into) WHERE u.unit_id = v.unit_id`,
    [rows.map((u) => u.unit_id), rows.map((u) => u.name), rows.map((u) => u.merged_into)],
  );
}

async function writePeople(client: PoolClient, batch: RegistryBatch): Promise<void> {
  const people = (ids: Set<string>) => [...ids].map((id) => batch.people.get(id)!);
  await copyRows(
    client,
    'people',
    PERSON_COLUMNS,
    people(batch.newPeople).map((p) => PERSON_COLUMNS.map((column) => p[column])),
  );
  if (batch.changedPeople.size === 0) return;
  const rows = people(batch.changedPeople);
  await client.query(
    `UPDATE people p SET unit_id = v.unit_id, position = v.position
     FROM unnest($1::text[], $2::text[], $3::text[]) AS v(person_id, unit_id, position) WHERE p.person_id = v.person_id`,
    [rows.map((p) => p.person_id), rows.map((p) => p.unit_id), rows.map((p) => p.position)],
  );
}

async function insertHouseholds(client: PoolClient, batch: RegistryBatch): Promise<void> {
  const rows = [...batch.newHouseholds].map((id) => batch.households.get(id)!);
  await copyRows(
    client,
    'households',
    HOUSEHOLD_COLUMNS,
    rows.map((h) => HOUSEHOLD_COLUMNS.map((column) => h[column])),
  );
}

async function writeSubjects(client: PoolClient, batch: RegistryBatch): Promise<void> {
  const subjects = (keys: Set<string>) => [...keys].map((key) => batch.subjects.get(key)!);
  await copyRows(
    client,
    'subjects',
    SUBJECT_COLUMNS,
    subjects(batch.newSubjects).map((s) => SUBJECT_COLUMNS.map((column) => s[column])),
  );
  if (batch.changedSubjects.size === 0) return;
  const rows = subjects(batch.changedSubjects);
  await client.query(
    `INSERT INTO subjects (kind, id, name, unit_name, search_text)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (kind, id) DO UPDATE SET name = EXCLUDED.name, unit_name = EXCLUDED.unit_name, search_text = EXCLUDED.search_text`,
    [
      rows.map((s) => s.kind),
      rows.map((s) => s.id),
      rows.map((s) => s.name),
      rows.map((s) => s.unit_name),
      rows.map((s) => s.search_text),
    ],
  );
}

async function insertClusters(client: PoolClient, rows: RegistryBatch['clusters']): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO clusters (cluster_id, name, kind, organizer_unit_id, member_unit_ids)
     SELECT cluster_id, name, kind, organizer_unit_id, string_to_array(members, E'\\x1f')
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS c(cluster_id, name, kind, organizer_unit_id, members)`,
    [
      rows.map((d) => d.clusterId),
      rows.map((d) => d.name),
      rows.map((d) => d.kind),
      rows.map((d) => d.organizerUnitId),
      // Arrays of arrays cannot be bound one row each: members travel joined by the unit separator.
      rows.map((d) => d.members.map((m) => m.unitId).join('\x1f')),
    ],
  );
}

async function insertMovements(client: PoolClient, rows: RegistryBatch['movements']): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO movements (movement_id, name, kind, launched_by_unit_id, starts_on, ends_on)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[])`,
    [
      rows.map((d) => d.movementId),
      rows.map((d) => d.name),
      rows.map((d) => d.kind),
      rows.map((d) => d.launchedByUnitId),
      rows.map((d) => d.startsOn),
      rows.map((d) => d.endsOn),
    ],
  );
}

/**
 * Writes the batch: each table with one COPY of its new rows (plain inserts, so
 * registering twice still fails on the primary key) and one statement for the rows changed.
 */
export async function writeRegistryBatch(client: PoolClient, batch: RegistryBatch): Promise<void> {
  await writeUnits(client, batch);
  await writePeople(client, batch);
  await insertHouseholds(client, batch);
  await writeSubjects(client, batch);
  await insertClusters(client, batch.clusters);
  await insertMovements(client, batch.movements);
}
