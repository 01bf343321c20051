/**
 * Small input checks shared by the deciders and the rule engine. They throw
 * `InvalidInput` (BAD_USER_INPUT) for data that is malformed, as opposed to a domain
 * rule being broken (`RuleViolation`): the GraphQL layer may not have caught it, as
 * deciders are also called by imports and data generators.
 */
import { MAX_YEAR, MIN_YEAR, type IsoDate } from './domain';
import { InvalidInput } from './errors';

/** The longest name and the longest free text an input may carry. */
export const NAME_MAX = 300;
export const TEXT_MAX = 20_000;

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD` (so 2023-02-30 is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
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
