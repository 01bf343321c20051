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
const HASH_SCHEMES = [1, 2] as const;
export type HashScheme = (typeof HASH_SCHEMES)[number];
const CURRENT_HASH_SCHEME: HashScheme = 2;

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
 * always hashes the same wherever it was stored (jsonb reorders keys). It runs for
 * every event appended or verified, so the work is left to the native serializer: it
 * writes a copy whose keys were inserted in sorted order as they stand. Only keys that
 * look like array indices, which JavaScript always lists first, need the written-out way.
 */
export function canonicalJson(value: unknown): string {
  const sorted = keySorted(value);
  return sorted === INDEX_LIKE_KEY ? canonicalJsonByHand(value) : JSON.stringify(sorted ?? null);
}

const INDEX_LIKE_KEY = Symbol('index-like key');

/** A copy with every object's keys inserted in sorted order (by UTF-16 code units), or INDEX_LIKE_KEY. */
function keySorted(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number in event data');
    return value;
  }
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = keySorted(value[i]);
      if (item === INDEX_LIKE_KEY) return INDEX_LIKE_KEY;
      copy[i] = item;
    }
    return copy;
  }
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57) return INDEX_LIKE_KEY;
    if (record[key] === undefined) continue;
    const item = keySorted(record[key]);
    if (item === INDEX_LIKE_KEY) return INDEX_LIKE_KEY;
    copy[key] = item;
  }
  return copy;
}

function canonicalJsonByHand(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJsonByHand).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJsonByHand(record[key])}`);
  return `{${members.join(',')}}`;
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
  return hashOfCanonical(
    event.streamId,
    event.streamVersion,
    event.type,
    canonicalJson(event.data),
    metadataJson,
    prevHash,
  );
}

function hashOfCanonical(
  streamId: string,
  streamVersion: number,
  type: string,
  canonicalData: string,
  canonicalMeta: string | null,
  prevHash: string,
): string {
  // One update of the joined text: the same bytes as one update per part, in a fraction of the calls.
  const meta = canonicalMeta === null ? '' : `${canonicalMeta}\n`;
  return createHash('sha256')
    .update(`${streamId}\n${streamVersion}\n${type}\n${canonicalData}\n${meta}${prevHash}`)
    .digest('hex');
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
): Array<
  E & {
    streamVersion: number;
    dataJson: string;
    metadataJson: string;
    metadata: E['metadata'] & { hashScheme: HashScheme; prevHash: string; hash: string };
  }
> {
  let prevHash = lastHash;
  return events.map((event, index) => {
    const streamVersion = version + index + 1;
    const dataJson = canonicalJson(event.data);
    const metadata = { ...event.metadata, hashScheme: CURRENT_HASH_SCHEME, prevHash: '', hash: '' };
    // The hash fields are left out of what is hashed (canonicalMetadata) and stored after it.
    const metaJson = canonicalMetadata(metadata);
    const hash = hashOfCanonical(streamId, streamVersion, event.type, dataJson, metaJson, prevHash);
    metadata.prevHash = prevHash;
    metadata.hash = hash;
    const metadataJson = `${metaJson.slice(0, -1)},"prevHash":${JSON.stringify(prevHash)},"hash":${JSON.stringify(hash)}}`;
    const chained = { ...event, streamVersion, dataJson, metadataJson, metadata };
    prevHash = hash;
    return chained;
  });
}
