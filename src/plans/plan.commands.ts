import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { UnitLookup } from '../units/unit.lookup';
import { planDecider } from './plan.decider';
import type { IssuePlanInput, ReportPlanTaskArgs } from './plan.inputs';

export async function issuePlan(
  services: Services,
  context: CommandContext,
  input: IssuePlanInput,
): Promise<CommandResult> {
  const planId = newId(input.id);
  return services.commands.execute(context, 'issuePlan', input, async (tx) => {
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
    const plan = await tx.load(planDecider, planId);
    tx.decide(planDecider, plan, {
      type: 'IssuePlan',
      data: {
        planId,
        year: input.year,
        issuedByUnitId: input.issuedByUnitId,
        title: input.title,
        tasks,
        unknownUnitIds,
      },
    });
  });
}

export async function reportPlanTask(
  services: Services,
  context: CommandContext,
  args: ReportPlanTaskArgs,
): Promise<CommandResult> {
  return services.commands.execute(
    context,
    'reportPlanTask',
    args,
    async (tx) => {
      const plan = await tx.loadExisting(planDecider, args.planId, 'Plan');
      tx.decide(planDecider, plan, {
        type: 'ReportPlanTask',
        data: {
          planId: args.planId,
          taskNo: args.taskNo,
          done: args.done,
          note: args.note ?? null,
          reportedOn: tx.today,
          now: tx.nowIso,
        },
      });
    },
    // Several units report on tasks of the same plan; a retry decides again on the newer state.
    { retryOnConflict: true },
  );
}
