import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { normalizeForSearch } from './search';

type Data = Record<string, any>;

async function upsertSubject(client: PoolClient, kind: 'INDIVIDUAL' | 'COLLECTIVE', id: string, name: string, unitName: string | null): Promise<void> {
  await client.query(
    `INSERT INTO subjects (kind, id, name, unit_name, search_text) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (kind, id) DO UPDATE SET name = $3, unit_name = $4, search_text = $5`,
    [kind, id, name, unitName, normalizeForSearch(name)],
  );
}

async function applyEvent(event: RecordedEvent, client: PoolClient): Promise<void> {
  const d = event.data as Data;
  switch (event.type) {
    case 'UnitRegistered': {
      await client.query(
        `INSERT INTO units (unit_id, name, kind, level, parent_unit_id, sector, small) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [d.unitId, d.name, d.kind, d.level, d.parentUnitId, d.sector, d.small],
      );
      const parent = d.parentUnitId ? (await client.query('SELECT name FROM units WHERE unit_id = $1', [d.parentUnitId])).rows[0]?.name ?? null : null;
      await upsertSubject(client, 'COLLECTIVE', d.unitId, d.name, parent);
      return;
    }
    case 'UnitRenamed':
      await client.query('UPDATE units SET name = $2 WHERE unit_id = $1', [d.unitId, d.name]);
      await client.query(`UPDATE subjects SET name = $2, search_text = $3 WHERE kind = 'COLLECTIVE' AND id = $1`, [d.unitId, d.name, normalizeForSearch(d.name)]);
      await client.query(
        `UPDATE subjects s SET unit_name = $2 FROM people p WHERE s.kind = 'INDIVIDUAL' AND s.id = p.person_id AND p.unit_id = $1`,
        [d.unitId, d.name],
      );
      return;
    case 'UnitMerged':
      await client.query('UPDATE units SET merged_into = $2 WHERE unit_id = $1', [d.unitId, d.intoUnitId]);
      return;
    case 'PersonRegistered':
      await client.query(
        `INSERT INTO people (person_id, full_name, unit_id, position, direct_worker, female) VALUES ($1, $2, $3, $4, $5, $6)`,
        [d.personId, d.fullName, d.unitId, d.position, d.directWorker, d.female],
      );
      await upsertSubject(client, 'INDIVIDUAL', d.personId, d.fullName, d.unitName);
      return;
    case 'PersonTransferred':
      await client.query('UPDATE people SET unit_id = $2, position = $3 WHERE person_id = $1', [d.personId, d.toUnitId, d.position]);
      await client.query(`UPDATE subjects SET unit_name = $2 WHERE kind = 'INDIVIDUAL' AND id = $1`, [d.personId, d.toUnitName]);
      return;
    case 'ClusterFormed':
      await client.query(
        `INSERT INTO clusters (cluster_id, name, kind, organizer_unit_id, member_unit_ids) VALUES ($1, $2, $3, $4, $5)`,
        [d.clusterId, d.name, d.kind, d.organizerUnitId, (d.members as Data[]).map((m) => m.unitId)],
      );
      return;
    case 'MovementLaunched':
      await client.query(
        `INSERT INTO movements (movement_id, name, kind, launched_by_unit_id, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5, $6)`,
        [d.movementId, d.name, d.kind, d.launchedByUnitId, d.startsOn, d.endsOn],
      );
      return;
    default:
      return;
  }
}

export const REGISTRY_EVENT_TYPES = ['UnitRegistered', 'UnitRenamed', 'UnitMerged', 'PersonRegistered', 'PersonTransferred', 'ClusterFormed', 'MovementLaunched'] as const;

export const registryProjection: ProjectionDefinition = {
  name: 'registry',
  version: 1,
  eventTypes: REGISTRY_EVENT_TYPES,
  migrations: loadMigrations(join(projectRoot(), 'projections/registry/migrations')),
  apply: async (events, client) => {
    // Reference data arrives a few events at a time; order matters (a person's unit first).
    for (const event of events) await applyEvent(event, client);
  },
};
