import { AWARDS_PROJECTION } from '../../projections/awards/awards.projection';
import { countHeldAwards, getDecision } from '../../projections/awards/awards.queries';
import { awardDossierFacts } from '../awards/award.commands';
import type { AwardDossierFacts } from '../awards/award.decider';
import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { CommandTransaction } from '../commands/commandTransaction';
import { awaitFreshReadModels } from '../commands/freshFacts';
import { txLoader } from '../commands/stateLoader';
import { dossierDecider } from '../dossiers/dossier.decider';
import { lookUpSubject } from '../people/subject.lookup';
import type { Services } from '../services';
import { unitDecider } from '../units/unit.decider';
import {
  decisionDecider,
  decisionStreamKey,
  normalizedNumber,
  type DecisionText,
  type EntryFacts,
} from './decision.decider';
import type { DecisionDocument } from './decision.events';
import type { DecisionKeyArgs, DraftDecisionInput, ReviseDecisionDraftInput } from './decision.inputs';

/** The dossiers a draft names, each read from its stream (each must exist). */
async function dossierFacts(tx: CommandTransaction, dossierIds: readonly string[]): Promise<AwardDossierFacts[]> {
  const facts: AwardDossierFacts[] = [];
  for (const dossierId of dossierIds) {
    facts.push(await awardDossierFacts(tx, (await tx.loadExisting(dossierDecider, dossierId, 'Dossier')).state));
  }
  return facts;
}

async function decisionText(tx: CommandTransaction, input: ReviseDecisionDraftInput): Promise<DecisionText> {
  return {
    decidedOn: input.decidedOn,
    place: input.place.normalize('NFC'),
    signerName: input.signerName.normalize('NFC'),
    signerTitle: input.signerTitle.normalize('NFC'),
    about: input.about.normalize('NFC'),
    legalGrounds: input.legalGrounds.map((ground) => ground.normalize('NFC')),
    dossiers: await dossierFacts(tx, input.dossierIds),
  };
}

/**
 * Drafts a decision on a new stream named by its issuing unit, year and number: a number
 * already used by the unit that year is refused (DECISION_NUMBER_TAKEN). The dossiers'
 * states and the issuing unit's name are read in the command; the amounts follow from the
 * rules in force on the decision date.
 */
export function draftDecision(
  services: Services,
  context: CommandContext,
  input: DraftDecisionInput,
): Promise<CommandResult> {
  const number = normalizedNumber(input.number);
  const decisionId = decisionStreamKey(input.issuedByUnitId, input.year, number);
  return services.commands.on(decisionDecider, decisionId).decide(
    context,
    'draftDecision',
    input,
    async (tx) => {
      const issuer = (await tx.loadExisting(unitDecider, input.issuedByUnitId, 'Unit')).state;
      return {
        type: 'DraftDecision',
        data: {
          ...(await decisionText(tx, input)),
          decisionId,
          issuingUnit: { id: input.issuedByUnitId, name: issuer.name },
          year: input.year,
          number,
          now: tx.nowIso,
        },
      };
    },
    { retryOnConflict: true },
  );
}

/** Rewrites a draft: date, signer, grounds and the dossiers it grants, read again. */
export function reviseDecisionDraft(
  services: Services,
  context: CommandContext,
  input: ReviseDecisionDraftInput,
): Promise<CommandResult> {
  const decisionId = decisionStreamKey(input.issuedByUnitId, input.year, input.number);
  const decision = services.commands.onExisting(decisionDecider, decisionId, 'Decision');
  return decision.decide(context, 'reviseDecisionDraft', input, async (tx) => ({
    type: 'ReviseDecisionDraft',
    data: { ...(await decisionText(tx, input)), decisionId, now: tx.nowIso },
  }));
}

/**
 * Signs the decision: one event on its stream, carrying each entry's award as the award's
 * rules decide it on facts read now (the dossiers' states, the subjects' records, the
 * awards held, and the awards already recorded under this number). The process manager
 * `decisionGrants` records each grant on its dossier.
 */
export function signDecision(
  services: Services,
  context: CommandContext,
  args: DecisionKeyArgs,
): Promise<CommandResult> {
  const decisionId = decisionStreamKey(args.issuedByUnitId, args.year, args.number);
  const decision = services.commands.onExisting(decisionDecider, decisionId, 'Decision');
  return decision.decide(
    context,
    'signDecision',
    args,
    async (tx, { state }) => {
      const issuer = (await tx.loadExisting(unitDecider, state.document.issuedByUnitId, 'Unit')).state;
      await awaitFreshReadModels(services, [AWARDS_PROJECTION]);
      return {
        type: 'SignDecision',
        data: {
          decisionId,
          issuingUnitLevel: issuer.level,
          entries: await signingFacts(services, tx, state.document),
          decisionFacts: await getDecision(
            services.pool,
            state.document.number,
            state.document.issuedByUnitId,
            state.document.year,
          ),
          now: tx.nowIso,
        },
      };
    },
    { retryOnConflict: true },
  );
}

async function signingFacts(
  services: Services,
  tx: CommandTransaction,
  document: DecisionDocument,
): Promise<EntryFacts[]> {
  const dossiers = await dossierFacts(
    tx,
    document.entries.map((entry) => entry.dossierId),
  );
  const facts: EntryFacts[] = [];
  for (const dossier of dossiers) {
    const subject = await lookUpSubject(txLoader(tx), dossier.nominee);
    facts.push({
      dossier,
      subjectFacts: { directWorker: subject.directWorker, female: subject.female },
      heldSameKindSamePeriod: await countHeldAwards(services.pool, dossier.nominee, dossier.award, dossier.period),
    });
  }
  return facts;
}
