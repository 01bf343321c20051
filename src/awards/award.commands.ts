import { awaitFreshReadModels } from '../commands/freshFacts';
import { AWARDS_PROJECTION } from '../../projections/awards/awards.projection';
import { countHeldAwards, getDecision } from '../../projections/awards/awards.queries';
import type { CommandContext, CommandResult } from '../commands/commandHandler';
import { txLoader } from '../commands/stateLoader';
import { dossierDecider, type RecordAwardGranted } from '../dossiers/dossier.decider';
import { lookUpSubject } from '../people/subject.lookup';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { NotFound } from '../shared/errors';
import { unitDecider } from '../units/unit.decider';
import { awardDecider } from './award.decider';
import type { GrantAwardInput, RevokeAwardArgs } from './award.inputs';

/**
 * Issues the award decision: AwardGranted on award-<id> and, in the same append,
 * DossierGranted on the dossier, whose expected version makes "one award per dossier"
 * hold even when two grants race. Same-kind awards and the decision's date and signer
 * come from the awards read model, once it has caught up with the log.
 */
export async function grantAward(
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
      const d = dossier.state;
      if (d.status === 'NONE') throw new NotFound('Dossier', input.dossierId);
      const recordOnDossier: RecordAwardGranted = {
        type: 'RecordAwardGranted',
        data: {
          dossierId: input.dossierId,
          awardId,
          decisionNumber: input.decisionNumber,
          decidedOn: input.decidedOn,
          now: tx.nowIso,
        },
      };
      // The dossier's own refusal (already granted, not approved) first: it names the reason best.
      dossierDecider.decide(recordOnDossier, d);
      const issuer = (await tx.load(unitDecider, input.issuedByUnitId)).state;
      if (issuer.status === 'NONE') throw new NotFound('Unit', input.issuedByUnitId);
      const subject = await lookUpSubject(txLoader(tx), d.nominee);
      await awaitFreshReadModels(services, [AWARDS_PROJECTION]);
      const [heldSameKindSamePeriod, decisionFacts] = await Promise.all([
        countHeldAwards(services.pool, d.nominee, d.award, d.period),
        getDecision(services.pool, input.decisionNumber, input.issuedByUnitId),
      ]);
      const award = await tx.load(awardDecider, awardId);
      tx.decide(
        awardDecider,
        award,
        {
          type: 'GrantAward',
          data: {
            awardId,
            dossier: {
              dossierId: d.dossierId,
              status: d.status,
              nominee: d.nominee,
              nomineeUnitId: d.nomineeUnitId,
              award: d.award,
              period: d.period,
              movementId: d.movementId,
              thematic: d.movementThematic,
            },
            subjectFacts: { directWorker: subject.directWorker, female: subject.female },
            issuingUnit: { id: input.issuedByUnitId, level: issuer.level },
            decisionNumber: input.decisionNumber,
            decidedOn: input.decidedOn,
            signerName: input.signerName,
            facts: { heldSameKindSamePeriod },
            decisionFacts,
            now: tx.nowIso,
          },
        },
        { ruleSetId: d.ruleSetId },
      );
      tx.decide(dossierDecider, dossier, recordOnDossier, { ruleSetId: d.ruleSetId });
    },
    { retryOnConflict: true },
  );
}

export async function revokeAward(
  services: Services,
  context: CommandContext,
  args: RevokeAwardArgs,
): Promise<CommandResult> {
  return services.commands.execute(context, 'revokeAward', args, async (tx) => {
    const award = await tx.load(awardDecider, args.awardId);
    tx.decide(awardDecider, award, {
      type: 'RevokeAward',
      data: {
        awardId: args.awardId,
        reason: args.reason,
        decisionNumber: args.decisionNumber,
        complaintId: null,
        now: tx.nowIso,
      },
    });
  });
}
