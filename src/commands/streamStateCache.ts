import type { EventStore } from '../eventStore/eventStore.port';
import { asDeciderEvents } from '../eventStore/recordedDomainEvent';
import { streamIdOf, type Decider, type DomainEvent } from '../shared/decider';
import { LruMap } from '../shared/lruMap';
import type { Loaded } from './commandTransaction';

/**
 * Folded states of recently loaded streams, least recently used first out. A state at a
 * version is a pure fold of immutable events (evolve never mutates its input), so a
 * command only reads and folds the events appended since; a stream is not re-read and
 * re-folded from its start on every command.
 */
export class StreamStateCache {
  private readonly entries: LruMap<string, { decider: object; version: number; hash?: string; state: unknown }>;

  constructor(capacity = 5_000) {
    this.entries = new LruMap(capacity);
  }

  get<S>(decider: object, streamId: string): { version: number; hash?: string; state: S } | undefined {
    const entry = this.entries.get(streamId);
    return entry && entry.decider === decider
      ? { version: entry.version, hash: entry.hash, state: entry.state as S }
      : undefined;
  }

  /** `hash` is the hash of the event at `version`: appends chain to it without reading the head. */
  remember(decider: object, streamId: string, version: number, state: unknown, hash?: string): void {
    const known = this.entries.peek(streamId);
    if (!known || known.decider !== decider || known.version < version)
      this.entries.set(streamId, { decider, version, hash, state });
  }
}

/** A stream's state at its newest version: the cached fold plus the events appended since. */
export async function loadStream<C, E extends DomainEvent, S>(
  store: EventStore,
  states: StreamStateCache,
  decider: Decider<C, E, S>,
  id: string,
): Promise<Loaded<S>> {
  const streamId = streamIdOf(decider.streamType, id);
  const known = states.get<S>(decider, streamId);
  const from = known ?? { version: 0, hash: undefined, state: decider.initialState() };
  const newer = await store.readStream(streamId, { fromVersion: from.version + 1 });
  const state = asDeciderEvents(decider, newer).reduce(decider.evolve, from.state);
  const last = newer.at(-1);
  const version = last ? last.streamVersion : from.version;
  const hash = last ? last.metadata.hash : from.hash;
  if (last) states.remember(decider, streamId, version, state, hash);
  return hash === undefined ? { streamId, id, state, version } : { streamId, id, state, version, hash };
}
