import { DOSSIERS_PROJECTION } from '../../projections/dossiers/dossiers.projection';
import { getMemosOfUnitCarrying } from '../../projections/dossiers/dossiers.queries';
import type { CommandContext, CommandResult } from '../commands/commandHandler';
import { awaitFreshReadModels } from '../commands/freshFacts';
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

/** The submitted memos of `unitId` other than `proposalId` carrying `dossierIds`, once the read model caught up. */
async function memosOfUnitCarrying(
  services: Services,
  unitId: string,
  dossierIds: readonly string[],
  proposalId: string,
) {
  await awaitFreshReadModels(services, [DOSSIERS_PROJECTION]);
  return getMemosOfUnitCarrying(services.pool, unitId, dossierIds, proposalId);
}

/**
 * Drafts a memo; each dossier listed must exist, and the handler places its proposing
 * unit and finds the unit's other memo carrying it, if any.
 */
export function draftProposal(
  services: Services,
  context: CommandContext,
  input: DraftProposalInput,
): Promise<CommandResult> {
  const proposalId = newId(input.id);
  return services.commands.on(proposalDecider, proposalId).decide(context, 'draftProposal', input, async (tx) => {
    const unit = (await tx.loadExisting(unitDecider, input.unitId, 'Unit')).state;
    const units = new UnitLookup(tx);
    const carried = await memosOfUnitCarrying(services, input.unitId, input.dossierIds, proposalId);
    const dossiers: ListedDossier[] = [];
    for (const dossierId of input.dossierIds) {
      const dossier = (await tx.loadExisting(dossierDecider, dossierId, 'Dossier')).state;
      dossiers.push({
        dossierId,
        status: dossier.status,
        proposingUnitId: dossier.proposingUnitId,
        inUnitSubtree: await withinUnit(units, input.unitId, dossier.proposingUnitId),
        carriedBy: carried.get(dossierId) ?? null,
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
  const memo = services.commands.on(proposalDecider, args.proposalId);
  return memo.decide(context, 'submitProposal', args, async (tx, { state }) => {
    const carried =
      state.status === 'NONE'
        ? new Map()
        : await memosOfUnitCarrying(services, state.unitId, state.dossierIds, args.proposalId);
    return {
      type: 'SubmitProposal',
      data: {
        proposalId: args.proposalId,
        carriedElsewhere: [...carried].map(([dossierId, other]) => ({ dossierId, ...other })),
        now: tx.nowIso,
      },
    };
  });
}
