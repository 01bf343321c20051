/**
 * Small input checks shared by the unit, person, cluster, movement and plan deciders.
 * They throw `InvalidInput` (BAD_USER_INPUT) for data that is malformed, as opposed to
 * a domain rule being broken (`RuleViolation`).
 */
import { MAX_YEAR, MIN_YEAR, type IsoDate } from '../shared/domain';
import { InvalidInput } from '../shared/errors';

/** A required text: must contain something other than whitespace. Returned unchanged. */
export function requireText(value: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidInput(`${field} must not be empty`, field);
  }
  return value;
}

/** An optional text: `null`, `undefined` and whitespace-only text all mean "none" (`null`). */
export function optionalText(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return value;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A real calendar date written `YYYY-MM-DD`. */
export function requireIsoDate(value: string, field: string): IsoDate {
  if (!isIsoDate(value))
    throw new InvalidInput(`${field} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`, field);
  return value;
}

/** A whole year in 1945–2100. */
export function requireYear(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new InvalidInput(`${field} must be a whole year in ${MIN_YEAR}–${MAX_YEAR}, got ${year}`, field);
  }
  return year;
}

/** A finite number (no NaN, no ±Infinity). */
export function requireFinite(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidInput(`${field} must be a finite number, got ${value}`, field);
  }
  return value;
}

/** Every id non-empty and no id listed twice. */
export function requireDistinctIds(ids: readonly string[], field: string): readonly string[] {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    requireText(id, `${field}[${i}]`);
    if (seen.has(id)) throw new InvalidInput(`${field} lists ${id} more than once`, field);
    seen.add(id);
  });
  return ids;
}
