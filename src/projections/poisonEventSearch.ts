import type { RecordedEvent } from '../eventStore/eventStore.port';

/** The event a projection's handler cannot apply, and the error it gave. */
export interface PoisonEvent {
  event: RecordedEvent;
  error: unknown;
}

/**
 * Finds the event that broke a batch the handler failed on (with `firstError`): commits
 * the batch in halves with `commit`, keeping the parts that apply, down to the single
 * event that fails. Everything before that event ends up committed. An error that is not
 * the handler's (`passOn` says which: a runner hook ending the run, …) is no bad event:
 * it is thrown on. `commit` waits out transient database errors itself.
 */
export async function findPoisonEvent(
  events: RecordedEvent[],
  firstError: unknown,
  commit: (part: RecordedEvent[]) => Promise<void>,
  passOn: (error: unknown) => boolean,
): Promise<PoisonEvent> {
  const found = await firstFailure(events, true, firstError, { commit, passOn });
  // A batch that fails only as a whole is blamed on its first event, as applying stops there.
  return found ?? { event: events[0], error: firstError };
}

interface Search {
  commit(part: RecordedEvent[]): Promise<void>;
  passOn(error: unknown): boolean;
}

async function firstFailure(
  part: RecordedEvent[],
  knownToFail: boolean,
  firstError: unknown,
  search: Search,
): Promise<PoisonEvent | null> {
  if (!knownToFail) {
    try {
      await search.commit(part);
      return null;
    } catch (error) {
      if (search.passOn(error)) throw error;
      if (part.length === 1) return { event: part[0], error };
    }
  }
  if (part.length === 1) return { event: part[0], error: firstError };
  const middle = Math.ceil(part.length / 2);
  return (
    (await firstFailure(part.slice(0, middle), false, firstError, search)) ??
    (await firstFailure(part.slice(middle), false, firstError, search))
  );
}
