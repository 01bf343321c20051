/**
 * Documents of a dossier: attaching a stored document, and the completeness an appraisal
 * requires. The document's presence in the store, its size and type come in with the
 * command (the handler looks them up).
 */
import { DOCUMENT_KINDS, DocumentKind } from '../documents/documentKinds';
import { documentsChecked, requiredDocumentKinds } from '../rules/dossierDocuments';
import { ruleSetById } from '../rules/ruleSets';
import { requireIsoInstant } from '../rules/values';
import { DossierStatus, type IsoInstant } from '../shared/domain';
import { InvalidInput, RuleViolation } from '../shared/errors';
import { requireText } from '../shared/validation';
import type { DossierEvent } from './dossier.events';
import { contextOf, existing, type DossierState, type SubmittedDossier } from './dossier.state';

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
const FILE_NAME_MAX = 255;

export interface AttachDocument {
  type: 'AttachDocument';
  data: {
    dossierId: string;
    kind: DocumentKind;
    sha256: string;
    fileName: string;
    /** The stored document with that hash, looked up by the handler; null when the store has none. */
    stored: { size: number; contentType: string } | null;
    attachedBy: string;
    now: IsoInstant;
  };
}

/** Statuses in which the proposal's documents can no longer change. */
const CLOSED_TO_PROPOSAL_DOCUMENTS: readonly DossierStatus[] = [
  DossierStatus.APPROVED,
  DossierStatus.REJECTED,
  DossierStatus.GRANTED,
  DossierStatus.WITHDRAWN,
];
/** The signed decision follows the council's approval. */
const OPEN_TO_DECISION: readonly DossierStatus[] = [DossierStatus.APPROVED, DossierStatus.GRANTED];

function hasControlCharacter(text: string): boolean {
  return [...text].some((character) => character.charCodeAt(0) < 0x20);
}

function requireWellFormed(data: AttachDocument['data']): void {
  requireText(data.fileName, 'fileName');
  requireText(data.attachedBy, 'attachedBy');
  requireIsoInstant(data.now, 'now');
  if (!DOCUMENT_KINDS.includes(data.kind)) throw new InvalidInput(`unknown document kind ${data.kind}`, 'kind');
  if (!SHA256_PATTERN.test(data.sha256))
    throw new InvalidInput('sha256 must be 64 lowercase hexadecimal digits', 'sha256');
  if (data.fileName.length > FILE_NAME_MAX || /[/\\]/.test(data.fileName) || hasControlCharacter(data.fileName))
    throw new InvalidInput(`fileName must be a plain name of at most ${FILE_NAME_MAX} characters`, 'fileName');
}

function requireOpenTo(dossier: SubmittedDossier, kind: DocumentKind): void {
  if (kind === DocumentKind.SIGNED_DECISION) {
    if (!OPEN_TO_DECISION.includes(dossier.status))
      throw new RuleViolation(
        'DECISION_BEFORE_APPROVAL',
        `dossier ${dossier.dossierId} is ${dossier.status}: a signed decision is attached once the council approved it`,
        { status: dossier.status },
      );
    return;
  }
  if (CLOSED_TO_PROPOSAL_DOCUMENTS.includes(dossier.status))
    throw new RuleViolation(
      'DOSSIER_CLOSED_TO_DOCUMENTS',
      `dossier ${dossier.dossierId} is ${dossier.status}: its proposal documents can no longer change`,
      { status: dossier.status },
    );
}

/** The same file attached twice is refused: it would count twice toward nothing, and hide a wrong upload. */
function requireNotAttached(dossier: SubmittedDossier, sha256: string): void {
  const earlier = dossier.documents.find((document) => document.sha256 === sha256);
  if (earlier)
    throw new RuleViolation(
      'DOCUMENT_ALREADY_ATTACHED',
      `document ${sha256} is already attached to dossier ${dossier.dossierId} as ${earlier.kind}`,
      { kind: earlier.kind },
    );
}

export function attachDocument(data: AttachDocument['data'], state: DossierState): DossierEvent[] {
  const dossier = existing(state, data.dossierId);
  requireWellFormed(data);
  if (data.stored === null)
    throw new RuleViolation('DOCUMENT_NOT_STORED', `no document with sha256 ${data.sha256} has been uploaded`, {
      sha256: data.sha256,
    });
  requireOpenTo(dossier, data.kind);
  requireNotAttached(dossier, data.sha256);
  return [
    {
      type: 'DocumentAttached',
      data: {
        ...contextOf(dossier),
        kind: data.kind,
        sha256: data.sha256,
        fileName: data.fileName,
        size: data.stored.size,
        contentType: data.stored.contentType,
        attachedBy: data.attachedBy,
        attachedAt: data.now,
      },
    },
  ];
}

/** The kinds the dossier's rule set requires for its award that it does not hold yet. */
export function missingDocumentKinds(dossier: SubmittedDossier): DocumentKind[] {
  const held = new Set(dossier.documents.map((document) => document.kind));
  const required = requiredDocumentKinds(ruleSetById(dossier.ruleSetId).dossierDocuments, dossier.award);
  return required.filter((kind) => !held.has(kind));
}

/** An appraisal needs every required document, for a dossier submitted once documents are checked. */
export function requireCompleteDocuments(dossier: SubmittedDossier): void {
  if (!documentsChecked(dossier.submittedOn)) return;
  const missing = missingDocumentKinds(dossier);
  if (missing.length > 0)
    throw new RuleViolation(
      'DOSSIER_COMPLETE',
      `dossier ${dossier.dossierId} lacks ${missing.join(', ')} required for ${dossier.award} under ${dossier.ruleSetId}`,
      { missing },
    );
}
