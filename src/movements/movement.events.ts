import type { IsoDate, MovementKind } from '../shared/domain';

/** An emulation movement is launched (phát động phong trào thi đua). */
export interface MovementLaunched {
  type: 'MovementLaunched';
  data: {
    movementId: string;
    name: string;
    kind: MovementKind;
    launchedByUnitId: string;
    startsOn: IsoDate;
    /** Required for PHASED and THEMATIC movements; `null` for an open-ended REGULAR one. */
    endsOn: IsoDate | null;
    criteria: string[];
    /** Empty: the movement is open to every unit under the launching unit. */
    participantUnitIds: string[];
  };
}

export type MovementEvent = MovementLaunched;
