/** Initiatives recognised by the councils: their authors, level and period, remembered for the appraisals. */
import { initiativeDecider } from '../../src/initiatives/initiative.decider';
import { AuthorityLevel, PeriodKind, SubjectKind, type Period } from '../../src/shared/domain';
import type { CouncilInfo } from '../province';
import type { Simulation } from './simulation';
import type { Step } from './types';

interface Initiative {
  id: string;
  title: string;
  authorIds: string[];
  level: AuthorityLevel;
  period: Period;
  decisionNumber: string;
  council: CouncilInfo;
}

/** The period's initiatives, recognised at random times in [from, to]: mostly led by the period's fighters. */
export function planInitiatives(sim: Simulation, year: number, period: Period, from: string, to: string): void {
  const p = sim.province;
  const plan = sim.yearPlans.get(year)!;
  const calendar = period.kind === PeriodKind.CALENDAR_YEAR;
  const leads = calendar ? [...plan.gfCalendar] : [...(plan.gfSchool.get(period.year) ?? [])];
  const count = calendar ? Math.round(p.people.length * 0.01 + leads.length * 0.4) : Math.round(leads.length * 0.7);
  const shuffledLeads = sim.rng.shuffle([...leads]);
  for (let i = 0; i < count; i++) {
    const lead =
      i < shuffledLeads.length && sim.rng.chance(calendar ? 0.75 : 1) ? shuffledLeads[i] : sim.rng.pick(p.people).id;
    const initiative = initiativeOf(sim, lead, period);
    const at = sim.officeTime(from, to);
    sim.at(at, () => recognize(sim, at, initiative));
  }
}

/** The lead's initiative, with up to two co-authors of the lead's unit. */
function initiativeOf(sim: Simulation, lead: string, period: Period): Initiative {
  const { rng, province: p } = sim;
  const unit = p.unitById.get(p.personById.get(lead)!.unitId)!;
  const coauthors = rng.sample(
    unit.people.filter((id) => id !== lead),
    rng.weighted([
      [0, 6],
      [1, 3],
      [2, 1],
    ] as const),
  );
  const level = rng.weighted([
    [AuthorityLevel.UNIT, 50],
    [AuthorityLevel.DISTRICT, 35],
    [AuthorityLevel.PROVINCE, 15],
  ] as const);
  const id = `${sim.prefix}sk-${period.year}-${String(sim.next('initiative')).padStart(5, '0')}`;
  const improves = rng.pick([
    'nâng cao hiệu quả',
    'số hóa quy trình',
    'cải tiến phương pháp',
    'ứng dụng công nghệ trong',
  ]);
  const field = rng.pick(['quản lý hồ sơ', 'giảng dạy', 'tiếp công dân', 'sản xuất nông nghiệp', 'thu ngân sách']);
  return {
    id,
    title: `Sáng kiến ${improves} ${field} (${id})`,
    authorIds: [lead, ...coauthors],
    level,
    period,
    decisionNumber: `${rng.int(10, 999)}/QĐ-HĐSK`,
    council: sim.councilFor(unit, level === AuthorityLevel.PROVINCE),
  };
}

function recognize(sim: Simulation, at: number, initiative: Initiative): Step {
  const { id, title, authorIds, level, period, decisionNumber } = initiative;
  return sim.run(
    at,
    initiative.council.secretariat,
    'recognizeInitiative',
    () => ({ input: { id, title, authorIds, level, period, decisionNumber } }),
    (tx) => {
      const authors = authorIds.map((personId) => ({
        personId,
        name: sim.subjectOf(SubjectKind.INDIVIDUAL, personId).name,
      }));
      tx.decide(initiativeDecider, tx.load(initiativeDecider, id), {
        type: 'RecognizeInitiative',
        data: { initiativeId: id, title, authors, level, period, decisionNumber, now: tx.nowIso },
      });
      for (const personId of authorIds) sim.facts.recordInitiative(personId, { level, period });
    },
  );
}
