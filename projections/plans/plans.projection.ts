import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents, type RecordedOfType } from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import { copyRows } from '../../src/projections/copyRows';
import type { PlanIssued, PlanTask } from '../../src/plans/plan.events';
import type { ProjectionDefinition } from '../../src/projections/projection';

/** Each task with its plan: a row of plan_tasks. */
function tasksOf(plans: ReadonlyArray<PlanIssued['data']>): Array<{ planId: string; task: PlanTask }> {
  return plans.flatMap((plan) => plan.tasks.map((task) => ({ planId: plan.planId, task })));
}

async function insertTasks(client: PoolClient, tasks: Array<{ planId: string; task: PlanTask }>): Promise<void> {
  if (tasks.length === 0) return;
  // Arrays of arrays cannot be bound one row each: unit lists travel joined by the unit separator.
  await client.query(
    `INSERT INTO plan_tasks (plan_id, task_no, quarter, content, directing_unit_id, executing_unit_ids, coordinating_unit_ids)
     SELECT t.plan_id, t.task_no, t.quarter, t.content, t.directing, string_to_array(t.executing, E'\\x1f'), string_to_array(t.coordinating, E'\\x1f')
     FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(plan_id, task_no, quarter, content, directing, executing, coordinating)`,
    [
      tasks.map((t) => t.planId),
      tasks.map((t) => t.task.taskNo),
      tasks.map((t) => t.task.quarter),
      tasks.map((t) => t.task.content),
      tasks.map((t) => t.task.directingUnitId),
      tasks.map((t) => t.task.executingUnitIds.join('\x1f')),
      tasks.map((t) => t.task.coordinatingUnitIds.join('\x1f')),
    ],
  );
}

/** Plans and reports are only ever inserted, so a batch is one COPY or multi-row insert per table. */
async function applyPlans(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const plans: Array<PlanIssued['data']> = [];
  const reports: Array<RecordedOfType<'PlanTaskReported'>> = [];
  for (const event of asRecordedDomainEvents(events)) {
    if (event.type === 'PlanIssued') plans.push(event.data);
    else if (event.type === 'PlanTaskReported') reports.push(event);
  }
  await copyRows(
    client,
    'plans',
    ['plan_id', 'year', 'title', 'issued_by_unit_id'],
    plans.map((d) => [d.planId, d.year, d.title, d.issuedByUnitId]),
  );
  await insertTasks(client, tasksOf(plans));
  await copyRows(
    client,
    'plan_task_reports',
    ['plan_id', 'task_no', 'position', 'done', 'note', 'reported_on'],
    reports.map((e) => [e.data.planId, e.data.taskNo, e.position, e.data.done, e.data.note, e.data.reportedOn]),
  );
}

export const plansProjection: ProjectionDefinition = {
  name: 'plans',
  version: 1,
  eventTypes: ['PlanIssued', 'PlanTaskReported'],
  migrations: loadMigrations(join(projectRoot(), 'projections/plans/migrations')),
  apply: applyPlans,
};
