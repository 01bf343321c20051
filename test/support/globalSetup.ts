// Starts one embedded PostgreSQL for the whole run; each test file makes its own
// database on it (test/support/database.ts). Workers inherit TEST_DATABASE_URL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebAssets } from '../../web/build';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../src/infra/embeddedPostgres';

declare global {
  var __embeddedPostgres: EmbeddedPostgresHandle | undefined;
}

export default async function globalSetup(): Promise<void> {
  // The server serves the pages from dist/web, as after `npm run build`.
  await buildWebAssets();
  if (process.env.TEST_DATABASE_URL) return; // an outside server was given
  const dataDir = mkdtempSync(join(tmpdir(), 'tdkt-test-pg-'));
  const handle = await startEmbeddedPostgres({
    dataDir,
    port: 0,
    persistent: false,
    notice: (line) => process.stderr.write(`embedded PostgreSQL: ${line}\n`),
  });
  globalThis.__embeddedPostgres = handle;
  process.env.TEST_DATABASE_URL = handle.databaseUrl;
  process.env.TEST_DATABASE_EMBEDDED = 'true';
}
