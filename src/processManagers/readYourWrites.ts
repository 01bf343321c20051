import { comparePositions } from '../eventStore/eventStore.port';
import type { Services } from '../services';

/** The longest chain of consequences the process managers make (decision → dossier → award), with room. */
const MAX_CONSEQUENCE_HOPS = 4;

/**
 * True once the read models (every one, or those named) show the log up to `position`
 * and every consequence the process managers carry from it, and from those in turn; false
 * after `timeoutMs`.
 * Throws ConsequencesFailed when a process manager stopped before `position`: waiting
 * longer would not help.
 */
export async function waitForReadModels(
  services: Pick<Services, 'projections' | 'processManagers'>,
  position: string,
  timeoutMs: number,
  names?: readonly string[],
): Promise<boolean> {
  const started = Date.now();
  const left = () => Math.max(0, timeoutMs - (Date.now() - started));
  let reached = position;
  // A consequence may cause consequences in turn (a signed decision grants on its dossiers,
  // each grant creates its award): settled hop by hop until no further one appears.
  for (let hop = 0; hop < MAX_CONSEQUENCE_HOPS; hop++) {
    const settled = await services.processManagers.settle(reached, left());
    if (settled === null) return false;
    if (comparePositions(settled, reached) <= 0) break;
    reached = settled;
  }
  return services.projections.waitForPosition(reached, left(), names);
}
