import { Expected, type EventMetadataInput, type EventStore, type NewEvent } from '../eventStore/eventStore.port';
import { asDeciderEvents } from '../eventStore/recordedDomainEvent';
import { fold, streamIdOf } from '../shared/decider';
import { DomainError, RuleViolation, VersionConflict } from '../shared/errors';
import { deterministicEventId, nameBasedUuid } from '../shared/ids';
import { dieInProcessManagerIfInjected } from './faultInjection';
import { causationIdOf, type Cause, type Consequence } from './processManager';

/** What became of one consequence. */
export type ConsequenceOutcome =
  | { kind: 'appended'; streamId: string; position: string }
  /** The target stream records this cause already: a restart or a second instance carried it. */
  | { kind: 'carried_before'; streamId: string; position: string }
  /** The target's state asks for nothing (e.g. a dossier withdrawn before the council closed). */
  | { kind: 'nothing_to_do'; streamId: string }
  /** The target's decider refused it (e.g. an award revoked already): the refusal is its answer. */
  | { kind: 'declined'; streamId: string; code: string; reason: string };

/** What a consequence decides on its target's state: events to append, or why none. */
export type ConsequenceDecision =
  | { kind: 'append'; streamId: string; events: NewEvent[] }
  | Extract<ConsequenceOutcome, { kind: 'nothing_to_do' | 'declined' }>;

/** Reloads after a lost race; each reload sees the winner's events, so a few rounds settle it. */
const MAX_CONFLICT_ROUNDS = 20;

/** The command id a process manager's consequences of one cause carry: the same on every attempt. */
export function consequenceCommandId(processManager: string, cause: Cause): string {
  return nameBasedUuid(`${processManager}\n${causationIdOf(cause)}`);
}

/**
 * Decides one consequence on its target's state at `version` (pure). The consequence acts
 * for the actor who caused it, at the cause's time, and its events are named by the cause
 * (`deterministicEventId`), so every attempt decides the same events.
 */
export function decideConsequence(
  processManager: string,
  cause: Cause,
  target: Consequence,
  state: unknown,
  version: number,
): ConsequenceDecision {
  const streamId = streamIdOf(target.decider.streamType, target.id);
  const built = target.commandFor(state);
  if (built === null) return { kind: 'nothing_to_do', streamId };
  let events;
  try {
    events = target.decider.decide(built.command, state);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const code = error instanceof RuleViolation ? error.rule : error.code;
    return { kind: 'declined', streamId, code, reason: error.message };
  }
  if (events.length === 0) return { kind: 'nothing_to_do', streamId };
  const commandId = consequenceCommandId(processManager, cause);
  const metadata: EventMetadataInput = {
    actorId: cause.metadata.actorId,
    role: cause.metadata.role,
    unitId: cause.metadata.unitId,
    commandId,
    correlationId: cause.metadata.correlationId,
    causationId: causationIdOf(cause),
    recordedAt: cause.metadata.recordedAt,
    ruleSetId: built.ruleSetId,
  };
  return {
    kind: 'append',
    streamId,
    events: events.map((event, i) => ({
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata,
      eventId: deterministicEventId(commandId, streamId, version + i),
    })),
  };
}

/**
 * Carries one consequence to its target stream, once: the stream is read whole (streams
 * stay short), and when one of its events records this cause under this process manager's
 * command id, nothing is appended. A lost race reloads and decides again.
 */
export async function carryConsequence(
  store: EventStore,
  processManager: string,
  cause: Cause,
  target: Consequence,
): Promise<ConsequenceOutcome> {
  const causationId = causationIdOf(cause);
  const commandId = consequenceCommandId(processManager, cause);
  for (let round = 1; ; round++) {
    const streamId = streamIdOf(target.decider.streamType, target.id);
    const recorded = await store.readStream(streamId);
    const carried = recorded.find((e) => e.metadata.causationId === causationId && e.metadata.commandId === commandId);
    if (carried) return { kind: 'carried_before', streamId, position: carried.position };
    const { decider } = target;
    const state = fold(decider, asDeciderEvents(decider, recorded));
    const decision = decideConsequence(processManager, cause, target, state, recorded.length);
    if (decision.kind !== 'append') return decision;
    dieInProcessManagerIfInjected('before-append');
    try {
      const appended = await store.append(
        streamId,
        decision.events,
        Expected.version(recorded.length, recorded.at(-1)?.metadata.hash),
      );
      dieInProcessManagerIfInjected('after-append');
      return { kind: 'appended', streamId, position: appended.position };
    } catch (error) {
      if (error instanceof VersionConflict && round < MAX_CONFLICT_ROUNDS) continue;
      throw error;
    }
  }
}
