/** The simulated calendar: UTC instants in milliseconds and ISO dates. */

export const DAY = 86_400_000;
export const MINUTE = 60_000;

export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function ymd(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Nov 20 – Dec 31: the last six weeks of a year. */
export function inLastSixWeeks(ms: number): boolean {
  const d = new Date(ms);
  const month = d.getUTCMonth() + 1;
  return month === 12 || (month === 11 && d.getUTCDate() >= 20);
}
