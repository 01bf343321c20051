import type { ClusterFormed } from '../../src/clusters/cluster.events';
import type { MovementLaunched } from '../../src/movements/movement.events';

export interface UnitRow {
  unit_id: string;
  name: string;
  kind: string;
  level: string;
  parent_unit_id: string | null;
  sector: string | null;
  small: boolean;
  merged_into: string | null;
}

export interface PersonRow {
  person_id: string;
  full_name: string;
  unit_id: string;
  position: string | null;
  direct_worker: boolean;
  female: boolean;
}

export interface HouseholdRow {
  household_id: string;
  head_name: string;
  address: string;
  unit_id: string;
}

export type SubjectKind = 'INDIVIDUAL' | 'COLLECTIVE' | 'HOUSEHOLD';

export interface SubjectRow {
  kind: SubjectKind;
  id: string;
  name: string;
  unit_name: string | null;
  search_text: string;
}

export const subjectKey = (kind: SubjectKind, id: string): string => `${kind}\u0000${id}`;

/**
 * A batch's view of the tables: every row the batch reads or writes, loaded with one
 * query per table before the fold, then changed in memory in log order so a later
 * event sees what an earlier one did (a unit registered then renamed, a person who
 * moves and is renamed with the unit). Rows the batch creates are kept apart from rows
 * it changes: new ones are plainly inserted, so a duplicate fails as it always did.
 */
export interface RegistryBatch {
  readonly units: Map<string, UnitRow>;
  readonly newUnits: Set<string>;
  readonly changedUnits: Set<string>;
  readonly people: Map<string, PersonRow>;
  readonly newPeople: Set<string>;
  readonly changedPeople: Set<string>;
  /** The people of `people` by their unit as the fold has it, for renames; kept by `setPerson`. */
  readonly peopleByUnit: Map<string, Set<string>>;
  /** Households the batch registers, and those of renamed units (for their subjects' unit name). */
  readonly households: Map<string, HouseholdRow>;
  readonly newHouseholds: Set<string>;
  /** By `subjectKey`. */
  readonly subjects: Map<string, SubjectRow>;
  readonly newSubjects: Set<string>;
  readonly changedSubjects: Set<string>;
  readonly clusters: Array<ClusterFormed['data']>;
  readonly movements: Array<MovementLaunched['data']>;
}

export function emptyRegistryBatch(): RegistryBatch {
  return {
    units: new Map(),
    newUnits: new Set(),
    changedUnits: new Set(),
    people: new Map(),
    newPeople: new Set(),
    changedPeople: new Set(),
    peopleByUnit: new Map(),
    households: new Map(),
    newHouseholds: new Set(),
    subjects: new Map(),
    newSubjects: new Set(),
    changedSubjects: new Set(),
    clusters: [],
    movements: [],
  };
}

/** Puts a person's row in the batch and files it under its unit. */
export function setPerson(batch: RegistryBatch, person: PersonRow): void {
  batch.people.set(person.person_id, person);
  let members = batch.peopleByUnit.get(person.unit_id);
  if (!members) batch.peopleByUnit.set(person.unit_id, (members = new Set()));
  members.add(person.person_id);
}
