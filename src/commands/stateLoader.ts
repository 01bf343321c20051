import type { EventStore } from '../eventStore/eventStore.port';
import { asDeciderEvents } from '../eventStore/recordedDomainEvent';
import { fold, streamIdOf, type Decider, type DomainEvent } from '../shared/decider';
import type { CommandTransaction } from './commandTransaction';

/** Loads a stream's current state: inside a command with `tx.load`, in a query from the store. */
export type StateLoader = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string) => Promise<S>;

export function txLoader(tx: CommandTransaction): StateLoader {
  return async (decider, id) => (await tx.load(decider, id)).state;
}

export function storeLoader(store: EventStore): StateLoader {
  return async <C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string) =>
    fold(decider, asDeciderEvents(decider, await store.readStream(streamIdOf(decider.streamType, id))));
}
