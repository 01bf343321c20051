import { movementDecider, type LaunchMovement } from '../../src/movements/movement.decider';
import type { MovementLaunched } from '../../src/movements/movement.events';
import { MovementKind } from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(movementDecider));

function launch(overrides: Partial<LaunchMovement['data']> = {}): LaunchMovement {
  return {
    type: 'LaunchMovement',
    data: {
      movementId: 'm-1',
      name: 'Thi đua chung sức xây dựng nông thôn mới',
      kind: MovementKind.PHASED,
      launchedByUnitId: 'u-district',
      startsOn: '2023-02-01',
      endsOn: '2023-11-30',
      criteria: ['Hoàn thành chỉ tiêu nông thôn mới', 'Không có hộ nghèo phát sinh'],
      participantUnitIds: ['u-x1', 'u-x2'],
      unknownUnitIds: [],
      ...overrides,
    },
  };
}

const launched: MovementLaunched = {
  type: 'MovementLaunched',
  data: {
    movementId: 'm-1',
    name: 'Thi đua chung sức xây dựng nông thôn mới',
    kind: MovementKind.PHASED,
    launchedByUnitId: 'u-district',
    startsOn: '2023-02-01',
    endsOn: '2023-11-30',
    criteria: ['Hoàn thành chỉ tiêu nông thôn mới', 'Không có hộ nghèo phát sinh'],
    participantUnitIds: ['u-x1', 'u-x2'],
  },
};

describe('movement decider', () => {
  it('has the stream type movement', () => {
    expect(movementDecider.streamType).toBe('movement');
  });

  it('given nothing, when a phased movement is launched, then MovementLaunched', () => {
    spec.given([]).when(launch()).then([launched]);
  });

  it('given the movement exists, when launched again, then ALREADY_EXISTS', () => {
    spec.given([launched]).when(launch()).thenThrows('ALREADY_EXISTS');
  });

  it('accepts a regular movement without an end date and without listed participants', () => {
    spec
      .given([])
      .when(launch({ kind: MovementKind.REGULAR, endsOn: null, participantUnitIds: [] }))
      .then([
        {
          type: 'MovementLaunched',
          data: { ...launched.data, kind: MovementKind.REGULAR, endsOn: null, participantUnitIds: [] },
        },
      ]);
  });

  it('accepts a regular movement with an end date', () => {
    spec
      .given([])
      .when(launch({ kind: MovementKind.REGULAR }))
      .events();
  });

  it.each([MovementKind.PHASED, MovementKind.THEMATIC])('refuses a %s movement without an end date', (kind) => {
    spec
      .given([])
      .when(launch({ kind, endsOn: null }))
      .thenThrows('MOVEMENT_END_DATE_REQUIRED', { kind });
  });

  it('refuses an end before the start; accepts a one-day movement', () => {
    spec
      .given([])
      .when(launch({ startsOn: '2023-05-02', endsOn: '2023-05-01' }))
      .thenThrows('MOVEMENT_ENDS_BEFORE_START');
    spec
      .given([])
      .when(launch({ kind: MovementKind.THEMATIC, startsOn: '2023-05-01', endsOn: '2023-05-01' }))
      .events();
  });

  it('refuses no criteria', () => {
    spec
      .given([])
      .when(launch({ criteria: [] }))
      .thenThrows('MOVEMENT_CRITERIA_REQUIRED');
  });

  it('refuses a blank or repeated criterion', () => {
    spec
      .given([])
      .when(launch({ criteria: ['Tốt', '  '] }))
      .thenThrows(InvalidInput, { field: 'criteria[1]' });
    spec
      .given([])
      .when(launch({ criteria: ['Tốt', 'Tốt'] }))
      .thenThrows(InvalidInput, { field: 'criteria' });
  });

  it('refuses invalid dates', () => {
    spec
      .given([])
      .when(launch({ startsOn: '2023-02-29' }))
      .thenThrows(InvalidInput, { field: 'startsOn' });
    spec
      .given([])
      .when(launch({ endsOn: 'soon' }))
      .thenThrows(InvalidInput, { field: 'endsOn' });
  });

  it('refuses a participant listed twice', () => {
    spec
      .given([])
      .when(launch({ participantUnitIds: ['u-x1', 'u-x1'] }))
      .thenThrows(InvalidInput, { field: 'participantUnitIds' });
  });

  it('refuses unknown units', () => {
    spec
      .given([])
      .when(launch({ unknownUnitIds: ['u-x2'] }))
      .thenThrows(NotFound, { entity: 'Unit', id: 'u-x2' });
  });

  it('refuses a blank name', () => {
    spec
      .given([])
      .when(launch({ name: '' }))
      .thenThrows(InvalidInput, { field: 'name' });
  });
});
