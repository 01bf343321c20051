import type { CommandContext, CommandResult } from '../commands/commandHandler';
import { personDecider } from '../people/person.decider';
import type { Services } from '../services';
import { NotFound } from '../shared/errors';
import { newId } from '../shared/ids';
import { initiativeDecider } from './initiative.decider';
import type { RecognizeInitiativeInput } from './initiative.inputs';

export function recognizeInitiative(
  services: Services,
  context: CommandContext,
  input: RecognizeInitiativeInput,
): Promise<CommandResult> {
  const initiativeId = newId(input.id);
  const initiative = services.commands.on(initiativeDecider, initiativeId);
  return initiative.decide(context, 'recognizeInitiative', input, async (tx) => {
    const distinct = [...new Set(input.authorIds)];
    // Read at once, then checked in the order given: NOT_FOUND names the first unknown author.
    const people = await Promise.all(distinct.map(async (id) => (await tx.load(personDecider, id)).state));
    const names = new Map<string, string>();
    distinct.forEach((id, i) => {
      const person = people[i];
      if (person.status === 'NONE') throw new NotFound('Person', id);
      names.set(id, person.fullName);
    });
    return {
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
    };
  });
}
