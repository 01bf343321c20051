import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import type { DocumentStore } from '../../src/documents/documentStore.port';
import { FolderDocumentStore } from '../../src/documents/folderDocumentStore';
import { S3DocumentStore } from '../../src/documents/s3DocumentStore';
import { tinyPdf } from '../../src/documents/tinyPdf';

async function bytesOf(content: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of content as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

/** The same round trip for every adapter: put by stream, stat, get the same bytes, nothing under an unknown hash. */
function storeContract(name: string, open: () => DocumentStore) {
  describe(name, () => {
    it('stores a stream under its SHA-256 and gives the same bytes back', async () => {
      const store = open();
      const pdf = tinyPdf(`${name} round trip`);
      const stored = await store.put(Readable.from([pdf.subarray(0, 7), pdf.subarray(7)]));
      expect(stored).toEqual({ sha256: createHash('sha256').update(pdf).digest('hex'), size: pdf.length });
      expect(await store.stat(stored.sha256)).toEqual(stored);
      expect((await bytesOf((await store.get(stored.sha256))!)).equals(pdf)).toBe(true);
      // The same bytes again: the same key, stored once.
      expect(await store.put(Readable.from([pdf]))).toEqual(stored);
    });

    it('has nothing under an unknown hash', async () => {
      const store = open();
      expect(await store.stat('c'.repeat(64))).toBeNull();
      expect(await store.get('c'.repeat(64))).toBeNull();
    });
  });
}

const folder = mkdtempSync(join(tmpdir(), 'tdkt-folder-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
storeContract('folder store', () => new FolderDocumentStore(folder));

describe('S3-compatible store against a local s3rver', () => {
  const directory = mkdtempSync(join(tmpdir(), 'tdkt-s3rver-'));
  let server: S3rver;
  let endpoint = '';
  const stores: S3DocumentStore[] = [];

  beforeAll(async () => {
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory,
      configureBuckets: [{ name: 'documents', configs: [] }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    for (const store of stores) store.close();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  storeContract('S3 store', () => {
    const store = new S3DocumentStore({
      endpoint,
      bucket: 'documents',
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    });
    stores.push(store);
    return store;
  });
});
