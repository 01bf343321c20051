import type { CommandTransaction } from '../commands/commandHandler';
import { SubjectKind, type SubjectRef } from '../shared/domain';
import { NotFound } from '../shared/errors';
import { unitDecider } from '../units/unit.decider';
import { personDecider } from './person.decider';

/** A subject as registrations and ratings record it: its current name and its unit. */
export interface SubjectFacts {
  subject: { kind: SubjectKind; id: string; name: string };
  /** The person's unit (for an individual) or the unit itself (for a collective). */
  subjectUnitId: string;
}

/**
 * Looks a subject up in its stream: a person (INDIVIDUAL) or a unit (COLLECTIVE).
 * Answers NOT_FOUND (`Person` or `Unit`) when it does not exist.
 */
export async function lookUpSubject(tx: CommandTransaction, ref: SubjectRef): Promise<SubjectFacts> {
  if (ref.kind === SubjectKind.INDIVIDUAL) {
    const person = (await tx.load(personDecider, ref.id)).state;
    if (person.status === 'NONE') throw new NotFound('Person', ref.id);
    return { subject: { kind: ref.kind, id: ref.id, name: person.fullName }, subjectUnitId: person.unitId };
  }
  const unit = (await tx.load(unitDecider, ref.id)).state;
  if (unit.status === 'NONE') throw new NotFound('Unit', ref.id);
  return { subject: { kind: ref.kind, id: ref.id, name: unit.name }, subjectUnitId: unit.unitId };
}
