import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { CommandTransaction } from '../commands/commandTransaction';
import { txLoader } from '../commands/stateLoader';
import { movementDecider } from '../movements/movement.decider';
import { lookUpSubject } from '../people/subject.lookup';
import { ruleSetFor } from '../rules/ruleSets';
import type { Services } from '../services';
import { DossierProcedure, MovementKind } from '../shared/domain';
import { InvalidInput } from '../shared/errors';
import { newId } from '../shared/ids';
import { personDecider } from '../people/person.decider';
import { unitDecider } from '../units/unit.decider';
import { dossierDecider } from './dossier.decider';
import { contentTypeOf, firstBytesOf } from '../documents/documentContent';
import type { DocumentStore } from '../documents/documentStore.port';
import type {
  AppraiseDossierArgs,
  AttachDocumentArgs,
  AssignDossierArgs,
  ReceiveDossierArgs,
  ResubmitDossierArgs,
  ReturnDossierArgs,
  SubmitDossierInput,
  WithdrawDossierArgs,
} from './dossier.inputs';
import { assembleEligibilityFacts } from './eligibilityFacts';

export function submitDossier(
  services: Services,
  context: CommandContext,
  input: SubmitDossierInput,
): Promise<CommandResult> {
  const dossierId = newId(input.id);
  return services.commands.on(dossierDecider, dossierId).decide(context, 'submitDossier', input, async (tx) => {
    // A past date enters an archived paper dossier; who may do so is the access policy's rule.
    const submittedOn = input.submittedOn ?? tx.today;
    const ruleSet = ruleSetFor(submittedOn);
    const proposingUnit = (await tx.loadExisting(unitDecider, input.proposingUnitId, 'Unit')).state;
    const nominee = await lookUpSubject(txLoader(tx), input.nominee);
    const movementThematic = input.movementId ? await isThematicMovement(tx, input.movementId) : false;
    return {
      command: {
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
          procedure: input.procedure ?? DossierProcedure.STANDARD,
          achievedOn: input.achievedOn ?? null,
          now: tx.nowIso,
        },
      },
      ruleSetId: ruleSet.id,
    };
  });
}

/** Whether the dossier's movement (which must exist) is a thematic one. */
async function isThematicMovement(tx: CommandTransaction, movementId: string): Promise<boolean> {
  const movement = (await tx.loadExisting(movementDecider, movementId, 'Movement')).state;
  return movement.kind === MovementKind.THEMATIC;
}

export function returnDossier(
  services: Services,
  context: CommandContext,
  args: ReturnDossierArgs,
): Promise<CommandResult> {
  return services.commands.on(dossierDecider, args.dossierId).decide(context, 'returnDossier', args, (tx) => ({
    type: 'ReturnDossier',
    data: { dossierId: args.dossierId, reason: args.reason, now: tx.nowIso },
  }));
}

export function resubmitDossier(
  services: Services,
  context: CommandContext,
  args: ResubmitDossierArgs,
): Promise<CommandResult> {
  return services.commands.on(dossierDecider, args.dossierId).decide(context, 'resubmitDossier', args, (tx) => ({
    type: 'ResubmitDossier',
    data: { dossierId: args.dossierId, achievements: args.achievements, now: tx.nowIso },
  }));
}

export function withdrawDossier(
  services: Services,
  context: CommandContext,
  args: WithdrawDossierArgs,
): Promise<CommandResult> {
  return services.commands.on(dossierDecider, args.dossierId).decide(context, 'withdrawDossier', args, (tx) => ({
    type: 'WithdrawDossier',
    data: { dossierId: args.dossierId, reason: args.reason, now: tx.nowIso },
  }));
}

/**
 * Appraisal by the rule engine under the rule set recorded at submission. The facts
 * are looked up now (streams, then read models once they have caught up).
 */
export function appraiseDossier(
  services: Services,
  context: CommandContext,
  args: AppraiseDossierArgs,
): Promise<CommandResult> {
  const dossier = services.commands.onExisting(dossierDecider, args.dossierId, 'Dossier');
  return dossier.decide(context, 'appraiseDossier', args, async (tx, { state }) => {
    const facts = await assembleEligibilityFacts(services, txLoader(tx), {
      subject: state.nominee,
      subjectUnitId: state.nomineeUnitId,
      award: state.award,
      period: state.period,
    });
    return {
      command: {
        type: 'AppraiseDossier',
        data: { dossierId: args.dossierId, note: args.note?.trim() ? args.note : null, facts, now: tx.nowIso },
      },
      // Appraised under the rule set the dossier was submitted under.
      ruleSetId: state.ruleSetId,
    };
  });
}

/**
 * Reception by the standing agency: the receiving unit (the caller's own unless named)
 * is looked up for its name and level, the handling level the due date depends on.
 */
export function receiveDossier(
  services: Services,
  context: CommandContext,
  args: ReceiveDossierArgs,
): Promise<CommandResult> {
  const receivingUnitId = args.receivingUnitId ?? context.identity.unitId;
  if (!receivingUnitId) {
    throw new InvalidInput("receivingUnitId is required when the caller's token names no unit", 'receivingUnitId');
  }
  const dossier = services.commands.onExisting(dossierDecider, args.dossierId, 'Dossier');
  return dossier.decide(context, 'receiveDossier', args, async (tx) => {
    const unit = (await tx.loadExisting(unitDecider, receivingUnitId, 'Unit')).state;
    return {
      type: 'ReceiveDossier',
      data: {
        dossierId: args.dossierId,
        receivedOn: args.receivedOn,
        receivingUnit: { id: receivingUnitId, name: unit.name, level: unit.level },
        now: tx.nowIso,
      },
    };
  });
}

/** Assignment to a handling officer, a registered person looked up for the name the queue shows. */
export function assignDossier(
  services: Services,
  context: CommandContext,
  args: AssignDossierArgs,
): Promise<CommandResult> {
  const dossier = services.commands.onExisting(dossierDecider, args.dossierId, 'Dossier');
  return dossier.decide(context, 'assignDossier', args, async (tx) => {
    const officer = (await tx.loadExisting(personDecider, args.officerId, 'Person')).state;
    return {
      type: 'AssignDossier',
      data: { dossierId: args.dossierId, officer: { id: args.officerId, name: officer.fullName }, now: tx.nowIso },
    };
  });
}

/** A stored document's size and type (from its first bytes); null when the store has none. */
async function storedDocument(
  store: DocumentStore,
  sha256: string,
): Promise<{ size: number; contentType: string } | null> {
  const stat = await store.stat(sha256);
  const content = stat === null ? null : await store.get(sha256);
  if (stat === null || content === null) return null;
  return { size: stat.size, contentType: contentTypeOf(await firstBytesOf(content)) ?? 'application/octet-stream' };
}

/** Attaches an uploaded document: whether the store holds it, its size and type are looked up now. */
export function attachDocument(
  services: Services,
  context: CommandContext,
  args: AttachDocumentArgs,
): Promise<CommandResult> {
  const dossier = services.commands.onExisting(dossierDecider, args.dossierId, 'Dossier');
  return dossier.decide(
    context,
    'attachDocument',
    args,
    async (tx) => ({
      type: 'AttachDocument',
      data: {
        dossierId: args.dossierId,
        kind: args.kind,
        sha256: args.sha256,
        fileName: args.fileName,
        stored: await storedDocument(services.documents.store, args.sha256),
        attachedBy: context.identity.actorId ?? 'system',
        now: tx.nowIso,
      },
    }),
    // An officer uploads a dossier's files side by side: distinct documents do not conflict.
    { retryOnConflict: true },
  );
}
