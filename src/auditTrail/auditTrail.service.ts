import { getAuditTrail, type AuditTrailFilter } from '../../projections/auditTrail/auditTrail.queries';
import type { EventStore } from '../eventStore/eventStore.port';
import { verifyChain } from '../eventStore/hashChain';
import type { Services } from '../graphql/context';
import { InvalidInput } from '../shared/errors';
import type { AuditTrailConnectionType } from './auditTrail.types';

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 100;

export function encodeCursor(position: string): string {
  return Buffer.from(`audit:${position}`).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^audit:(\d{1,20})$/.exec(text);
  if (!match) throw new InvalidInput('after is not a cursor this API returned', 'after');
  return match[1];
}

/**
 * Recomputes, from the event log itself, the chain of every stream the page shows,
 * and checks that each shown hash is the one the log holds at that version.
 */
export async function verifyChainsOf(store: EventStore, entries: Array<{ streamId: string; streamVersion: number; hash: string }>): Promise<boolean> {
  const streams = [...new Set(entries.map((e) => e.streamId))];
  const results = await Promise.all(
    streams.map(async (streamId) => {
      const events = await store.readStream(streamId);
      if (!verifyChain(events).valid) return false;
      const byVersion = new Map(events.map((e) => [e.streamVersion, e.metadata.hash]));
      return entries.filter((e) => e.streamId === streamId).every((e) => byVersion.get(e.streamVersion) === e.hash);
    }),
  );
  return results.every(Boolean);
}

export async function auditTrail(
  services: Pick<Services, 'pool' | 'store'>,
  filter: AuditTrailFilter,
  args: { first: number | null; after: string | null; asOf: Date | null },
): Promise<AuditTrailConnectionType> {
  const first = args.first ?? AUDIT_PAGE_DEFAULT;
  if (!Number.isInteger(first) || first < 1 || first > AUDIT_PAGE_MAX) throw new InvalidInput(`first must be between 1 and ${AUDIT_PAGE_MAX}`, 'first');
  const afterPosition = args.after ? decodeCursor(args.after) : '0';
  const page = await getAuditTrail(services.pool, filter, { first, afterPosition, asOf: args.asOf });
  const last = page.entries[page.entries.length - 1];
  return {
    entries: page.entries,
    endCursor: last ? encodeCursor(last.position) : null,
    hasNextPage: page.hasNextPage,
    chainVerified: await verifyChainsOf(services.store, page.entries),
  };
}
