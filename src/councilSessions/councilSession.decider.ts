import { assertNever, type Decider } from '../shared/decider';
import { DossierStatus, type BallotChoice, type IsoDate, type IsoInstant } from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { requireIsoDate } from '../shared/validation';
import type {
  AgendaItem,
  CouncilMember,
  CouncilSessionClosed,
  CouncilSessionConvened,
  CouncilSessionEvent,
  CountedBallot,
} from './councilSession.events';
import { membersVotingOn, quorumNeeded, tallyBallots } from './councilSession.rules';
import { requirePublishedInTime, type AgendaPublication } from './councilSession.publication';

export { conflictOfInterest, membersVotingOn, quorumNeeded, tallyBallots } from './councilSession.rules';

export const COUNCIL_SESSION_STREAM_TYPE = 'council_session';

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
     * Looked up by the handler from the dossiers, the rule set and the publications read
     * model: ≥ 1, distinct by dossierId, each currently ELIGIBLE and, where the rule set
     * requires it, published long enough before `heldOn`.
     */
    agenda: Array<AgendaItem & { dossierStatus: DossierStatus; publication: AgendaPublication }>;
    now: IsoInstant;
  };
}

/** A ballot the close found on its stream: the fact the tally counts. */
export interface BallotToCount extends CountedBallot {
  choice: BallotChoice;
}

export interface CloseCouncilSession {
  type: 'CloseCouncilSession';
  data: {
    sessionId: string;
    /**
     * Looked up by the handler: the ballot of each (agenda dossier, member) pair that has
     * one, read from the ballot streams before the close is appended.
     */
    ballots: BallotToCount[];
    /** Looked up by the handler: agenda dossiers withdrawn since the session convened, decided no more. */
    withdrawnDossierIds: string[];
    now: IsoInstant;
  };
}

export type CouncilSessionCommand = ConveneCouncilSession | CloseCouncilSession;

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
        closedAt: null,
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
  requirePublishedInTime(data.agenda, data.heldOn);
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

function close(data: CloseCouncilSession['data'], state: CouncilSessionState): CouncilSessionClosed[] {
  const session = openSession(state, data.sessionId);
  const counted = ballotsInOrder(session, data.ballots);
  const members = session.members.length;
  const counts = session.agenda.map((item) => dossierCount(session, item, counted));
  requireQuorumOnEveryDossier(counts.filter(({ item }) => !data.withdrawnDossierIds.includes(item.dossierId)));
  return [
    {
      type: 'CouncilSessionClosed',
      data: {
        sessionId: session.sessionId,
        councilUnitId: session.councilUnitId,
        closedAt: data.now,
        members,
        membersVoted: new Set(counted.map((b) => b.memberId)).size,
        tallies: counts.map(({ item, choices, voters, barred }) => ({
          dossierId: item.dossierId,
          tally: tallyBallots(choices, voters, item.thresholdShare, item.thresholdInclusive, barred),
        })),
        countedBallots: counted.map((b) => ({
          dossierId: b.dossierId,
          memberId: b.memberId,
          ballotStreamId: b.ballotStreamId,
        })),
      },
    },
  ];
}

/** One agenda dossier's ballots, the members who may vote on it and those barred from it. */
interface DossierCount {
  item: AgendaItem;
  choices: BallotChoice[];
  voters: number;
  barred: number;
}

function dossierCount(session: ConvenedSession, item: AgendaItem, counted: readonly BallotToCount[]): DossierCount {
  const voters = membersVotingOn(session.members, item).length;
  return {
    item,
    choices: counted.filter((b) => b.dossierId === item.dossierId).map((b) => b.choice),
    voters,
    barred: session.members.length - voters,
  };
}

/** Every dossier needs ballots from 2/3 of the members who may vote on it (and at least one such member). */
function requireQuorumOnEveryDossier(counts: readonly DossierCount[]): void {
  const short = counts
    .map((count) => ({ ...count, cast: count.choices.length, needed: Math.max(1, quorumNeeded(count.voters)) }))
    .filter((count) => count.cast < count.needed);
  if (short.length === 0) return;
  const describe = (count: (typeof short)[number]) =>
    `dossier ${count.item.dossierId} (${count.item.nominee.name}, ${count.item.award}) has ${count.cast} of ${count.voters} ballots, ${count.needed} needed` +
    (count.barred > 0 ? ` (${count.barred} member(s) barred from it)` : '');
  const first = short[0];
  throw new RuleViolation(
    'COUNCIL_QUORUM',
    `the session cannot close until every dossier has ballots from 2/3 of the members who may vote on it: ${short.map(describe).join('; ')}`,
    {
      dossierId: first.item.dossierId,
      cast: first.cast,
      members: first.voters,
      barred: first.barred,
      needed: first.needed,
      dossiers: short.map((count) => ({
        dossierId: count.item.dossierId,
        cast: count.cast,
        members: count.voters,
        barred: count.barred,
        needed: count.needed,
      })),
    },
  );
}

/**
 * The ballots found, in agenda order and each dossier's in member order. Each must be of
 * an agenda dossier and a member, at most one per pair: the handler reads one stream per pair.
 */
function ballotsInOrder(session: ConvenedSession, ballots: readonly BallotToCount[]): BallotToCount[] {
  const byPair = new Map<string, BallotToCount>();
  for (const ballot of ballots) {
    const pair = JSON.stringify([ballot.dossierId, ballot.memberId]);
    if (byPair.has(pair))
      throw new InvalidInput(`two ballots of ${ballot.memberId} on dossier ${ballot.dossierId}`, 'ballots');
    byPair.set(pair, ballot);
  }
  const ordered = session.agenda.flatMap((item) =>
    session.members.flatMap((member) => byPair.get(JSON.stringify([item.dossierId, member.personId])) ?? []),
  );
  if (ordered.length !== byPair.size) {
    const stray = ballots.find(
      (b) =>
        !session.agenda.some((i) => i.dossierId === b.dossierId) ||
        !session.members.some((m) => m.personId === b.memberId),
    )!;
    throw new InvalidInput(
      `the ballot of ${stray.memberId} on dossier ${stray.dossierId} is not of an agenda dossier and a member`,
      'ballots',
    );
  }
  return ordered;
}

export const councilSessionDecider: Decider<CouncilSessionCommand, CouncilSessionEvent, CouncilSessionState> = {
  streamType: COUNCIL_SESSION_STREAM_TYPE,
  initialState: initialCouncilSessionState,
  evolve: evolveCouncilSession,
  decide: decideCouncilSession,
};
