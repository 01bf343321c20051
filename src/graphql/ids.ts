import { randomUUID } from 'node:crypto';

/** The id a create command uses: the caller's, or a new UUID. */
export function newId(given: string | null | undefined): string {
  return given ?? randomUUID();
}
