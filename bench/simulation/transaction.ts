/**
 * The simulation's commands run through the command layer's own deciding part
 * (`CommandDecisions`: deciders run on loaded streams, events queued with the command's
 * metadata). Streams load from folded states held in memory instead of the event store,
 * synchronously, so the whole simulation stays one synchronous generator; committing
 * folds the queued events into those states and numbers them as the store would.
 */
import { CommandDecisions, type Loaded } from '../../src/commands/commandTransaction';
import { streamIdOf, type Decider, type DomainEvent } from '../../src/shared/decider';
import type { Actor } from '../province';
import type { NewEvent } from '../../src/eventStore/eventStore.port';
import type { GeneratedEvent } from './types';

/** What folding a stream needs of its decider (its states are not looked into here). */
interface StreamFold {
  initialState: () => unknown;
  evolve: (state: never, event: never) => unknown;
}

interface StreamSlot {
  version: number;
  state: unknown;
}

/** Every stream's folded state and version. */
export class StreamStates {
  private readonly slots = new Map<string, StreamSlot>();

  get size(): number {
    return this.slots.size;
  }

  load<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string): Loaded<S> {
    const streamId = streamIdOf(decider.streamType, id);
    const slot = this.slots.get(streamId);
    return { streamId, id, state: slot ? (slot.state as S) : decider.initialState(), version: slot?.version ?? 0 };
  }

  state<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string): S {
    const slot = this.slots.get(streamIdOf(decider.streamType, id));
    return slot ? (slot.state as S) : decider.initialState();
  }

  /** Folds the decided events into the streams and returns them as stored events. */
  commit(decisions: CommandDecisions, folds: ReadonlyMap<string, StreamFold>): GeneratedEvent[] {
    return decisions.appends.flatMap((append) =>
      this.append(append.streamId, folds.get(append.streamId)!, append.events),
    );
  }

  /** Folds events into one stream and returns them as stored events. */
  append(streamId: string, fold: StreamFold, events: readonly NewEvent[]): GeneratedEvent[] {
    const evolve = fold.evolve as (state: unknown, event: DomainEvent) => unknown;
    let slot = this.slots.get(streamId);
    if (!slot) {
      slot = { version: 0, state: fold.initialState() };
      this.slots.set(streamId, slot);
    }
    const out: GeneratedEvent[] = [];
    for (const event of events) {
      slot.state = evolve(slot.state, event);
      slot.version += 1;
      out.push({ ...event, streamId, streamVersion: slot.version });
    }
    return out;
  }
}

/** One simulated command: loads from the in-memory states, decides through `CommandDecisions`. */
export class SimTransaction extends CommandDecisions {
  private readonly folds = new Map<string, StreamFold>();
  private readonly iso: string;

  constructor(
    private readonly streams: StreamStates,
    at: number,
    actor: Actor,
    correlationId: string,
    commandId: string,
  ) {
    super({ identity: actor, correlationId, idempotencyKey: null, now: () => new Date(at) }, commandId);
    this.iso = this.now.toISOString();
  }

  /** The same instant, formatted once: a simulated command reads it for every event and most commands' data. */
  override get nowIso(): string {
    return this.iso;
  }

  load<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string): Loaded<S> {
    return this.streams.load(decider, id);
  }

  override decide<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    loaded: Loaded<S>,
    command: C,
    options: { ruleSetId?: string | null; resultId?: string } = {},
  ): E[] {
    this.folds.set(loaded.streamId, decider);
    return super.decide(decider, loaded, command, options);
  }

  commit(): GeneratedEvent[] {
    return this.streams.commit(this, this.folds);
  }
}
