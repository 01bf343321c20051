import { LruMap } from '../../shared/lruMap';

/** The version and last hash an append to a stream continues from. */
export interface ChainTip {
  version: number;
  hash: string;
}

/** Streams whose tip the store remembers (a command reads its stream, then appends to it). */
export const CHAIN_TIP_CACHE_SIZE = 20_000;

/**
 * The newest (version, hash) seen per stream, least recently used first out. Every
 * entry is a fact about committed, immutable events, so it stays true whoever appends
 * later: an append that trusts an old entry collides on the unique version key.
 */
export class ChainTipCache {
  private readonly entries: LruMap<string, ChainTip>;

  constructor(capacity: number) {
    this.entries = new LruMap(capacity);
  }

  get(streamId: string): ChainTip | undefined {
    return this.entries.get(streamId);
  }

  remember(streamId: string, version: number, hash: string): void {
    const known = this.entries.peek(streamId);
    if (!known || known.version < version) this.entries.set(streamId, { version, hash });
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }
}
