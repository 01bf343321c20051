import type { PoolClient } from 'pg';
import type { RecordedDomainEvent } from '../../src/eventStore/recordedDomainEvent';
import {
  emptyRegistryBatch,
  setPerson,
  subjectKey,
  type HouseholdRow,
  type PersonRow,
  type RegistryBatch,
  type SubjectKind,
  type SubjectRow,
  type UnitRow,
} from './registry.rows';

/** The rows a batch's events change: units named as parents, renamed or merged; people transferred. */
function referencedIds(events: RecordedDomainEvent[]): {
  unitIds: Set<string>;
  personIds: Set<string>;
  renamedUnitIds: Set<string>;
} {
  const unitIds = new Set<string>();
  const personIds = new Set<string>();
  const renamedUnitIds = new Set<string>();
  for (const event of events) {
    switch (event.type) {
      case 'UnitRegistered':
        if (event.data.parentUnitId) unitIds.add(event.data.parentUnitId);
        break;
      case 'UnitRenamed':
        unitIds.add(event.data.unitId);
        renamedUnitIds.add(event.data.unitId);
        break;
      case 'UnitMerged':
        unitIds.add(event.data.unitId);
        break;
      case 'PersonTransferred':
        personIds.add(event.data.personId);
        break;
      default:
        break;
    }
  }
  return { unitIds, personIds, renamedUnitIds };
}

async function loadUnits(client: PoolClient, batch: RegistryBatch, unitIds: Set<string>): Promise<void> {
  if (unitIds.size === 0) return;
  const { rows } = await client.query<UnitRow>(
    'SELECT unit_id, name, kind, level, parent_unit_id, sector, small, merged_into FROM units WHERE unit_id = ANY($1::text[])',
    [[...unitIds]],
  );
  for (const row of rows) batch.units.set(row.unit_id, row);
}

/** A rename reaches everyone in the unit at that moment: those there now, and those the batch moves in. */
async function loadPeople(
  client: PoolClient,
  batch: RegistryBatch,
  personIds: Set<string>,
  renamedUnitIds: Set<string>,
): Promise<void> {
  if (personIds.size === 0 && renamedUnitIds.size === 0) return;
  const { rows } = await client.query<PersonRow>(
    `SELECT person_id, full_name, unit_id, position, direct_worker, female FROM people
     WHERE person_id = ANY($1::text[]) OR unit_id = ANY($2::text[])`,
    [[...personIds], [...renamedUnitIds]],
  );
  for (const row of rows) setPerson(batch, row);
}

/** The households of renamed units, whose subjects show the unit's name. */
async function loadHouseholds(client: PoolClient, batch: RegistryBatch, renamedUnitIds: Set<string>): Promise<void> {
  if (renamedUnitIds.size === 0) return;
  const { rows } = await client.query<HouseholdRow>(
    'SELECT household_id, head_name, address, unit_id FROM households WHERE unit_id = ANY($1::text[])',
    [[...renamedUnitIds]],
  );
  for (const row of rows) batch.households.set(row.household_id, row);
}

/** The subjects of the renamed units and of the people and households loaded or transferred. */
async function loadSubjects(
  client: PoolClient,
  batch: RegistryBatch,
  personIds: Set<string>,
  renamedUnitIds: Set<string>,
): Promise<void> {
  const subjectKinds: SubjectKind[] = [];
  const subjectIds: string[] = [];
  for (const id of renamedUnitIds) {
    subjectKinds.push('COLLECTIVE');
    subjectIds.push(id);
  }
  for (const id of new Set([...personIds, ...batch.people.keys()])) {
    subjectKinds.push('INDIVIDUAL');
    subjectIds.push(id);
  }
  for (const id of batch.households.keys()) {
    subjectKinds.push('HOUSEHOLD');
    subjectIds.push(id);
  }
  if (subjectIds.length === 0) return;
  const { rows } = await client.query<SubjectRow>(
    `SELECT s.kind, s.id, s.name, s.unit_name, s.search_text
     FROM subjects s JOIN unnest($1::text[], $2::text[]) AS k(kind, id) ON s.kind = k.kind AND s.id = k.id`,
    [subjectKinds, subjectIds],
  );
  for (const row of rows) batch.subjects.set(subjectKey(row.kind, row.id), row);
}

/** Loads, with one query per table, the rows the batch's events read or change. */
export async function loadRegistryBatch(client: PoolClient, events: RecordedDomainEvent[]): Promise<RegistryBatch> {
  const batch = emptyRegistryBatch();
  const { unitIds, personIds, renamedUnitIds } = referencedIds(events);
  await loadUnits(client, batch, unitIds);
  await loadPeople(client, batch, personIds, renamedUnitIds);
  await loadHouseholds(client, batch, renamedUnitIds);
  await loadSubjects(client, batch, personIds, renamedUnitIds);
  return batch;
}
