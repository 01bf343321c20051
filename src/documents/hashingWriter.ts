import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StoredDocument } from './documentStore.port';

/**
 * Writes `content` to the file `path` (created 0640), hashing and counting the bytes on
 * their way; the file is removed when the stream fails.
 */
export async function writeHashed(content: Readable, path: string): Promise<StoredDocument> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(content, tap, createWriteStream(path, { flags: 'wx', mode: 0o640 }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { sha256: hash.digest('hex'), size };
}
