// Started by the PostgreSQL restart fault tests through registerTs.js: the app as it runs
// in production (its own process, where Node's errors are plain Errors), on the database
// given as argument, with the test tokens. Prints its URL as one JSON line, logs warnings
// and errors to stderr, and stops when stdin closes.
import 'reflect-metadata';
import { startApp } from '../../src/app';
import { createLogger } from '../../src/infra/logger';
import { TEST_TOKEN_SETTINGS } from '../support/auth';

async function main(): Promise<void> {
  const app = await startApp({
    config: { eventStore: 'postgres', eventStoreUrl: null, port: 0, mutationsPerMinute: 1_000_000 },
    databaseUrl: process.argv[2]!,
    logger: createLogger('warn'),
    host: '127.0.0.1',
    tokens: TEST_TOKEN_SETTINGS,
  });
  process.stdout.write(`${JSON.stringify({ url: app.url.replace('localhost', '127.0.0.1') })}\n`);
  process.stdin.on('end', () => {
    void app.stop().then(() => process.exit(0));
  });
  process.stdin.resume();
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
