/** What a ballot's command reads from its council session: the facts the ballot decider judges. */
import type { CouncilSessionState } from '../councilSessions/councilSession.decider';
import type { BallotSessionFacts } from './ballot.decider';

/** The session's state for a ballot of `memberId` on `dossierId`; null when there is no such session. */
export function ballotSessionFactsOf(
  session: CouncilSessionState,
  dossierId: string,
  memberId: string,
): BallotSessionFacts | null {
  if (session.status === 'NONE') return null;
  return {
    status: session.status,
    closedAt: session.closedAt,
    item: session.agenda.find((i) => i.dossierId === dossierId) ?? null,
    member: session.members.find((m) => m.personId === memberId) ?? null,
  };
}
