import type { CommandContext, CommandResult } from '../commands/commandHandler';
import { dossierDecider, type SubmittedDossier } from '../dossiers/dossier.decider';
import { personDecider } from '../people/person.decider';
import { approvalThresholdFor, ruleSetById } from '../rules/ruleSets';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { unitDecider } from '../units/unit.decider';
import { councilSessionDecider, type ConveneCouncilSession } from './councilSession.decider';
import type { CouncilMember } from './councilSession.events';
import type { CastBallotInput, CloseCouncilSessionArgs, ConveneCouncilSessionInput } from './councilSession.inputs';

export function conveneCouncilSession(
  services: Services,
  context: CommandContext,
  input: ConveneCouncilSessionInput,
): Promise<CommandResult> {
  const sessionId = newId(input.id);
  const session = services.commands.on(councilSessionDecider, sessionId);
  return session.decide(context, 'conveneCouncilSession', input, async (tx) => {
    await tx.loadExisting(unitDecider, input.councilUnitId, 'Unit');
    const members: CouncilMember[] = [];
    for (const memberId of input.memberIds) {
      const person = (await tx.loadExisting(personDecider, memberId, 'Person')).state;
      members.push({ personId: memberId, name: person.fullName, unitId: person.unitId });
    }
    const agenda: ConveneCouncilSession['data']['agenda'] = [];
    for (const dossierId of input.dossierIds) {
      const dossier = (await tx.loadExisting(dossierDecider, dossierId, 'Dossier')).state;
      agenda.push(agendaItemOf(dossierId, dossier));
    }
    return {
      type: 'ConveneCouncilSession',
      data: { sessionId, councilUnitId: input.councilUnitId, heldOn: input.heldOn, members, agenda, now: tx.nowIso },
    };
  });
}

/** A dossier on the agenda, with the threshold of the rule set it was appraised under, over all members. */
export function agendaItemOf(
  dossierId: string,
  dossier: SubmittedDossier,
): ConveneCouncilSession['data']['agenda'][number] {
  const threshold = approvalThresholdFor(ruleSetById(dossier.ruleSetId), dossier.award);
  return {
    dossierId,
    award: dossier.award,
    nominee: { kind: dossier.nominee.kind, id: dossier.nominee.id, name: dossier.nominee.name },
    nomineeUnitId: dossier.nomineeUnitId,
    thresholdShare: threshold.share,
    thresholdInclusive: threshold.inclusive,
    dossierStatus: dossier.status,
  };
}

/**
 * A member votes in person when the caller is that member; a ballot recorded by anyone
 * else is that member's written ballot (the access policy says who may record one).
 * Concurrent ballots on one session retry on the version conflict.
 */
export function castBallot(
  services: Services,
  context: CommandContext,
  input: CastBallotInput,
): Promise<CommandResult> {
  return services.commands.on(councilSessionDecider, input.sessionId).decide(
    context,
    'castBallot',
    input,
    (tx) => {
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
          now: tx.nowIso,
        },
      };
    },
    { retryOnConflict: true, maxRetries: 20 },
  );
}

/**
 * Closes the session (quorum checked by the decider) with every agenda dossier's tally.
 * Each dossier still ELIGIBLE is resolved with its tally as the close's consequence
 * (process manager `council_resolutions`); the answer's position, passed to
 * projectionsCaughtUp, covers those resolutions too.
 */
export function closeCouncilSession(
  services: Services,
  context: CommandContext,
  args: CloseCouncilSessionArgs,
): Promise<CommandResult> {
  return services.commands
    .on(councilSessionDecider, args.sessionId)
    .decide(
      context,
      'closeCouncilSession',
      args,
      (tx) => ({ type: 'CloseCouncilSession', data: { sessionId: args.sessionId, now: tx.nowIso } }),
      { retryOnConflict: true },
    );
}
