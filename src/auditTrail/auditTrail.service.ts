import type { Pool } from 'pg';
import {
  auditTrailSql,
  type AuditEntryRow,
  type AuditTrailFilter,
} from '../../projections/auditTrail/auditTrail.queries';
import type { EventStore } from '../eventStore/eventStore.port';
import type { PreparedStatements } from '../infra/preparedQuery';
import type { Services } from '../services';
import { InvalidInput } from '../shared/errors';
import type { AuditTrailConnectionType } from './auditTrail.types';
import { IncrementalChainVerifier, RecomputingChainVerifier, type ChainVerifier } from './chainVerifier';

const AUDIT_PAGE_DEFAULT = 50;
const AUDIT_PAGE_MAX = 100;

function encodeCursor(position: string): string {
  return Buffer.from(`audit:${position}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^audit:(\d{1,20})$/.exec(text);
  if (!match) throw new InvalidInput('after is not a cursor this API returned', 'after');
  return match[1];
}

/**
 * The app's chain verifier, made once for the app's life (app.ts): over a store that can
 * seal its history it remembers verified prefixes (chainVerifier.ts says what it trusts);
 * over other stores it recomputes every chain from the log. A request passes its own
 * budgeted pool and store to `readPage`.
 */
export function createChainVerifier(pool: Pool, store: EventStore, statements: PreparedStatements): ChainVerifier {
  return store.capabilities.historySeal
    ? new IncrementalChainVerifier(pool, store, statements)
    : new RecomputingChainVerifier(pool, store);
}

export async function auditTrail(
  services: Pick<Services, 'pool' | 'store' | 'chainVerifier'>,
  filter: AuditTrailFilter,
  args: { first: number | null; after: string | null; asOf: Date | null; withData?: boolean },
): Promise<AuditTrailConnectionType> {
  const first = args.first ?? AUDIT_PAGE_DEFAULT;
  if (!Number.isInteger(first) || first < 1 || first > AUDIT_PAGE_MAX)
    throw new InvalidInput(`first must be between 1 and ${AUDIT_PAGE_MAX}`, 'first');
  const afterPosition = args.after ? decodeCursor(args.after) : '0';
  const statement = auditTrailSql(filter, { first, afterPosition, asOf: args.asOf, withData: args.withData });
  const page = await services.chainVerifier.readPage<AuditEntryRow>({ ...statement, first }, services);
  const last = page.entries[page.entries.length - 1];
  return {
    entries: page.entries as AuditTrailConnectionType['entries'],
    endCursor: last ? encodeCursor(last.position) : null,
    hasNextPage: page.hasNextPage,
    chainVerified: page.chainVerified,
  };
}
