/**
 * A process manager carries a decision's consequences to other streams: it reads the log
 * from its own checkpoint and, for each event it reacts to, decides on one stream per
 * consequence, as a command would. A command appends to one stream only; what the law
 * makes follow elsewhere (a closed session resolves its dossiers, a signed grant creates
 * the award, an upheld complaint revokes it) is a consequence.
 */
import type { EventMetadataInput, RecordedEvent } from '../eventStore/eventStore.port';
import type { Decider, DomainEvent } from '../shared/decider';

/** One stream's part of an event's consequences: the command to decide there, given its state. */
export interface Consequence {
  /** The decider of the target stream (its type erased: a process manager mixes targets). */
  decider: Decider<unknown, DomainEvent, unknown>;
  id: string;
  /** The command for the target's current state, or null when the state asks for nothing. */
  commandFor(state: unknown): { command: unknown; ruleSetId: string | null } | null;
}

/** Types `Consequence` for one target decider. */
export function consequence<C, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  id: string,
  commandFor: (state: S) => { command: C; ruleSetId?: string | null } | C | null,
): Consequence {
  return {
    decider: decider as unknown as Decider<unknown, DomainEvent, unknown>,
    id,
    commandFor: (state) => {
      const built = commandFor(state as S);
      if (built === null) return null;
      if (typeof built === 'object' && built !== null && 'command' in built)
        return { command: built.command, ruleSetId: built.ruleSetId ?? null };
      return { command: built, ruleSetId: null };
    },
  };
}

export interface ProcessManager {
  /** Names its checkpoint, and (with the cause) the consequences it appends. */
  name: string;
  /** The event types it reacts to; it reads no others. */
  eventTypes: readonly string[];
  /** The stream types it appends to: commands loading them wait for it (`ConsequenceGate`). */
  targetStreamTypes: readonly string[];
  /** The consequences of one event, each on its own stream; none when the event asks for none. */
  consequencesOf(event: Cause): Consequence[];
}

/** An event that causes consequences: a stored one, or one the benchmark's simulation generates. */
export type Cause = Pick<RecordedEvent, 'streamId' | 'streamVersion' | 'type' | 'data'> & {
  metadata: EventMetadataInput;
};

/** The causation id a consequence records: its cause, named the same in every store. */
export function causationIdOf(event: Pick<Cause, 'streamId' | 'streamVersion'>): string {
  return `${event.streamId}@${event.streamVersion}`;
}
