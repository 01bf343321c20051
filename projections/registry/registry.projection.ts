import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents } from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { applyRegistryEvent } from './registry.fold';
import { loadRegistryBatch } from './registry.load';
import { writeRegistryBatch } from './registry.write';

const REGISTRY_EVENT_TYPES = [
  'UnitRegistered',
  'UnitRenamed',
  'UnitMerged',
  'PersonRegistered',
  'PersonTransferred',
  'HouseholdRegistered',
  'ClusterFormed',
  'MovementLaunched',
] as const;

/**
 * Units, people, their searchable subjects, clusters and movements. A batch loads the
 * rows its events read or change (one query per table), folds the events in memory in
 * log order, then writes each table with one COPY of new rows and one statement for
 * changed ones (registry.rows.ts says why new and changed rows are kept apart).
 */
async function applyRegistry(recorded: RecordedEvent[], client: PoolClient): Promise<void> {
  const events = asRecordedDomainEvents(recorded);
  const batch = await loadRegistryBatch(client, events);
  for (const event of events) applyRegistryEvent(batch, event);
  await writeRegistryBatch(client, batch);
}

export const registryProjection: ProjectionDefinition = {
  name: 'registry',
  version: 3,
  eventTypes: REGISTRY_EVENT_TYPES,
  migrations: loadMigrations(join(projectRoot(), 'projections/registry/migrations')),
  // Built at the head of the log (migration 010 says why); live inserts then go straight into them.
  deferredIndexes: [
    'CREATE INDEX IF NOT EXISTS subjects_search_trgm ON subjects USING gin (search_text public.gin_trgm_ops) WITH (fastupdate = off)',
    'CREATE INDEX IF NOT EXISTS subjects_search_grams ON subjects USING gin (public.search_grams(search_text)) WITH (fastupdate = off)',
  ],
  apply: applyRegistry,
};
