import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { CommandDecisions } from '../commands/commandTransaction';
import { councilSessionDecider, type CouncilSessionState } from '../councilSessions/councilSession.decider';
import type { Services } from '../services';
import type { BallotChoice } from '../shared/domain';
import { ballotDecider, ballotStreamKey, type CastBallot } from './ballot.decider';
import { ballotSessionFactsOf } from './ballot.facts';

/** What a ballot names: the session, the agenda dossier, the member and the choice. */
export interface BallotRequest {
  sessionId: string;
  dossierId: string;
  memberId: string;
  choice: BallotChoice;
}

/**
 * A member votes in person when the caller is that member; a ballot recorded by anyone
 * else is that member's written ballot (the access policy says who may record one).
 * The ballot goes to its own new stream and the session is only read, so ballots of
 * different members never conflict. Two ballots of one member on one dossier race for
 * the same new stream: the loser retries once, finds the ballot and is refused ALREADY_VOTED.
 */
export async function castBallot(
  services: Services,
  context: CommandContext,
  input: BallotRequest,
): Promise<CommandResult> {
  const key = ballotStreamKey(input.sessionId, input.dossierId, input.memberId);
  return services.commands
    .onNew(ballotDecider, key)
    .decide(
      context,
      'castBallot',
      input,
      async (tx) => castBallotCommand(tx, input, (await tx.load(councilSessionDecider, input.sessionId)).state),
      { retryOnConflict: true, maxRetries: 1 },
    );
}

/** The CastBallot command of a request, with the facts of its session as `session` reads. */
export function castBallotCommand(
  tx: CommandDecisions,
  input: BallotRequest,
  session: CouncilSessionState,
): CastBallot {
  const castBy = tx.identity.actorId ?? 'anonymous';
  return {
    type: 'CastBallot',
    data: {
      sessionId: input.sessionId,
      dossierId: input.dossierId,
      memberId: input.memberId,
      choice: input.choice,
      castBy,
      writtenBallot: castBy !== input.memberId,
      session: ballotSessionFactsOf(session, input.dossierId, input.memberId),
      now: tx.nowIso,
    },
  };
}
