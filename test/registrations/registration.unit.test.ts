import { AwardKind, PeriodKind, SubjectKind, type Period } from '../../src/shared/domain';
import { InvalidInput } from '../../src/shared/errors';
import { streamIdOf } from '../../src/shared/decider';
import type { TitleRegistered } from '../../src/registrations/registration.events';
import {
  REGISTRABLE_TITLES,
  registrationDecider,
  registrationStreamKey,
  type RegisterTitle,
} from '../../src/registrations/registration.decider';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(registrationDecider));
const NOW = '2023-02-10T08:00:00.000Z';
const Y2023: Period = { kind: PeriodKind.CALENDAR_YEAR, year: 2023 };
const person = { kind: SubjectKind.INDIVIDUAL, id: 'p-1', name: 'Nguyễn Văn An' };
const school = { kind: SubjectKind.COLLECTIVE, id: 'u-7', name: 'Trường THCS Lê Lợi' };

function register(overrides: Partial<RegisterTitle['data']> = {}): RegisterTitle {
  return {
    type: 'RegisterTitle',
    data: {
      subject: person,
      subjectUnitId: 'u-7',
      award: AwardKind.ADVANCED_WORKER,
      period: Y2023,
      movementId: 'm-1',
      now: NOW,
      ...overrides,
    },
  };
}

function registered(overrides: Partial<TitleRegistered['data']> = {}): TitleRegistered {
  return {
    type: 'TitleRegistered',
    data: {
      registrationId: 'INDIVIDUAL:p-1:ADVANCED_WORKER:CALENDAR_YEAR:2023',
      subject: person,
      subjectUnitId: 'u-7',
      award: AwardKind.ADVANCED_WORKER,
      period: Y2023,
      movementId: 'm-1',
      registeredAt: NOW,
      ...overrides,
    },
  };
}

describe('registration stream key', () => {
  it('is deterministic and names subject, title and period', () => {
    const key = registrationStreamKey(person, AwardKind.ADVANCED_WORKER, Y2023);
    expect(key).toBe('INDIVIDUAL:p-1:ADVANCED_WORKER:CALENDAR_YEAR:2023');
    expect(
      registrationStreamKey({ kind: SubjectKind.INDIVIDUAL, id: 'p-1' }, AwardKind.ADVANCED_WORKER, { ...Y2023 }),
    ).toBe(key);
    expect(streamIdOf(registrationDecider.streamType, key)).toBe(
      'registration-INDIVIDUAL:p-1:ADVANCED_WORKER:CALENDAR_YEAR:2023',
    );
  });
  it('differs when any part differs', () => {
    const keys = new Set([
      registrationStreamKey(person, AwardKind.ADVANCED_WORKER, Y2023),
      registrationStreamKey({ ...person, id: 'p-2' }, AwardKind.ADVANCED_WORKER, Y2023),
      registrationStreamKey(person, AwardKind.GRASSROOTS_EMULATION_FIGHTER, Y2023),
      registrationStreamKey(person, AwardKind.ADVANCED_WORKER, { kind: PeriodKind.CALENDAR_YEAR, year: 2024 }),
      registrationStreamKey(person, AwardKind.ADVANCED_WORKER, { kind: PeriodKind.SCHOOL_YEAR, year: 2023 }),
      registrationStreamKey({ kind: SubjectKind.COLLECTIVE, id: 'p-1' }, AwardKind.ADVANCED_WORKER, Y2023),
    ]);
    expect(keys.size).toBe(6);
  });
});

describe('RegisterTitle', () => {
  it('given no registration, when a person registers for Lao động tiên tiến, then TitleRegistered', () => {
    spec.given([]).when(register()).then([registered()]);
  });

  it('records a registration without a movement as movementId null', () => {
    spec
      .given([])
      .when(register({ movementId: null }))
      .then([registered({ movementId: null })]);
  });

  it('given a registration, when the same subject registers the same title for the same period, then ALREADY_REGISTERED', () => {
    spec.given([registered()]).when(register()).thenThrows('ALREADY_REGISTERED', {
      registrationId: 'INDIVIDUAL:p-1:ADVANCED_WORKER:CALENDAR_YEAR:2023',
    });
  });

  it('keeps the registration in state', () => {
    expect(spec.given([]).when(register()).stateAfter()).toMatchObject({
      status: 'REGISTERED',
      award: AwardKind.ADVANCED_WORKER,
      subject: person,
    });
  });

  it.each(Object.entries(REGISTRABLE_TITLES))('accepts the title %s for a %s', (award, kind) => {
    const subject = kind === SubjectKind.INDIVIDUAL ? person : school;
    const events = spec
      .given([])
      .when(register({ subject, award: award as AwardKind }))
      .events();
    expect(events).toHaveLength(1);
    expect(events[0].data.registrationId).toBe(registrationStreamKey(subject, award as AwardKind, Y2023));
  });

  it.each([
    AwardKind.CERTIFICATE_OF_MERIT,
    AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT,
    AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT,
    AwardKind.LABOR_ORDER_THIRD_CLASS,
    AwardKind.LABOR_ORDER_SECOND_CLASS,
    AwardKind.LABOR_ORDER_FIRST_CLASS,
    AwardKind.COMMEMORATIVE_MEDAL,
  ])('refuses the commendation %s: NOT_A_TITLE', (award) => {
    spec.given([]).when(register({ award })).thenThrows('NOT_A_TITLE', { award });
  });

  it('covers all eight titles and only them', () => {
    expect(Object.keys(REGISTRABLE_TITLES).sort()).toEqual(
      [
        'ADVANCED_WORKER',
        'GRASSROOTS_EMULATION_FIGHTER',
        'PROVINCIAL_EMULATION_FIGHTER',
        'NATIONAL_EMULATION_FIGHTER',
        'ADVANCED_COLLECTIVE',
        'EXCELLENT_COLLECTIVE',
        'PROVINCIAL_EMULATION_FLAG',
        'GOVERNMENT_EMULATION_FLAG',
      ].sort(),
    );
  });

  it('refuses an individual title for a collective', () => {
    spec
      .given([])
      .when(register({ subject: school, award: AwardKind.GRASSROOTS_EMULATION_FIGHTER }))
      .thenThrows('SUBJECT_KIND_MISMATCH', {
        award: AwardKind.GRASSROOTS_EMULATION_FIGHTER,
        subjectKind: SubjectKind.COLLECTIVE,
        requiredKind: SubjectKind.INDIVIDUAL,
      });
  });

  it('refuses a collective title for an individual', () => {
    spec
      .given([])
      .when(register({ award: AwardKind.PROVINCIAL_EMULATION_FLAG }))
      .thenThrows('SUBJECT_KIND_MISMATCH', {
        requiredKind: SubjectKind.COLLECTIVE,
      });
  });

  it.each([1944, 2101, 2023.5])('refuses the period year %s as invalid input', (year) => {
    spec
      .given([])
      .when(register({ period: { kind: PeriodKind.CALENDAR_YEAR, year } }))
      .thenThrows(InvalidInput, { field: 'period.year' });
  });

  it('accepts the edge years 1945 and 2100', () => {
    for (const year of [1945, 2100]) {
      expect(
        spec
          .given([])
          .when(register({ period: { kind: PeriodKind.SCHOOL_YEAR, year } }))
          .events(),
      ).toHaveLength(1);
    }
  });
});
