import type { Services } from '../services';
import { waitForReadModels } from '../processManagers/readYourWrites';
import { ReadModelsBehind } from '../shared/errors';

/**
 * A handler that looks facts up in read models first waits (bounded) until those
 * projections have applied every event committed so far — including the caller's own
 * previous command — so no decision rests on stale facts.
 */
export async function awaitFreshReadModels(
  services: Pick<Services, 'store' | 'projections' | 'processManagers'>,
  names: readonly string[],
  timeoutMs = 5_000,
): Promise<void> {
  const head = await services.store.lastCommittedPosition();
  if (!(await waitForReadModels(services, head, timeoutMs, names))) throw new ReadModelsBehind(names);
}
