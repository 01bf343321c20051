import { assertNever, type Decider } from '../shared/decider';
import { MovementKind, type IsoDate } from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { requireDistinctIds, requireIsoDate, requireText } from '../shared/validation';
import type { MovementEvent, MovementLaunched } from './movement.events';

const MOVEMENT_STREAM_TYPE = 'movement';

/** Movement kinds that run for a bounded time and therefore need an end date. */
const MOVEMENT_KINDS_NEEDING_END_DATE: readonly MovementKind[] = [MovementKind.PHASED, MovementKind.THEMATIC];

export interface MovementRecord {
  status: 'LAUNCHED';
  movementId: string;
  name: string;
  kind: MovementKind;
  launchedByUnitId: string;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
  criteria: string[];
  participantUnitIds: string[];
}

export type MovementState = { status: 'NONE' } | MovementRecord;

export interface LaunchMovement {
  type: 'LaunchMovement';
  data: {
    movementId: string;
    name: string;
    kind: MovementKind;
    launchedByUnitId: string;
    startsOn: IsoDate;
    endsOn: IsoDate | null;
    criteria: string[];
    /** The contract makes this optional: the handler passes `[]` when absent. */
    participantUnitIds: string[];
    /** Ids among the launching unit and the participants that the handler could not find. */
    unknownUnitIds: string[];
  };
}

export type MovementCommand = LaunchMovement;

function initialMovementState(): MovementState {
  return { status: 'NONE' };
}

function evolveMovement(state: MovementState, event: MovementEvent): MovementState {
  switch (event.type) {
    case 'MovementLaunched':
      return { status: 'LAUNCHED', ...event.data };
    default:
      return assertNever(event.type, 'movement event');
  }
}

function decideMovement(command: MovementCommand, state: MovementState): MovementEvent[] {
  switch (command.type) {
    case 'LaunchMovement':
      return [launchMovement(command.data, state)];
    default:
      return assertNever(command.type, 'movement command');
  }
}

function launchMovement(d: LaunchMovement['data'], state: MovementState): MovementLaunched {
  if (state.status !== 'NONE')
    throw new RuleViolation('ALREADY_EXISTS', `movement ${d.movementId} already exists`, { movementId: d.movementId });
  requireText(d.movementId, 'movementId');
  requireText(d.name, 'name');
  requireText(d.launchedByUnitId, 'launchedByUnitId');
  requireIsoDate(d.startsOn, 'startsOn');
  if (d.endsOn !== null) requireIsoDate(d.endsOn, 'endsOn');
  requireDistinctIds(d.participantUnitIds, 'participantUnitIds');
  d.criteria.forEach((c, i) => requireText(c, `criteria[${i}]`));
  if (new Set(d.criteria).size !== d.criteria.length)
    throw new InvalidInput('criteria lists the same criterion more than once', 'criteria');
  if (d.unknownUnitIds.length > 0) throw new NotFound('Unit', d.unknownUnitIds[0]);

  const details = { movementId: d.movementId, kind: d.kind };
  if (d.criteria.length === 0)
    throw new RuleViolation('MOVEMENT_CRITERIA_REQUIRED', 'a movement needs at least one criterion', details);
  if (d.endsOn === null && MOVEMENT_KINDS_NEEDING_END_DATE.includes(d.kind)) {
    throw new RuleViolation('MOVEMENT_END_DATE_REQUIRED', `a ${d.kind} movement needs an end date`, details);
  }
  if (d.endsOn !== null && d.endsOn < d.startsOn) {
    throw new RuleViolation(
      'MOVEMENT_ENDS_BEFORE_START',
      `the movement ends (${d.endsOn}) before it starts (${d.startsOn})`,
      {
        ...details,
        startsOn: d.startsOn,
        endsOn: d.endsOn,
      },
    );
  }
  return {
    type: 'MovementLaunched',
    data: {
      movementId: d.movementId,
      name: d.name,
      kind: d.kind,
      launchedByUnitId: d.launchedByUnitId,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      criteria: [...d.criteria],
      participantUnitIds: [...d.participantUnitIds],
    },
  };
}

export const movementDecider: Decider<MovementCommand, MovementEvent, MovementState> = {
  streamType: MOVEMENT_STREAM_TYPE,
  initialState: initialMovementState,
  evolve: evolveMovement,
  decide: decideMovement,
};
