/**
 * Run with the benchmark's statement probe loaded (test/bench/statementProbe.int.test.ts):
 * appends to one stream twice and reads it three times through the app's event store, on
 * the database its argument names, then tells the parent it is done and waits to be asked.
 */
import { Pool } from 'pg';
import { Expected } from '../../../src/eventStore/eventStore.port';
import { migratePostgresEventStore, PostgresEventStore } from '../../../src/eventStore/postgres/postgresEventStore';
import { testEvent } from '../../support/events';

async function main(databaseUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  await migratePostgresEventStore(pool);
  const store = new PostgresEventStore(pool);
  const first = await store.append('probe-1', [testEvent('Probed')], Expected.noStream);
  await store.append('probe-1', [testEvent('Probed'), testEvent('Probed')], Expected.version(first.version));
  for (let i = 0; i < 3; i++) await store.readStream('probe-1');
  await pool.end();
  process.send!({ kind: 'done' });
}

void main(process.argv[2]);
