import type { AccessRequest, Refusal } from './policy';

/** Whether `unitId` lies in the subtree of the caller's unit; null when it is not a registered unit. */
export function inCallerSubtree(request: AccessRequest, unitId: string): Promise<boolean | null> {
  const home = request.identity.unitId;
  return home === null ? Promise.resolve(false) : request.facts.units.contains(home, unitId);
}

/**
 * Refuses a command naming a unit outside the caller's subtree. A unit or thing that is
 * not registered (null, or an unknown id) is left to the command, which refuses it as
 * NOT_FOUND: there is nothing of anyone's to protect.
 */
export async function outsideSubtree(request: AccessRequest, units: ReadonlyArray<string | null>): Promise<Refusal> {
  const named = [...new Set(units.filter((unitId): unitId is string => unitId !== null))];
  const found = await Promise.all(named.map((unitId) => inCallerSubtree(request, unitId)));
  const outside = named.find((_, i) => found[i] === false);
  return outside === undefined ? null : `unit ${outside} is outside the subtree of ${request.identity.unitId}`;
}

/** For reads: whether any of the units lies in the caller's subtree (unknown ones do not). */
export async function anyInSubtree(
  request: AccessRequest,
  units: ReadonlyArray<string | null | undefined>,
): Promise<boolean> {
  for (const unitId of units) {
    if (unitId !== null && unitId !== undefined && (await inCallerSubtree(request, unitId)) === true) return true;
  }
  return false;
}

/** A refusal for a read of something outside the caller's subtree. */
export function outsideReach(what: string, request: AccessRequest): string {
  return `${what} is outside the subtree of ${request.identity.unitId}`;
}
