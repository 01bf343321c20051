import type { CommandContext, CommandResult } from '../commands/commandHandler';
import { councilSessionDecider } from '../councilSessions/councilSession.decider';
import type { Services } from '../services';
import { NotFound } from '../shared/errors';
import { UnitLookup } from '../units/unit.lookup';
import { dossierDecider } from './dossier.decider';
import type { UnitInTree } from './dossierForwarding';
import type { ForwardDossierArgs } from './dossierForwarding.inputs';

/** A registered unit with its name, level and ancestors (nearest first), read from the unit streams. */
async function unitInTree(units: UnitLookup, unitId: string): Promise<UnitInTree | null> {
  const unit = await units.find(unitId);
  if (unit === null) return null;
  const ancestors = (await units.ancestors(unitId)).map((a) => ({ id: a.unitId, level: a.level }));
  return { id: unitId, name: unit.name, level: unit.level, ancestors };
}

/**
 * Forwards a dossier its council supported to a higher level's standing agency. The
 * supporting level is the council unit of the session that resolved it.
 */
export function forwardDossier(
  services: Services,
  context: CommandContext,
  args: ForwardDossierArgs,
): Promise<CommandResult> {
  const dossier = services.commands.onExisting(dossierDecider, args.dossierId, 'Dossier');
  return dossier.decide(context, 'forwardDossier', args, async (tx, { state }) => {
    // An unsupported dossier has no supporting council: the decider refuses it before looking at the unit.
    const fromUnitId =
      state.sessionId === null
        ? state.proposingUnitId
        : (await tx.loadExisting(councilSessionDecider, state.sessionId, 'CouncilSession')).state.councilUnitId;
    const units = new UnitLookup(tx);
    const fromUnit = await unitInTree(units, fromUnitId);
    const toUnit = await unitInTree(units, args.toUnitId);
    if (fromUnit === null) throw new Error(`unit ${fromUnitId} of dossier ${args.dossierId} is not registered`);
    if (toUnit === null) throw new NotFound('Unit', args.toUnitId);
    return {
      command: {
        type: 'ForwardDossier',
        data: {
          dossierId: args.dossierId,
          fromUnit,
          toUnit,
          forwardedOn: args.forwardedOn ?? tx.today,
          now: tx.nowIso,
        },
      },
      // Appraised at the higher level under the rule set of the original submission.
      ruleSetId: state.ruleSetId,
    };
  });
}
