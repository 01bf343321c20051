import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import { copyRows } from '../../src/projections/copyRows';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { normalizeForSearch } from './search';

type Data = Record<string, any>;

interface UnitRow {
  unit_id: string;
  name: string;
  kind: string;
  level: string;
  parent_unit_id: string | null;
  sector: string | null;
  small: boolean;
  merged_into: string | null;
}

interface PersonRow {
  person_id: string;
  full_name: string;
  unit_id: string;
  position: string | null;
  direct_worker: boolean;
  female: boolean;
}

type SubjectKind = 'INDIVIDUAL' | 'COLLECTIVE';

interface SubjectRow {
  kind: SubjectKind;
  id: string;
  name: string;
  unit_name: string | null;
  search_text: string;
}

const subjectKey = (kind: SubjectKind, id: string): string => `${kind}\u0000${id}`;

/**
 * A batch's view of the tables: every row the batch reads or writes, loaded with one
 * query per table before the fold, then changed in memory in log order so a later
 * event sees what an earlier one did (a unit registered then renamed, a person who
 * moves and is renamed with the unit). Rows the batch creates are kept apart from rows
 * it changes: new ones are plainly inserted, so a duplicate fails as it always did.
 */
class RegistryBatch {
  private readonly units = new Map<string, UnitRow>();
  private readonly newUnits = new Set<string>();
  private readonly changedUnits = new Set<string>();
  private readonly people = new Map<string, PersonRow>();
  private readonly newPeople = new Set<string>();
  private readonly changedPeople = new Set<string>();
  /** The people of `people` by their unit as the fold has it, for renames. */
  private readonly peopleByUnit = new Map<string, Set<string>>();
  private readonly subjects = new Map<string, SubjectRow>();
  private readonly newSubjects = new Set<string>();
  private readonly changedSubjects = new Set<string>();
  private readonly clusters: Data[] = [];
  private readonly movements: Data[] = [];

  constructor(private readonly client: PoolClient) {}

  async load(events: RecordedEvent[]): Promise<void> {
    const unitIds = new Set<string>();
    const personIds = new Set<string>();
    const renamedUnitIds = new Set<string>();
    for (const { type, data } of events) {
      const d = data as Data;
      if (type === 'UnitRegistered' && d.parentUnitId) unitIds.add(d.parentUnitId);
      else if (type === 'UnitRenamed') {
        unitIds.add(d.unitId);
        renamedUnitIds.add(d.unitId);
      } else if (type === 'UnitMerged') unitIds.add(d.unitId);
      else if (type === 'PersonTransferred') personIds.add(d.personId);
    }
    if (unitIds.size > 0) {
      const { rows } = await this.client.query<UnitRow>(
        'SELECT unit_id, name, kind, level, parent_unit_id, sector, small, merged_into FROM units WHERE unit_id = ANY($1::text[])',
        [[...unitIds]],
      );
      for (const row of rows) this.units.set(row.unit_id, row);
    }
    // A rename reaches everyone in the unit at that moment: those there now, and those the batch moves in.
    if (personIds.size > 0 || renamedUnitIds.size > 0) {
      const { rows } = await this.client.query<PersonRow>(
        `SELECT person_id, full_name, unit_id, position, direct_worker, female FROM people
         WHERE person_id = ANY($1::text[]) OR unit_id = ANY($2::text[])`,
        [[...personIds], [...renamedUnitIds]],
      );
      for (const row of rows) this.setPerson(row);
    }
    const subjectKinds: SubjectKind[] = [];
    const subjectIds: string[] = [];
    for (const id of renamedUnitIds) {
      subjectKinds.push('COLLECTIVE');
      subjectIds.push(id);
    }
    for (const id of new Set([...personIds, ...this.people.keys()])) {
      subjectKinds.push('INDIVIDUAL');
      subjectIds.push(id);
    }
    if (subjectIds.length > 0) {
      const { rows } = await this.client.query<SubjectRow>(
        `SELECT s.kind, s.id, s.name, s.unit_name, s.search_text
         FROM subjects s JOIN unnest($1::text[], $2::text[]) AS k(kind, id) ON s.kind = k.kind AND s.id = k.id`,
        [subjectKinds, subjectIds],
      );
      for (const row of rows) this.subjects.set(subjectKey(row.kind, row.id), row);
    }
  }

  apply(event: RecordedEvent): void {
    const d = event.data as Data;
    switch (event.type) {
      case 'UnitRegistered': {
        if (this.newUnits.has(d.unitId)) throw new Error(`unit ${d.unitId} was registered twice`);
        this.units.set(d.unitId, {
          unit_id: d.unitId,
          name: d.name,
          kind: d.kind,
          level: d.level,
          parent_unit_id: d.parentUnitId,
          sector: d.sector,
          small: d.small,
          merged_into: null,
        });
        this.newUnits.add(d.unitId);
        const parentName = d.parentUnitId ? (this.units.get(d.parentUnitId)?.name ?? null) : null;
        this.upsertSubject('COLLECTIVE', d.unitId, d.name, parentName);
        return;
      }
      case 'UnitRenamed': {
        this.changeUnit(d.unitId, (unit) => (unit.name = d.name));
        this.changeSubject('COLLECTIVE', d.unitId, (s) => {
          s.name = d.name;
          s.search_text = normalizeForSearch(d.name);
        });
        for (const personId of this.peopleByUnit.get(d.unitId) ?? [])
          this.changeSubject('INDIVIDUAL', personId, (s) => (s.unit_name = d.name));
        return;
      }
      case 'UnitMerged':
        this.changeUnit(d.unitId, (unit) => (unit.merged_into = d.intoUnitId));
        return;
      case 'PersonRegistered': {
        if (this.newPeople.has(d.personId)) throw new Error(`person ${d.personId} was registered twice`);
        this.setPerson({
          person_id: d.personId,
          full_name: d.fullName,
          unit_id: d.unitId,
          position: d.position,
          direct_worker: d.directWorker,
          female: d.female,
        });
        this.newPeople.add(d.personId);
        this.upsertSubject('INDIVIDUAL', d.personId, d.fullName, d.unitName);
        return;
      }
      case 'PersonTransferred': {
        const person = this.people.get(d.personId);
        if (person) {
          this.peopleByUnit.get(person.unit_id)?.delete(person.person_id);
          this.setPerson({ ...person, unit_id: d.toUnitId, position: d.position });
          if (!this.newPeople.has(d.personId)) this.changedPeople.add(d.personId);
        }
        this.changeSubject('INDIVIDUAL', d.personId, (s) => (s.unit_name = d.toUnitName));
        return;
      }
      case 'ClusterFormed':
        this.clusters.push(d);
        return;
      case 'MovementLaunched':
        this.movements.push(d);
        return;
      default:
        return;
    }
  }

  private setPerson(person: PersonRow): void {
    this.people.set(person.person_id, person);
    let members = this.peopleByUnit.get(person.unit_id);
    if (!members) this.peopleByUnit.set(person.unit_id, (members = new Set()));
    members.add(person.person_id);
  }

  /** Like `UPDATE units … WHERE unit_id = $1`: a unit never registered stays absent. */
  private changeUnit(unitId: string, change: (unit: UnitRow) => void): void {
    const unit = this.units.get(unitId);
    if (!unit) return;
    change(unit);
    if (!this.newUnits.has(unitId)) this.changedUnits.add(unitId);
  }

  private upsertSubject(kind: SubjectKind, id: string, name: string, unitName: string | null): void {
    const key = subjectKey(kind, id);
    this.subjects.set(key, { kind, id, name, unit_name: unitName, search_text: normalizeForSearch(name) });
    // Only registrations create subjects, and registering twice fails on units or people first.
    if (!this.changedSubjects.has(key)) this.newSubjects.add(key);
  }

  /** Like `UPDATE subjects … WHERE kind = $1 AND id = $2`: changes only a subject that exists. */
  private changeSubject(kind: SubjectKind, id: string, change: (subject: SubjectRow) => void): void {
    const key = subjectKey(kind, id);
    const subject = this.subjects.get(key);
    if (!subject) return;
    change(subject);
    if (!this.newSubjects.has(key)) this.changedSubjects.add(key);
  }

  async write(): Promise<void> {
    const c = this.client;
    const units = (ids: Set<string>) => [...ids].map((id) => this.units.get(id)!);
    // New rows go by COPY: plain inserts, so registering twice still fails on the primary key.
    const unitColumns = [
      'unit_id',
      'name',
      'kind',
      'level',
      'parent_unit_id',
      'sector',
      'small',
      'merged_into',
    ] as const;
    await copyRows(
      c,
      'units',
      unitColumns,
      units(this.newUnits).map((u) => unitColumns.map((column) => u[column])),
    );
    if (this.changedUnits.size > 0) {
      const rows = units(this.changedUnits);
      await c.query(
        `UPDATE units u SET name = v.name, merged_into = v.merged_into
         FROM unnest($1::text[], $2::text[], $3::text[]) AS v(unit_id, name, merged_into) WHERE u.unit_id = v.unit_id`,
        [rows.map((u) => u.unit_id), rows.map((u) => u.name), rows.map((u) => u.merged_into)],
      );
    }
    const people = (ids: Set<string>) => [...ids].map((id) => this.people.get(id)!);
    const personColumns = ['person_id', 'full_name', 'unit_id', 'position', 'direct_worker', 'female'] as const;
    await copyRows(
      c,
      'people',
      personColumns,
      people(this.newPeople).map((p) => personColumns.map((column) => p[column])),
    );
    if (this.changedPeople.size > 0) {
      const rows = people(this.changedPeople);
      await c.query(
        `UPDATE people p SET unit_id = v.unit_id, position = v.position
         FROM unnest($1::text[], $2::text[], $3::text[]) AS v(person_id, unit_id, position) WHERE p.person_id = v.person_id`,
        [rows.map((p) => p.person_id), rows.map((p) => p.unit_id), rows.map((p) => p.position)],
      );
    }
    const subjectColumns = ['kind', 'id', 'name', 'unit_name', 'search_text'] as const;
    const subjects = (keys: Set<string>) => [...keys].map((key) => this.subjects.get(key)!);
    await copyRows(
      c,
      'subjects',
      subjectColumns,
      subjects(this.newSubjects).map((s) => subjectColumns.map((column) => s[column])),
    );
    if (this.changedSubjects.size > 0) {
      const rows = subjects(this.changedSubjects);
      await c.query(
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
    if (this.clusters.length > 0) {
      const rows = this.clusters;
      await c.query(
        `INSERT INTO clusters (cluster_id, name, kind, organizer_unit_id, member_unit_ids)
         SELECT cluster_id, name, kind, organizer_unit_id, string_to_array(members, E'\\x1f')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS c(cluster_id, name, kind, organizer_unit_id, members)`,
        [
          rows.map((d) => d.clusterId),
          rows.map((d) => d.name),
          rows.map((d) => d.kind),
          rows.map((d) => d.organizerUnitId),
          // Arrays of arrays cannot be bound one row each: members travel joined by the unit separator.
          rows.map((d) => (d.members as Data[]).map((m) => m.unitId).join('\x1f')),
        ],
      );
    }
    if (this.movements.length > 0) {
      const rows = this.movements;
      await c.query(
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
  }
}

export const REGISTRY_EVENT_TYPES = [
  'UnitRegistered',
  'UnitRenamed',
  'UnitMerged',
  'PersonRegistered',
  'PersonTransferred',
  'ClusterFormed',
  'MovementLaunched',
] as const;

export async function applyRegistry(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const batch = new RegistryBatch(client);
  await batch.load(events);
  for (const event of events) batch.apply(event);
  await batch.write();
}

export const registryProjection: ProjectionDefinition = {
  name: 'registry',
  version: 2,
  eventTypes: REGISTRY_EVENT_TYPES,
  migrations: loadMigrations(join(projectRoot(), 'projections/registry/migrations')),
  // Built at the head of the log (migration 010 says why); live inserts then go straight into them.
  deferredIndexes: [
    'CREATE INDEX IF NOT EXISTS subjects_search_trgm ON subjects USING gin (search_text public.gin_trgm_ops) WITH (fastupdate = off)',
    'CREATE INDEX IF NOT EXISTS subjects_search_grams ON subjects USING gin (public.search_grams(search_text)) WITH (fastupdate = off)',
  ],
  apply: applyRegistry,
};
