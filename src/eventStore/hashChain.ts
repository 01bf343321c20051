import { createHash } from 'node:crypto';

/** The hash a stream's first event chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth and no whitespace, so the same data
 * always hashes the same wherever it was stored (jsonb reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number in event data');
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 over stream id, version, type, canonical data and the previous hash. */
export function eventHash(streamId: string, streamVersion: number, type: string, data: unknown, prevHash: string): string {
  return hashOfCanonical(streamId, streamVersion, type, canonicalJson(data), prevHash);
}

function hashOfCanonical(streamId: string, streamVersion: number, type: string, canonicalData: string, prevHash: string): string {
  return createHash('sha256')
    .update(streamId).update('\n')
    .update(String(streamVersion)).update('\n')
    .update(type).update('\n')
    .update(canonicalData).update('\n')
    .update(prevHash)
    .digest('hex');
}

export interface ChainLink {
  streamId: string;
  streamVersion: number;
  type: string;
  data: unknown;
  metadata: { prevHash: string; hash: string };
}

/**
 * Recomputes a stream's chain. `links` must be consecutive versions of one stream;
 * when they do not start at version 1, the first link's prevHash is taken on trust.
 */
export function verifyChain(links: readonly ChainLink[]): { valid: boolean; brokenAt: number | null } {
  let prev: string | null = null;
  for (const link of links) {
    const expectedPrev = prev ?? (link.streamVersion === 1 ? GENESIS_HASH : link.metadata.prevHash);
    if (link.metadata.prevHash !== expectedPrev) return { valid: false, brokenAt: link.streamVersion };
    const hash = eventHash(link.streamId, link.streamVersion, link.type, link.data, link.metadata.prevHash);
    if (hash !== link.metadata.hash) return { valid: false, brokenAt: link.streamVersion };
    prev = hash;
  }
  return { valid: true, brokenAt: null };
}

/**
 * Stamps prevHash/hash on new events continuing a stream at `version` whose last hash
 * is `lastHash`. `dataJson` is the canonical JSON that was hashed, ready to store.
 */
export function chainNewEvents<E extends { type: string; data: unknown; metadata: object }>(
  streamId: string,
  version: number,
  lastHash: string,
  events: readonly E[],
): Array<E & { streamVersion: number; dataJson: string; metadata: E['metadata'] & { prevHash: string; hash: string } }> {
  let prevHash = lastHash;
  return events.map((event, index) => {
    const streamVersion = version + index + 1;
    const dataJson = canonicalJson(event.data);
    const hash = hashOfCanonical(streamId, streamVersion, event.type, dataJson, prevHash);
    const chained = { ...event, streamVersion, dataJson, metadata: { ...event.metadata, prevHash, hash } };
    prevHash = hash;
    return chained;
  });
}
