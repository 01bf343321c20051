import { createHash } from 'node:crypto';
import type { EventStore, StreamHead } from '../eventStore/eventStore.port';

/**
 * How a digest's root is computed: SHA-256 Merkle root over the stream heads sorted by
 * the UTF-8 bytes of their stream id; a leaf is SHA-256(0x00 ‖ JSON [streamId, version,
 * hash]), a node SHA-256(0x01 ‖ left ‖ right), a last odd node goes up unchanged, and
 * no heads give SHA-256 of nothing. Positions are left out: the same history gives the
 * same root in any store it is copied to.
 */
export const DIGEST_SCHEME = 'tdkt-log-digest/1';

/** Every stream's head at a log position, and one root over them. */
export interface LogDigest {
  scheme: string;
  position: string;
  root: string;
  streamCount: number;
  /** The events the heads account for: the sum of their versions. */
  eventCount: number;
  /** Sorted as the root orders them; absent where only the root was kept. */
  heads?: StreamHead[];
}

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/**
 * Hand-written, as a Merkle root over sorted leaves is a few lines of node:crypto and
 * the npm Merkle libraries each fix their own leaf and odd-node rules: this one is
 * written down above, so the higher level can recompute it with any tool.
 */
function merkleRoot(leaves: Buffer[]): string {
  if (leaves.length === 0) return createHash('sha256').digest('hex');
  let level = leaves;
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(
        i + 1 < level.length
          ? createHash('sha256')
              .update(NODE)
              .update(level[i])
              .update(level[i + 1])
              .digest()
          : level[i],
      );
    }
    level = next;
  }
  return level[0].toString('hex');
}

function leafOf(head: StreamHead): Buffer {
  return createHash('sha256')
    .update(LEAF)
    .update(JSON.stringify([head.streamId, head.version, head.hash]))
    .digest();
}

/** The heads in root order: by the UTF-8 bytes of the stream id. */
function sortHeads(heads: readonly StreamHead[]): StreamHead[] {
  const keyed = heads.map((head) => ({ head, key: Buffer.from(head.streamId, 'utf8') }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  return keyed.map((k) => k.head);
}

/** The digest of `heads` taken at `position`. */
export function digestOf(heads: readonly StreamHead[], position: string): Required<LogDigest> {
  const sorted = sortHeads(heads);
  return {
    scheme: DIGEST_SCHEME,
    position,
    root: merkleRoot(sorted.map(leafOf)),
    streamCount: sorted.length,
    eventCount: sorted.reduce((sum, head) => sum + head.version, 0),
    heads: sorted,
  };
}

/** How a stream's head differs from the one a kept digest holds, at the kept digest's position. */
export type HeadChange =
  | 'deleted stream'
  | 'deleted tail'
  | 'recomputed chain'
  | 'events added before the position'
  | 'stream added before the position';

export interface HeadDifference {
  streamId: string;
  change: HeadChange;
  kept: StreamHead | null;
  now: StreamHead | null;
}

export interface DigestComparison {
  rootNow: string;
  rootMatches: boolean;
  /** Empty where the kept digest holds only its root. */
  differences: HeadDifference[];
}

/** Compares the heads now at a kept digest's position with the ones it holds. */
export function compareWithKept(kept: LogDigest, headsNow: readonly StreamHead[]): DigestComparison {
  const now = digestOf(headsNow, kept.position);
  const differences: HeadDifference[] = [];
  if (kept.heads) {
    const nowById = new Map(now.heads.map((head) => [head.streamId, head]));
    for (const head of kept.heads) {
      const current = nowById.get(head.streamId) ?? null;
      nowById.delete(head.streamId);
      const change = headChange(head, current);
      if (change) differences.push({ streamId: head.streamId, change, kept: head, now: current });
    }
    for (const current of nowById.values())
      differences.push({
        streamId: current.streamId,
        change: 'stream added before the position',
        kept: null,
        now: current,
      });
  }
  return { rootNow: now.root, rootMatches: now.root === kept.root, differences };
}

function headChange(kept: StreamHead, now: StreamHead | null): HeadChange | null {
  if (!now) return 'deleted stream';
  if (now.version < kept.version) return 'deleted tail';
  if (now.version > kept.version) return 'events added before the position';
  return now.hash === kept.hash ? null : 'recomputed chain';
}

/**
 * The digest of the log at its safely readable head, from the store's heads (no chain
 * is recomputed: `checkLog` does that).
 */
export async function currentLogDigest(store: EventStore): Promise<LogDigest> {
  const position = await store.headPosition();
  const { heads: _heads, ...digest } = digestOf(await store.streamHeads(position), position);
  return digest;
}

/** The app's `logDigest` answers (one per app, made in app.ts): callers at the same time share one read. */
export class SharedLogDigest {
  private pending: Promise<LogDigest> | null = null;

  constructor(private readonly store: EventStore) {}

  current(): Promise<LogDigest> {
    this.pending ??= currentLogDigest(this.store).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }
}
