import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DOCUMENT_MAX_BYTES, type DocumentsConfig } from './documents.config';
import type { DocumentStore } from './documentStore.port';
import { FolderDocumentStore } from './folderDocumentStore';
import { S3DocumentStore } from './s3DocumentStore';

/** The app's documents: where they are kept and the largest one taken. */
export interface Documents {
  store: DocumentStore;
  maxBytes: number;
}

/** The configured store; without a configuration (an app started by a test), a fresh temporary folder. */
export function openDocuments(config: DocumentsConfig | undefined): Documents {
  if (config === undefined)
    return {
      store: new FolderDocumentStore(mkdtempSync(join(tmpdir(), 'tdkt-documents-'))),
      maxBytes: DEFAULT_DOCUMENT_MAX_BYTES,
    };
  const store =
    config.store.kind === 'folder' ? new FolderDocumentStore(config.store.dir) : new S3DocumentStore(config.store);
  return { store, maxBytes: config.maxBytes };
}
