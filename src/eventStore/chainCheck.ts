import { comparePositions } from './eventStore.port';
import { eventHash, GENESIS_HASH, hashSchemeOf, type ChainMetadata } from './hashChain';

/** How a stream differs from what was appended, as far as its own chain can tell. */
export type TamperKind = 'altered' | 'removed' | 'inserted' | 'reordered';

export interface ChainFinding {
  streamId: string;
  /** The first version that is not as it was appended (for `removed`, the first one missing). */
  version: number;
  kind: TamperKind;
  detail: string;
}

/** One stored event as a chain check reads it. */
export interface ChainLink {
  streamId: string;
  streamVersion: number;
  position: string;
  type: string;
  data: unknown;
  metadata: ChainMetadata;
  /** The recorded time as stored (PostgreSQL keeps it in a column of its own as well). */
  recordedAt: string;
}

/** A verified event a check continues from. */
export interface ChainPoint {
  version: number;
  hash: string;
  position: string;
  /** The hash it chains from; null where only the event's own hash is remembered. */
  prevHash: string | null;
}

/** Before a stream's first event. */
export const STREAM_START: ChainPoint = { version: 0, hash: GENESIS_HASH, position: '0', prevHash: null };

/** An event that does not chain from the one before it; the event after it tells why. */
interface Suspect {
  link: ChainLink;
  /** Its stored hash is the hash of its own content. */
  selfConsistent: boolean;
}

/**
 * Checks one stream's events, fed in version order, and names the first that is not as
 * appended. `from` is where a remembered, verified prefix ends. An event that does not
 * chain from its predecessor is classified once the next one is seen (or `finish`):
 * two neighbours that exchanged places, an inserted event, a predecessor rewritten and
 * hashed again, or events removed with the later ones renumbered all look alike alone.
 */
export class StreamChainCheck {
  private last: ChainPoint;
  private suspect: Suspect | null = null;
  private finding: ChainFinding | null = null;

  constructor(
    readonly streamId: string,
    from: ChainPoint = STREAM_START,
  ) {
    this.last = from;
  }

  /** The finding, once no later event can change it. */
  get settled(): ChainFinding | null {
    return this.finding;
  }

  /** The last event found intact. */
  get verified(): ChainPoint {
    return this.last;
  }

  add(link: ChainLink): void {
    if (this.finding) return;
    if (this.suspect) return this.classifySuspect(link);
    const version = link.streamVersion;
    const expected = this.last.version + 1;
    if (version > expected)
      return this.found(
        expected,
        'removed',
        version - 1 === expected ? `version ${expected} is missing` : `versions ${expected}–${version - 1} are missing`,
      );
    if (version < expected) return this.found(version, 'inserted', `a second event claims version ${version}`);
    const scheme = hashSchemeOf(link.metadata);
    const selfConsistent = scheme !== null && eventHash(link, link.metadata.prevHash, scheme) === link.metadata.hash;
    if (link.metadata.prevHash !== this.last.hash) {
      if (this.last.prevHash !== null && link.metadata.prevHash === this.last.prevHash) {
        return this.found(
          this.last.version,
          'inserted',
          `version ${version} chains from the event before it: version ${this.last.version} was inserted`,
        );
      }
      this.suspect = { link, selfConsistent };
      return;
    }
    if (scheme === null)
      return this.found(
        version,
        'altered',
        `its metadata names no known hash scheme (${String(link.metadata.hashScheme)})`,
      );
    if (!selfConsistent)
      return this.found(
        version,
        'altered',
        scheme === 1
          ? 'its type or data differ from what was hashed'
          : 'its type, data or metadata differ from what was hashed',
      );
    if (
      typeof link.metadata.recordedAt === 'string' &&
      Date.parse(link.metadata.recordedAt) !== Date.parse(link.recordedAt)
    ) {
      return this.found(
        version,
        'altered',
        `its stored recorded time ${link.recordedAt} is not the one in its metadata`,
      );
    }
    // Checked last: an event inserted with a later position is named as inserted, not as out of place.
    if (this.last.version > 0 && comparePositions(link.position, this.last.position) <= 0) {
      return this.found(
        version,
        'reordered',
        `it stands before version ${this.last.version} in the log (position ${link.position})`,
      );
    }
    this.last = { version, hash: link.metadata.hash, position: link.position, prevHash: link.metadata.prevHash };
  }

  /** The finding, with a pending suspect classified from what was seen. */
  finish(): ChainFinding | null {
    if (this.suspect) this.classifySuspect(null);
    return this.finding;
  }

  private classifySuspect(next: ChainLink | null): void {
    const { link, selfConsistent } = this.suspect!;
    this.suspect = null;
    const version = link.streamVersion;
    if (next && next.metadata.prevHash === this.last.hash) {
      if (link.metadata.prevHash === next.metadata.hash)
        return this.found(version, 'reordered', `versions ${version} and ${version + 1} have exchanged places`);
      return this.found(
        version,
        'inserted',
        `version ${version + 1} chains from version ${version - 1}: version ${version} was inserted`,
      );
    }
    if (selfConsistent && this.last.version > 0) {
      return this.found(
        this.last.version,
        'altered',
        `version ${version} does not chain from it: it was rewritten and hashed again`,
      );
    }
    if (next && next.metadata.prevHash === link.metadata.hash) {
      return this.found(
        version,
        'removed',
        `it does not chain from version ${version - 1}: events before it were removed and the later ones renumbered`,
      );
    }
    this.found(version, 'inserted', `it neither chains from version ${version - 1} nor matches its own hash`);
  }

  private found(version: number, kind: TamperKind, detail: string): void {
    this.finding = { streamId: this.streamId, version, kind, detail };
  }
}

/** Checks a whole stream, read from its first event. */
export function verifyChain(links: readonly ChainLink[]): { valid: boolean; brokenAt: number | null } {
  if (links.length === 0) return { valid: true, brokenAt: null };
  const check = new StreamChainCheck(links[0].streamId);
  for (const link of links) {
    check.add(link);
    if (check.settled) break;
  }
  const finding = check.finish();
  return finding ? { valid: false, brokenAt: finding.version } : { valid: true, brokenAt: null };
}
