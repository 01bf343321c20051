import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import type { InitiativeRecognized } from '../../src/initiatives/initiative.events';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';

export const INITIATIVES_PROJECTION = 'initiatives';

export async function applyInitiatives(events: RecordedEvent[], client: PoolClient): Promise<void> {
  for (const event of events) {
    if (event.type !== 'InitiativeRecognized') continue;
    const d = event.data as InitiativeRecognized['data'];
    await client.query(
      `INSERT INTO initiative_authors (initiative_id, person_id, author_name, author_no, title, level, period_kind, period_year, decision_number, recognized_at)
       SELECT $1, a.person_id, a.name, a.no::int, $4, $5, $6, $7, $8, $9
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS a(person_id, name, no)`,
      [d.initiativeId, d.authors.map((a) => a.personId), d.authors.map((a) => a.name), d.title, d.level, d.period.kind, d.period.year, d.decisionNumber, d.recognizedAt],
    );
  }
}

/** Recognised initiatives by author: the initiative facts of the emulation-fighter rules. */
export const initiativesProjection: ProjectionDefinition = {
  name: INITIATIVES_PROJECTION,
  version: 1,
  eventTypes: ['InitiativeRecognized'],
  migrations: loadMigrations(join(projectRoot(), 'projections/initiatives/migrations')),
  apply: applyInitiatives,
};
