import type { Pool } from 'pg';
import { awardCategory, awardLabel } from '../../src/rules/awardCatalog';
import {
  AwardCategory,
  AwardKind,
  MAX_YEAR,
  MIN_YEAR,
  PeriodKind,
  periodLabel,
  type IsoDate,
  type Period,
} from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';

/** At most this many years in one series. */
const SERIES_MAX_YEARS = 50;

/** Awards of one kind granted for the period; every count includes revoked awards. */
export interface AwardCountRow {
  award: AwardKind;
  label: string;
  category: AwardCategory;
  count: number;
  individuals: number;
  collectives: number;
  directWorkers: number;
  women: number;
  revoked: number;
  /** Sum of the cash rewards in VND, revoked awards included. */
  rewardVnd: number;
  /** Of rewardVnd, the revoked awards' share. */
  revokedRewardVnd: number;
}

export interface DossierTotalsRow {
  submitted: number;
  returned: number;
  eligible: number;
  ineligible: number;
  approved: number;
  rejected: number;
  granted: number;
  medianDaysToDecision: number | null;
}

export interface ComplaintTotalsRow {
  filed: number;
  accepted: number;
  resolved: number;
  upheld: number;
  overdue: number;
  overdueComplaints: number;
  overdueDenunciations: number;
}

export interface YearlyTotalsRow {
  period: { kind: PeriodKind; year: number; label: string };
  unitId: string | null;
  awards: AwardCountRow[];
  dossiers: DossierTotalsRow;
  complaints: ComplaintTotalsRow;
  directWorkerShare: number | null;
  grassrootsFighterRatio: number | null;
  /** Cash rewards in VND of the period's awards that stand (revoked ones left out). */
  rewardVnd: number;
}

/** The first and last day of a period: CALENDAR_YEAR y is y-01-01..y-12-31; SCHOOL_YEAR y is y-09-01..(y+1)-08-31. */
function periodDates(period: Period): { start: IsoDate; end: IsoDate } {
  return period.kind === PeriodKind.SCHOOL_YEAR
    ? { start: `${period.year}-09-01`, end: `${period.year + 1}-08-31` }
    : { start: `${period.year}-01-01`, end: `${period.year}-12-31` };
}

/** The day complaints are judged overdue on: the period's last day, or today while the period has not ended. */
function overdueAsOf(period: Period, today: IsoDate): IsoDate {
  const { end } = periodDates(period);
  return today < end ? today : end;
}

/**
 * The median of a histogram (value → how many), null when empty; the mean of the two
 * middle values for an even count.
 */
function histogramMedian(histogram: Array<{ value: number; count: number }>): number | null {
  const sorted = [...histogram].filter((h) => h.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, h) => sum + h.count, 0);
  if (total === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.count;
      if (rank < seen) return h.value;
    }
    return sorted[sorted.length - 1].value;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** Checks a series request: years 1945–2100, fromYear <= toYear, at most 50 years. */
function checkSeriesRange(fromYear: number, toYear: number): void {
  for (const [field, year] of [
    ['fromYear', fromYear],
    ['toYear', toYear],
  ] as const) {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
      throw new InvalidInput(`${field} must be a year from ${MIN_YEAR} to ${MAX_YEAR}`, field);
  }
  if (fromYear > toYear) throw new InvalidInput(`fromYear ${fromYear} is after toYear ${toYear}`, 'fromYear');
  if (toYear - fromYear + 1 > SERIES_MAX_YEARS)
    throw new InvalidInput(`a series covers at most ${SERIES_MAX_YEARS} years`, 'toYear');
}

export function checkPeriod(period: Period): void {
  if (!Object.values(PeriodKind).includes(period.kind))
    throw new InvalidInput(`unknown period kind ${String(period.kind)}`, 'kind');
  if (!Number.isInteger(period.year) || period.year < MIN_YEAR || period.year > MAX_YEAR) {
    throw new InvalidInput(`year must be from ${MIN_YEAR} to ${MAX_YEAR}`, 'year');
  }
}

/**
 * The unit filter shared by every query: `$1` is the unit id or null (no filter). With a
 * unit, rows count when their unit is that unit, lies below it in the unit tree, or was
 * merged into one of those (a merged unit's lineage: its past counts for the survivor).
 */
export const SUBTREE = `WITH RECURSIVE tree AS (
    SELECT unit_id FROM yearly_totals.units WHERE unit_id = $1::text
    UNION SELECT u.unit_id FROM yearly_totals.units u JOIN tree t ON t.unit_id IN (u.parent_unit_id, u.merged_into)
  )`;
const IN_SCOPE = `($1::text IS NULL OR x.unit_id IN (SELECT unit_id FROM tree))`;
/** The same for the sums, which hold province-wide rows under ALL_UNITS ('') besides the per-unit ones. */
const SUMS_IN_SCOPE = `(CASE WHEN $1::text IS NULL THEN x.unit_id = '' ELSE x.unit_id IN (SELECT unit_id FROM tree) END)`;

const AWARD_ORDER = Object.values(AwardKind);

/**
 * Yearly totals for one period, over all units or the subtree of `unitId`.
 * `today` (YYYY-MM-DD) decides "overdue" for a period that has not ended yet.
 */
export async function getYearlyTotals(
  pool: Pool,
  period: Period,
  unitId: string | null,
  today: IsoDate,
): Promise<YearlyTotalsRow> {
  checkPeriod(period);
  const [totals] = await readTotals(pool, period.kind, [period.year], unitId, today);
  return totals;
}

/** One YearlyTotals per year from `fromYear` to `toYear` (inclusive), read with one statement whatever the span. */
export async function getYearlyTotalsSeries(
  pool: Pool,
  kind: PeriodKind,
  fromYear: number,
  toYear: number,
  unitId: string | null,
  today: IsoDate,
): Promise<YearlyTotalsRow[]> {
  checkSeriesRange(fromYear, toYear);
  checkPeriod({ kind, year: fromYear });
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  return readTotals(pool, kind, years, unitId, today);
}

/** The columns of one year's award totals, as the series statement returns them. */
interface AwardTotalsRow {
  year: number;
  award: AwardKind;
  granted: number;
  individuals: number;
  collectives: number;
  direct_workers: number;
  women: number;
  revoked: number;
  revoked_individuals: number;
  revoked_direct_workers: number;
  reward_vnd: number;
  revoked_reward_vnd: number;
}

/**
 * Every figure of the series in one statement: one round trip, and one snapshot for all
 * of them (a statement sees a single snapshot, even while a projection batch commits).
 * `$1` is the unit or null; unit_known is false for an unknown unit.
 */
/** complaintOverdue (src/complaints/complaint.deadlines.ts) as of p.as_of, in SQL. */
const OVERDUE = `p.as_of >= x.received_on
    AND NOT (x.closed_on IS NOT NULL AND x.closed_on <= p.as_of)
    AND CASE WHEN x.accepted_on IS NOT NULL AND x.accepted_on <= p.as_of
             THEN x.due_on IS NOT NULL AND p.as_of > x.due_on
             ELSE p.as_of > x.acceptance_due_on END`;

const SERIES_SQL = `${SUBTREE}
  SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM yearly_totals.units WHERE unit_id = $1::text)) AS unit_known,
    (SELECT coalesce(json_agg(a), '[]'::json) FROM (
       SELECT x.period_year AS year, x.award, sum(x.granted)::int AS granted, sum(x.individuals)::int AS individuals,
              sum(x.collectives)::int AS collectives, sum(x.direct_workers)::int AS direct_workers, sum(x.women)::int AS women,
              sum(x.revoked)::int AS revoked, sum(x.revoked_individuals)::int AS revoked_individuals,
              sum(x.revoked_direct_workers)::int AS revoked_direct_workers,
              sum(x.reward_vnd)::float8 AS reward_vnd, sum(x.revoked_reward_vnd)::float8 AS revoked_reward_vnd
       FROM yearly_totals.award_totals x
       WHERE x.period_kind = $2 AND x.period_year BETWEEN $3 AND $4 AND ${SUMS_IN_SCOPE}
       GROUP BY x.period_year, x.award) a) AS awards,
    (SELECT coalesce(json_agg(d), '[]'::json) FROM (
       SELECT x.period_year AS year, sum(x.submitted)::int AS submitted, sum(x.returned)::int AS returned, sum(x.eligible)::int AS eligible,
              sum(x.ineligible)::int AS ineligible, sum(x.approved)::int AS approved, sum(x.rejected)::int AS rejected, sum(x.granted)::int AS granted
       FROM yearly_totals.dossier_totals x
       WHERE x.period_kind = $2 AND x.period_year BETWEEN $3 AND $4 AND ${SUMS_IN_SCOPE}
       GROUP BY x.period_year) d) AS dossiers,
    (SELECT coalesce(json_agg(h), '[]'::json) FROM (
       SELECT x.period_year AS year, x.days, sum(x.dossiers)::int AS dossiers
       FROM yearly_totals.dossier_decision_days x
       WHERE x.period_kind = $2 AND x.period_year BETWEEN $3 AND $4 AND ${SUMS_IN_SCOPE}
       GROUP BY x.period_year, x.days) h) AS days,
    (SELECT coalesce(json_agg(c), '[]'::json) FROM (
       SELECT p.year, count(*)::int AS filed,
              count(*) FILTER (WHERE x.accepted_on IS NOT NULL)::int AS accepted,
              count(*) FILTER (WHERE x.status = 'RESOLVED')::int AS resolved,
              count(*) FILTER (WHERE x.upheld)::int AS upheld,
              count(*) FILTER (WHERE ${OVERDUE})::int AS overdue,
              count(*) FILTER (WHERE ${OVERDUE} AND x.kind = 'COMPLAINT')::int AS overdue_complaints,
              count(*) FILTER (WHERE ${OVERDUE} AND x.kind = 'DENUNCIATION')::int AS overdue_denunciations
       FROM unnest($5::int[], $6::date[], $7::date[], $8::date[]) AS p(year, starts_on, ends_on, as_of)
       JOIN yearly_totals.complaints x ON x.received_on BETWEEN p.starts_on AND p.ends_on
       WHERE ${IN_SCOPE}
       GROUP BY p.year) c) AS complaints`;

interface DossierSumsRow {
  year: number;
  submitted: number;
  returned: number;
  eligible: number;
  ineligible: number;
  approved: number;
  rejected: number;
  granted: number;
}

interface ComplaintCountsRow {
  year: number;
  filed: number;
  accepted: number;
  resolved: number;
  upheld: number;
  overdue: number;
  overdue_complaints: number;
  overdue_denunciations: number;
}

/** The one row SERIES_SQL returns: every year's figures, as JSON arrays. */
interface SeriesRow {
  unit_known: boolean;
  awards: AwardTotalsRow[];
  dossiers: DossierSumsRow[];
  days: Array<{ year: number; days: number; dossiers: number }>;
  complaints: ComplaintCountsRow[];
}

function awardCount(r: AwardTotalsRow): AwardCountRow {
  return {
    award: r.award,
    label: awardLabel(r.award),
    category: awardCategory(r.award),
    count: r.granted,
    individuals: r.individuals,
    collectives: r.collectives,
    directWorkers: r.direct_workers,
    women: r.women,
    revoked: r.revoked,
    rewardVnd: r.reward_vnd,
    revokedRewardVnd: r.revoked_reward_vnd,
  };
}

/**
 * The share of awards to direct workers among those to individuals, and grassroots
 * emulation fighters per advanced worker: revoked awards left out, null with nothing to divide by.
 */
function awardRatios(awards: AwardTotalsRow[]): Pick<YearlyTotalsRow, 'directWorkerShare' | 'grassrootsFighterRatio'> {
  const active = (award: AwardKind) => {
    const row = awards.find((r) => r.award === award);
    return row ? row.granted - row.revoked : 0;
  };
  const activeIndividuals = awards.reduce((sum, r) => sum + r.individuals - r.revoked_individuals, 0);
  const activeDirectWorkers = awards.reduce((sum, r) => sum + r.direct_workers - r.revoked_direct_workers, 0);
  const advancedWorkers = active(AwardKind.ADVANCED_WORKER);
  return {
    directWorkerShare: activeIndividuals > 0 ? activeDirectWorkers / activeIndividuals : null,
    grassrootsFighterRatio:
      advancedWorkers > 0 ? active(AwardKind.GRASSROOTS_EMULATION_FIGHTER) / advancedWorkers : null,
  };
}

function dossierTotals(
  d: DossierSumsRow | undefined,
  days: Array<{ days: number; dossiers: number }>,
): DossierTotalsRow {
  return {
    submitted: d?.submitted ?? 0,
    returned: d?.returned ?? 0,
    eligible: d?.eligible ?? 0,
    ineligible: d?.ineligible ?? 0,
    approved: d?.approved ?? 0,
    rejected: d?.rejected ?? 0,
    granted: d?.granted ?? 0,
    medianDaysToDecision: histogramMedian(days.map((r) => ({ value: r.days, count: r.dossiers }))),
  };
}

function complaintTotals(c: ComplaintCountsRow | undefined): ComplaintTotalsRow {
  return {
    filed: c?.filed ?? 0,
    accepted: c?.accepted ?? 0,
    resolved: c?.resolved ?? 0,
    upheld: c?.upheld ?? 0,
    overdue: c?.overdue ?? 0,
    overdueComplaints: c?.overdue_complaints ?? 0,
    overdueDenunciations: c?.overdue_denunciations ?? 0,
  };
}

/** One year's totals out of the series. */
function yearTotals(series: SeriesRow, kind: PeriodKind, year: number, unitId: string | null): YearlyTotalsRow {
  const awards = series.awards.filter((r) => r.year === year && r.granted > 0);
  awards.sort((a, b) => AWARD_ORDER.indexOf(a.award) - AWARD_ORDER.indexOf(b.award));
  const { directWorkerShare, grassrootsFighterRatio } = awardRatios(awards);
  return {
    period: { kind, year, label: periodLabel({ kind, year }) },
    unitId,
    awards: awards.map(awardCount),
    dossiers: dossierTotals(
      series.dossiers.find((r) => r.year === year),
      series.days.filter((r) => r.year === year),
    ),
    complaints: complaintTotals(series.complaints.find((r) => r.year === year)),
    directWorkerShare,
    grassrootsFighterRatio,
    rewardVnd: awards.reduce((sum, r) => sum + r.reward_vnd - r.revoked_reward_vnd, 0),
  };
}

async function readTotals(
  pool: Pool,
  kind: PeriodKind,
  years: number[],
  unitId: string | null,
  today: IsoDate,
): Promise<YearlyTotalsRow[]> {
  // Each year's complaints: received between the period's first and last day; overdue as of
  // the last day, or today while the period runs (complaint.decider.ts complaintOverdue).
  const periods = years.map((year) => ({
    year,
    ...periodDates({ kind, year }),
    asOf: overdueAsOf({ kind, year }, today),
  }));
  const { rows } = await pool.query<SeriesRow>(SERIES_SQL, [
    unitId,
    kind,
    years[0],
    years[years.length - 1],
    periods.map((p) => p.year),
    periods.map((p) => p.start),
    periods.map((p) => p.end),
    periods.map((p) => p.asOf),
  ]);
  const series = rows[0];
  if (!series.unit_known) throw new NotFound('Unit', unitId!);
  return years.map((year) => yearTotals(series, kind, year, unitId));
}
