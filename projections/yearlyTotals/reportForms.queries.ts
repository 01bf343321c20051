import type { Pool } from 'pg';
import { PeriodKind, type Period } from '../../src/shared/domain';
import { NotFound } from '../../src/shared/errors';
import { checkPeriod, SUBTREE } from './yearlyTotals.queries';

/** Awards of one shape, counted for the statistics forms (revoked awards do not count). */
export interface AwardShapeCount {
  award: string;
  individual: boolean;
  directWorker: boolean;
  method: 'REGULAR' | 'THEMATIC' | 'SUDDEN';
  count: number;
}

/** Movements of one shape, counted for form 0601. */
export interface MovementShapeCount {
  /** The launching unit's authority level (UNIT when unknown). */
  level: string;
  kind: string;
  /** Term in whole months from the start to the day after the end; null for an open-ended movement. */
  months: number | null;
  count: number;
}

async function assertUnitKnown(pool: Pool, unitId: string | null): Promise<void> {
  if (unitId === null) return;
  const { rowCount } = await pool.query('SELECT 1 FROM yearly_totals.units WHERE unit_id = $1', [unitId]);
  if (rowCount === 0) throw new NotFound('Unit', unitId);
}

/** How many awards of each kind, subject kind, direct-worker flag and method a period holds in a unit subtree. */
export async function awardShapesOfPeriod(
  pool: Pool,
  period: Period,
  unitId: string | null,
): Promise<AwardShapeCount[]> {
  checkPeriod(period);
  await assertUnitKnown(pool, unitId);
  const { rows } = await pool.query<AwardShapeCount>(
    `${SUBTREE}
     SELECT x.award, x.individual, x.direct_worker AS "directWorker", x.method, count(*)::int AS count
     FROM yearly_totals.awards x
     WHERE x.period_kind = $2 AND x.period_year = $3 AND NOT x.revoked
       AND ($1::text IS NULL OR x.unit_id IN (SELECT unit_id FROM tree))
     GROUP BY 1, 2, 3, 4`,
    [unitId, period.kind, period.year],
  );
  return rows;
}

/** The first and last day of a period: a calendar year, or a school year from September to August. */
export function periodDays(period: Period): { from: string; to: string } {
  return period.kind === PeriodKind.SCHOOL_YEAR
    ? { from: `${period.year}-09-01`, to: `${period.year + 1}-08-31` }
    : { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
}

/** How many movements of each launching level, kind and term were launched in a period by a unit subtree. */
export async function movementShapesOfPeriod(
  pool: Pool,
  period: Period,
  unitId: string | null,
): Promise<MovementShapeCount[]> {
  checkPeriod(period);
  await assertUnitKnown(pool, unitId);
  const { from, to } = periodDays(period);
  const { rows } = await pool.query<MovementShapeCount>(
    `${SUBTREE}
     SELECT coalesce(u.level, 'UNIT') AS level, x.kind,
            CASE WHEN x.ends_on IS NULL THEN NULL
                 ELSE (extract(year FROM age(x.ends_on + 1, x.starts_on)) * 12
                       + extract(month FROM age(x.ends_on + 1, x.starts_on)))::int END AS months,
            count(*)::int AS count
     FROM yearly_totals.movements x
     LEFT JOIN yearly_totals.units u ON u.unit_id = x.launched_by_unit_id
     WHERE x.starts_on BETWEEN $2::date AND $3::date
       AND ($1::text IS NULL OR x.launched_by_unit_id IN (SELECT unit_id FROM tree))
     GROUP BY 1, 2, 3`,
    [unitId, from, to],
  );
  return rows;
}

/** The latest workforce figures each unit of the subtree reported for the year (forms 0604–0605). */
export async function workforceFiguresOfYear(pool: Pool, year: number, unitId: string | null): Promise<unknown[]> {
  checkPeriod({ kind: PeriodKind.CALENDAR_YEAR, year });
  await assertUnitKnown(pool, unitId);
  const { rows } = await pool.query<{ figures: unknown }>(
    `${SUBTREE}
     SELECT x.figures FROM yearly_totals.workforce_reports x
     WHERE x.year = $2 AND ($1::text IS NULL OR x.unit_id IN (SELECT unit_id FROM tree))`,
    [unitId, year],
  );
  return rows.map((r) => r.figures);
}
