/** Questions about the documents attached to dossiers (table `dossiers.dossier_documents`). */
import type { DocumentKind } from '../../src/documents/documentKinds';
import type { IsoInstant } from '../../src/shared/domain';
import type { Queryable } from '../awards/awards.queries';

export interface DossierDocumentView {
  dossierId: string;
  kind: DocumentKind;
  fileName: string;
  sha256: string;
  size: number;
  contentType: string;
  attachedAt: IsoInstant;
  attachedBy: string;
}

interface DocumentRow {
  dossier_id: string;
  kind: DocumentKind;
  file_name: string;
  sha256: string;
  size: string;
  content_type: string;
  attached_at: Date;
  attached_by: string;
}

const SELECT_DOCUMENTS = `SELECT dossier_id, kind, file_name, sha256, size, content_type, attached_at, attached_by
  FROM dossiers.dossier_documents`;

function toView(row: DocumentRow): DossierDocumentView {
  return {
    dossierId: row.dossier_id,
    kind: row.kind,
    fileName: row.file_name,
    sha256: row.sha256,
    size: Number(row.size),
    contentType: row.content_type,
    attachedAt: row.attached_at.toISOString(),
    attachedBy: row.attached_by,
  };
}

/** The documents of several dossiers in one round trip, each dossier's in the order attached. */
export async function getDocumentsOfDossiers(
  db: Queryable,
  dossierIds: readonly string[],
): Promise<DossierDocumentView[]> {
  if (dossierIds.length === 0) return [];
  const { rows } = await db.query<DocumentRow>(
    `${SELECT_DOCUMENTS} WHERE dossier_id = ANY($1::text[]) ORDER BY dossier_id, version`,
    [[...dossierIds]],
  );
  return rows.map(toView);
}

/** The dossiers a document is attached to, with how it was attached to each (oldest first). */
export async function getDossiersHoldingDocument(db: Queryable, sha256: string): Promise<DossierDocumentView[]> {
  const { rows } = await db.query<DocumentRow>(`${SELECT_DOCUMENTS} WHERE sha256 = $1 ORDER BY attached_at`, [sha256]);
  return rows.map(toView);
}
