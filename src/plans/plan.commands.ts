import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { UnitLookup } from '../units/unit.lookup';
import { planDecider } from './plan.decider';
import type { IssuePlanInput, ReportPlanTaskArgs } from './plan.inputs';

export function issuePlan(services: Services, context: CommandContext, input: IssuePlanInput): Promise<CommandResult> {
  const planId = newId(input.id);
  return services.commands.on(planDecider, planId).decide(context, 'issuePlan', input, async (tx) => {
    const tasks = input.tasks.map((t) => ({
      quarter: t.quarter,
      content: t.content,
      directingUnitId: t.directingUnitId,
      executingUnitIds: t.executingUnitIds,
      coordinatingUnitIds: t.coordinatingUnitIds ?? [],
    }));
    const referenced = [
      input.issuedByUnitId,
      ...tasks.flatMap((t) => [t.directingUnitId, ...t.executingUnitIds, ...t.coordinatingUnitIds]),
    ];
    const unknownUnitIds = await new UnitLookup(tx).unknown(referenced);
    return {
      type: 'IssuePlan',
      data: {
        planId,
        year: input.year,
        issuedByUnitId: input.issuedByUnitId,
        title: input.title,
        tasks,
        unknownUnitIds,
      },
    };
  });
}

export function reportPlanTask(
  services: Services,
  context: CommandContext,
  args: ReportPlanTaskArgs,
): Promise<CommandResult> {
  return services.commands.onExisting(planDecider, args.planId, 'Plan').decide(
    context,
    'reportPlanTask',
    args,
    (tx) => ({
      type: 'ReportPlanTask',
      data: {
        planId: args.planId,
        taskNo: args.taskNo,
        done: args.done,
        note: args.note ?? null,
        reportedOn: tx.today,
        now: tx.nowIso,
      },
    }),
    // Several units report on tasks of the same plan; a retry decides again on the newer state.
    { retryOnConflict: true },
  );
}
