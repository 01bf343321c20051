import { conflictOfInterest } from '../councilSessions/councilSession.rules';
import type { AgendaItem, CouncilMember } from '../councilSessions/councilSession.events';
import { assertNever, streamIdOf, type Decider } from '../shared/decider';
import { BallotChoice, type IsoInstant } from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { ID_MESSAGE, ID_PATTERN } from '../shared/ids';
import type { BallotCast, BallotEvent } from './ballot.events';

export const BALLOT_STREAM_TYPE = 'ballot';

/** Joins the three ids of a ballot's key: ID_PATTERN has no `~`, so no id contains it. */
const KEY_SEPARATOR = '~';

/**
 * The ballot id of one member on one dossier of one session: `<sessionId>~<dossierId>~<memberId>`.
 * Each id keeps to ID_PATTERN, so distinct triples never share a key. The stream is
 * `ballot-<key>`, and appending its one event to a new stream is what allows one ballot
 * per member and dossier.
 */
export function ballotStreamKey(sessionId: string, dossierId: string, memberId: string): string {
  const ids = { sessionId, dossierId, memberId };
  for (const [field, id] of Object.entries(ids))
    if (!ID_PATTERN.test(id)) throw new InvalidInput(`${field} ${ID_MESSAGE}`, field);
  return [sessionId, dossierId, memberId].join(KEY_SEPARATOR);
}

/** The stream of a ballot (streamIdOf over ballotStreamKey). */
export function ballotStreamIdOf(sessionId: string, dossierId: string, memberId: string): string {
  return streamIdOf(BALLOT_STREAM_TYPE, ballotStreamKey(sessionId, dossierId, memberId));
}

// ---------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------

export interface CastBallotRecord {
  status: 'CAST';
  sessionId: string;
  dossierId: string;
  memberId: string;
  choice: BallotChoice;
  castAt: IsoInstant;
}

export type BallotState = { status: 'NONE' } | CastBallotRecord;

// ---------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------

/** What a ballot needs to know of its council session, as the handler read it. */
export interface BallotSessionFacts {
  status: 'OPEN' | 'CLOSED';
  closedAt: IsoInstant | null;
  /** The dossier voted on, as the agenda has it; null when it is not on the agenda. */
  item: AgendaItem | null;
  /** The voting member, as the session lists it; null when the person is not a member. */
  member: CouncilMember | null;
}

export interface CastBallot {
  type: 'CastBallot';
  data: {
    sessionId: string;
    dossierId: string;
    memberId: string;
    choice: BallotChoice;
    /** The actor recording the ballot. */
    castBy: string;
    /** A written ballot of a member, recorded by someone else (the secretariat). */
    writtenBallot: boolean;
    /** Null when the session does not exist. */
    session: BallotSessionFacts | null;
    now: IsoInstant;
  };
}

export type BallotCommand = CastBallot;

// ---------------------------------------------------------------------------
// Evolve
// ---------------------------------------------------------------------------

function initialBallotState(): BallotState {
  return { status: 'NONE' };
}

function evolveBallot(_state: BallotState, event: BallotEvent): BallotState {
  switch (event.type) {
    case 'BallotCast': {
      const { sessionId, dossierId, memberId, choice, castAt } = event.data;
      return { status: 'CAST', sessionId, dossierId, memberId, choice, castAt };
    }
    default:
      return assertNever(event.type, 'ballot event');
  }
}

// ---------------------------------------------------------------------------
// Decide
// ---------------------------------------------------------------------------

function decideBallot(command: BallotCommand, state: BallotState): BallotEvent[] {
  switch (command.type) {
    case 'CastBallot':
      return cast(command.data, state);
    default:
      return assertNever(command.type, 'ballot command');
  }
}

function cast(data: CastBallot['data'], state: BallotState): BallotCast[] {
  const { item, member } = votingOn(data);
  if (!data.writtenBallot && data.castBy !== data.memberId) {
    throw new RuleViolation(
      'NOT_OWN_BALLOT',
      `${data.castBy} may only record the written ballot of member ${data.memberId}, not cast it in person`,
      { memberId: data.memberId, castBy: data.castBy },
    );
  }
  requireNoConflictOfInterest(member, item);
  if (state.status !== 'NONE') {
    // The earlier choice is secret: never put it in the error.
    throw new RuleViolation('ALREADY_VOTED', `${member.name} has already voted on dossier ${item.dossierId}`, {
      dossierId: item.dossierId,
      memberId: member.personId,
    });
  }
  return [
    {
      type: 'BallotCast',
      data: {
        sessionId: data.sessionId,
        dossierId: item.dossierId,
        memberId: member.personId,
        memberName: member.name,
        choice: data.choice,
        castBy: data.castBy,
        writtenBallot: data.writtenBallot,
        castAt: data.now,
      },
    },
  ];
}

/** The open session's agenda item and member the ballot is about, or the refusal. */
function votingOn(data: CastBallot['data']): { item: AgendaItem; member: CouncilMember } {
  const { session, sessionId } = data;
  if (session === null) throw new NotFound('CouncilSession', sessionId);
  if (session.status === 'CLOSED') {
    throw new RuleViolation('SESSION_CLOSED', `council session ${sessionId} is closed`, {
      sessionId,
      closedAt: session.closedAt,
    });
  }
  if (!Object.values(BallotChoice).includes(data.choice))
    throw new InvalidInput(`unknown ballot choice ${String(data.choice)}`, 'choice');
  if (session.item === null || session.item.dossierId !== data.dossierId) {
    throw new RuleViolation('NOT_ON_AGENDA', `dossier ${data.dossierId} is not on the agenda of session ${sessionId}`, {
      sessionId,
      dossierId: data.dossierId,
    });
  }
  if (session.member === null || session.member.personId !== data.memberId) {
    throw new RuleViolation('NOT_A_MEMBER', `${data.memberId} is not a member of session ${sessionId}`, {
      sessionId,
      memberId: data.memberId,
    });
  }
  return { item: session.item, member: session.member };
}

function requireNoConflictOfInterest(member: CouncilMember, item: AgendaItem): void {
  const conflict = conflictOfInterest(member, item);
  if (conflict) {
    throw new RuleViolation(
      'CONFLICT_OF_INTEREST',
      conflict === 'NOMINEE'
        ? `${member.name} is the nominee of dossier ${item.dossierId} and must not vote on it`
        : `${member.name} belongs to the nominee's unit and must not vote on dossier ${item.dossierId}`,
      { dossierId: item.dossierId, memberId: member.personId, reason: conflict },
    );
  }
}

export const ballotDecider: Decider<BallotCommand, BallotEvent, BallotState> = {
  streamType: BALLOT_STREAM_TYPE,
  initialState: initialBallotState,
  evolve: evolveBallot,
  decide: decideBallot,
};
