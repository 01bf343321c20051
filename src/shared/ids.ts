import { createHash, randomUUID } from 'node:crypto';

/** Ids become part of stream names (`dossier-<id>`), so they are kept to a safe alphabet. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
export const ID_MESSAGE = 'must be 1-100 characters: letters, digits, _ . : - (starting with a letter or digit)';

/** The id a create command uses: the caller's, or a new UUID. */
export function newId(given: string | null | undefined): string {
  return given ?? randomUUID();
}

/**
 * A UUID derived from a name (SHA-256, shaped as an RFC 9562 version 8 UUID): the same
 * name always gives the same id, so a command or a consequence retried after a crash
 * names its events as the first attempt did.
 */
export function nameBasedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The id of the `index`-th event (from 0) a command or consequence appends to a stream. */
export function deterministicEventId(origin: string, streamId: string, index: number): string {
  return nameBasedUuid(`${origin}\n${streamId}\n${index}`);
}
