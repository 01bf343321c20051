/** Questions asked of the publications read model (schema `publications`). */
import type { AwardKind, ComplaintKind, IsoDate, SubjectKind } from '../../src/shared/domain';
import type { PublicationChannel } from '../../src/publications/publication.events';
import type { Queryable } from '../awards/awards.queries';

export interface PublicationNomineeView {
  dossierId: string;
  award: AwardKind;
  nominee: { kind: SubjectKind; id: string; name: string };
}

export interface PublicationCommentView {
  commentNo: number;
  commenterName: string;
  content: string;
  receivedOn: IsoDate;
  dossierId: string | null;
  complaintId: string | null;
  complaintKind: ComplaintKind | null;
}

export interface PublicationView {
  publicationId: string;
  channels: PublicationChannel[];
  location: string;
  fromDate: IsoDate;
  toDate: IsoDate;
  windowWorkingDays: number;
  publishedAt: Date;
  nominees: PublicationNomineeView[];
  comments: PublicationCommentView[];
}

/** The first day each of the dossiers was on a published list; dossiers never published are absent. */
export async function firstPublishedOnOfDossiers(
  db: Queryable,
  dossierIds: readonly string[],
): Promise<Map<string, IsoDate>> {
  const { rows } = await db.query<{ dossier_id: string; from_date: IsoDate }>(
    `SELECT dossier_id, to_char(min(from_date), 'YYYY-MM-DD') AS from_date FROM publications.publication_nominees
     WHERE dossier_id = ANY($1::text[]) GROUP BY dossier_id`,
    [dossierIds],
  );
  return new Map(rows.map((row) => [row.dossier_id, row.from_date]));
}

interface ListRow {
  publication_id: string;
  channels: PublicationChannel[];
  location: string;
  from_date: IsoDate;
  to_date: IsoDate;
  window_working_days: number;
  published_at: Date;
}

interface NomineeRow {
  publication_id: string;
  dossier_id: string;
  award: AwardKind;
  subject_kind: SubjectKind;
  subject_id: string;
  subject_name: string;
}

interface CommentRow {
  publication_id: string;
  comment_no: number;
  commenter_name: string;
  content: string;
  received_on: IsoDate;
  dossier_id: string | null;
  complaint_id: string | null;
  complaint_kind: ComplaintKind | null;
}

function readRows(db: Queryable, publicationIds: readonly string[]) {
  return Promise.all([
    db.query<ListRow>(
      `SELECT publication_id, channels, location, to_char(from_date, 'YYYY-MM-DD') AS from_date,
              to_char(to_date, 'YYYY-MM-DD') AS to_date, window_working_days, published_at
       FROM publications.publications WHERE publication_id = ANY($1::text[])`,
      [publicationIds],
    ),
    db.query<NomineeRow>(
      `SELECT publication_id, dossier_id, award, subject_kind, subject_id, subject_name
       FROM publications.publication_nominees WHERE publication_id = ANY($1::text[]) ORDER BY publication_id, nominee_no`,
      [publicationIds],
    ),
    db.query<CommentRow>(
      `SELECT publication_id, comment_no, commenter_name, content, to_char(received_on, 'YYYY-MM-DD') AS received_on,
              dossier_id, complaint_id, complaint_kind
       FROM publications.publication_comments WHERE publication_id = ANY($1::text[]) ORDER BY publication_id, comment_no`,
      [publicationIds],
    ),
  ]);
}

/** The publications with their nominees and comments, in the order of `publicationIds`. */
async function publicationsByIds(db: Queryable, publicationIds: readonly string[]): Promise<PublicationView[]> {
  if (publicationIds.length === 0) return [];
  const [lists, nominees, comments] = await readRows(db, publicationIds);
  const views = new Map<string, PublicationView>();
  for (const row of lists.rows) {
    views.set(row.publication_id, {
      publicationId: row.publication_id,
      channels: row.channels,
      location: row.location,
      fromDate: row.from_date,
      toDate: row.to_date,
      windowWorkingDays: row.window_working_days,
      publishedAt: row.published_at,
      nominees: [],
      comments: [],
    });
  }
  for (const row of nominees.rows) {
    views.get(row.publication_id)?.nominees.push({
      dossierId: row.dossier_id,
      award: row.award,
      nominee: { kind: row.subject_kind, id: row.subject_id, name: row.subject_name },
    });
  }
  for (const row of comments.rows) {
    views.get(row.publication_id)?.comments.push({
      commentNo: row.comment_no,
      commenterName: row.commenter_name,
      content: row.content,
      receivedOn: row.received_on,
      dossierId: row.dossier_id,
      complaintId: row.complaint_id,
      complaintKind: row.complaint_kind,
    });
  }
  return publicationIds.flatMap((id) => views.get(id) ?? []);
}

/** One publication with its nominees and comments; null when there is none. */
export async function getPublication(db: Queryable, publicationId: string): Promise<PublicationView | null> {
  return (await publicationsByIds(db, [publicationId]))[0] ?? null;
}

/** Every publication that lists the dossier, earliest first. */
export async function getPublicationsOfDossier(db: Queryable, dossierId: string): Promise<PublicationView[]> {
  const { rows } = await db.query<{ publication_id: string }>(
    `SELECT publication_id FROM publications.publication_nominees WHERE dossier_id = $1
     ORDER BY from_date, publication_id`,
    [dossierId],
  );
  return publicationsByIds(
    db,
    rows.map((row) => row.publication_id),
  );
}
