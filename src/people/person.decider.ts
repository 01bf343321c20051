import { assertNever, type Decider } from '../shared/decider';
import type { IsoDate } from '../shared/domain';
import { NotFound, RuleViolation } from '../shared/errors';
import { optionalText, requireIsoDate, requireText } from '../shared/validation';
import type { PersonEvent, PersonRegistered, PersonTransferred } from './person.events';

const PERSON_STREAM_TYPE = 'person';

export interface PersonRecord {
  status: 'REGISTERED';
  personId: string;
  fullName: string;
  unitId: string;
  unitName: string;
  position: string | null;
  directWorker: boolean;
  female: boolean;
}

export type PersonState = { status: 'NONE' } | PersonRecord;

export interface RegisterPerson {
  type: 'RegisterPerson';
  data: {
    personId: string;
    fullName: string;
    unitId: string;
    /** Facts about the unit, looked up by the handler. */
    unitExists: boolean;
    unitName: string;
    position: string | null;
    directWorker: boolean;
    /** The contract makes `female` optional: the handler passes `false` when absent. */
    female: boolean;
  };
}

export interface TransferPerson {
  type: 'TransferPerson';
  data: {
    personId: string;
    toUnitId: string;
    /** Facts about the target unit, looked up by the handler. */
    toUnitExists: boolean;
    toUnitName: string;
    /** Whether the target unit was merged away: it takes no new members. */
    toUnitMerged: boolean;
    /** The position in the new unit; `null` when none is recorded. */
    position: string | null;
    effectiveOn: IsoDate;
  };
}

export type PersonCommand = RegisterPerson | TransferPerson;

function initialPersonState(): PersonState {
  return { status: 'NONE' };
}

function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonRegistered':
      return { status: 'REGISTERED', ...event.data };
    case 'PersonTransferred':
      return state.status === 'NONE'
        ? state
        : { ...state, unitId: event.data.toUnitId, unitName: event.data.toUnitName, position: event.data.position };
    default:
      return assertNever(event, 'person event');
  }
}

function decidePerson(command: PersonCommand, state: PersonState): PersonEvent[] {
  switch (command.type) {
    case 'RegisterPerson':
      return [registerPerson(command.data, state)];
    case 'TransferPerson':
      return [transferPerson(command.data, state)];
    default:
      return assertNever(command, 'person command');
  }
}

function registerPerson(d: RegisterPerson['data'], state: PersonState): PersonRegistered {
  if (state.status !== 'NONE')
    throw new RuleViolation('ALREADY_EXISTS', `person ${d.personId} already exists`, { personId: d.personId });
  requireText(d.personId, 'personId');
  requireText(d.fullName, 'fullName');
  requireText(d.unitId, 'unitId');
  if (!d.unitExists) throw new NotFound('Unit', d.unitId);
  return {
    type: 'PersonRegistered',
    data: {
      personId: d.personId,
      fullName: d.fullName,
      unitId: d.unitId,
      unitName: d.unitName,
      position: optionalText(d.position),
      directWorker: d.directWorker,
      female: d.female,
    },
  };
}

function transferPerson(d: TransferPerson['data'], state: PersonState): PersonTransferred {
  if (state.status === 'NONE') throw new NotFound('Person', d.personId);
  requireText(d.toUnitId, 'toUnitId');
  requireIsoDate(d.effectiveOn, 'effectiveOn');
  if (!d.toUnitExists) throw new NotFound('Unit', d.toUnitId);
  if (d.toUnitMerged) {
    throw new RuleViolation('UNIT_MERGED', `unit ${d.toUnitId} was merged away and takes no new members`, {
      unitId: d.toUnitId,
    });
  }
  if (d.toUnitId === state.unitId) {
    throw new RuleViolation('PERSON_ALREADY_IN_UNIT', `${state.fullName} already belongs to unit ${d.toUnitId}`, {
      personId: d.personId,
      unitId: d.toUnitId,
    });
  }
  return {
    type: 'PersonTransferred',
    data: {
      personId: state.personId,
      fullName: state.fullName,
      fromUnitId: state.unitId,
      fromUnitName: state.unitName,
      toUnitId: d.toUnitId,
      toUnitName: d.toUnitName,
      position: optionalText(d.position),
      effectiveOn: d.effectiveOn,
    },
  };
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  streamType: PERSON_STREAM_TYPE,
  initialState: initialPersonState,
  evolve: evolvePerson,
  decide: decidePerson,
};
