import type { CommandContext, CommandResult } from '../commands/commandHandler';
import { txLoader } from '../commands/stateLoader';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { movementDecider } from '../movements/movement.decider';
import { lookUpSubject } from '../people/subject.lookup';
import { ruleSetFor } from '../rules/ruleSets';
import { MovementKind } from '../shared/domain';
import { NotFound } from '../shared/errors';
import { unitDecider } from '../units/unit.decider';
import { dossierDecider } from './dossier.decider';
import type {
  AppraiseDossierArgs,
  ResubmitDossierArgs,
  ReturnDossierArgs,
  SubmitDossierInput,
  WithdrawDossierArgs,
} from './dossier.inputs';
import { assembleEligibilityFacts } from './eligibilityFacts';

export async function submitDossier(
  services: Services,
  context: CommandContext,
  input: SubmitDossierInput,
): Promise<CommandResult> {
  const dossierId = newId(input.id);
  return services.commands.execute(context, 'submitDossier', input, async (tx) => {
    // A past date enters an archived paper dossier; who may do so is the access policy's rule.
    const submittedOn = input.submittedOn ?? tx.today;
    const ruleSet = ruleSetFor(submittedOn);
    const proposingUnit = (await tx.load(unitDecider, input.proposingUnitId)).state;
    if (proposingUnit.status === 'NONE') throw new NotFound('Unit', input.proposingUnitId);
    const nominee = await lookUpSubject(txLoader(tx), input.nominee);
    let movementThematic = false;
    if (input.movementId) {
      const movement = (await tx.load(movementDecider, input.movementId)).state;
      if (movement.status === 'NONE') throw new NotFound('Movement', input.movementId);
      movementThematic = movement.kind === MovementKind.THEMATIC;
    }
    const dossier = await tx.load(dossierDecider, dossierId);
    tx.decide(
      dossierDecider,
      dossier,
      {
        type: 'SubmitDossier',
        data: {
          dossierId,
          proposingUnitId: input.proposingUnitId,
          proposingUnitName: proposingUnit.name,
          nominee: { kind: nominee.kind, id: nominee.id, name: nominee.name },
          nomineeUnitId: nominee.unitId,
          award: input.award,
          period: { kind: input.period.kind, year: input.period.year },
          movementId: input.movementId ?? null,
          movementThematic,
          achievements: input.achievements,
          submittedOn,
          ruleSetId: ruleSet.id,
          now: tx.nowIso,
        },
      },
      { ruleSetId: ruleSet.id },
    );
  });
}

export async function returnDossier(
  services: Services,
  context: CommandContext,
  args: ReturnDossierArgs,
): Promise<CommandResult> {
  return services.commands.execute(context, 'returnDossier', args, async (tx) => {
    const dossier = await tx.load(dossierDecider, args.dossierId);
    tx.decide(dossierDecider, dossier, {
      type: 'ReturnDossier',
      data: { dossierId: args.dossierId, reason: args.reason, now: tx.nowIso },
    });
  });
}

export async function resubmitDossier(
  services: Services,
  context: CommandContext,
  args: ResubmitDossierArgs,
): Promise<CommandResult> {
  return services.commands.execute(context, 'resubmitDossier', args, async (tx) => {
    const dossier = await tx.load(dossierDecider, args.dossierId);
    tx.decide(dossierDecider, dossier, {
      type: 'ResubmitDossier',
      data: { dossierId: args.dossierId, achievements: args.achievements, now: tx.nowIso },
    });
  });
}

export async function withdrawDossier(
  services: Services,
  context: CommandContext,
  args: WithdrawDossierArgs,
): Promise<CommandResult> {
  return services.commands.execute(context, 'withdrawDossier', args, async (tx) => {
    const dossier = await tx.load(dossierDecider, args.dossierId);
    tx.decide(dossierDecider, dossier, {
      type: 'WithdrawDossier',
      data: { dossierId: args.dossierId, reason: args.reason, now: tx.nowIso },
    });
  });
}

/**
 * Appraisal by the rule engine under the rule set recorded at submission. The facts
 * are looked up now (streams, then read models once they have caught up).
 */
export async function appraiseDossier(
  services: Services,
  context: CommandContext,
  args: AppraiseDossierArgs,
): Promise<CommandResult> {
  return services.commands.execute(context, 'appraiseDossier', args, async (tx) => {
    const dossier = await tx.loadExisting(dossierDecider, args.dossierId, 'Dossier');
    const state = dossier.state;
    if (state.status === 'NONE') throw new NotFound('Dossier', args.dossierId);
    const facts = await assembleEligibilityFacts(services, txLoader(tx), {
      subject: state.nominee,
      subjectUnitId: state.nomineeUnitId,
      award: state.award,
      period: state.period,
    });
    tx.decide(
      dossierDecider,
      dossier,
      {
        type: 'AppraiseDossier',
        data: { dossierId: args.dossierId, note: args.note?.trim() ? args.note : null, facts, now: tx.nowIso },
      },
      { ruleSetId: state.ruleSetId },
    );
  });
}
