/**
 * Title registrations at the start of each year (and of each school year): who aims for
 * which title, which movement they register under.
 */
import { registrationDecider, registrationStreamKey } from '../../src/registrations/registration.decider';
import { AwardKind, PeriodKind, SubjectKind, type Period, type SubjectRef } from '../../src/shared/domain';
import type { UnitInfo } from '../province';
import { ymd } from './calendar';
import type { Simulation } from './simulation';
import type { Step } from './types';
import type { YearPlan } from './yearPlan';

/** Registers a subject for a title at a random time in [from, to]. */
type Register = (subject: SubjectRef, award: AwardKind, period: Period, from: string, to: string) => void;

export function districtPeople(sim: Simulation, predicate: (unit: UnitInfo) => boolean): string[] {
  const out: string[] = [];
  for (const unit of sim.province.units) if (unit.district !== null && predicate(unit)) out.push(...unit.people);
  return out;
}

/**
 * People who work on the calendar year and whose titles a unit-level or district
 * authority grants: district units other than schools, and the province's public
 * service units (level UNIT: their heads grant the titles).
 */
export function calendarPeople(sim: Simulation): string[] {
  const out: string[] = [];
  for (const unit of sim.province.units)
    if ((unit.district !== null && unit.role !== 'school') || unit.role === 'deptSub') out.push(...unit.people);
  return out;
}

export function planRegistrations(sim: Simulation, year: number, plan: YearPlan): void {
  const register = registerer(sim, plan);
  const calendar = { kind: PeriodKind.CALENDAR_YEAR, year };
  const q1 = [ymd(year, 1, 15), ymd(year, 3, 31)] as const;
  const individual = (id: string): SubjectRef => ({ kind: SubjectKind.INDIVIDUAL, id });
  const collective = (id: string): SubjectRef => ({ kind: SubjectKind.COLLECTIVE, id });
  chooseCalendarRegistrants(sim, year, plan);
  for (const id of plan.awCalendar) register(individual(id), AwardKind.ADVANCED_WORKER, calendar, ...q1);
  for (const id of plan.gfCalendar) register(individual(id), AwardKind.GRASSROOTS_EMULATION_FIGHTER, calendar, ...q1);
  // Fighters with two grassroots years behind them aim for the provincial title.
  for (const id of plan.gfCalendar)
    if (
      sim.facts.holds(SubjectKind.INDIVIDUAL, id, AwardKind.GRASSROOTS_EMULATION_FIGHTER, {
        kind: calendar.kind,
        year: year - 1,
      })
    )
      register(individual(id), AwardKind.PROVINCIAL_EMULATION_FIGHTER, calendar, ...q1);
  const p = sim.province;
  const districtUnits = p.units.filter((u) => u.district !== null && u.role !== 'district');
  plan.advancedCollective = sim.rng.sample(
    districtUnits.map((u) => u.id),
    Math.round(districtUnits.length * 0.6),
  );
  for (const id of plan.advancedCollective) register(collective(id), AwardKind.ADVANCED_COLLECTIVE, calendar, ...q1);
  const allUnits = p.units.filter((u) => u.role !== 'province').map((u) => u.id);
  plan.excellentCollective = sim.rng.sample(allUnits, Math.round(allUnits.length * 0.15));
  for (const id of plan.excellentCollective) register(collective(id), AwardKind.EXCELLENT_COLLECTIVE, calendar, ...q1);
  for (const cluster of p.clusters) {
    const strongest = [...cluster.memberIds]
      .sort((a, b) => cluster.strength.get(b)! - cluster.strength.get(a)!)
      .slice(0, 3);
    for (const id of strongest) register(collective(id), AwardKind.PROVINCIAL_EMULATION_FLAG, calendar, ...q1);
  }
  planSchoolYearRegistrations(sim, year, plan, register);
}

/** A fifth of the calendar-year people aim for advanced worker; some of them for grassroots fighter too. */
function chooseCalendarRegistrants(sim: Simulation, year: number, plan: YearPlan): void {
  const { rng } = sim;
  const people = calendarPeople(sim);
  plan.awCalendar = rng.sample(people, Math.round(people.length * 0.2));
  // Fighters repeat: last year's fighter registrants first, so chains of consecutive years happen.
  const previous = sim.yearPlans.get(year - 1)?.gfCalendar ?? new Set<string>();
  const awSet = new Set(plan.awCalendar);
  const repeat = [...previous].filter((id) => awSet.has(id) && rng.chance(0.7));
  const gfTarget = Math.round(plan.awCalendar.length * 0.14);
  plan.gfCalendar = new Set(
    [...repeat, ...rng.sample(plan.awCalendar, gfTarget)].slice(0, Math.max(gfTarget, repeat.length)),
  );
}

/**
 * School-year titles are registered at the start of the school year (Sep–Oct); the
 * first simulated year also catches up on the school year already running.
 */
function planSchoolYearRegistrations(sim: Simulation, year: number, plan: YearPlan, register: Register): void {
  const schoolPeople = districtPeople(sim, (u) => u.role === 'school');
  const schoolYears = year === sim.firstYear ? [year - 1, year] : [year];
  for (const sy of schoolYears) {
    const aw = sim.rng.sample(schoolPeople, Math.round(schoolPeople.length * 0.09));
    const gf = new Set(sim.rng.sample(aw, Math.round(aw.length * 0.12)));
    plan.awSchool.set(sy, aw);
    plan.gfSchool.set(sy, gf);
    const [from, to] = sy < year ? [ymd(year, 1, 15), ymd(year, 2, 28)] : [ymd(year, 9, 15), ymd(year, 10, 15)];
    const period = { kind: PeriodKind.SCHOOL_YEAR, year: sy };
    for (const id of aw) register({ kind: SubjectKind.INDIVIDUAL, id }, AwardKind.ADVANCED_WORKER, period, from, to);
    for (const id of gf)
      register({ kind: SubjectKind.INDIVIDUAL, id }, AwardKind.GRASSROOTS_EMULATION_FIGHTER, period, from, to);
  }
}

/** Registrations under the year's movements: mostly the district's regular one, else the province's, or none. */
function registerer(sim: Simulation, plan: YearPlan): Register {
  const p = sim.province;
  const movementFor = (unitId: string): string | null => {
    const unit = p.unitById.get(unitId)!;
    const r = sim.rng.next();
    if (r < 0.7 && unit.district !== null) return plan.regularMovement.get(unit.district) ?? null;
    if (r < 0.9) return plan.regularMovement.get('province') ?? null;
    return null;
  };
  return (subject, award, period, from, to) => {
    const unitId = subject.kind === SubjectKind.INDIVIDUAL ? p.personById.get(subject.id)!.unitId : subject.id;
    const movementId = period.kind === PeriodKind.CALENDAR_YEAR ? movementFor(unitId) : null;
    const at = sim.officeTime(from, to);
    sim.at(at, () => registerTitle(sim, at, subject, award, period, movementId));
  };
}

function registerTitle(
  sim: Simulation,
  at: number,
  subject: SubjectRef,
  award: AwardKind,
  period: Period,
  movementId: string | null,
): Step {
  const actor = sim.officerOf(
    subject.kind === SubjectKind.INDIVIDUAL ? sim.province.personById.get(subject.id)!.unitId : subject.id,
  );
  const registrationId = registrationStreamKey(subject, award, period);
  return sim.run(
    at,
    actor,
    'registerTitle',
    () => ({ input: { subject: { kind: subject.kind, id: subject.id }, award, period, movementId } }),
    (tx) => {
      const known = sim.subjectOf(subject.kind, subject.id);
      tx.decide(registrationDecider, tx.load(registrationDecider, registrationId), {
        type: 'RegisterTitle',
        data: {
          subject: { kind: known.kind, id: known.id, name: known.name },
          subjectUnitId: known.unitId,
          award,
          period,
          movementId,
          now: tx.nowIso,
        },
      });
    },
  );
}
