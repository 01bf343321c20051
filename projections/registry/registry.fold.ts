import type { RecordedDomainEvent, RecordedOfType } from '../../src/eventStore/recordedDomainEvent';
import {
  setPerson,
  subjectKey,
  type RegistryBatch,
  type SubjectKind,
  type SubjectRow,
  type UnitRow,
} from './registry.rows';
import { normalizeForSearch } from './search';

/** Like `UPDATE units … WHERE unit_id = $1`: a unit never registered stays absent. */
function changeUnit(batch: RegistryBatch, unitId: string, change: (unit: UnitRow) => void): void {
  const unit = batch.units.get(unitId);
  if (!unit) return;
  change(unit);
  if (!batch.newUnits.has(unitId)) batch.changedUnits.add(unitId);
}

function upsertSubject(
  batch: RegistryBatch,
  kind: SubjectKind,
  id: string,
  name: string,
  unitName: string | null,
): void {
  const key = subjectKey(kind, id);
  batch.subjects.set(key, { kind, id, name, unit_name: unitName, search_text: normalizeForSearch(name) });
  // Only registrations create subjects, and registering twice fails on units or people first.
  if (!batch.changedSubjects.has(key)) batch.newSubjects.add(key);
}

/** Like `UPDATE subjects … WHERE kind = $1 AND id = $2`: changes only a subject that exists. */
function changeSubject(
  batch: RegistryBatch,
  kind: SubjectKind,
  id: string,
  change: (subject: SubjectRow) => void,
): void {
  const key = subjectKey(kind, id);
  const subject = batch.subjects.get(key);
  if (!subject) return;
  change(subject);
  if (!batch.newSubjects.has(key)) batch.changedSubjects.add(key);
}

function registerUnit(batch: RegistryBatch, { data: d }: RecordedOfType<'UnitRegistered'>): void {
  if (batch.newUnits.has(d.unitId)) throw new Error(`unit ${d.unitId} was registered twice`);
  batch.units.set(d.unitId, {
    unit_id: d.unitId,
    name: d.name,
    kind: d.kind,
    level: d.level,
    parent_unit_id: d.parentUnitId,
    sector: d.sector,
    small: d.small,
    merged_into: null,
  });
  batch.newUnits.add(d.unitId);
  const parentName = d.parentUnitId ? (batch.units.get(d.parentUnitId)?.name ?? null) : null;
  upsertSubject(batch, 'COLLECTIVE', d.unitId, d.name, parentName);
}

/**
 * The unit's row and subject take the new name, and so do its people's and households'
 * subjects (as their unit name).
 */
function renameUnit(batch: RegistryBatch, { data: d }: RecordedOfType<'UnitRenamed'>): void {
  changeUnit(batch, d.unitId, (unit) => (unit.name = d.name));
  changeSubject(batch, 'COLLECTIVE', d.unitId, (s) => {
    s.name = d.name;
    s.search_text = normalizeForSearch(d.name);
  });
  for (const personId of batch.peopleByUnit.get(d.unitId) ?? [])
    changeSubject(batch, 'INDIVIDUAL', personId, (s) => (s.unit_name = d.name));
  for (const household of batch.households.values())
    if (household.unit_id === d.unitId)
      changeSubject(batch, 'HOUSEHOLD', household.household_id, (s) => (s.unit_name = d.name));
}

function registerHousehold(batch: RegistryBatch, { data: d }: RecordedOfType<'HouseholdRegistered'>): void {
  if (batch.newHouseholds.has(d.householdId)) throw new Error(`household ${d.householdId} was registered twice`);
  batch.households.set(d.householdId, {
    household_id: d.householdId,
    head_name: d.headName,
    address: d.address,
    unit_id: d.unitId,
  });
  batch.newHouseholds.add(d.householdId);
  upsertSubject(batch, 'HOUSEHOLD', d.householdId, d.headName, d.unitName);
}

function registerPerson(batch: RegistryBatch, { data: d }: RecordedOfType<'PersonRegistered'>): void {
  if (batch.newPeople.has(d.personId)) throw new Error(`person ${d.personId} was registered twice`);
  setPerson(batch, {
    person_id: d.personId,
    full_name: d.fullName,
    unit_id: d.unitId,
    position: d.position,
    direct_worker: d.directWorker,
    female: d.female,
  });
  batch.newPeople.add(d.personId);
  upsertSubject(batch, 'INDIVIDUAL', d.personId, d.fullName, d.unitName);
}

function transferPerson(batch: RegistryBatch, { data: d }: RecordedOfType<'PersonTransferred'>): void {
  const person = batch.people.get(d.personId);
  if (person) {
    batch.peopleByUnit.get(person.unit_id)?.delete(person.person_id);
    setPerson(batch, { ...person, unit_id: d.toUnitId, position: d.position });
    if (!batch.newPeople.has(d.personId)) batch.changedPeople.add(d.personId);
  }
  changeSubject(batch, 'INDIVIDUAL', d.personId, (s) => (s.unit_name = d.toUnitName));
}

/** One event applied to the batch's rows, as the tables would change row by row. */
export function applyRegistryEvent(batch: RegistryBatch, event: RecordedDomainEvent): void {
  switch (event.type) {
    case 'UnitRegistered':
      return registerUnit(batch, event);
    case 'UnitRenamed':
      return renameUnit(batch, event);
    case 'UnitMerged':
      return changeUnit(batch, event.data.unitId, (unit) => (unit.merged_into = event.data.intoUnitId));
    case 'PersonRegistered':
      return registerPerson(batch, event);
    case 'PersonTransferred':
      return transferPerson(batch, event);
    case 'HouseholdRegistered':
      return registerHousehold(batch, event);
    case 'ClusterFormed':
      batch.clusters.push(event.data);
      return;
    case 'MovementLaunched':
      batch.movements.push(event.data);
      return;
    default:
      return;
  }
}
