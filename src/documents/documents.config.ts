import { join } from 'node:path';
import type { S3DocumentsConfig } from './s3DocumentStore';

/** Where documents are stored and how large one may be. */
export interface DocumentsConfig {
  /** Largest upload in bytes (DOCUMENT_MAX_BYTES, default 20 MiB). */
  maxBytes: number;
  /** A folder (DOCUMENTS_DIR, default `.data/documents`), or an S3-compatible bucket (DOCUMENTS_S3_ENDPOINT). */
  store: { kind: 'folder'; dir: string } | ({ kind: 's3' } & S3DocumentsConfig);
}

export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

interface Reader {
  text(name: string): string | null;
  integer(name: string, fallback: number, min: number, max: number, what: string): number;
  url(name: string, protocols: string[]): string | null;
}

/** DOCUMENT_MAX_BYTES, DOCUMENTS_DIR, DOCUMENTS_S3_{ENDPOINT,BUCKET,REGION,ACCESS_KEY_ID,SECRET_ACCESS_KEY}. */
export function readDocumentsConfig(read: Reader, cwd: string, problems: string[]): DocumentsConfig {
  const maxBytes = read.integer(
    'DOCUMENT_MAX_BYTES',
    DEFAULT_DOCUMENT_MAX_BYTES,
    1,
    1024 * 1024 * 1024,
    'a number of bytes 1-1073741824',
  );
  const endpoint = read.url('DOCUMENTS_S3_ENDPOINT', ['https:', 'http:']);
  if (endpoint === null)
    return { maxBytes, store: { kind: 'folder', dir: read.text('DOCUMENTS_DIR') ?? join(cwd, '.data', 'documents') } };
  const required = (name: string): string => {
    const value = read.text(name);
    if (value === null) problems.push(`${name} is required with DOCUMENTS_S3_ENDPOINT`);
    return value ?? '';
  };
  return {
    maxBytes,
    store: {
      kind: 's3',
      endpoint,
      bucket: required('DOCUMENTS_S3_BUCKET'),
      region: read.text('DOCUMENTS_S3_REGION') ?? 'us-east-1',
      accessKeyId: required('DOCUMENTS_S3_ACCESS_KEY_ID'),
      secretAccessKey: required('DOCUMENTS_S3_SECRET_ACCESS_KEY'),
    },
  };
}
