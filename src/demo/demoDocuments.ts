import { Readable } from 'node:stream';
import type { TokenSubject } from '../auth/tokens';
import type { DocumentStore } from '../documents/documentStore.port';
import { tinyPdf } from '../documents/tinyPdf';
import type { DemoCall } from './demoClient';

/**
 * Uploads one file for a dossier as `actor` and answers its SHA-256: `POST /documents`
 * where the demo runs over HTTP, the app's document store where it runs in process.
 */
export type DocumentUploader = (
  content: Buffer,
  contentType: string,
  dossierId: string,
  actor: TokenSubject,
) => Promise<{ sha256: string }>;

/** A document the demo attaches: its kind, the name it is shown under, and its one line of text. */
export interface DemoDocument {
  kind: 'PROPOSAL_MEMO' | 'ACHIEVEMENT_REPORT' | 'MINUTES' | 'INITIATIVE_RECOGNITION' | 'SIGNED_DECISION';
  fileName: string;
  line: string;
}

/** Uploads each document as a small PDF and attaches its hash to the dossier; answers the hashes. */
export async function attachDemoDocuments(
  call: DemoCall,
  upload: DocumentUploader,
  dossierId: string,
  documents: readonly DemoDocument[],
  actor: TokenSubject,
): Promise<string[]> {
  const hashes: string[] = [];
  for (const document of documents) {
    const { sha256 } = await upload(tinyPdf(document.line), 'application/pdf', dossierId, actor);
    await call('attachDocument', { dossierId, kind: document.kind, sha256, fileName: document.fileName }, actor);
    hashes.push(sha256);
  }
  return hashes;
}

/** The uploader of a demo run over HTTP: `POST /documents` with the actor's bearer token. */
export function httpDocumentUploader(
  baseUrl: string,
  tokenFor: (actor: TokenSubject) => Promise<string>,
): DocumentUploader {
  return async (content, contentType, dossierId, actor) => {
    const response = await fetch(`${baseUrl}/documents?dossierId=${encodeURIComponent(dossierId)}`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${await tokenFor(actor)}` },
      body: content,
    });
    const body = (await response.json()) as { sha256?: string; error?: unknown };
    if (!response.ok || !body.sha256)
      throw new Error(`uploading a document failed: ${response.status} ${JSON.stringify(body)}`);
    return { sha256: body.sha256 };
  };
}

/**
 * The uploader of a demo run in process (the command line's `seed demo`): straight into the
 * app's store. The caller was already checked for every command the seed runs.
 */
export function storeDocument(store: DocumentStore): DocumentUploader {
  return async (content) => ({ sha256: (await store.put(Readable.from([content]))).sha256 });
}
