import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { unitDecider } from './unit.decider';
import type { RegisterUnitInput } from './unit.inputs';

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
