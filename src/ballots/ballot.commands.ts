import type { CommandContext, CommandResult } from '../commands/commandHandler';
import { councilSessionDecider } from '../councilSessions/councilSession.decider';
import type { Services } from '../services';
import { ballotDecider, ballotStreamKey } from './ballot.decider';
import { ballotSessionFactsOf } from './ballot.facts';
import type { CastBallotInput } from './ballot.inputs';

/**
 * A member votes in person when the caller is that member; a ballot recorded by anyone
 * else is that member's written ballot (the access policy says who may record one).
 * The ballot goes to its own new stream, the session is only read: ballots of different
 * members never conflict. Two ballots of one member on one dossier race for the same new
 * stream; the loser retries once, finds the ballot and is refused ALREADY_VOTED.
 */
export async function castBallot(
  services: Services,
  context: CommandContext,
  input: CastBallotInput,
): Promise<CommandResult> {
  const key = ballotStreamKey(input.sessionId, input.dossierId, input.memberId);
  return services.commands.on(ballotDecider, key).decide(
    context,
    'castBallot',
    input,
    async (tx) => {
      const session = (await tx.load(councilSessionDecider, input.sessionId)).state;
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
    },
    { retryOnConflict: true, maxRetries: 1 },
  );
}
