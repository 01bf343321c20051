import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { unitDecider } from './unit.decider';
import type { MergeUnitInput, RegisterUnitInput, RenameUnitInput } from './unit.inputs';
import { UnitLookup } from './unit.lookup';

export function registerUnit(
  services: Services,
  context: CommandContext,
  input: RegisterUnitInput,
): Promise<CommandResult> {
  const unitId = newId(input.id);
  return services.commands.on(unitDecider, unitId).decide(context, 'registerUnit', input, async (tx) => {
    const parent = input.parentUnitId ? (await tx.load(unitDecider, input.parentUnitId)).state : null;
    return {
      type: 'RegisterUnit',
      data: {
        unitId,
        name: input.name,
        kind: input.kind,
        level: input.level,
        parentUnitId: input.parentUnitId ?? null,
        parentExists: parent !== null && parent.status !== 'NONE',
        parentLevel: parent && parent.status !== 'NONE' ? parent.level : null,
        sector: input.sector ?? null,
        small: input.small ?? false,
      },
    };
  });
}

export function renameUnit(
  services: Services,
  context: CommandContext,
  input: RenameUnitInput,
): Promise<CommandResult> {
  return services.commands.on(unitDecider, input.unitId).decide(context, 'renameUnit', input, () => ({
    type: 'RenameUnit',
    data: { unitId: input.unitId, name: input.name, effectiveOn: input.effectiveOn },
  }));
}

/** Appends to the merged unit's stream only; the surviving unit is read for its name and status. */
export function mergeUnit(services: Services, context: CommandContext, input: MergeUnitInput): Promise<CommandResult> {
  return services.commands.on(unitDecider, input.unitId).decide(context, 'mergeUnit', input, async (tx) => {
    const into = await new UnitLookup(tx).find(input.intoUnitId);
    return {
      type: 'MergeUnit',
      data: {
        unitId: input.unitId,
        intoUnitId: input.intoUnitId,
        intoUnitExists: into !== null,
        intoUnitName: into?.name ?? '',
        intoUnitMerged: into?.status === 'MERGED',
        effectiveOn: input.effectiveOn,
        reason: input.reason ?? null,
      },
    };
  });
}
