import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents } from '../../src/eventStore/recordedDomainEvent';
import type { InitiativeRecognized } from '../../src/initiatives/initiative.events';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import { copyRows } from '../../src/projections/copyRows';
import type { ProjectionDefinition } from '../../src/projections/projection';

export const INITIATIVES_PROJECTION = 'initiatives';

/** One row per author, numbered in the order the event lists them; one COPY per batch. */
async function applyInitiatives(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const rows: Array<{
    d: InitiativeRecognized['data'];
    author: InitiativeRecognized['data']['authors'][number];
    no: number;
  }> = [];
  for (const event of asRecordedDomainEvents(events)) {
    if (event.type !== 'InitiativeRecognized') continue;
    const d = event.data;
    d.authors.forEach((author, i) => rows.push({ d, author, no: i + 1 }));
  }
  await copyRows(
    client,
    'initiative_authors',
    [
      'initiative_id',
      'person_id',
      'author_name',
      'author_no',
      'title',
      'level',
      'period_kind',
      'period_year',
      'decision_number',
      'recognized_at',
    ],
    rows.map(({ d, author, no }) => [
      d.initiativeId,
      author.personId,
      author.name,
      no,
      d.title,
      d.level,
      d.period.kind,
      d.period.year,
      d.decisionNumber,
      d.recognizedAt,
    ]),
  );
}

/** Recognised initiatives by author: the initiative facts of the emulation-fighter rules. */
export const initiativesProjection: ProjectionDefinition = {
  name: INITIATIVES_PROJECTION,
  version: 1,
  eventTypes: ['InitiativeRecognized'],
  migrations: loadMigrations(join(projectRoot(), 'projections/initiatives/migrations')),
  apply: applyInitiatives,
};
