/** How the results table writes figures and rows. */

export const fmt = (n: number | undefined | null, digits = 0): string =>
  n === undefined || n === null || !Number.isFinite(n)
    ? '—'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
export const ratio = (a: number | undefined, b: number | undefined): string =>
  a && b ? `${(a / b).toFixed(2)}×` : '—';
export const pct = (a: number | undefined, b: number | undefined): string =>
  a && b ? `${Math.round((a / b) * 100)}%` : '—';

/** A measure with only our figure; the side-by-side columns are empty. */
export const row = (measure: string, ours: string): string[] => [measure, ours, '—', '—', '—', '—'];
/** A detail line under the measure above it. */
export const detail = (measure: string, ours: string): string[] => [measure, ours, '', '', '', ''];
