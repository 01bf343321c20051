import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { personDecider } from '../people/person.decider';
import { NotFound } from '../shared/errors';
import { initiativeDecider } from './initiative.decider';
import type { RecognizeInitiativeInput } from './initiative.inputs';

export async function recognizeInitiative(
  services: Services,
  context: CommandContext,
  input: RecognizeInitiativeInput,
): Promise<CommandResult> {
  const initiativeId = newId(input.id);
  return services.commands.execute(context, 'recognizeInitiative', input, async (tx) => {
    const distinct = [...new Set(input.authorIds)];
    const people = await Promise.all(distinct.map(async (id) => (await tx.load(personDecider, id)).state));
    const names = new Map<string, string>();
    distinct.forEach((id, i) => {
      const person = people[i];
      if (person.status === 'NONE') throw new NotFound('Person', id);
      names.set(id, person.fullName);
    });
    const initiative = await tx.load(initiativeDecider, initiativeId);
    tx.decide(initiativeDecider, initiative, {
      type: 'RecognizeInitiative',
      data: {
        initiativeId,
        title: input.title,
        // In the order given, duplicates kept: the decider refuses an author listed twice.
        authors: input.authorIds.map((personId) => ({ personId, name: names.get(personId) ?? '' })),
        level: input.level,
        period: { kind: input.period.kind, year: input.period.year },
        decisionNumber: input.decisionNumber,
        now: tx.nowIso,
      },
    });
  });
}
