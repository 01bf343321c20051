import { assertNever, type Decider } from '../shared/decider';
import {
  AwardKind,
  MAX_YEAR,
  MIN_YEAR,
  PeriodKind,
  SubjectKind,
  periodKey,
  subjectKey,
  type IsoInstant,
  type Period,
  type SubjectRef,
} from '../shared/domain';
import { InvalidInput, RuleViolation } from '../shared/errors';
import type { RegisteredSubject, RegistrationEvent, TitleRegistered } from './registration.events';

const REGISTRATION_STREAM_TYPE = 'registration';

/**
 * The emulation titles (AwardCategory.TITLE) and the subject kind each one is for.
 * Commendations (Giấy khen, Bằng khen, orders, medals) are not registered.
 */
export const REGISTRABLE_TITLES: Readonly<Partial<Record<AwardKind, SubjectKind>>> = Object.freeze({
  [AwardKind.ADVANCED_WORKER]: SubjectKind.INDIVIDUAL,
  [AwardKind.GRASSROOTS_EMULATION_FIGHTER]: SubjectKind.INDIVIDUAL,
  [AwardKind.PROVINCIAL_EMULATION_FIGHTER]: SubjectKind.INDIVIDUAL,
  [AwardKind.NATIONAL_EMULATION_FIGHTER]: SubjectKind.INDIVIDUAL,
  [AwardKind.ADVANCED_COLLECTIVE]: SubjectKind.COLLECTIVE,
  [AwardKind.EXCELLENT_COLLECTIVE]: SubjectKind.COLLECTIVE,
  [AwardKind.PROVINCIAL_EMULATION_FLAG]: SubjectKind.COLLECTIVE,
  [AwardKind.GOVERNMENT_EMULATION_FLAG]: SubjectKind.COLLECTIVE,
});

/**
 * The registration id for one subject, title and period:
 * `<subjectKind>:<subjectId>:<award>:<periodKind>:<year>`, e.g.
 * `INDIVIDUAL:p-17:ADVANCED_WORKER:CALENDAR_YEAR:2023`. Only the subject id may contain
 * `:`, and every other part has a fixed shape, so distinct inputs never share a key.
 * The stream is `registration-<key>` (streamIdOf(REGISTRATION_STREAM_TYPE, key)).
 */
export function registrationStreamKey(subject: SubjectRef, award: AwardKind, period: Period): string {
  return `${subjectKey(subject)}:${award}:${periodKey(period)}`;
}

export type RegistrationState =
  | { status: 'NONE' }
  | {
      status: 'REGISTERED';
      registrationId: string;
      subject: RegisteredSubject;
      subjectUnitId: string;
      award: AwardKind;
      period: Period;
      movementId: string | null;
      registeredAt: IsoInstant;
    };

export interface RegisterTitle {
  type: 'RegisterTitle';
  data: {
    subject: RegisteredSubject;
    /** The person's unit (for an individual) or the unit itself (for a collective). */
    subjectUnitId: string;
    award: AwardKind;
    period: Period;
    movementId: string | null;
    now: IsoInstant;
  };
}

export type RegistrationCommand = RegisterTitle;

function initialRegistrationState(): RegistrationState {
  return { status: 'NONE' };
}

function evolveRegistration(state: RegistrationState, event: RegistrationEvent): RegistrationState {
  switch (event.type) {
    case 'TitleRegistered':
      return { status: 'REGISTERED', ...event.data };
    default:
      return assertNever(event.type, 'registration event');
  }
}

function decideRegistration(command: RegistrationCommand, state: RegistrationState): RegistrationEvent[] {
  switch (command.type) {
    case 'RegisterTitle':
      return registerTitle(command.data, state);
    default:
      return assertNever(command.type, 'registration command');
  }
}

function registerTitle(data: RegisterTitle['data'], state: RegistrationState): TitleRegistered[] {
  const { subject, award, period } = data;
  validatePeriod(period);
  const registrationId = registrationStreamKey(subject, award, period);
  if (state.status === 'REGISTERED') {
    throw new RuleViolation(
      'ALREADY_REGISTERED',
      `${subject.name} is already registered for ${award} in ${periodKey(period)}`,
      {
        registrationId: state.registrationId,
        registeredAt: state.registeredAt,
      },
    );
  }
  const requiredKind = REGISTRABLE_TITLES[award];
  if (requiredKind === undefined) {
    throw new RuleViolation('NOT_A_TITLE', `${award} is not an emulation title: only titles are registered`, { award });
  }
  if (requiredKind !== subject.kind) {
    throw new RuleViolation(
      'SUBJECT_KIND_MISMATCH',
      `${award} is for ${requiredKind === SubjectKind.INDIVIDUAL ? 'individuals' : 'collectives'}, not for ${subject.kind}`,
      { award, subjectKind: subject.kind, requiredKind },
    );
  }
  return [
    {
      type: 'TitleRegistered',
      data: {
        registrationId,
        subject: { kind: subject.kind, id: subject.id, name: subject.name },
        subjectUnitId: data.subjectUnitId,
        award,
        period: { kind: period.kind, year: period.year },
        movementId: data.movementId,
        registeredAt: data.now,
      },
    },
  ];
}

function validatePeriod(period: Period): void {
  if (!Object.values(PeriodKind).includes(period.kind))
    throw new InvalidInput(`unknown period kind ${String(period.kind)}`, 'period.kind');
  if (!Number.isInteger(period.year) || period.year < MIN_YEAR || period.year > MAX_YEAR) {
    throw new InvalidInput(`period year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}`, 'period.year');
  }
}

export const registrationDecider: Decider<RegistrationCommand, RegistrationEvent, RegistrationState> = {
  streamType: REGISTRATION_STREAM_TYPE,
  initialState: initialRegistrationState,
  evolve: evolveRegistration,
  decide: decideRegistration,
};
