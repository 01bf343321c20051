import type { CommandTransaction } from '../commands/commandTransaction';
import { unitDecider, type UnitRecord, type UnitState } from './unit.decider';

/** Deeper than any real hierarchy (state, government, province, district, commune, unit …). */
const MAX_UNIT_DEPTH = 32;

/**
 * Facts about units for a command, read from the unit streams (each stream once per
 * command). Handlers use it to pass names and `unknownUnitIds` to pure deciders.
 */
export class UnitLookup {
  private readonly states = new Map<string, Promise<UnitState>>();

  constructor(private readonly tx: CommandTransaction) {}

  /** The unit's state; `{ status: 'NONE' }` when no such unit was registered. */
  state(unitId: string): Promise<UnitState> {
    let state = this.states.get(unitId);
    if (!state) {
      state = this.tx.load(unitDecider, unitId).then((loaded) => loaded.state);
      this.states.set(unitId, state);
    }
    return state;
  }

  /** The unit, or `null` when it does not exist. */
  async find(unitId: string): Promise<UnitRecord | null> {
    const state = await this.state(unitId);
    return state.status === 'NONE' ? null : state;
  }

  /** The ids among `unitIds` that name no registered unit: distinct, in the order given. */
  async unknown(unitIds: readonly string[]): Promise<string[]> {
    const distinct = [...new Set(unitIds)];
    const found = await Promise.all(distinct.map((id) => this.find(id)));
    return distinct.filter((_, i) => found[i] === null);
  }

  /** The unit's ancestors, nearest first (empty for a unit at the top or one not registered). */
  async ancestors(unitId: string): Promise<UnitRecord[]> {
    const found: UnitRecord[] = [];
    let parentId = (await this.find(unitId))?.parentUnitId ?? null;
    // A unit's parent is fixed at registration, so the chain has no cycle; the cap guards a corrupt one.
    while (parentId !== null && found.length < MAX_UNIT_DEPTH) {
      const parent = await this.find(parentId);
      if (parent === null) break;
      found.push(parent);
      parentId = parent.parentUnitId;
    }
    return found;
  }
}
