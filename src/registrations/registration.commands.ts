import type { CommandContext, CommandResult } from '../commands/commandHandler';
import { txLoader } from '../commands/stateLoader';
import { movementDecider } from '../movements/movement.decider';
import { lookUpSubject } from '../people/subject.lookup';
import type { Services } from '../services';
import { registrationDecider, registrationStreamKey } from './registration.decider';
import type { RegisterTitleInput } from './registration.inputs';

export function registerTitle(
  services: Services,
  context: CommandContext,
  input: RegisterTitleInput,
): Promise<CommandResult> {
  const subjectRef = { kind: input.subject.kind, id: input.subject.id };
  const period = { kind: input.period.kind, year: input.period.year };
  // One stream per subject, title and period: a second registration lands on it and is refused.
  const registrationId = registrationStreamKey(subjectRef, input.award, period);
  return services.commands.onNew(registrationDecider, registrationId).decide(
    context,
    'registerTitle',
    input,
    async (tx) => {
      const known = await lookUpSubject(txLoader(tx), subjectRef);
      const subject = { kind: known.kind, id: known.id, name: known.name };
      const movementId = input.movementId ?? null;
      if (movementId !== null) await tx.loadExisting(movementDecider, movementId, 'Movement');
      return {
        type: 'RegisterTitle',
        data: { subject, subjectUnitId: known.unitId, award: input.award, period, movementId, now: tx.nowIso },
      };
    },
    // Two requests for the same registration at once: the retry answers ALREADY_REGISTERED, not CONFLICT.
    { retryOnConflict: true },
  );
}
