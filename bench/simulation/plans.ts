/**
 * Each year's plans of emulation work: issued in January by every committee and
 * department, their tasks reported quarter by quarter.
 */
import { planDecider } from '../../src/plans/plan.decider';
import type { Actor } from '../province';
import { PLAN_TASKS } from '../names';
import { MINUTE, ymd } from './calendar';
import type { Simulation } from './simulation';

interface Issuer {
  id: string;
  /** The units it may give tasks to. */
  children: string[];
}

interface PlanTask {
  quarter: number;
  content: string;
  directingUnitId: string;
  executingUnitIds: string[];
  coordinatingUnitIds: string[];
}

interface TaskReport {
  done: boolean;
  at: number;
}

export function planPlans(sim: Simulation, year: number): void {
  for (const issuer of issuersOf(sim)) {
    const planId = `${sim.prefix}kh-${issuer.id}-${year}`;
    const tasks = planTasks(sim, issuer, year);
    const title = `Kế hoạch công tác thi đua, khen thưởng năm ${year}`;
    const actor = sim.secretariatOf(issuer.id);
    const issuedAt =
      year === sim.firstYear
        ? sim.officeTime(ymd(year, 1, 14), ymd(year, 1, 28))
        : sim.officeTime(ymd(year, 1, 5), ymd(year, 1, 25));
    sim.at(issuedAt, () =>
      sim.run(
        issuedAt,
        actor,
        'issuePlan',
        () => ({ input: { id: planId, year, issuedByUnitId: issuer.id, title, tasks } }),
        (tx) => {
          tx.decide(planDecider, tx.load(planDecider, planId), {
            type: 'IssuePlan',
            data: { planId, year, issuedByUnitId: issuer.id, title, tasks, unknownUnitIds: [] },
          });
        },
      ),
    );
    tasks.forEach((task, index) => scheduleTaskReports(sim, actor, planId, year, issuedAt, task, index + 1));
  }
}

/** The province, its departments, the districts and the communes, each over the units below it. */
function issuersOf(sim: Simulation): Issuer[] {
  const p = sim.province;
  return [
    { id: p.provinceUnitId, children: p.departmentIds },
    ...p.departmentIds.map((id) => ({ id, children: [] as string[] })),
    ...p.districts.map((d) => ({ id: d.unitId, children: [...d.officeIds, ...d.communeIds] })),
    ...p.districts.flatMap((d) =>
      d.communeIds.map((id) => ({ id, children: d.villageIds.filter((v) => p.unitById.get(v)!.parentId === id) })),
    ),
  ];
}

function planTasks(sim: Simulation, issuer: Issuer, year: number): PlanTask[] {
  const { rng } = sim;
  const count = rng.int(5, 9);
  const chosen = [
    ...rng.sample(
      PLAN_TASKS.map((_, i) => i),
      count,
    ),
  ].sort((a, b) => a - b);
  return chosen.map((i) => {
    const executing =
      issuer.children.length > 0 && rng.chance(0.6) ? rng.sample(issuer.children, rng.int(1, 2)) : [issuer.id];
    const coordinating =
      issuer.children.length > 2 && rng.chance(0.3)
        ? rng.sample(
            issuer.children.filter((c) => !executing.includes(c)),
            1,
          )
        : [];
    return {
      quarter: Math.min(4, 1 + Math.floor((i * 4) / PLAN_TASKS.length)),
      content: `${PLAN_TASKS[i]} ${year}`,
      directingUnitId: issuer.id,
      executingUnitIds: executing,
      coordinatingUnitIds: coordinating,
    };
  });
}

/** Progress reports during the task's quarter, and most often one that it is done. */
function scheduleTaskReports(
  sim: Simulation,
  actor: Actor,
  planId: string,
  year: number,
  issuedAt: number,
  task: PlanTask,
  taskNo: number,
): void {
  const { rng } = sim;
  const qStartMonth = (task.quarter - 1) * 3 + 1;
  const reports: TaskReport[] = [];
  const progress = rng.weighted([
    [0, 1],
    [1, 3],
    [2, 3],
    [3, 2],
  ] as const);
  for (let r = 0; r < progress; r++)
    reports.push({ done: false, at: sim.officeTime(ymd(year, qStartMonth, 1), ymd(year, qStartMonth + 2, 10)) });
  reports.sort((a, b) => a.at - b.at);
  if (rng.chance(0.92))
    reports.push({ done: true, at: sim.officeTime(ymd(year, qStartMonth + 2, 12), ymd(year, qStartMonth + 2, 28)) });
  for (const report of reports) {
    if (report.at <= issuedAt) report.at = issuedAt + (1 + taskNo) * MINUTE;
    const note = report.done ? null : rng.chance(0.5) ? 'Đang triển khai thực hiện' : null;
    sim.at(report.at, () =>
      sim.run(
        report.at,
        actor,
        'reportPlanTask',
        () => ({ planId, taskNo, done: report.done, note }),
        (tx) => {
          tx.decide(planDecider, tx.load(planDecider, planId), {
            type: 'ReportPlanTask',
            data: { planId, taskNo, done: report.done, note, reportedOn: tx.today, now: tx.nowIso },
          });
        },
      ),
    );
  }
}
