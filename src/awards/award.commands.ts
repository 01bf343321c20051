import { AWARDS_PROJECTION } from '../../projections/awards/awards.projection';
import { countHeldAwards, getDecision } from '../../projections/awards/awards.queries';
import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { CommandTransaction } from '../commands/commandTransaction';
import { awaitFreshReadModels } from '../commands/freshFacts';
import { txLoader } from '../commands/stateLoader';
import { councilSessionDecider } from '../councilSessions/councilSession.decider';
import { dossierDecider, type RecordAwardGranted, type SubmittedDossier } from '../dossiers/dossier.decider';
import { requireMayYieldAward } from '../dossiers/dossier.rules';
import { grantableWithoutCouncil } from '../dossiers/suddenAward.rules';
import { lookUpSubject } from '../people/subject.lookup';
import type { Services } from '../services';
import { DossierStatus, type AuthorityLevel } from '../shared/domain';
import { newId } from '../shared/ids';
import { unitDecider } from '../units/unit.decider';
import { awardDecider, type AwardDossierFacts, type GrantAward } from './award.decider';
import type { AwardGranted } from './award.events';
import type { GrantAwardInput, RevokeAwardArgs } from './award.inputs';

/**
 * Issues the award decision on the dossier: DossierGranted, whose expected version makes
 * "one award per dossier" hold even when two grants race, carries the award as the award's
 * rules decided it; the award stream is created from it by a process manager
 * (`awardIssuance`). Same-kind awards and the decision's date and signer come from the
 * awards read model, once it has caught up with the log. Answers with the award's id.
 */
export function grantAward(
  services: Services,
  context: CommandContext,
  input: GrantAwardInput,
): Promise<CommandResult> {
  const awardId = newId(input.id);
  return services.commands.execute(
    context,
    'grantAward',
    input,
    async (tx) => {
      const dossier = await tx.loadExisting(dossierDecider, input.dossierId, 'Dossier');
      // The dossier's own refusal (already granted, not approved) first: it names the reason best.
      requireMayYieldAward(dossier.state);
      const grant = await grantCommand(services, tx, input, awardId, dossier.state);
      const award = await tx.load(awardDecider, awardId);
      const [granted] = awardDecider.decide(grant, award.state);
      const recordOnDossier = awardOnDossier(input, awardId, granted.data as AwardGranted['data'], tx.nowIso);
      tx.decide(dossierDecider, dossier, recordOnDossier, { ruleSetId: dossier.state.ruleSetId, resultId: awardId });
    },
    { retryOnConflict: true },
  );
}

/** The dossier's record of the award granted on it. */
function awardOnDossier(
  input: GrantAwardInput,
  awardId: string,
  grantedAward: AwardGranted['data'],
  now: string,
): RecordAwardGranted {
  return {
    type: 'RecordAwardGranted',
    data: {
      dossierId: input.dossierId,
      awardId,
      decisionNumber: input.decisionNumber,
      decidedOn: input.decidedOn,
      grantedAward,
      now,
    },
  };
}

/** The level of the council whose session approved the dossier; null where no council voted on it. */
async function approvingCouncilLevel(
  tx: CommandTransaction,
  dossier: SubmittedDossier,
): Promise<AuthorityLevel | null> {
  if (dossier.status !== DossierStatus.APPROVED || dossier.sessionId === null) return null;
  const session = (await tx.load(councilSessionDecider, dossier.sessionId)).state;
  if (session.status === 'NONE') return null;
  return (await tx.loadExisting(unitDecider, session.councilUnitId, 'Unit')).state.level;
}

/** The dossier as the award's rules read it, with the level of the council that approved it. */
export async function awardDossierFacts(tx: CommandTransaction, dossier: SubmittedDossier): Promise<AwardDossierFacts> {
  return {
    dossierId: dossier.dossierId,
    status: dossier.status,
    nominee: dossier.nominee,
    nomineeUnitId: dossier.nomineeUnitId,
    award: dossier.award,
    period: dossier.period,
    movementId: dossier.movementId,
    thematic: dossier.movementThematic,
    grantableWithoutCouncil: grantableWithoutCouncil(dossier),
    approvedAtLevel: await approvingCouncilLevel(tx, dossier),
  };
}

/**
 * The grant with the facts the award decider checks: the issuing unit (which must
 * exist), the nominee's record, and from the awards read model the same-kind awards
 * held and what is known of the decision.
 */
async function grantCommand(
  services: Services,
  tx: CommandTransaction,
  input: GrantAwardInput,
  awardId: string,
  dossier: SubmittedDossier,
): Promise<GrantAward> {
  const issuer = (await tx.loadExisting(unitDecider, input.issuedByUnitId, 'Unit')).state;
  const subject = await lookUpSubject(txLoader(tx), dossier.nominee);
  await awaitFreshReadModels(services, [AWARDS_PROJECTION]);
  const [heldSameKindSamePeriod, decisionFacts] = await Promise.all([
    countHeldAwards(services.pool, dossier.nominee, dossier.award, dossier.period),
    getDecision(services.pool, input.decisionNumber, input.issuedByUnitId),
  ]);
  return {
    type: 'GrantAward',
    data: {
      awardId,
      dossier: await awardDossierFacts(tx, dossier),
      subjectFacts: { directWorker: subject.directWorker, female: subject.female },
      issuingUnit: { id: input.issuedByUnitId, level: issuer.level },
      decisionNumber: input.decisionNumber,
      decidedOn: input.decidedOn,
      signerName: input.signerName,
      facts: { heldSameKindSamePeriod },
      decisionFacts,
      now: tx.nowIso,
    },
  };
}

export function revokeAward(
  services: Services,
  context: CommandContext,
  args: RevokeAwardArgs,
): Promise<CommandResult> {
  return services.commands.on(awardDecider, args.awardId).decide(context, 'revokeAward', args, (tx) => ({
    type: 'RevokeAward',
    data: {
      awardId: args.awardId,
      reason: args.reason,
      decisionNumber: args.decisionNumber,
      complaintId: null,
      now: tx.nowIso,
    },
  }));
}
