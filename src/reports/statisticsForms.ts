import type { Pool } from 'pg';
import {
  awardShapesOfPeriod,
  movementShapesOfPeriod,
  workforceFiguresOfYear,
} from '../../projections/yearlyTotals/reportForms.queries';
import type { WorkforceFigures } from '../workforceReports/workforceReport.events';
import type { Period } from '../shared/domain';
import { InvalidInput } from '../shared/errors';
import type { StatisticsForm } from './statisticsForm';
import { provincialAwardsForm, stateAwardsForm } from './statisticsForms.awards';
import { movementsForm } from './statisticsForms.movements';
import { organisationsForm, peopleForm } from './statisticsForms.workforce';

/** The workforce figures the units of the subtree reported for the period's year. */
const workforceOf = async (pool: Pool, period: Period, unitId: string | null) =>
  (await workforceFiguresOfYear(pool, period.year, unitId)) as WorkforceFigures[];

/**
 * The forms by their short code (Circular 02/2023/TT-BNV, biểu 0601–0605.N/BNV-TĐKT):
 * 0601–0603 from the log's movements and awards, 0604–0605 from the workforce reports.
 */
const FORMS: Record<string, (pool: Pool, period: Period, unitId: string | null) => Promise<StatisticsForm>> = {
  '0601': async (pool, period, unitId) => movementsForm(await movementShapesOfPeriod(pool, period, unitId)),
  '0602': async (pool, period, unitId) => stateAwardsForm(await awardShapesOfPeriod(pool, period, unitId)),
  '0603': async (pool, period, unitId) => provincialAwardsForm(await awardShapesOfPeriod(pool, period, unitId)),
  '0604': async (pool, period, unitId) => organisationsForm(await workforceOf(pool, period, unitId)),
  '0605': async (pool, period, unitId) => peopleForm(await workforceOf(pool, period, unitId)),
};

export const STATISTICS_FORM_CODES = Object.keys(FORMS);

/** A form's rows for a period and a unit subtree (all units when `unitId` is null). */
export function statisticsForm(
  pool: Pool,
  code: string,
  period: Period,
  unitId: string | null,
): Promise<StatisticsForm> {
  const short = code.slice(0, 4);
  const fillForm = FORMS[short];
  if (!fillForm || !/^\d{4}(\.N\/BNV-TĐKT)?$/.test(code))
    throw new InvalidInput(`unknown form ${code}: one of ${STATISTICS_FORM_CODES.join(', ')}`, 'code');
  return fillForm(pool, period, unitId);
}
