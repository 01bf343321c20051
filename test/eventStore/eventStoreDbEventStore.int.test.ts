import { EventStoreDbEventStore } from '../../src/eventStore/eventStoreDb/eventStoreDbEventStore';
import { eventStoreContract } from './eventStoreContract';

const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract('EventStoreDB', async () => {
    const store = new EventStoreDbEventStore(url);
    return { store, cleanup: () => store.close() };
  });
} else {
  // No EventStoreDB server here: the contract is reported as skipped, never as passed.
  describe('EventStore contract: EventStoreDB (skipped: set EVENTSTORE_URL, e.g. under docker compose)', () => {
    it.skip('runs the shared EventStore contract against EventStoreDB', () => undefined);
  });
}
