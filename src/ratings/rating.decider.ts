import { assertNever, type Decider } from '../shared/decider';
import {
  MAX_YEAR,
  MIN_YEAR,
  PerformanceRating,
  PeriodKind,
  periodKey,
  samePeriod,
  subjectKey,
  type IsoInstant,
  type Period,
  type SubjectRef,
} from '../shared/domain';
import { InvalidInput, RuleViolation } from '../shared/errors';
import type { PerformanceRated, RatedSubject, RatingEvent } from './rating.events';

const RATING_STREAM_TYPE = 'rating';

/**
 * The rating stream id for one subject and period: `<subjectKind>:<subjectId>:<periodKind>:<year>`,
 * e.g. `INDIVIDUAL:p-17:CALENDAR_YEAR:2023` (stream `rating-INDIVIDUAL:p-17:CALENDAR_YEAR:2023`).
 * Only the subject id may contain `:`, so distinct inputs never share a key.
 */
export function ratingStreamKey(subject: SubjectRef, period: Period): string {
  return `${subjectKey(subject)}:${periodKey(period)}`;
}

export type RatingState =
  | { status: 'NONE' }
  | {
      status: 'RATED';
      subject: RatedSubject;
      subjectUnitId: string;
      period: Period;
      /** The latest rating: it corrects every earlier one. */
      rating: PerformanceRating;
      ratedAt: IsoInstant;
      /** How many ratings the stream holds (1 + corrections). */
      ratings: number;
    };

export interface RatePerformance {
  type: 'RatePerformance';
  data: {
    subject: RatedSubject;
    /** The person's unit (for an individual) or the unit itself (for a collective). */
    subjectUnitId: string;
    period: Period;
    rating: PerformanceRating;
    now: IsoInstant;
  };
}

export type RatingCommand = RatePerformance;

function initialRatingState(): RatingState {
  return { status: 'NONE' };
}

function evolveRating(state: RatingState, event: RatingEvent): RatingState {
  switch (event.type) {
    case 'PerformanceRated': {
      const { subject, subjectUnitId, period, rating, ratedAt } = event.data;
      return {
        status: 'RATED',
        subject,
        subjectUnitId,
        period,
        rating,
        ratedAt,
        ratings: state.status === 'RATED' ? state.ratings + 1 : 1,
      };
    }
    default:
      return assertNever(event.type, 'rating event');
  }
}

function decideRating(command: RatingCommand, state: RatingState): RatingEvent[] {
  switch (command.type) {
    case 'RatePerformance':
      return ratePerformance(command.data, state);
    default:
      return assertNever(command.type, 'rating command');
  }
}

function ratePerformance(data: RatePerformance['data'], state: RatingState): PerformanceRated[] {
  const { subject, period, rating } = data;
  validatePeriod(period);
  if (!Object.values(PerformanceRating).includes(rating))
    throw new InvalidInput(`unknown rating ${String(rating)}`, 'rating');
  if (state.status === 'RATED') {
    if (subjectKey(state.subject) !== subjectKey(subject) || !samePeriod(state.period, period)) {
      throw new InvalidInput(
        `this rating stream is for ${subjectKey(state.subject)} in ${periodKey(state.period)}, not ${subjectKey(subject)} in ${periodKey(period)}`,
        'subject',
      );
    }
    if (state.rating === rating) {
      throw new RuleViolation(
        'RATING_UNCHANGED',
        `${subject.name} is already rated ${rating} for ${periodKey(period)}: nothing to correct`,
        {
          rating,
          ratedAt: state.ratedAt,
        },
      );
    }
  }
  return [
    {
      type: 'PerformanceRated',
      data: {
        subject: { kind: subject.kind, id: subject.id, name: subject.name },
        subjectUnitId: data.subjectUnitId,
        period: { kind: period.kind, year: period.year },
        rating,
        previousRating: state.status === 'RATED' ? state.rating : null,
        ratedAt: data.now,
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

export const ratingDecider: Decider<RatingCommand, RatingEvent, RatingState> = {
  streamType: RATING_STREAM_TYPE,
  initialState: initialRatingState,
  evolve: evolveRating,
  decide: decideRating,
};
