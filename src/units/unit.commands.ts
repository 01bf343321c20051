import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { unitDecider } from './unit.decider';
import type { RegisterUnitInput } from './unit.inputs';

export async function registerUnit(
  services: Services,
  context: CommandContext,
  input: RegisterUnitInput,
): Promise<CommandResult> {
  const unitId = newId(input.id);
  return services.commands.execute(context, 'registerUnit', input, async (tx) => {
    const parent = input.parentUnitId ? (await tx.load(unitDecider, input.parentUnitId)).state : null;
    const unit = await tx.load(unitDecider, unitId);
    tx.decide(unitDecider, unit, {
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
    });
  });
}
