import type { Pool } from 'pg';
import { planTaskStatus } from '../../src/plans/plan.decider';
import type { IsoDate, PlanTaskStatus } from '../../src/shared/domain';

export interface PlanView {
  id: string;
  year: number;
  title: string;
  issuedByUnitId: string;
  tasks: Array<{
    taskNo: number;
    quarter: number;
    content: string;
    directingUnitId: string;
    executingUnitIds: string[];
    coordinatingUnitIds: string[];
    status: PlanTaskStatus;
  }>;
}

/** A plan with each task's status as of `today` (OVERDUE once its quarter has ended undone). */
export async function getPlan(pool: Pool, planId: string, today: IsoDate): Promise<PlanView | null> {
  const plan = await pool.query('SELECT plan_id, year, title, issued_by_unit_id FROM plans.plans WHERE plan_id = $1', [
    planId,
  ]);
  if (plan.rows.length === 0) return null;
  const [tasks, reports] = await Promise.all([
    pool.query(
      'SELECT task_no, quarter, content, directing_unit_id, executing_unit_ids, coordinating_unit_ids FROM plans.plan_tasks WHERE plan_id = $1 ORDER BY task_no',
      [planId],
    ),
    pool.query('SELECT task_no, done FROM plans.plan_task_reports WHERE plan_id = $1 ORDER BY position', [planId]),
  ]);
  const p = plan.rows[0];
  return {
    id: p.plan_id,
    year: p.year,
    title: p.title,
    issuedByUnitId: p.issued_by_unit_id,
    tasks: tasks.rows.map((t) => ({
      taskNo: t.task_no,
      quarter: t.quarter,
      content: t.content,
      directingUnitId: t.directing_unit_id,
      executingUnitIds: t.executing_unit_ids,
      coordinatingUnitIds: t.coordinating_unit_ids,
      status: planTaskStatus(
        { year: p.year, quarter: t.quarter },
        reports.rows.filter((r) => r.task_no === t.task_no),
        today,
      ),
    })),
  };
}
