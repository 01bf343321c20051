import { randomUUID } from 'node:crypto';
import type { GeneratedEvent } from '../../bench/generator';
import { appendBatch } from '../../bench/load/lag';
import { Expected } from '../../src/eventStore/eventStore.port';
import type { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { testEvent, uniqueStream } from '../support/events';
import { createTestLog, type TestLog } from '../support/storedLog';

describe('the live-lag appender', () => {
  let log: TestLog;
  let store: PostgresEventStore;

  const generated = (streamId: string, streamVersion: number, type: string): GeneratedEvent => ({
    ...testEvent(type, { streamVersion }),
    eventId: randomUUID(),
    streamId,
    streamVersion,
  });

  beforeAll(async () => {
    log = await createTestLog();
    store = log.store;
  });
  afterAll(async () => log.drop());

  it('appends the rest of a batch when the app carried the first of two consequences on one stream first', async () => {
    const dossier = uniqueStream('dossier');
    const session = uniqueStream('session');
    const [submitted, closed, resolved, granted] = [
      generated(dossier, 1, 'DossierSubmitted'),
      generated(session, 1, 'CouncilSessionClosed'),
      generated(dossier, 2, 'DossierResolved'),
      generated(dossier, 3, 'AwardGranted'),
    ];
    await appendBatch(store, [submitted, closed]);
    // One process manager carried its consequence, with the generated id; the next has not yet.
    await store.append(dossier, [resolved], Expected.version(1));
    const results = await appendBatch(store, [resolved, granted]);
    expect(results.map((r) => r.version)).toEqual([2, 3]);
    expect((await store.readStream(dossier)).map((e) => e.type)).toEqual([
      'DossierSubmitted',
      'DossierResolved',
      'AwardGranted',
    ]);
  });
});
