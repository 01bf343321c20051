import type { CommandContext, CommandResult } from '../commands/commandHandler';
import { txLoader } from '../commands/stateLoader';
import { lookUpSubject } from '../people/subject.lookup';
import type { Services } from '../services';
import { ratingDecider, ratingStreamKey } from './rating.decider';
import type { RatePerformanceInput } from './rating.inputs';

export function ratePerformance(
  services: Services,
  context: CommandContext,
  input: RatePerformanceInput,
): Promise<CommandResult> {
  const subjectRef = { kind: input.subject.kind, id: input.subject.id };
  const period = { kind: input.period.kind, year: input.period.year };
  // One stream per subject and period: a later rating corrects the earlier one in the same stream
  // (taken for new at first, a correction is decided again once its append finds the stream).
  const ratingId = ratingStreamKey(subjectRef, period);
  return services.commands.onNew(ratingDecider, ratingId).decide(
    context,
    'ratePerformance',
    input,
    async (tx) => {
      const known = await lookUpSubject(txLoader(tx), subjectRef);
      const subject = { kind: known.kind, id: known.id, name: known.name };
      return {
        type: 'RatePerformance',
        data: { subject, subjectUnitId: known.unitId, period, rating: input.rating, now: tx.nowIso },
      };
    },
    { retryOnConflict: true },
  );
}
