import { assertNever, type Decider } from '../shared/decider';
import { AuthorityLevel, type IsoDate, type UnitKind } from '../shared/domain';
import { NotFound, RuleViolation } from '../shared/errors';
import type { UnitEvent, UnitMerged, UnitRegistered, UnitRenamed } from './unit.events';
import { optionalText, requireIsoDate, requireText } from '../shared/validation';

const UNIT_STREAM_TYPE = 'unit';

export interface UnitRecord {
  /** MERGED once the unit has been merged into another one; it then refuses changes. */
  status: 'ACTIVE' | 'MERGED';
  unitId: string;
  name: string;
  kind: UnitKind;
  level: AuthorityLevel;
  parentUnitId: string | null;
  sector: string | null;
  small: boolean;
  /** Set once the unit has been merged into another one. */
  mergedInto: { unitId: string; effectiveOn: IsoDate } | null;
}

export type UnitState = { status: 'NONE' } | UnitRecord;

export interface RegisterUnit {
  type: 'RegisterUnit';
  data: {
    unitId: string;
    name: string;
    kind: UnitKind;
    level: AuthorityLevel;
    parentUnitId: string | null;
    /** Looked up by the handler; ignored when `parentUnitId` is null. */
    parentExists: boolean;
    /** The parent's level, when the handler knows it; `null` skips the level check. */
    parentLevel: AuthorityLevel | null;
    sector: string | null;
    small: boolean;
  };
}

export interface RenameUnit {
  type: 'RenameUnit';
  data: { unitId: string; name: string; effectiveOn: IsoDate };
}

export interface MergeUnit {
  type: 'MergeUnit';
  data: {
    unitId: string;
    intoUnitId: string;
    /** Facts about the target unit, looked up by the handler. */
    intoUnitExists: boolean;
    intoUnitName: string;
    intoUnitMerged: boolean;
    effectiveOn: IsoDate;
    reason: string | null;
  };
}

export type UnitCommand = RegisterUnit | RenameUnit | MergeUnit;

/**
 * Rank of an authority level for the parent check: a unit's parent must not sit on a
 * lower rank than the unit itself. Province and ministry share a rank.
 */
const AUTHORITY_RANK: Readonly<Record<AuthorityLevel, number>> = {
  [AuthorityLevel.UNIT]: 0,
  [AuthorityLevel.COMMUNE]: 1,
  [AuthorityLevel.DISTRICT]: 2,
  [AuthorityLevel.PROVINCE]: 3,
  [AuthorityLevel.MINISTRY]: 3,
  [AuthorityLevel.GOVERNMENT]: 4,
  [AuthorityLevel.STATE]: 5,
};

function initialUnitState(): UnitState {
  return { status: 'NONE' };
}

function evolveUnit(state: UnitState, event: UnitEvent): UnitState {
  switch (event.type) {
    case 'UnitRegistered': {
      const d = event.data;
      return {
        status: 'ACTIVE',
        unitId: d.unitId,
        name: d.name,
        kind: d.kind,
        level: d.level,
        parentUnitId: d.parentUnitId,
        sector: d.sector,
        small: d.small,
        mergedInto: null,
      };
    }
    case 'UnitRenamed':
      return state.status === 'NONE' ? state : { ...state, name: event.data.name };
    case 'UnitMerged':
      return state.status === 'NONE'
        ? state
        : {
            ...state,
            status: 'MERGED',
            mergedInto: { unitId: event.data.intoUnitId, effectiveOn: event.data.effectiveOn },
          };
    default:
      return assertNever(event, 'unit event');
  }
}

function decideUnit(command: UnitCommand, state: UnitState): UnitEvent[] {
  switch (command.type) {
    case 'RegisterUnit':
      return [registerUnit(command.data, state)];
    case 'RenameUnit':
      return [renameUnit(command.data, state)];
    case 'MergeUnit':
      return [mergeUnit(command.data, state)];
    default:
      return assertNever(command, 'unit command');
  }
}

function registerUnit(d: RegisterUnit['data'], state: UnitState): UnitRegistered {
  if (state.status !== 'NONE')
    throw new RuleViolation('ALREADY_EXISTS', `unit ${d.unitId} already exists`, { unitId: d.unitId });
  requireText(d.unitId, 'unitId');
  requireText(d.name, 'name');
  const parentUnitId = optionalText(d.parentUnitId);
  if (parentUnitId !== null) {
    if (parentUnitId === d.unitId)
      throw new RuleViolation('UNIT_PARENT_SELF', 'a unit cannot be its own parent', { unitId: d.unitId });
    if (!d.parentExists) throw new NotFound('Unit', parentUnitId);
    if (d.parentLevel !== null && AUTHORITY_RANK[d.parentLevel] < AUTHORITY_RANK[d.level]) {
      throw new RuleViolation('UNIT_PARENT_LEVEL', `a ${d.level} unit cannot belong to a ${d.parentLevel} unit`, {
        unitId: d.unitId,
        level: d.level,
        parentUnitId,
        parentLevel: d.parentLevel,
      });
    }
  }
  return {
    type: 'UnitRegistered',
    data: {
      unitId: d.unitId,
      name: d.name,
      kind: d.kind,
      level: d.level,
      parentUnitId,
      sector: optionalText(d.sector),
      small: d.small,
    },
  };
}

function requireActive(unitId: string, state: UnitState): UnitRecord {
  if (state.status === 'NONE') throw new NotFound('Unit', unitId);
  if (state.status === 'MERGED') {
    throw new RuleViolation('UNIT_MERGED', `unit ${unitId} was merged into ${state.mergedInto?.unitId}`, {
      unitId,
      mergedInto: state.mergedInto?.unitId ?? null,
    });
  }
  return state;
}

function renameUnit(d: RenameUnit['data'], state: UnitState): UnitRenamed {
  const unit = requireActive(d.unitId, state);
  requireText(d.name, 'name');
  requireIsoDate(d.effectiveOn, 'effectiveOn');
  if (d.name === unit.name)
    throw new RuleViolation('UNIT_NAME_UNCHANGED', `unit ${d.unitId} is already named ${d.name}`, { unitId: d.unitId });
  return {
    type: 'UnitRenamed',
    data: { unitId: d.unitId, previousName: unit.name, name: d.name, effectiveOn: d.effectiveOn },
  };
}

function mergeUnit(d: MergeUnit['data'], state: UnitState): UnitMerged {
  const unit = requireActive(d.unitId, state);
  requireText(d.intoUnitId, 'intoUnitId');
  requireIsoDate(d.effectiveOn, 'effectiveOn');
  if (d.intoUnitId === d.unitId)
    throw new RuleViolation('UNIT_MERGE_INTO_SELF', 'a unit cannot be merged into itself', { unitId: d.unitId });
  if (!d.intoUnitExists) throw new NotFound('Unit', d.intoUnitId);
  if (d.intoUnitMerged) {
    throw new RuleViolation('UNIT_MERGE_TARGET_MERGED', `unit ${d.intoUnitId} was itself merged away`, {
      unitId: d.unitId,
      intoUnitId: d.intoUnitId,
    });
  }
  return {
    type: 'UnitMerged',
    data: {
      unitId: d.unitId,
      unitName: unit.name,
      intoUnitId: d.intoUnitId,
      intoUnitName: d.intoUnitName,
      effectiveOn: d.effectiveOn,
      reason: optionalText(d.reason),
    },
  };
}

export const unitDecider: Decider<UnitCommand, UnitEvent, UnitState> = {
  streamType: UNIT_STREAM_TYPE,
  initialState: initialUnitState,
  evolve: evolveUnit,
  decide: decideUnit,
};
