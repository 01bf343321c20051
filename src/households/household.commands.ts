import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { UnitLookup } from '../units/unit.lookup';
import { householdDecider } from './household.decider';
import type { RegisterHouseholdInput } from './household.inputs';

export function registerHousehold(
  services: Services,
  context: CommandContext,
  input: RegisterHouseholdInput,
): Promise<CommandResult> {
  const householdId = newId(input.id);
  return services.commands.on(householdDecider, householdId).decide(context, 'registerHousehold', input, async (tx) => {
    const unit = await new UnitLookup(tx).find(input.unitId);
    return {
      type: 'RegisterHousehold',
      data: {
        householdId,
        headName: input.headName,
        address: input.address,
        unitId: input.unitId,
        unit: unit && { name: unit.name, level: unit.level, kind: unit.kind, merged: unit.status === 'MERGED' },
      },
    };
  });
}
