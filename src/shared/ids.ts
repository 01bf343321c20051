import { randomUUID } from 'node:crypto';

/** Ids become part of stream names (`dossier-<id>`), so they are kept to a safe alphabet. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
export const ID_MESSAGE = 'must be 1-100 characters: letters, digits, _ . : - (starting with a letter or digit)';

/** The id a create command uses: the caller's, or a new UUID. */
export function newId(given: string | null | undefined): string {
  return given ?? randomUUID();
}
