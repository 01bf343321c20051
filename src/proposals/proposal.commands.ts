import type { CommandContext, CommandResult } from '../commands/commandHandler';
import { dossierDecider } from '../dossiers/dossier.decider';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { unitDecider } from '../units/unit.decider';
import { UnitLookup } from '../units/unit.lookup';
import { proposalDecider, type ListedDossier } from './proposal.decider';
import type { DraftProposalInput, SubmitProposalArgs } from './proposal.inputs';

/** Whether `unitId` is `rootId` or lies below it. */
async function withinUnit(units: UnitLookup, rootId: string, unitId: string): Promise<boolean> {
  return unitId === rootId || (await units.ancestors(unitId)).some((a) => a.unitId === rootId);
}

/** Drafts a memo; each dossier listed must exist, and the handler places its proposing unit. */
export function draftProposal(
  services: Services,
  context: CommandContext,
  input: DraftProposalInput,
): Promise<CommandResult> {
  const proposalId = newId(input.id);
  return services.commands.on(proposalDecider, proposalId).decide(context, 'draftProposal', input, async (tx) => {
    const unit = (await tx.loadExisting(unitDecider, input.unitId, 'Unit')).state;
    const units = new UnitLookup(tx);
    const dossiers: ListedDossier[] = [];
    for (const dossierId of input.dossierIds) {
      const dossier = (await tx.loadExisting(dossierDecider, dossierId, 'Dossier')).state;
      dossiers.push({
        dossierId,
        status: dossier.status,
        proposingUnitId: dossier.proposingUnitId,
        inUnitSubtree: await withinUnit(units, input.unitId, dossier.proposingUnitId),
      });
    }
    return {
      type: 'DraftProposal',
      data: {
        proposalId,
        unit: { id: input.unitId, name: unit.name },
        number: input.number,
        proposedOn: input.proposedOn,
        dossiers,
        now: tx.nowIso,
      },
    };
  });
}

export function submitProposal(
  services: Services,
  context: CommandContext,
  args: SubmitProposalArgs,
): Promise<CommandResult> {
  return services.commands.on(proposalDecider, args.proposalId).decide(context, 'submitProposal', args, (tx) => ({
    type: 'SubmitProposal',
    data: { proposalId: args.proposalId, now: tx.nowIso },
  }));
}
