import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Services } from '../services';
import { UnitLookup } from '../units/unit.lookup';
import { workforceReportDecider, workforceReportStreamKey } from './workforceReport.decider';
import { plainFigures, type ReportWorkforceInput } from './workforceReport.inputs';

export function reportWorkforce(
  services: Services,
  context: CommandContext,
  input: ReportWorkforceInput,
): Promise<CommandResult> {
  // One stream per unit and year: a later report corrects the earlier one in the same stream.
  return services.commands.on(workforceReportDecider, workforceReportStreamKey(input.unitId, input.year)).decide(
    context,
    'reportWorkforce',
    input,
    async (tx) => {
      const unit = await new UnitLookup(tx).find(input.unitId);
      return {
        type: 'ReportWorkforce',
        data: {
          unitId: input.unitId,
          year: input.year,
          figures: plainFigures(input.figures),
          unitName: unit?.name ?? null,
          now: tx.nowIso,
        },
      };
    },
    { retryOnConflict: true },
  );
}
