import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { documentKey, type DocumentStore, type StoredDocument } from './documentStore.port';
import { writeHashed } from './hashingWriter';

const FOLDER_MODE = 0o750;

/**
 * Documents in a folder, at `ab/cd/<sha256>`. A document is written to `tmp/` first and
 * renamed into place once whole (same file system, so the rename is atomic): a reader
 * never sees half a file, and an interrupted upload leaves nothing under its hash.
 */
export class FolderDocumentStore implements DocumentStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    return join(this.root, documentKey(sha256));
  }

  async put(content: Readable): Promise<StoredDocument> {
    const tmp = join(this.root, 'tmp');
    await mkdir(tmp, { recursive: true, mode: FOLDER_MODE });
    const staged = join(tmp, randomUUID());
    const stored = await writeHashed(content, staged);
    try {
      const target = this.pathOf(stored.sha256);
      await mkdir(dirname(target), { recursive: true, mode: FOLDER_MODE });
      await rename(staged, target);
    } finally {
      await rm(staged, { force: true });
    }
    return stored;
  }

  async get(sha256: string): Promise<Readable | null> {
    if ((await this.stat(sha256)) === null) return null;
    return createReadStream(this.pathOf(sha256));
  }

  async stat(sha256: string): Promise<StoredDocument | null> {
    try {
      const found = await stat(this.pathOf(sha256));
      return found.isFile() ? { sha256, size: found.size } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
