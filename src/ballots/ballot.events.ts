import type { DomainEvent } from '../shared/decider';
import type { BallotChoice, IsoInstant } from '../shared/domain';

/**
 * One member's secret ballot on one dossier of a council session, the only event of its
 * stream. The choice is stored (the tally needs it) but read models must redact it: only
 * tallies are ever shown. `castBy` is the actor who recorded it: the member, or
 * (writtenBallot) the secretariat recording the written ballot of an absent member.
 */
export interface BallotCast extends DomainEvent<
  'BallotCast',
  {
    sessionId: string;
    dossierId: string;
    memberId: string;
    memberName: string;
    choice: BallotChoice;
    castBy: string;
    writtenBallot: boolean;
    castAt: IsoInstant;
  }
> {}

export type BallotEvent = BallotCast;
