import type { RecordedEvent } from '../eventStore/eventStore.port';
import { EndedByHook } from './runnerHooks';

/** The event a projection's handler cannot apply, and the error it gave. */
export interface PoisonEvent {
  event: RecordedEvent;
  error: unknown;
}

/**
 * Finds the event that broke a batch the handler failed on (with `firstError`): commits
 * the batch in halves with `commit`, keeping the parts that apply, down to the single
 * event that fails. Everything before that event ends up committed. An error from a
 * runner hook is no bad event: it is passed on.
 */
export async function findPoisonEvent(
  events: RecordedEvent[],
  firstError: unknown,
  commit: (part: RecordedEvent[]) => Promise<void>,
): Promise<PoisonEvent> {
  const found = await firstFailure(events, true, firstError, commit);
  // A batch that fails only as a whole is blamed on its first event, as applying stops there.
  return found ?? { event: events[0], error: firstError };
}

async function firstFailure(
  part: RecordedEvent[],
  knownToFail: boolean,
  firstError: unknown,
  commit: (part: RecordedEvent[]) => Promise<void>,
): Promise<PoisonEvent | null> {
  if (!knownToFail) {
    try {
      await commit(part);
      return null;
    } catch (error) {
      if (error instanceof EndedByHook) throw error;
      if (part.length === 1) return { event: part[0], error };
    }
  }
  if (part.length === 1) return { event: part[0], error: firstError };
  const middle = Math.ceil(part.length / 2);
  return (
    (await firstFailure(part.slice(0, middle), false, firstError, commit)) ??
    (await firstFailure(part.slice(middle), false, firstError, commit))
  );
}
