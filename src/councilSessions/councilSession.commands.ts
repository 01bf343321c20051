import { PUBLICATIONS_PROJECTION } from '../../projections/publications/publications.projection';
import { firstPublishedOnOfDossiers } from '../../projections/publications/publications.queries';
import { readSessionBallots } from '../ballots/sessionBallots';
import { awaitFreshReadModels } from '../commands/freshFacts';
import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Loaded } from '../commands/commandTransaction';
import { storeLoader, type StateLoader } from '../commands/stateLoader';
import { dossierDecider, type SubmittedDossier } from '../dossiers/dossier.decider';
import { personDecider } from '../people/person.decider';
import { approvalThresholdFor, publicationRequiredFor, ruleSetById } from '../rules/ruleSets';
import type { Services } from '../services';
import { DossierStatus, type IsoDate } from '../shared/domain';
import { newId } from '../shared/ids';
import { unitDecider } from '../units/unit.decider';
import {
  councilSessionDecider,
  type BallotToCount,
  type CloseCouncilSession,
  type ConveneCouncilSession,
  type CouncilSessionState,
} from './councilSession.decider';
import type { CouncilMember } from './councilSession.events';
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
    await awaitFreshReadModels(services, [PUBLICATIONS_PROJECTION]);
    const publishedFrom = await firstPublishedOnOfDossiers(services.pool, input.dossierIds);
    const agenda: ConveneCouncilSession['data']['agenda'] = [];
    for (const dossierId of input.dossierIds) {
      const dossier = (await tx.loadExisting(dossierDecider, dossierId, 'Dossier')).state;
      agenda.push(agendaItemOf(dossierId, dossier, publishedFrom.get(dossierId) ?? null));
    }
    return {
      type: 'ConveneCouncilSession',
      data: { sessionId, councilUnitId: input.councilUnitId, heldOn: input.heldOn, members, agenda, now: tx.nowIso },
    };
  });
}

/**
 * A dossier on the agenda, with the threshold of the rule set it was appraised under, over
 * all members, and the publication that rule set requires of its award (first published on `publishedFrom`).
 */
export function agendaItemOf(
  dossierId: string,
  dossier: SubmittedDossier,
  publishedFrom: IsoDate | null = null,
): ConveneCouncilSession['data']['agenda'][number] {
  const ruleSet = ruleSetById(dossier.ruleSetId);
  const threshold = approvalThresholdFor(ruleSet, dossier.award);
  const rule = publicationRequiredFor(ruleSet, dossier.award) ? ruleSet.publicationBeforeCouncil : null;
  return {
    dossierId,
    award: dossier.award,
    nominee: { kind: dossier.nominee.kind, id: dossier.nominee.id, name: dossier.nominee.name },
    nomineeUnitId: dossier.nomineeUnitId,
    thresholdShare: threshold.share,
    thresholdInclusive: threshold.inclusive,
    dossierStatus: dossier.status,
    publication: {
      requiredWorkingDays: rule?.workingDays ?? null,
      source: rule?.source ?? null,
      publishedFrom,
    },
  };
}

/**
 * Closes the session with every agenda dossier's tally. The ballots are read from their
 * streams first and counted as facts; a ballot that commits after that read is stored but
 * not counted (CouncilSessionClosed lists the ones counted). Each dossier still ELIGIBLE
 * is resolved with its tally as the close's consequence (process manager
 * `council_resolutions`); the answer's position, passed to projectionsCaughtUp, covers
 * those resolutions too.
 */
export function closeCouncilSession(
  services: Services,
  context: CommandContext,
  args: CloseCouncilSessionArgs,
): Promise<CommandResult> {
  return services.commands.on(councilSessionDecider, args.sessionId).decide(
    context,
    'closeCouncilSession',
    args,
    async (tx, session) => {
      const load = storeLoader(services.store);
      const ballots = await readSessionBallots(load, session.state);
      return closeWith(session, ballots, tx.nowIso, await withdrawnAgendaDossiers(load, session.state));
    },
    { retryOnConflict: true },
  );
}

/** The close of a session on the ballots found in its ballot streams. */
export function closeWith(
  session: Loaded<CouncilSessionState>,
  ballots: BallotToCount[],
  now: string,
  withdrawnDossierIds: string[] = [],
): CloseCouncilSession {
  return { type: 'CloseCouncilSession', data: { sessionId: session.id, ballots, withdrawnDossierIds, now } };
}

/** The open session's agenda dossiers that have been withdrawn: they need no quorum. */
async function withdrawnAgendaDossiers(load: StateLoader, session: CouncilSessionState): Promise<string[]> {
  if (session.status !== 'OPEN') return [];
  const withdrawn: string[] = [];
  for (const item of session.agenda) {
    const dossier = await load(dossierDecider, item.dossierId);
    if (dossier.status === DossierStatus.WITHDRAWN) withdrawn.push(item.dossierId);
  }
  return withdrawn;
}
