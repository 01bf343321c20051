import { PerformanceRating, PeriodKind, SubjectKind, type Period } from '../../src/shared/domain';
import { InvalidInput } from '../../src/shared/errors';
import type { PerformanceRated } from '../../src/ratings/rating.events';
import { ratingDecider, ratingStreamKey, type RatePerformance } from '../../src/ratings/rating.decider';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(ratingDecider));
const Y2023: Period = { kind: PeriodKind.CALENDAR_YEAR, year: 2023 };
const person = { kind: SubjectKind.INDIVIDUAL, id: 'p-1', name: 'Trần Thị Bích' };

function rate(
  rating: PerformanceRating,
  now = '2023-12-20T08:00:00.000Z',
  overrides: Partial<RatePerformance['data']> = {},
): RatePerformance {
  return {
    type: 'RatePerformance',
    data: { subject: person, subjectUnitId: 'u-1', period: Y2023, rating, now, ...overrides },
  };
}

function rated(
  rating: PerformanceRating,
  previousRating: PerformanceRating | null,
  ratedAt = '2023-12-20T08:00:00.000Z',
): PerformanceRated {
  return {
    type: 'PerformanceRated',
    data: { subject: person, subjectUnitId: 'u-1', period: Y2023, rating, previousRating, ratedAt },
  };
}

describe('rating stream key', () => {
  it('is one stream per subject and period', () => {
    expect(ratingStreamKey(person, Y2023)).toBe('INDIVIDUAL:p-1:CALENDAR_YEAR:2023');
    expect(
      ratingStreamKey({ kind: SubjectKind.INDIVIDUAL, id: 'p-1' }, { kind: PeriodKind.SCHOOL_YEAR, year: 2023 }),
    ).toBe('INDIVIDUAL:p-1:SCHOOL_YEAR:2023');
    expect(ratingStreamKey({ kind: SubjectKind.COLLECTIVE, id: 'p-1' }, Y2023)).not.toBe(
      ratingStreamKey(person, Y2023),
    );
  });
});

describe('RatePerformance', () => {
  it('given no rating, when rated GOOD, then PerformanceRated with no previous rating', () => {
    spec
      .given([])
      .when(rate(PerformanceRating.GOOD))
      .then([rated(PerformanceRating.GOOD, null)]);
  });

  it('given GOOD, when rated EXCELLENT later, then a correction naming the previous rating', () => {
    spec
      .given([rated(PerformanceRating.GOOD, null)])
      .when(rate(PerformanceRating.EXCELLENT, '2024-01-05T08:00:00.000Z'))
      .then([rated(PerformanceRating.EXCELLENT, PerformanceRating.GOOD, '2024-01-05T08:00:00.000Z')]);
  });

  it('keeps both ratings in history and the latest in state', () => {
    const state = spec
      .given([rated(PerformanceRating.GOOD, null)])
      .when(rate(PerformanceRating.COMPLETED, '2024-01-05T08:00:00.000Z'))
      .stateAfter();
    expect(state).toMatchObject({
      status: 'RATED',
      rating: PerformanceRating.COMPLETED,
      ratedAt: '2024-01-05T08:00:00.000Z',
      ratings: 2,
    });
  });

  it('given GOOD, when rated GOOD again, then RATING_UNCHANGED', () => {
    spec
      .given([rated(PerformanceRating.GOOD, null)])
      .when(rate(PerformanceRating.GOOD))
      .thenThrows('RATING_UNCHANGED', {
        rating: PerformanceRating.GOOD,
      });
  });

  it('compares with the latest rating, not the first: GOOD → EXCELLENT → GOOD is a correction', () => {
    spec
      .given([rated(PerformanceRating.GOOD, null), rated(PerformanceRating.EXCELLENT, PerformanceRating.GOOD)])
      .when(rate(PerformanceRating.GOOD))
      .then([rated(PerformanceRating.GOOD, PerformanceRating.EXCELLENT)]);
    spec
      .given([rated(PerformanceRating.GOOD, null), rated(PerformanceRating.EXCELLENT, PerformanceRating.GOOD)])
      .when(rate(PerformanceRating.EXCELLENT))
      .thenThrows('RATING_UNCHANGED');
  });

  it('rates collectives too', () => {
    const unit = { kind: SubjectKind.COLLECTIVE, id: 'u-9', name: 'UBND xã Hòa Bình' };
    const events = spec
      .given([])
      .when(rate(PerformanceRating.EXCELLENT, undefined, { subject: unit, subjectUnitId: 'u-9' }))
      .events();
    expect(events[0].data).toMatchObject({ subject: unit, subjectUnitId: 'u-9', rating: PerformanceRating.EXCELLENT });
  });

  it('refuses a rating for another subject or period than the stream holds', () => {
    spec
      .given([rated(PerformanceRating.GOOD, null)])
      .when(rate(PerformanceRating.EXCELLENT, undefined, { period: { kind: PeriodKind.CALENDAR_YEAR, year: 2024 } }))
      .thenThrows(InvalidInput);
    spec
      .given([rated(PerformanceRating.GOOD, null)])
      .when(rate(PerformanceRating.EXCELLENT, undefined, { subject: { ...person, id: 'p-2' } }))
      .thenThrows(InvalidInput);
  });

  it('refuses an unknown rating value and a year out of range', () => {
    spec
      .given([])
      .when(rate('GREAT' as PerformanceRating))
      .thenThrows(InvalidInput, { field: 'rating' });
    spec
      .given([])
      .when(rate(PerformanceRating.GOOD, undefined, { period: { kind: PeriodKind.CALENDAR_YEAR, year: 1944 } }))
      .thenThrows(InvalidInput, {
        field: 'period.year',
      });
  });
});
