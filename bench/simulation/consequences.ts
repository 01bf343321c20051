/**
 * The app's process managers, run on the simulation's in-memory streams: each generated
 * event's consequences follow it at once, decided as the app decides them
 * (`decideConsequence`), so the generated log holds what the app's log would.
 */
import { allProcessManagers } from '../../src/processManagers';
import { decideConsequence } from '../../src/processManagers/carryConsequence';
import type { StreamStates } from './transaction';
import type { GeneratedEvent } from './types';

export function consequencesOf(streams: StreamStates, causes: readonly GeneratedEvent[]): GeneratedEvent[] {
  const out: GeneratedEvent[] = [];
  for (const cause of causes) {
    for (const manager of allProcessManagers) {
      if (!manager.eventTypes.includes(cause.type)) continue;
      for (const target of manager.consequencesOf(cause)) {
        const loaded = streams.load(target.decider, target.id);
        const decision = decideConsequence(manager.name, cause, target, loaded.state, loaded.version);
        if (decision.kind === 'append') out.push(...streams.append(decision.streamId, target.decider, decision.events));
      }
    }
  }
  return out;
}
