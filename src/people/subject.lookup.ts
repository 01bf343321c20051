import type { StateLoader } from '../commands/stateLoader';
import { SubjectKind, type SubjectRef } from '../shared/domain';
import { NotFound } from '../shared/errors';
import { unitDecider } from '../units/unit.decider';
import { personDecider } from './person.decider';

/** A person or unit as the registers know it today. */
export interface KnownSubject {
  kind: SubjectKind;
  id: string;
  name: string;
  /** The person's unit, or the collective itself. */
  unitId: string;
  /** From the person's record; false for a collective. */
  directWorker: boolean;
  female: boolean;
}

/**
 * Looks a subject up in its stream: a person (INDIVIDUAL) or a unit (COLLECTIVE).
 * Answers NOT_FOUND (`Person` or `Unit`) when it does not exist.
 */
export async function lookUpSubject(load: StateLoader, subject: SubjectRef): Promise<KnownSubject> {
  if (subject.kind === SubjectKind.INDIVIDUAL) {
    const person = await load(personDecider, subject.id);
    if (person.status === 'NONE') throw new NotFound('Person', subject.id);
    return {
      kind: subject.kind,
      id: subject.id,
      name: person.fullName,
      unitId: person.unitId,
      directWorker: person.directWorker,
      female: person.female,
    };
  }
  const unit = await load(unitDecider, subject.id);
  if (unit.status === 'NONE') throw new NotFound('Unit', subject.id);
  return {
    kind: subject.kind,
    id: subject.id,
    name: unit.name,
    unitId: unit.unitId,
    directWorker: false,
    female: false,
  };
}
