import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { unitDecider } from '../units/unit.decider';
import { personDecider } from './person.decider';
import type { RegisterPersonInput } from './person.inputs';

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
