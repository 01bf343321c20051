import { createHash } from 'node:crypto';

/** The hash a stream's first event chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How an event's hash is computed, stored as `metadata.hashScheme` (absent: 1).
 *  1: SHA-256 over stream id, version, type, canonical data and the previous hash.
 *  2: the same with the canonical metadata (all but `prevHash` and `hash`, the scheme
 *     id included) before the previous hash, so who, when and under which rules are
 *     covered too.
 * New events use the newest; older events keep verifying under the scheme they name.
 */
export const HASH_SCHEMES = [1, 2] as const;
export type HashScheme = (typeof HASH_SCHEMES)[number];
export const CURRENT_HASH_SCHEME: HashScheme = 2;

/** The metadata fields a chain check reads; the rest is hashed as it is (scheme 2). */
export interface ChainMetadata {
  prevHash: string;
  hash: string;
  hashScheme?: number;
  recordedAt?: string;
}

/** What an event's hash is computed over. */
export interface HashedEvent {
  streamId: string;
  streamVersion: number;
  type: string;
  data: unknown;
  metadata: object;
}

/**
 * JSON with object keys sorted at every depth and no whitespace, so the same data
 * always hashes the same wherever it was stored (jsonb reorders keys). Written as
 * loops over sorted keys: it runs for every event appended or verified.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number in event data');
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // Default sort order is by UTF-16 code units, the order the hashes have always used.
  const keys = Object.keys(record).sort();
  let out = '';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `{${out}}`;
}

/** The scheme an event's metadata names, or null for a value no scheme has. */
export function hashSchemeOf(metadata: object): HashScheme | null {
  const scheme = (metadata as { hashScheme?: unknown }).hashScheme;
  if (scheme === undefined) return 1;
  return (HASH_SCHEMES as readonly unknown[]).includes(scheme) ? (scheme as HashScheme) : null;
}

/** Canonical JSON of the metadata without the two hash fields: what scheme 2 hashes. */
function canonicalMetadata(metadata: object): string {
  const { prevHash: _prevHash, hash: _hash, ...rest } = metadata as Record<string, unknown>;
  return canonicalJson(rest);
}

/** The event's hash under `scheme`, chaining from `prevHash`. */
export function eventHash(event: HashedEvent, prevHash: string, scheme: HashScheme): string {
  const metadataJson = scheme === 1 ? null : canonicalMetadata(event.metadata);
  return hashOfCanonical(event.streamId, event.streamVersion, event.type, canonicalJson(event.data), metadataJson, prevHash);
}

function hashOfCanonical(streamId: string, streamVersion: number, type: string, canonicalData: string, canonicalMeta: string | null, prevHash: string): string {
  // One update of the joined text: the same bytes as one update per part, in a fraction of the calls.
  const meta = canonicalMeta === null ? '' : `${canonicalMeta}\n`;
  return createHash('sha256').update(`${streamId}\n${streamVersion}\n${type}\n${canonicalData}\n${meta}${prevHash}`).digest('hex');
}

/**
 * Stamps the hash scheme, prevHash and hash on new events continuing a stream at
 * `version` whose last hash is `lastHash`. `dataJson` and `metadataJson` are the JSON
 * texts to store (the data's is the canonical text that was hashed).
 */
export function chainNewEvents<E extends { type: string; data: unknown; metadata: object }>(
  streamId: string,
  version: number,
  lastHash: string,
  events: readonly E[],
): Array<E & { streamVersion: number; dataJson: string; metadataJson: string; metadata: E['metadata'] & { hashScheme: HashScheme; prevHash: string; hash: string } }> {
  let prevHash = lastHash;
  return events.map((event, index) => {
    const streamVersion = version + index + 1;
    const dataJson = canonicalJson(event.data);
    const hashed = { ...event.metadata, hashScheme: CURRENT_HASH_SCHEME };
    const metaJson = canonicalJson(hashed);
    const hash = hashOfCanonical(streamId, streamVersion, event.type, dataJson, metaJson, prevHash);
    // The stored text is the hashed one with the two hash fields added at its end.
    const metadataJson = `${metaJson.slice(0, -1)}${metaJson.length > 2 ? ',' : ''}"prevHash":${JSON.stringify(prevHash)},"hash":${JSON.stringify(hash)}}`;
    const chained = { ...event, streamVersion, dataJson, metadataJson, metadata: { ...hashed, prevHash, hash } };
    prevHash = hash;
    return chained;
  });
}
