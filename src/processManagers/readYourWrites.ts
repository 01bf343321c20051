import type { Services } from '../services';

/**
 * True once the read models (every one, or those named) show the log up to `position`
 * and every consequence the process managers carry from it; false after `timeoutMs`.
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
  const settled = await services.processManagers.settle(position, timeoutMs);
  if (settled === null) return false;
  const left = Math.max(0, timeoutMs - (Date.now() - started));
  return services.projections.waitForPosition(settled, left, names);
}
