import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { documentKey, type DocumentStore, type StoredDocument } from './documentStore.port';
import { writeHashed } from './hashingWriter';

export interface S3DocumentsConfig {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey');
}

/**
 * Documents in an S3-compatible bucket, at `ab/cd/<sha256>`. The key is the content's
 * hash, known only once the whole upload was read: the bytes are staged in a local
 * temporary file while hashed, then sent with their length.
 */
export class S3DocumentStore implements DocumentStore {
  private readonly client: S3Client;

  constructor(private readonly config: S3DocumentsConfig) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: true,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Plain bodies: S3-compatible servers other than AWS do not all take the SDK's chunked checksum trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(content: Readable): Promise<StoredDocument> {
    const folder = await mkdtemp(join(tmpdir(), 'tdkt-upload-'));
    try {
      const staged = join(folder, randomUUID());
      const stored = await writeHashed(content, staged);
      if ((await this.stat(stored.sha256)) === null) {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.config.bucket,
            Key: documentKey(stored.sha256),
            Body: createReadStream(staged),
            ContentLength: stored.size,
          }),
        );
      }
      return stored;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  async get(sha256: string): Promise<Readable | null> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: documentKey(sha256) }),
      );
      return object.Body as Readable;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async stat(sha256: string): Promise<StoredDocument | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.config.bucket, Key: documentKey(sha256) }),
      );
      return { sha256, size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  close(): void {
    this.client.destroy();
  }
}
