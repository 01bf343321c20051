import type { Readable } from 'node:stream';

/** A stored document: the SHA-256 of its bytes (lowercase hex), its key, and its size. */
export interface StoredDocument {
  sha256: string;
  size: number;
}

/**
 * Documents kept outside the log, addressed by the SHA-256 of their content: the same
 * bytes are stored once, and a key names exactly one content. Two adapters: a folder
 * (folderDocumentStore.ts) and an S3-compatible bucket (s3DocumentStore.ts).
 */
export interface DocumentStore {
  /** Stores the stream's bytes under their hash, computed as they stream in; nothing is kept if the stream fails. */
  put(content: Readable): Promise<StoredDocument>;
  /** The bytes stored under `sha256` as they are now (not checked here); null when there are none. */
  get(sha256: string): Promise<Readable | null>;
  /** The stored document's size; null when there is none. */
  stat(sha256: string): Promise<StoredDocument | null>;
}

/** `ab/cd/<sha256>`: two levels of 256 folders keep any one folder small. */
export function documentKey(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
