import type { DomainEvent } from '../shared/decider';
import type { IsoInstant, Period, PerformanceRating, SubjectKind } from '../shared/domain';

/** A subject (person or unit) with the name it had when the event happened. */
export interface RatedSubject {
  kind: SubjectKind;
  id: string;
  name: string;
}

/**
 * A task-performance rating (xếp loại hoàn thành nhiệm vụ) for one subject and period.
 * The stream holds every rating given: a later one corrects the earlier one, which
 * stays in history; `previousRating` names the value it replaced (null for the first).
 */
export interface PerformanceRated extends DomainEvent<
  'PerformanceRated',
  {
    subject: RatedSubject;
    /** The person's unit, or the collective itself. */
    subjectUnitId: string;
    period: Period;
    rating: PerformanceRating;
    previousRating: PerformanceRating | null;
    ratedAt: IsoInstant;
  }
> {}

export type RatingEvent = PerformanceRated;
