import type { Decider } from '../shared/decider';
import { AuthorityLevel, UnitKind } from '../shared/domain';
import { NotFound, RuleViolation } from '../shared/errors';
import { requireText } from '../shared/validation';
import type { HouseholdEvent, HouseholdRegistered } from './household.events';

const HOUSEHOLD_STREAM_TYPE = 'household';

export interface HouseholdRecord {
  status: 'REGISTERED';
  householdId: string;
  headName: string;
  address: string;
  unitId: string;
  unitName: string;
}

export type HouseholdState = { status: 'NONE' } | HouseholdRecord;

/** Rule names the household decider raises in `RuleViolation.rule`. */
export const HouseholdRule = {
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  UNIT_NOT_RESIDENTIAL: 'HOUSEHOLD_UNIT_NOT_RESIDENTIAL',
  UNIT_MERGED: 'UNIT_MERGED',
} as const;

export interface RegisterHousehold {
  type: 'RegisterHousehold';
  data: {
    householdId: string;
    headName: string;
    address: string;
    unitId: string;
    /** Facts about the unit, looked up by the handler; `null` when no such unit exists. */
    unit: { name: string; level: AuthorityLevel; kind: UnitKind; merged: boolean } | null;
  };
}

export type HouseholdCommand = RegisterHousehold;

function initialHouseholdState(): HouseholdState {
  return { status: 'NONE' };
}

function evolveHousehold(_state: HouseholdState, event: HouseholdEvent): HouseholdState {
  return { status: 'REGISTERED', ...event.data };
}

function decideHousehold(command: HouseholdCommand, state: HouseholdState): HouseholdEvent[] {
  return [registerHousehold(command.data, state)];
}

/**
 * Households live in a commune or ward: they belong to a commune-level unit (level
 * COMMUNE) or to one of its villages or residential groups (kind VILLAGE).
 */
function isResidential(unit: { level: AuthorityLevel; kind: UnitKind }): boolean {
  return unit.level === AuthorityLevel.COMMUNE || unit.kind === UnitKind.VILLAGE;
}

function registerHousehold(d: RegisterHousehold['data'], state: HouseholdState): HouseholdRegistered {
  if (state.status !== 'NONE') {
    throw new RuleViolation(HouseholdRule.ALREADY_EXISTS, `household ${d.householdId} already exists`, {
      householdId: d.householdId,
    });
  }
  requireText(d.householdId, 'householdId');
  requireText(d.headName, 'headName');
  requireText(d.address, 'address');
  requireText(d.unitId, 'unitId');
  if (d.unit === null) throw new NotFound('Unit', d.unitId);
  if (d.unit.merged) {
    throw new RuleViolation(HouseholdRule.UNIT_MERGED, `unit ${d.unitId} was merged away`, { unitId: d.unitId });
  }
  if (!isResidential(d.unit)) {
    throw new RuleViolation(
      HouseholdRule.UNIT_NOT_RESIDENTIAL,
      `a household belongs to a commune, ward or village, not to ${d.unit.name}`,
      { unitId: d.unitId, level: d.unit.level, kind: d.unit.kind },
    );
  }
  return {
    type: 'HouseholdRegistered',
    data: {
      householdId: d.householdId,
      headName: d.headName,
      address: d.address,
      unitId: d.unitId,
      unitName: d.unit.name,
    },
  };
}

export const householdDecider: Decider<HouseholdCommand, HouseholdEvent, HouseholdState> = {
  streamType: HOUSEHOLD_STREAM_TYPE,
  initialState: initialHouseholdState,
  evolve: evolveHousehold,
  decide: decideHousehold,
};
