import { join } from 'node:path';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';

type Data = Record<string, any>;

export const plansProjection: ProjectionDefinition = {
  name: 'plans',
  version: 1,
  eventTypes: ['PlanIssued', 'PlanTaskReported'],
  migrations: loadMigrations(join(projectRoot(), 'projections/plans/migrations')),
  apply: async (events, client) => {
    for (const event of events) {
      const d = event.data as Data;
      if (event.type === 'PlanIssued') {
        await client.query('INSERT INTO plans (plan_id, year, title, issued_by_unit_id) VALUES ($1, $2, $3, $4)', [d.planId, d.year, d.title, d.issuedByUnitId]);
        const tasks = d.tasks as Data[];
        await client.query(
          `INSERT INTO plan_tasks (plan_id, task_no, quarter, content, directing_unit_id, executing_unit_ids, coordinating_unit_ids)
           SELECT $1, t.task_no, t.quarter, t.content, t.directing, string_to_array(t.executing, E'\\x1f'), string_to_array(t.coordinating, E'\\x1f')
           FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(task_no, quarter, content, directing, executing, coordinating)`,
          [
            d.planId,
            tasks.map((t) => t.taskNo),
            tasks.map((t) => t.quarter),
            tasks.map((t) => t.content),
            tasks.map((t) => t.directingUnitId),
            tasks.map((t) => (t.executingUnitIds as string[]).join('\x1f')),
            tasks.map((t) => (t.coordinatingUnitIds as string[]).join('\x1f')),
          ],
        );
      } else if (event.type === 'PlanTaskReported') {
        await client.query(
          'INSERT INTO plan_task_reports (plan_id, task_no, position, done, note, reported_on) VALUES ($1, $2, $3, $4, $5, $6)',
          [d.planId, d.taskNo, event.position, d.done, d.note, d.reportedOn],
        );
      }
    }
  },
};
