import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { UnitLookup } from '../units/unit.lookup';
import { clusterDecider } from './cluster.decider';
import type { FormClusterInput } from './cluster.inputs';

export function formCluster(
  services: Services,
  context: CommandContext,
  input: FormClusterInput,
): Promise<CommandResult> {
  const clusterId = newId(input.id);
  return services.commands.on(clusterDecider, clusterId).decide(context, 'formCluster', input, async (tx) => {
    const units = new UnitLookup(tx);
    const unknownUnitIds = await units.unknown([input.organizerUnitId, ...input.memberUnitIds]);
    const members = await Promise.all(
      input.memberUnitIds.map(async (unitId) => ({
        unitId,
        // An unknown member is refused (NOT_FOUND) by the decider; its id stands in for
        // the name so the decider's non-empty-name check does not answer first.
        unitName: (await units.find(unitId))?.name ?? unitId,
      })),
    );
    return {
      type: 'FormCluster',
      data: {
        clusterId,
        name: input.name,
        kind: input.kind,
        organizerUnitId: input.organizerUnitId,
        members,
        unknownUnitIds,
      },
    };
  });
}
