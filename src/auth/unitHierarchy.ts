/** A unit's parent: `null` for a unit at the top, `undefined` when no such unit is registered. */
export type ParentLookup = (unitId: string) => Promise<string | null | undefined>;

/** Deeper than any real hierarchy (state, government, province, district, commune, unit …). */
const MAX_DEPTH = 32;

/**
 * Which units lie under which, answered by walking a unit's parents. A unit's parent is
 * fixed when it is registered (no event moves a unit; a merge marks it merged where it
 * is), so a parent once read is kept for the life of the process and never goes stale.
 * Units not registered yet are not remembered: one registered later is found.
 */
export class UnitHierarchy {
  private readonly parents = new Map<string, string | null>();

  constructor(private readonly lookUpParent: ParentLookup) {}

  /** Whether `unitId` is `rootId` or lies below it; null when `unitId` is not a registered unit. */
  async contains(rootId: string, unitId: string): Promise<boolean | null> {
    let current: string | null = unitId;
    for (let depth = 0; current !== null && depth < MAX_DEPTH; depth++) {
      if (current === rootId) return true;
      const parent = await this.parentOf(current);
      if (parent === undefined) return null;
      current = parent;
    }
    return false;
  }

  private async parentOf(unitId: string): Promise<string | null | undefined> {
    if (this.parents.has(unitId)) return this.parents.get(unitId);
    const parent = await this.lookUpParent(unitId);
    if (parent !== undefined) this.parents.set(unitId, parent);
    return parent;
  }
}
