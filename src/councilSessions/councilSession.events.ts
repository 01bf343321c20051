import type { DomainEvent } from '../shared/decider';
import type { AwardKind, BallotTally, IsoDate, IsoInstant, SubjectKind } from '../shared/domain';

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
  /**
   * Share of ALL members who may vote on the dossier whose approval is needed (0.9 for
   * provincial/national fighters, default 0.5); members barred for a conflict of interest are left out.
   */
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

export interface DossierTally {
  dossierId: string;
  tally: BallotTally;
}

/** A ballot the close counted: which member's ballot on which dossier, never its choice. */
export interface CountedBallot {
  dossierId: string;
  memberId: string;
  ballotStreamId: string;
}

/**
 * Voting ended with a quorum on every dossier; each is tallied against its threshold over
 * all members who may vote on it, from the ballots the close read (`countedBallots`). A ballot stored but
 * not in that list came too late to count. The handler appends DossierResolved to each
 * dossier from `tallies`.
 */
export interface CouncilSessionClosed extends DomainEvent<
  'CouncilSessionClosed',
  {
    sessionId: string;
    councilUnitId: string;
    closedAt: IsoInstant;
    /** Number of council members. */
    members: number;
    /** Distinct members who cast at least one ballot in the session (the quorum is counted per dossier). */
    membersVoted: number;
    tallies: DossierTally[];
    /** Every ballot in the tallies, in agenda order, each dossier's in member order. */
    countedBallots: CountedBallot[];
  }
> {}

export type CouncilSessionEvent = CouncilSessionConvened | CouncilSessionClosed;
