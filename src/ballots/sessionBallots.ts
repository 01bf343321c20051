/**
 * What closing a council session reads: the ballot stream of every (agenda dossier,
 * member) pair, the ballots found becoming the facts the close counts.
 */
import pLimit from 'p-limit';
import type { StateLoader } from '../commands/stateLoader';
import type { BallotToCount, CouncilSessionState } from '../councilSessions/councilSession.decider';
import { conflictOfInterest } from '../councilSessions/councilSession.rules';
import { streamIdOf } from '../shared/decider';
import { BALLOT_STREAM_TYPE, ballotDecider, ballotStreamKey, type BallotState } from './ballot.decider';

/** Ballot streams read at once while a session closes. */
const BALLOT_READS_AT_ONCE = 16;

/** A (dossier, member) pair of a session that may hold a ballot, and the stream it would be on. */
export interface BallotSlot {
  dossierId: string;
  memberId: string;
  /** The ballot's id (`ballotStreamKey`). */
  key: string;
}

/**
 * The pairs an open session's ballots may be on, in agenda and member order: none for a
 * session that is not open, and none where a conflict of interest bars the member.
 */
export function ballotSlotsOf(session: CouncilSessionState): BallotSlot[] {
  if (session.status !== 'OPEN') return [];
  return session.agenda.flatMap((item) =>
    session.members
      .filter((member) => conflictOfInterest(member, item) === null)
      .map((member) => ({
        dossierId: item.dossierId,
        memberId: member.personId,
        key: ballotStreamKey(session.sessionId, item.dossierId, member.personId),
      })),
  );
}

/** The ballot a slot holds, as the close counts it; null while no ballot is cast there. */
export function ballotToCount(slot: BallotSlot, ballot: BallotState): BallotToCount | null {
  if (ballot.status === 'NONE') return null;
  return {
    dossierId: slot.dossierId,
    memberId: slot.memberId,
    ballotStreamId: streamIdOf(BALLOT_STREAM_TYPE, slot.key),
    choice: ballot.choice,
  };
}

/** Reads every ballot stream of an open session, a bounded number at once; the ballots found, in slot order. */
export async function readSessionBallots(load: StateLoader, session: CouncilSessionState): Promise<BallotToCount[]> {
  const limit = pLimit(BALLOT_READS_AT_ONCE);
  const slots = ballotSlotsOf(session);
  const found = await Promise.all(
    slots.map((slot) => limit(async () => ballotToCount(slot, await load(ballotDecider, slot.key)))),
  );
  return found.filter((ballot): ballot is BallotToCount => ballot !== null);
}
