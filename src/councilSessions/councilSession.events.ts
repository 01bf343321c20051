import type { DomainEvent } from '../shared/decider';
import type { AwardKind, BallotChoice, BallotTally, IsoDate, IsoInstant, SubjectKind } from '../shared/domain';

export interface CouncilMember {
  personId: string;
  name: string;
  /** The member's own unit: a member of the nominee's unit must not vote on that dossier. */
  unitId: string;
}

export interface AgendaNominee {
  kind: SubjectKind;
  id: string;
  name: string;
}

/** One dossier the council votes on, with the approval threshold that applies to it. */
export interface AgendaItem {
  dossierId: string;
  award: AwardKind;
  nominee: AgendaNominee;
  /** The nominee's unit: the person's unit, or the collective itself. */
  nomineeUnitId: string;
  /** Share of ALL members whose approval is needed (0.9 for provincial/national fighters, default 0.5). */
  thresholdShare: number;
  /** true: approve / members >= share; false: approve / members > share. */
  thresholdInclusive: boolean;
}

/** The council met (or opened a written vote): its member list and agenda are fixed from here on. */
export interface CouncilSessionConvened extends DomainEvent<
  'CouncilSessionConvened',
  {
    sessionId: string;
    councilUnitId: string;
    heldOn: IsoDate;
    members: CouncilMember[];
    agenda: AgendaItem[];
    convenedAt: IsoInstant;
  }
> {}

/**
 * One member's secret ballot on one dossier. The choice is stored (the tally needs it)
 * but read models must redact it: only tallies are ever shown.
 * `castBy` is the actor who recorded it: the member, or (writtenBallot) the secretariat
 * recording the written ballot of an absent member.
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

export interface DossierTally {
  dossierId: string;
  tally: BallotTally;
}

/**
 * Voting ended with a quorum; every agenda dossier is tallied against its threshold over
 * all members. The handler appends DossierResolved to each dossier from `tallies`.
 */
export interface CouncilSessionClosed extends DomainEvent<
  'CouncilSessionClosed',
  {
    sessionId: string;
    councilUnitId: string;
    closedAt: IsoInstant;
    /** Number of council members. */
    members: number;
    /** Distinct members who cast at least one ballot in the session (the quorum count). */
    membersVoted: number;
    tallies: DossierTally[];
  }
> {}

export type CouncilSessionEvent = CouncilSessionConvened | BallotCast | CouncilSessionClosed;
