import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents } from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import { copyRows } from '../../src/projections/copyRows';
import type { ProjectionDefinition } from '../../src/projections/projection';
import type { NomineesPublished, PublicationCommentRecorded } from '../../src/publications/publication.events';

export const PUBLICATIONS_PROJECTION = 'publications';

/** A PostgreSQL array literal of enum values (letters and underscores only). */
function textArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

async function insertLists(client: PoolClient, lists: readonly NomineesPublished['data'][]): Promise<void> {
  await copyRows(
    client,
    'publications',
    ['publication_id', 'channels', 'location', 'from_date', 'to_date', 'window_working_days', 'published_at'],
    lists.map((d) => [
      d.publicationId,
      textArray(d.channels),
      d.location,
      d.fromDate,
      d.toDate,
      d.windowWorkingDays,
      d.publishedAt,
    ]),
  );
  await copyRows(
    client,
    'publication_nominees',
    ['publication_id', 'nominee_no', 'dossier_id', 'award', 'subject_kind', 'subject_id', 'subject_name', 'from_date'],
    lists.flatMap((d) =>
      d.nominees.map((n, i) => [
        d.publicationId,
        i + 1,
        n.dossierId,
        n.award,
        n.nominee.kind,
        n.nominee.id,
        n.nominee.name,
        d.fromDate,
      ]),
    ),
  );
}

async function insertComments(
  client: PoolClient,
  comments: readonly PublicationCommentRecorded['data'][],
): Promise<void> {
  await copyRows(
    client,
    'publication_comments',
    [
      'publication_id',
      'comment_no',
      'commenter_name',
      'content',
      'received_on',
      'dossier_id',
      'complaint_id',
      'complaint_kind',
      'recorded_at',
    ],
    comments.map((d) => [
      d.publicationId,
      d.commentNo,
      d.commenterName,
      d.content,
      d.receivedOn,
      d.dossierId,
      d.complaint?.complaintId ?? null,
      d.complaint?.kind ?? null,
      d.recordedAt,
    ]),
  );
}

/** Both events only add rows: one COPY per table and batch. */
async function applyPublications(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const lists: NomineesPublished['data'][] = [];
  const comments: PublicationCommentRecorded['data'][] = [];
  for (const event of asRecordedDomainEvents(events)) {
    if (event.type === 'NomineesPublished') lists.push(event.data);
    else if (event.type === 'PublicationCommentRecorded') comments.push(event.data);
  }
  await insertLists(client, lists);
  await insertComments(client, comments);
}

/** Published lists of nominees, their nominees and the comments received: what the council's convening checks. */
export const publicationsProjection: ProjectionDefinition = {
  name: PUBLICATIONS_PROJECTION,
  version: 1,
  eventTypes: ['NomineesPublished', 'PublicationCommentRecorded'],
  migrations: loadMigrations(join(projectRoot(), 'projections/publications/migrations')),
  apply: applyPublications,
};
