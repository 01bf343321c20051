/** Performance ratings: who is rated, how, and now and then a correction a few days later. */
import { ratingDecider, ratingStreamKey } from '../../src/ratings/rating.decider';
import {
  PerformanceRating,
  PeriodKind,
  periodKey,
  SubjectKind,
  type Period,
  type SubjectRef,
} from '../../src/shared/domain';
import { DAY, ymd } from './calendar';
import type { Simulation } from './simulation';

/** Rates a subject at `at`, unless it already has that rating (nothing to correct). */
export function rate(
  sim: Simulation,
  at: number,
  subject: SubjectRef,
  period: Period,
  rating: PerformanceRating,
): void {
  const ratingId = ratingStreamKey(subject, period);
  sim.at(at, () => {
    const current = sim.state(ratingDecider, ratingId);
    if (current.status === 'RATED' && current.rating === rating) return undefined;
    const known = sim.subjectOf(subject.kind, subject.id);
    return sim.run(
      at,
      sim.officerOf(known.unitId),
      'ratePerformance',
      () => ({ input: { subject: { kind: subject.kind, id: subject.id }, period, rating } }),
      (tx) => {
        tx.decide(ratingDecider, tx.load(ratingDecider, ratingId), {
          type: 'RatePerformance',
          data: {
            subject: { kind: known.kind, id: known.id, name: known.name },
            subjectUnitId: known.unitId,
            period,
            rating,
            now: tx.nowIso,
          },
        });
      },
    );
  });
}

function ratingFor(sim: Simulation, fighter: boolean, nominee: boolean): PerformanceRating {
  if (fighter)
    return sim.rng.weighted([
      [PerformanceRating.EXCELLENT, 85],
      [PerformanceRating.GOOD, 15],
    ] as const);
  if (nominee)
    return sim.rng.weighted([
      [PerformanceRating.EXCELLENT, 20],
      [PerformanceRating.GOOD, 77],
      [PerformanceRating.COMPLETED, 3],
    ] as const);
  return sim.rng.weighted([
    [PerformanceRating.EXCELLENT, 15],
    [PerformanceRating.GOOD, 60],
    [PerformanceRating.COMPLETED, 20],
    [PerformanceRating.NOT_COMPLETED, 5],
  ] as const);
}

/** Rates the period's nominees (and some other registrants) in [from, to]; returns the nominees, to be proposed. */
export function rateRound(
  sim: Simulation,
  period: Period,
  registrants: string[],
  fighters: Set<string>,
  from: string,
  to: string,
): string[] {
  const { rng } = sim;
  const nominees = registrants.filter((id) => (fighters.has(id) ? rng.chance(0.95) : rng.chance(0.27)));
  const nomineeSet = new Set(nominees);
  const extras = registrants.filter((id) => !nomineeSet.has(id) && rng.chance(0.1));
  for (const id of [...nominees, ...extras]) {
    const rating = ratingFor(sim, fighters.has(id), nomineeSet.has(id));
    const at = sim.officeTime(from, to);
    rate(sim, at, { kind: SubjectKind.INDIVIDUAL, id }, period, rating);
    if (rng.chance(0.02))
      rate(
        sim,
        at + rng.int(1, 3) * DAY,
        { kind: SubjectKind.INDIVIDUAL, id },
        period,
        rating === PerformanceRating.GOOD ? PerformanceRating.EXCELLENT : PerformanceRating.GOOD,
      );
  }
  return nominees;
}

/** The calendar year's ratings in November, before the year-end round. */
export function planCalendarRatings(sim: Simulation, year: number): void {
  const plan = sim.yearPlans.get(year)!;
  const period = { kind: PeriodKind.CALENDAR_YEAR, year };
  sim.nominees.set(
    periodKey(period),
    rateRound(sim, period, plan.awCalendar, plan.gfCalendar, ymd(year, 11, 8), ymd(year, 11, 20)),
  );
}
