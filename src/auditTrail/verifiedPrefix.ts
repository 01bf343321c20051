import type { ChainPoint } from '../eventStore/chainCheck';
import type { RecordedEvent, ShownEvent } from '../eventStore/eventStore.port';

/** A stream prefix whose chain was recomputed from the log and found intact. */
export interface VerifiedPrefix {
  /** Versions 1..version are verified. */
  version: number;
  /** The stored hash of `version`: the next event must chain from it. */
  headHash: string;
  /** The log position of each verified event, index = version - 1 (exact: positions stay below 2^53). */
  positions: Float64Array;
  /** The stored hash of each verified event, 32 bytes each, in version order. */
  hashes: Buffer;
}

const HASH_BYTES = 32;

/** A prefix being extended, its arrays with room to spare. */
export interface GrowingPrefix {
  version: number;
  positions: Float64Array;
  hashes: Buffer;
}

/** Where a prefix being extended starts: the remembered one, or nothing. */
export function startGrowing(prefix: VerifiedPrefix | undefined): GrowingPrefix {
  return {
    version: prefix?.version ?? 0,
    positions: prefix?.positions ?? new Float64Array(0),
    hashes: prefix?.hashes ?? Buffer.alloc(0),
  };
}

/**
 * Appends `events`, the next ones of the stream, all found intact. `fullPage`: more may
 * follow, so long streams grow by doubling, not page by page.
 */
export function growBy(growing: GrowingPrefix, events: readonly RecordedEvent[], fullPage: boolean): void {
  const { version } = growing;
  const verified = version + events.length;
  if (verified > growing.positions.length) {
    const capacity = Math.max(verified, fullPage ? growing.positions.length * 2 : 0);
    const grownPositions = new Float64Array(capacity);
    grownPositions.set(growing.positions.subarray(0, version));
    const grownHashes = Buffer.alloc(capacity * HASH_BYTES);
    growing.hashes.copy(grownHashes, 0, 0, version * HASH_BYTES);
    growing.positions = grownPositions;
    growing.hashes = grownHashes;
  }
  for (const event of events) {
    growing.positions[event.streamVersion - 1] = Number(event.position);
    growing.hashes.write(event.metadata.hash, (event.streamVersion - 1) * HASH_BYTES, HASH_BYTES, 'hex');
  }
  growing.version = verified;
}

/** The grown prefix at its exact size, to be remembered. */
export function finishGrowing(growing: GrowingPrefix, headHash: string): VerifiedPrefix {
  const { version } = growing;
  return {
    version,
    headHash,
    positions: growing.positions.slice(0, version),
    hashes: Buffer.from(growing.hashes.subarray(0, version * HASH_BYTES)),
  };
}

/** Where a remembered prefix ends: a check of the events after it continues from here. */
export function prefixEnd(prefix: VerifiedPrefix): ChainPoint {
  return {
    version: prefix.version,
    hash: prefix.headHash,
    position: String(prefix.positions[prefix.version - 1]),
    prevHash: null,
  };
}

/**
 * The value of a lower-case hex digit's char code, or -1 for anything else (upper case
 * included: the stored spelling is lower case).
 */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** The entry is the verified event of its stream and version: same position, same stored hash. */
export function isVerifiedEvent(prefix: VerifiedPrefix, entry: ShownEvent): boolean {
  const index = entry.streamVersion - 1;
  if (!Number.isInteger(index) || index < 0 || index >= prefix.version) return false;
  if (prefix.positions[index] !== Number(entry.position)) return false;
  const hash = entry.hash;
  if (typeof hash !== 'string' || hash.length !== HASH_BYTES * 2) return false;
  // Byte by byte against the remembered hash, without building a hex string per entry.
  const offset = index * HASH_BYTES;
  for (let i = 0; i < HASH_BYTES; i++) {
    const high = hexDigit(hash.charCodeAt(2 * i));
    const low = hexDigit(hash.charCodeAt(2 * i + 1));
    if (high < 0 || low < 0 || ((high << 4) | low) !== prefix.hashes[offset + i]) return false;
  }
  return true;
}
