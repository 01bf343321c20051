import type { StateLoader } from '../commands/stateLoader';
import { SubjectKind, type SubjectRef } from '../shared/domain';
import { NotFound } from '../shared/errors';
import { householdDecider } from '../households/household.decider';
import { unitDecider } from '../units/unit.decider';
import { personDecider } from './person.decider';

/** A person, unit or household as the registers know it today. */
export interface KnownSubject {
  kind: SubjectKind;
  id: string;
  name: string;
  /** The person's unit, the collective itself, or the household's commune or ward. */
  unitId: string;
  /** From the person's record; false for a collective or a household. */
  directWorker: boolean;
  female: boolean;
}

/**
 * Looks a subject up in its stream: a person (INDIVIDUAL), a unit (COLLECTIVE) or a
 * household (HOUSEHOLD, known by its head's name). Answers NOT_FOUND (`Person`, `Unit`
 * or `Household`) when it does not exist.
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
  if (subject.kind === SubjectKind.HOUSEHOLD) {
    const household = await load(householdDecider, subject.id);
    if (household.status === 'NONE') throw new NotFound('Household', subject.id);
    const { headName: name, unitId } = household;
    return { kind: subject.kind, id: subject.id, name, unitId, directWorker: false, female: false };
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
