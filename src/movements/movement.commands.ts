import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { UnitLookup } from '../units/unit.lookup';
import { movementDecider } from './movement.decider';
import type { LaunchMovementInput } from './movement.inputs';

export function launchMovement(
  services: Services,
  context: CommandContext,
  input: LaunchMovementInput,
): Promise<CommandResult> {
  const movementId = newId(input.id);
  return services.commands.on(movementDecider, movementId).decide(context, 'launchMovement', input, async (tx) => {
    const participantUnitIds = input.participantUnitIds ?? [];
    const unknownUnitIds = await new UnitLookup(tx).unknown([input.launchedByUnitId, ...participantUnitIds]);
    return {
      type: 'LaunchMovement',
      data: {
        movementId,
        name: input.name,
        kind: input.kind,
        launchedByUnitId: input.launchedByUnitId,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        criteria: input.criteria,
        participantUnitIds,
        unknownUnitIds,
      },
    };
  });
}
