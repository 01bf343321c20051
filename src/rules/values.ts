/**
 * Value types and input checks of the rule engine and the dossier and award deciders
 * (periods, subjects, counts, instants); the general ones are in shared/validation.ts.
 * They throw `InvalidInput`: malformed data the GraphQL layer may not have caught.
 */
import {
  MAX_YEAR,
  MIN_YEAR,
  PeriodKind,
  SubjectKind,
  type IsoDate,
  type IsoInstant,
  type Period,
  type SubjectRef,
} from '../shared/domain';
import { InvalidInput } from '../shared/errors';
import { requireText } from '../shared/validation';

/** A person or unit with the name it had when the event happened. */
export interface NamedSubject extends SubjectRef {
  name: string;
}

export function requireIsoInstant(value: IsoInstant, field: string): void {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidInput(`${field} must be an ISO-8601 instant, got ${JSON.stringify(value)}`, field);
  }
}

/** The UTC calendar date of an instant. */
export function dateOfInstant(instant: IsoInstant): IsoDate {
  return new Date(instant).toISOString().slice(0, 10);
}

export function requirePeriod(period: Period, field: string): void {
  if (!period || !Object.values(PeriodKind).includes(period.kind)) {
    throw new InvalidInput(`${field}.kind must be one of ${Object.values(PeriodKind).join(', ')}`, `${field}.kind`);
  }
  if (!Number.isInteger(period.year) || period.year < MIN_YEAR || period.year > MAX_YEAR) {
    throw new InvalidInput(
      `${field}.year must be a whole year from ${MIN_YEAR} to ${MAX_YEAR}, got ${period.year}`,
      `${field}.year`,
    );
  }
}

export function requireNamedSubject(subject: NamedSubject, field: string): void {
  if (!subject || !Object.values(SubjectKind).includes(subject.kind)) {
    throw new InvalidInput(`${field}.kind must be one of ${Object.values(SubjectKind).join(', ')}`, `${field}.kind`);
  }
  requireText(subject.id, `${field}.id`);
  requireText(subject.name, `${field}.name`);
}

export function requireCount(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidInput(`${field} must be a whole number >= 0, got ${value}`, field);
  }
}

/** Compares people's names as written on decisions: Unicode form and spacing do not matter. */
export function sameWrittenName(a: string, b: string): boolean {
  const normalize = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ');
  return normalize(a) === normalize(b);
}
