import { assertNever, type Decider } from '../shared/decider';
import { BallotChoice, DossierStatus, type IsoDate, type IsoInstant } from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { requireIsoDate } from '../shared/validation';
import type {
  AgendaItem,
  BallotCast,
  CouncilMember,
  CouncilSessionClosed,
  CouncilSessionConvened,
  CouncilSessionEvent,
} from './councilSession.events';

export const COUNCIL_SESSION_STREAM_TYPE = 'council_session';

import { conflictOfInterest, quorumNeeded, tallyBallots } from './councilSession.rules';

export { conflictOfInterest, quorumNeeded, tallyBallots };

// ---------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------

export interface ConvenedSession {
  status: 'OPEN' | 'CLOSED';
  sessionId: string;
  councilUnitId: string;
  heldOn: IsoDate;
  members: CouncilMember[];
  agenda: AgendaItem[];
  /** dossierId → memberId → choice (own properties only: read with Object.hasOwn). */
  ballots: Readonly<Record<string, Readonly<Record<string, BallotChoice>>>>;
  /** Members who cast at least one ballot, in order of their first ballot. */
  voters: string[];
  closedAt: IsoInstant | null;
}

export type CouncilSessionState = { status: 'NONE' } | ConvenedSession;

// ---------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------

export interface ConveneCouncilSession {
  type: 'ConveneCouncilSession';
  data: {
    sessionId: string;
    councilUnitId: string;
    heldOn: IsoDate;
    /** Looked up by the handler: ≥ 1, distinct by personId. */
    members: CouncilMember[];
    /**
     * Looked up by the handler from the dossiers and the rule set: ≥ 1, distinct by
     * dossierId, each currently ELIGIBLE.
     */
    agenda: Array<AgendaItem & { dossierStatus: DossierStatus }>;
    now: IsoInstant;
  };
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
    now: IsoInstant;
  };
}

export interface CloseCouncilSession {
  type: 'CloseCouncilSession';
  data: {
    sessionId: string;
    now: IsoInstant;
  };
}

export type CouncilSessionCommand = ConveneCouncilSession | CastBallot | CloseCouncilSession;

// ---------------------------------------------------------------------------
// Evolve
// ---------------------------------------------------------------------------

function initialCouncilSessionState(): CouncilSessionState {
  return { status: 'NONE' };
}

function evolveCouncilSession(state: CouncilSessionState, event: CouncilSessionEvent): CouncilSessionState {
  switch (event.type) {
    case 'CouncilSessionConvened': {
      const { sessionId, councilUnitId, heldOn, members, agenda } = event.data;
      return {
        status: 'OPEN',
        sessionId,
        councilUnitId,
        heldOn,
        members,
        agenda,
        ballots: {},
        voters: [],
        closedAt: null,
      };
    }
    case 'BallotCast': {
      if (state.status === 'NONE') return state;
      const { dossierId, memberId, choice } = event.data;
      const forDossier = Object.hasOwn(state.ballots, dossierId) ? state.ballots[dossierId] : {};
      return {
        ...state,
        ballots: { ...state.ballots, [dossierId]: { ...forDossier, [memberId]: choice } },
        voters: state.voters.includes(memberId) ? state.voters : [...state.voters, memberId],
      };
    }
    case 'CouncilSessionClosed':
      if (state.status === 'NONE') return state;
      return { ...state, status: 'CLOSED', closedAt: event.data.closedAt };
    default:
      return assertNever(event, 'council session event');
  }
}

// ---------------------------------------------------------------------------
// Decide
// ---------------------------------------------------------------------------

function decideCouncilSession(command: CouncilSessionCommand, state: CouncilSessionState): CouncilSessionEvent[] {
  switch (command.type) {
    case 'ConveneCouncilSession':
      return convene(command.data, state);
    case 'CastBallot':
      return castBallot(command.data, state);
    case 'CloseCouncilSession':
      return close(command.data, state);
    default:
      return assertNever(command, 'council session command');
  }
}

function convene(data: ConveneCouncilSession['data'], state: CouncilSessionState): CouncilSessionConvened[] {
  if (state.status !== 'NONE') {
    throw new RuleViolation('ALREADY_EXISTS', `council session ${state.sessionId} already exists`, {
      sessionId: state.sessionId,
    });
  }
  requireIsoDate(data.heldOn, 'heldOn');
  if (data.members.length === 0) throw new InvalidInput('a council session needs at least one member', 'memberIds');
  const memberIds = new Set<string>();
  for (const member of data.members) {
    if (memberIds.has(member.personId))
      throw new InvalidInput(`member ${member.personId} is listed more than once`, 'memberIds');
    memberIds.add(member.personId);
  }
  requireValidAgenda(data.agenda);
  return [
    {
      type: 'CouncilSessionConvened',
      data: {
        sessionId: data.sessionId,
        councilUnitId: data.councilUnitId,
        heldOn: data.heldOn,
        members: data.members.map((m) => ({ personId: m.personId, name: m.name, unitId: m.unitId })),
        agenda: data.agenda.map((i) => ({
          dossierId: i.dossierId,
          award: i.award,
          nominee: { kind: i.nominee.kind, id: i.nominee.id, name: i.nominee.name },
          nomineeUnitId: i.nomineeUnitId,
          thresholdShare: i.thresholdShare,
          thresholdInclusive: i.thresholdInclusive,
        })),
        convenedAt: data.now,
      },
    },
  ];
}

/** At least one dossier, none twice, each threshold a share, every dossier ELIGIBLE. */
function requireValidAgenda(agenda: ConveneCouncilSession['data']['agenda']): void {
  if (agenda.length === 0)
    throw new InvalidInput('a council session needs at least one dossier on its agenda', 'dossierIds');
  const dossierIds = new Set<string>();
  agenda.forEach((item, i) => {
    if (dossierIds.has(item.dossierId))
      throw new InvalidInput(`dossier ${item.dossierId} is on the agenda more than once`, 'dossierIds');
    dossierIds.add(item.dossierId);
    if (!Number.isFinite(item.thresholdShare) || item.thresholdShare < 0 || item.thresholdShare > 1) {
      throw new InvalidInput(
        `threshold share ${item.thresholdShare} of dossier ${item.dossierId} is not between 0 and 1`,
        `agenda[${i}].thresholdShare`,
      );
    }
  });
  const notEligible = agenda.filter((item) => item.dossierStatus !== DossierStatus.ELIGIBLE);
  if (notEligible.length > 0) {
    throw new RuleViolation(
      'DOSSIER_NOT_ELIGIBLE',
      `only ELIGIBLE dossiers can be put to the council: ${notEligible.map((i) => `${i.dossierId} is ${i.dossierStatus}`).join(', ')}`,
      {
        dossierId: notEligible[0].dossierId,
        status: notEligible[0].dossierStatus,
        dossiers: notEligible.map((i) => ({ dossierId: i.dossierId, status: i.dossierStatus })),
      },
    );
  }
}

function openSession(state: CouncilSessionState, sessionId: string): ConvenedSession & { status: 'OPEN' } {
  if (state.status === 'NONE') throw new NotFound('CouncilSession', sessionId);
  if (state.status === 'CLOSED') {
    throw new RuleViolation('SESSION_CLOSED', `council session ${state.sessionId} is closed`, {
      sessionId: state.sessionId,
      closedAt: state.closedAt,
    });
  }
  return state as ConvenedSession & { status: 'OPEN' };
}

function castBallot(data: CastBallot['data'], state: CouncilSessionState): BallotCast[] {
  const session = openSession(state, data.sessionId);
  if (!Object.values(BallotChoice).includes(data.choice))
    throw new InvalidInput(`unknown ballot choice ${String(data.choice)}`, 'choice');
  const item = session.agenda.find((i) => i.dossierId === data.dossierId);
  if (!item) {
    throw new RuleViolation(
      'NOT_ON_AGENDA',
      `dossier ${data.dossierId} is not on the agenda of session ${session.sessionId}`,
      {
        sessionId: session.sessionId,
        dossierId: data.dossierId,
      },
    );
  }
  const member = session.members.find((m) => m.personId === data.memberId);
  if (!member) {
    throw new RuleViolation('NOT_A_MEMBER', `${data.memberId} is not a member of session ${session.sessionId}`, {
      sessionId: session.sessionId,
      memberId: data.memberId,
    });
  }
  if (!data.writtenBallot && data.castBy !== data.memberId) {
    throw new RuleViolation(
      'NOT_OWN_BALLOT',
      `${data.castBy} may only record the written ballot of member ${data.memberId}, not cast it in person`,
      {
        memberId: data.memberId,
        castBy: data.castBy,
      },
    );
  }
  requireNoConflictOfInterest(member, item);
  requireFirstBallot(session, member, item);
  return [
    {
      type: 'BallotCast',
      data: {
        sessionId: session.sessionId,
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

/** One ballot per member and dossier. */
function requireFirstBallot(session: ConvenedSession, member: CouncilMember, item: AgendaItem): void {
  const forDossier = Object.hasOwn(session.ballots, item.dossierId) ? session.ballots[item.dossierId] : {};
  if (Object.hasOwn(forDossier, member.personId)) {
    // The earlier choice is secret: never put it in the error.
    throw new RuleViolation('ALREADY_VOTED', `${member.name} has already voted on dossier ${item.dossierId}`, {
      dossierId: item.dossierId,
      memberId: member.personId,
    });
  }
}

function close(data: CloseCouncilSession['data'], state: CouncilSessionState): CouncilSessionClosed[] {
  const session = openSession(state, data.sessionId);
  const members = session.members.length;
  const cast = session.voters.length;
  const needed = quorumNeeded(members);
  if (cast < needed) {
    throw new RuleViolation(
      'COUNCIL_QUORUM',
      `only ${cast} of ${members} members have voted; at least ${needed} (2/3) are needed to close the session`,
      {
        cast,
        members,
        needed,
      },
    );
  }
  return [
    {
      type: 'CouncilSessionClosed',
      data: {
        sessionId: session.sessionId,
        councilUnitId: session.councilUnitId,
        closedAt: data.now,
        members,
        membersVoted: cast,
        tallies: session.agenda.map((item) => ({
          dossierId: item.dossierId,
          tally: tallyBallots(
            Object.hasOwn(session.ballots, item.dossierId) ? Object.values(session.ballots[item.dossierId]) : [],
            members,
            item.thresholdShare,
            item.thresholdInclusive,
          ),
        })),
      },
    },
  ];
}

export const councilSessionDecider: Decider<CouncilSessionCommand, CouncilSessionEvent, CouncilSessionState> = {
  streamType: COUNCIL_SESSION_STREAM_TYPE,
  initialState: initialCouncilSessionState,
  evolve: evolveCouncilSession,
  decide: decideCouncilSession,
};
