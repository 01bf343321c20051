/** A simulated year: what is planned on Jan 1, and the rounds scheduled through the year into the next January. */
import { PeriodKind } from '../../src/shared/domain';
import { dayStart, ymd } from './calendar';
import { planClusterYear } from './clusterYear';
import { planComplaintsAboutAwards } from './complaints';
import { planInitiatives } from './initiatives';
import { planMovements } from './movements';
import { planPlans } from './plans';
import { planCalendarRatings } from './ratings';
import { planRegistrations } from './registrations';
import { planRegistry } from './registry';
import {
  planClusterAwardRound,
  planFighterRound,
  planProvincialFighterRound,
  planSchoolYearRound,
  planThematicRound,
  planYearEndRound,
} from './rounds';
import type { Simulation } from './simulation';
import { emptyYearPlan } from './yearPlan';

export function planYear(sim: Simulation, year: number): void {
  const plan = emptyYearPlan();
  sim.yearPlans.set(year, plan);
  if (year === sim.firstYear) planRegistry(sim, year);
  planMovements(sim, year, plan);
  planPlans(sim, year);
  planClusterYear(sim, year);
  planRegistrations(sim, year, plan);
  planComplaintsAboutAwards(sim, year);
  const calendar = { kind: PeriodKind.CALENDAR_YEAR, year };
  const on = (month: number, day: number, run: () => void, inYear = year) =>
    sim.at(dayStart(ymd(inYear, month, day)), run);
  on(5, 1, () => planSchoolYearRound(sim, year, year - 1));
  on(8, 20, () => planThematicRound(sim, year));
  on(9, 28, () => planInitiatives(sim, year, calendar, ymd(year, 10, 1), ymd(year, 11, 15)));
  on(10, 28, () => planCalendarRatings(sim, year));
  on(11, 19, () => planYearEndRound(sim, year));
  on(12, 10, () => planClusterAwardRound(sim, year));
  on(12, 24, () => planFighterRound(sim, calendar, ymd(year, 12, 24), ymd(year, 12, 25), ymd(year, 12, 29)));
  on(1, 5, () => planProvincialFighterRound(sim, year), year + 1);
  if (year + 1 < sim.firstYear + sim.years) on(1, 1, () => planYear(sim, year + 1), year + 1);
}
