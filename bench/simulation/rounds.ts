/** The year's rounds of proposals: school year, thematic movements, year end, clusters, fighters. */
import { DEFAULT_CERTIFICATE_COUNT } from '../../src/clusters/standings';
import { consecutivePeriods } from '../../src/rules/eligibility';
import { ruleSetFor } from '../../src/rules/ruleSets';
import {
  addDays,
  AwardKind,
  PerformanceRating,
  PeriodKind,
  periodKey,
  SubjectKind,
  type Period,
} from '../../src/shared/domain';
import { dayStart, ymd } from './calendar';
import { planComplaintsAboutDossiers } from './complaints';
import { councilRound } from './councilSessions';
import { submitDossier, type RoundDossier } from './dossiers';
import { planInitiatives } from './initiatives';
import { rate, rateRound } from './ratings';
import { calendarPeople, districtPeople } from './registrations';
import type { Simulation } from './simulation';

const INDIVIDUAL = SubjectKind.INDIVIDUAL;
const COLLECTIVE = SubjectKind.COLLECTIVE;

/** End of a school year: initiatives in May, ratings, advanced workers in June, fighters in July. */
export function planSchoolYearRound(sim: Simulation, year: number, schoolYear: number): void {
  const plan = sim.yearPlans.get(year)!;
  const registrants = plan.awSchool.get(schoolYear) ?? sim.yearPlans.get(year - 1)?.awSchool.get(schoolYear);
  const fighters =
    plan.gfSchool.get(schoolYear) ?? sim.yearPlans.get(year - 1)?.gfSchool.get(schoolYear) ?? new Set<string>();
  if (!registrants) return;
  const period = { kind: PeriodKind.SCHOOL_YEAR, year: schoolYear };
  // Initiatives of the school year for the fighters, ratings at the end of the school year.
  if (!plan.gfSchool.has(schoolYear)) plan.gfSchool.set(schoolYear, fighters);
  planInitiatives(sim, year, period, ymd(year, 5, 5), ymd(year, 5, 18));
  const nominees = rateRound(sim, period, registrants, fighters, ymd(year, 5, 20), ymd(year, 5, 31));
  const round: RoundDossier[] = [];
  for (const id of nominees)
    submitDossier(sim, round, {
      nominee: { kind: INDIVIDUAL, id },
      award: AwardKind.ADVANCED_WORKER,
      period,
      movementId: null,
      from: ymd(year, 6, 1),
      to: ymd(year, 6, 12),
      appraiseBy: ymd(year, 6, 28),
      provinceLevel: false,
    });
  councilRound(sim, round, ymd(year, 7, 1));
  sim.at(dayStart(ymd(year, 7, 14)), () =>
    planFighterRound(sim, period, ymd(year, 7, 14), ymd(year, 7, 16), ymd(year, 7, 22), fighters),
  );
}

/** Certificates of merit under each district's thematic movement, in September. */
export function planThematicRound(sim: Simulation, year: number): void {
  const plan = sim.yearPlans.get(year)!;
  const round: RoundDossier[] = [];
  for (const d of sim.province.districts) {
    const propose = (kind: SubjectKind, id: string) =>
      submitDossier(sim, round, {
        nominee: { kind, id },
        award: AwardKind.CERTIFICATE_OF_MERIT,
        period: { kind: PeriodKind.CALENDAR_YEAR, year },
        movementId: plan.thematicMovement.get(d.index) ?? null,
        from: ymd(year, 9, 1),
        to: ymd(year, 9, 8),
        appraiseBy: ymd(year, 9, 18),
        provinceLevel: false,
      });
    const people = districtPeople(sim, (u) => u.district === d.index);
    for (const id of sim.rng.sample(people, Math.round(people.length * 0.0025))) propose(INDIVIDUAL, id);
    const units = [...d.communeIds, ...d.villageIds];
    for (const id of sim.rng.sample(units, Math.round(units.length * 0.05))) propose(COLLECTIVE, id);
  }
  councilRound(sim, round, ymd(year, 9, 22));
}

type Propose = (kind: SubjectKind, id: string, award: AwardKind, provinceLevel: boolean) => void;

/** The calendar year's titles and merits, proposed Nov 20 – Dec 3 and voted on Dec 11. */
export function planYearEndRound(sim: Simulation, year: number): void {
  const period = { kind: PeriodKind.CALENDAR_YEAR, year };
  const round: RoundDossier[] = [];
  const propose: Propose = (kind, id, award, provinceLevel) =>
    submitDossier(sim, round, {
      nominee: { kind, id },
      award,
      period,
      movementId: null,
      from: ymd(year, 11, 20),
      to: ymd(year, 12, 3),
      appraiseBy: ymd(year, 12, 10),
      provinceLevel,
    });
  proposeYearEndTitles(sim, period, propose);
  const districtWide = districtPeople(sim, () => true);
  for (const id of sim.rng.sample(districtWide, Math.round(districtWide.length * 0.003)))
    propose(INDIVIDUAL, id, AwardKind.CERTIFICATE_OF_MERIT, false);
  const people = sim.province.people;
  for (const person of sim.rng.sample(people, Math.round(people.length * 0.0005)))
    propose(INDIVIDUAL, person.id, AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT, true);
  for (const person of sim.rng.sample(people, Math.round(people.length * 0.0006)))
    propose(INDIVIDUAL, person.id, AwardKind.COMMEMORATIVE_MEDAL, true);
  planComplaintsAboutDossiers(sim, year, round);
  councilRound(sim, round, ymd(year, 12, 11));
}

/** Advanced workers (the rated nominees, and a few never registered), advanced and excellent collectives. */
function proposeYearEndTitles(sim: Simulation, period: Period, propose: Propose): void {
  const year = period.year;
  const plan = sim.yearPlans.get(year)!;
  const nominees = sim.nominees.get(periodKey(period)) ?? [];
  for (const id of nominees) propose(INDIVIDUAL, id, AwardKind.ADVANCED_WORKER, false);
  // A few proposals without registration (refused under the 2013 rules, fine later).
  const registered = new Set(plan.awCalendar);
  const others = calendarPeople(sim).filter((id) => !registered.has(id));
  for (const id of sim.rng.sample(others, Math.round(nominees.length * 0.02))) {
    rate(sim, sim.officeTime(ymd(year, 11, 19)), { kind: INDIVIDUAL, id }, period, PerformanceRating.GOOD);
    propose(INDIVIDUAL, id, AwardKind.ADVANCED_WORKER, false);
  }
  for (const id of plan.advancedCollective)
    if (sim.rng.chance(0.35)) propose(COLLECTIVE, id, AwardKind.ADVANCED_COLLECTIVE, false);
  for (const id of plan.excellentCollective)
    if (sim.rng.chance(0.5)) propose(COLLECTIVE, id, AwardKind.EXCELLENT_COLLECTIVE, true);
}

/** The cluster awards on the finalized rankings: the flag for the first, certificates for the next. */
export function planClusterAwardRound(sim: Simulation, year: number): void {
  const round: RoundDossier[] = [];
  const period = { kind: PeriodKind.CALENDAR_YEAR, year };
  const propose = (id: string, award: AwardKind) =>
    submitDossier(sim, round, {
      nominee: { kind: COLLECTIVE, id },
      award,
      period,
      movementId: null,
      from: ymd(year, 12, 10),
      to: ymd(year, 12, 12),
      appraiseBy: ymd(year, 12, 16),
      provinceLevel: true,
    });
  for (const cluster of sim.province.clusters) {
    const ranked = [...cluster.memberIds]
      .map((id) => ({ id, rank: sim.facts.clusterRankOf(id, year) ?? Infinity }))
      .sort((a, b) => a.rank - b.rank);
    if (ranked.length === 0 || ranked[0].rank === Infinity) continue;
    propose(ranked[0].id, AwardKind.PROVINCIAL_EMULATION_FLAG);
    for (const next of ranked.slice(1, 1 + DEFAULT_CERTIFICATE_COUNT))
      propose(next.id, AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT);
  }
  councilRound(sim, round, ymd(year, 12, 17));
}

/**
 * Grassroots emulation fighters: proposed once their ADVANCED_WORKER award for the
 * period is decided, within the unit's cap under the 2013 rules (15% of its advanced workers).
 */
export function planFighterRound(
  sim: Simulation,
  period: Period,
  from: string,
  to: string,
  sessionDay: string,
  fightersOverride?: Set<string>,
): void {
  const fighters = fightersOverride ?? sim.yearPlans.get(period.year)?.gfCalendar ?? new Set<string>();
  const byUnit = new Map<string, string[]>();
  for (const id of fighters) {
    if (!sim.facts.holds(INDIVIDUAL, id, AwardKind.ADVANCED_WORKER, period) && !sim.rng.chance(0.02)) continue;
    const unitId = sim.subjectOf(INDIVIDUAL, id).unitId;
    byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), id]);
  }
  const round: RoundDossier[] = [];
  for (const [unitId, ids] of byUnit) {
    const advanced = sim.facts.advancedWorkersOf(unitId, period);
    const cap = Math.floor(advanced * 0.15 + 1e-9) + (sim.rng.chance(0.1) ? 1 : 0);
    const allowed = ruleSetFor(from).grassrootsFighter.ratioCapToAdvancedWorkers === null ? ids.length : cap;
    for (const id of ids.slice(0, allowed))
      submitDossier(sim, round, {
        nominee: { kind: INDIVIDUAL, id },
        award: AwardKind.GRASSROOTS_EMULATION_FIGHTER,
        period,
        movementId: null,
        from,
        to,
        appraiseBy: addDays(sessionDay, -1),
        provinceLevel: false,
      });
  }
  councilRound(sim, round, sessionDay);
}

/** Provincial emulation fighters: three grassroots years in a row and a province-level initiative. */
export function planProvincialFighterRound(sim: Simulation, year: number): void {
  const period = { kind: PeriodKind.CALENDAR_YEAR, year };
  const plan = sim.yearPlans.get(year);
  if (!plan) return;
  const round: RoundDossier[] = [];
  for (const id of plan.gfCalendar) {
    const chain = consecutivePeriods(period, 3).every((p) =>
      sim.facts.holds(INDIVIDUAL, id, AwardKind.GRASSROOTS_EMULATION_FIGHTER, p),
    );
    if (!chain || !sim.rng.chance(0.8)) continue;
    submitDossier(sim, round, {
      nominee: { kind: INDIVIDUAL, id },
      award: AwardKind.PROVINCIAL_EMULATION_FIGHTER,
      period,
      movementId: null,
      from: ymd(year + 1, 1, 6),
      to: ymd(year + 1, 1, 8),
      appraiseBy: ymd(year + 1, 1, 14),
      provinceLevel: true,
    });
  }
  councilRound(sim, round, ymd(year + 1, 1, 16));
}
