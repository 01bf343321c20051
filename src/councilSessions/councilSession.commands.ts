import { readSessionBallots } from '../ballots/sessionBallots';
import type { CommandContext, CommandResult, CommandTransaction, Loaded } from '../commands/commandHandler';
import { storeLoader } from '../commands/stateLoader';
import { dossierDecider, type SubmittedDossier } from '../dossiers/dossier.decider';
import { personDecider } from '../people/person.decider';
import { approvalThresholdFor, ruleSetById } from '../rules/ruleSets';
import type { Services } from '../services';
import { DossierStatus } from '../shared/domain';
import { newId } from '../shared/ids';
import { unitDecider } from '../units/unit.decider';
import {
  councilSessionDecider,
  type BallotToCount,
  type ConveneCouncilSession,
  type CouncilSessionState,
} from './councilSession.decider';
import type { CouncilMember, CouncilSessionClosed } from './councilSession.events';
import type { CloseCouncilSessionArgs, ConveneCouncilSessionInput } from './councilSession.inputs';

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
 * Closes the session and, in the same command, resolves every agenda dossier with its
 * tally: one atomic append across the session and dossier streams, whose position covers
 * them all. The ballots are read from their streams first and counted as facts; a ballot
 * that commits after that read is stored but not counted (CouncilSessionClosed lists the
 * ones counted). A dossier that has left the council's hands since it was put on the
 * agenda (withdrawn, or resolved by another session) keeps its state: its tally stays on
 * record in CouncilSessionClosed only.
 */
export function closeCouncilSession(
  services: Services,
  context: CommandContext,
  args: CloseCouncilSessionArgs,
): Promise<CommandResult> {
  return services.commands.execute(
    context,
    'closeCouncilSession',
    args,
    async (tx) => {
      const session = await tx.load(councilSessionDecider, args.sessionId);
      const ballots = await readSessionBallots(storeLoader(services.store), session.state);
      await closeAndResolve(tx, session, ballots);
    },
    { retryOnConflict: true },
  );
}

/** Decides the close on the ballots found, then resolves each agenda dossier still ELIGIBLE with its tally. */
export async function closeAndResolve(
  tx: CommandTransaction,
  session: Loaded<CouncilSessionState>,
  ballots: BallotToCount[],
): Promise<void> {
  const events = tx.decide(councilSessionDecider, session, {
    type: 'CloseCouncilSession',
    data: { sessionId: session.id, ballots, now: tx.nowIso },
  });
  const closed = events.find((e): e is CouncilSessionClosed => e.type === 'CouncilSessionClosed');
  if (!closed) throw new Error('closing the session decided no CouncilSessionClosed');
  for (const { dossierId, tally } of closed.data.tallies) {
    const dossier = await tx.loadExisting(dossierDecider, dossierId, 'Dossier');
    if (dossier.state.status !== DossierStatus.ELIGIBLE) continue;
    tx.decide(
      dossierDecider,
      dossier,
      { type: 'ResolveDossier', data: { dossierId, sessionId: session.id, tally, now: tx.nowIso } },
      { ruleSetId: dossier.state.ruleSetId },
    );
  }
}
