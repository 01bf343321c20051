/**
 * The aggregate tables change by deltas: for each entity a batch changes, its new
 * contribution minus its old one, summed by the table's key.
 */
import type { AwardRow, DossierRow, Tracked } from './yearlyTotals.rows';

/** An aggregate table: its key columns (with their SQL types) and the whole-number columns a delta adds to. */
export interface TotalsTable {
  table: string;
  keyColumns: readonly string[];
  keyTypes: readonly string[];
  valueColumns: readonly string[];
}

export const AWARD_TOTALS: TotalsTable = {
  table: 'award_totals',
  keyColumns: ['period_kind', 'period_year', 'unit_id', 'award'],
  keyTypes: ['text', 'int', 'text', 'text'],
  valueColumns: [
    'granted',
    'individuals',
    'collectives',
    'direct_workers',
    'women',
    'revoked',
    'revoked_individuals',
    'revoked_direct_workers',
    'reward_vnd',
    'revoked_reward_vnd',
  ],
};

export const DOSSIER_TOTALS: TotalsTable = {
  table: 'dossier_totals',
  keyColumns: ['period_kind', 'period_year', 'unit_id'],
  keyTypes: ['text', 'int', 'text'],
  valueColumns: ['submitted', 'returned', 'eligible', 'ineligible', 'approved', 'rejected', 'granted'],
};

export const DOSSIER_DECISION_DAYS: TotalsTable = {
  table: 'dossier_decision_days',
  keyColumns: ['period_kind', 'period_year', 'unit_id', 'days'],
  keyTypes: ['text', 'int', 'text', 'int'],
  valueColumns: ['dossiers'],
};

/** Sums of vectors by key: the aggregate deltas of one batch. */
export class Deltas {
  readonly sums = new Map<string, { key: (string | number)[]; values: number[] }>();
  private readonly width: number;

  constructor(table: TotalsTable) {
    this.width = table.valueColumns.length;
  }

  add(key: (string | number)[], values: number[], sign: 1 | -1): void {
    const id = JSON.stringify(key);
    let entry = this.sums.get(id);
    if (!entry) {
      entry = { key, values: new Array<number>(this.width).fill(0) };
      this.sums.set(id, entry);
    }
    for (let i = 0; i < this.width; i++) entry.values[i] += sign * values[i];
  }

  /** Keys whose delta is not all zeros. */
  changed(): Array<{ key: (string | number)[]; values: number[] }> {
    return [...this.sums.values()].filter((e) => e.values.some((v) => v !== 0));
  }
}

const b = (flag: boolean): number => (flag ? 1 : 0);

/**
 * The unit id of the province-wide rows: every contribution is also added here, so a
 * dashboard over all units reads a few rows per year instead of summing every unit's.
 * No unit has an empty id.
 */
const ALL_UNITS = '';

/**
 * In AWARD_TOTALS' value columns: granted, individuals, collectives, direct_workers,
 * women, revoked, revoked_individuals, revoked_direct_workers, reward_vnd, revoked_reward_vnd.
 */
function awardContribution(a: AwardRow, deltas: Deltas, sign: 1 | -1): void {
  for (const unitId of [a.unitId, ALL_UNITS])
    deltas.add(
      [a.periodKind, a.periodYear, unitId, a.award],
      [
        1,
        b(a.individual),
        b(!a.individual),
        b(a.individual && a.directWorker),
        b(a.individual && a.female),
        b(a.revoked),
        b(a.revoked && a.individual),
        b(a.revoked && a.individual && a.directWorker),
        a.rewardVnd ?? 0,
        a.revoked ? (a.rewardVnd ?? 0) : 0,
      ],
      sign,
    );
}

/**
 * In DOSSIER_TOTALS' value columns: submitted, returned, eligible, ineligible, approved,
 * rejected, granted (a withdrawn dossier only in submitted); in DOSSIER_DECISION_DAYS a
 * live dossier the council voted on.
 */
function dossierContribution(d: DossierRow, totals: Deltas, days: Deltas, sign: 1 | -1): void {
  const live = !d.withdrawn;
  for (const unitId of [d.unitId, ALL_UNITS])
    totals.add(
      [d.periodKind, d.periodYear, unitId],
      [
        1,
        b(live && d.returned),
        b(live && d.eligible === true),
        b(live && d.eligible === false),
        b(live && d.approved === true),
        b(live && d.approved === false),
        b(live && d.granted),
      ],
      sign,
    );
  if (live && d.approved !== null && d.decisionDays !== null) {
    for (const unitId of [d.unitId, ALL_UNITS])
      days.add([d.periodKind, d.periodYear, unitId, d.decisionDays], [1], sign);
  }
}

/** The AWARD_TOTALS deltas of the awards a batch created or changed. */
export function awardDeltas(changed: ReadonlyArray<Tracked<AwardRow>>): Deltas {
  const deltas = new Deltas(AWARD_TOTALS);
  for (const t of changed) {
    if (t.before) awardContribution(t.before, deltas, -1);
    awardContribution(t.row, deltas, 1);
  }
  return deltas;
}

/** The DOSSIER_TOTALS and DOSSIER_DECISION_DAYS deltas of the dossiers a batch created or changed. */
export function dossierDeltas(changed: ReadonlyArray<Tracked<DossierRow>>): { totals: Deltas; days: Deltas } {
  const totals = new Deltas(DOSSIER_TOTALS);
  const days = new Deltas(DOSSIER_DECISION_DAYS);
  for (const t of changed) {
    if (t.before) dossierContribution(t.before, totals, days, -1);
    dossierContribution(t.row, totals, days, 1);
  }
  return { totals, days };
}
