import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { unitDecider } from '../units/unit.decider';
import { personDecider } from './person.decider';
import type { RegisterPersonInput, TransferPersonInput } from './person.inputs';

export function registerPerson(
  services: Services,
  context: CommandContext,
  input: RegisterPersonInput,
): Promise<CommandResult> {
  const personId = newId(input.id);
  return services.commands.on(personDecider, personId).decide(context, 'registerPerson', input, async (tx) => {
    const unit = (await tx.load(unitDecider, input.unitId)).state;
    return {
      type: 'RegisterPerson',
      data: {
        personId,
        fullName: input.fullName,
        unitId: input.unitId,
        unitExists: unit.status !== 'NONE',
        unitName: unit.status !== 'NONE' ? unit.name : '',
        position: input.position ?? null,
        directWorker: input.directWorker,
        female: input.female ?? false,
      },
    };
  });
}

/** Appends to the person's stream only; the target unit is read for its name. */
export function transferPerson(
  services: Services,
  context: CommandContext,
  input: TransferPersonInput,
): Promise<CommandResult> {
  return services.commands.on(personDecider, input.personId).decide(context, 'transferPerson', input, async (tx) => {
    const unit = (await tx.load(unitDecider, input.toUnitId)).state;
    return {
      type: 'TransferPerson',
      data: {
        personId: input.personId,
        toUnitId: input.toUnitId,
        toUnitExists: unit.status !== 'NONE',
        toUnitName: unit.status !== 'NONE' ? unit.name : '',
        toUnitMerged: unit.status === 'MERGED',
        position: input.position ?? null,
        effectiveOn: input.effectiveOn,
      },
    };
  });
}
