// Started by test/infra/startAnywhere.int.test.ts through registerTs.js: starts the
// embedded server on the data folder given as argument, prints its handle as one JSON
// line, and stops it (removing its data) when stdin closes.
import { startEmbeddedPostgres } from '../../src/infra/embeddedPostgres';

async function main(): Promise<void> {
  const handle = await startEmbeddedPostgres({ dataDir: process.argv[2]!, port: 0, persistent: false });
  process.stdout.write(
    `${JSON.stringify({ databaseUrl: handle.databaseUrl, dataDir: handle.dataDir, pid: handle.pid })}\n`,
  );
  process.stdin.on('end', () => {
    void handle.stop().then(() => process.exit(0));
  });
  process.stdin.resume();
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
