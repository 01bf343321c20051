import { STREAM_START, StreamChainCheck, verifyChain } from '../eventStore/chainCheck';
import type { ChainWatch, EventStore, ShownEvent } from '../eventStore/eventStore.port';
import type { Queryable } from '../infra/db';
import type { PreparedStatements } from '../infra/preparedQuery';
import { LruMap } from '../shared/lruMap';
import { finishGrowing, growBy, isVerifiedEvent, prefixEnd, startGrowing, type VerifiedPrefix } from './verifiedPrefix';

/** A page of the audit trail: the statement that reads it (first + 1 rows at most). */
export interface PageStatement {
  text: string;
  params: unknown[];
  first: number;
}

export interface VerifiedPage<E extends ShownEvent> {
  entries: E[];
  hasNextPage: boolean;
  /** The hash chain of every stream on the page is intact and holds the entries' hashes. */
  chainVerified: boolean;
}

/** Where a request reads: its connections and its view of the store, both within its budget. */
export interface PageReader {
  pool: Queryable;
  store: EventStore;
}

/**
 * Reads a page of audit entries and answers whether the hash chains behind it are intact.
 * `reader` is the request asking (its budget); the verifier's own pool and store otherwise.
 */
export interface ChainVerifier {
  readPage<E extends ShownEvent>(page: PageStatement, reader?: PageReader): Promise<VerifiedPage<E>>;
}

/**
 * For stores that cannot vouch for their history (no `historySeal`): recomputes, from the
 * event log itself, the whole chain of every stream the page shows, and checks each shown
 * hash. The page is read through the request's connections, the chains through the
 * verifier's own store.
 */
export class RecomputingChainVerifier implements ChainVerifier {
  constructor(
    private readonly pool: Queryable,
    private readonly store: EventStore,
  ) {}

  async readPage<E extends ShownEvent>(page: PageStatement, reader?: PageReader): Promise<VerifiedPage<E>> {
    const { rows } = await (reader?.pool ?? this.pool).query(page.text, page.params);
    const entries = rows.slice(0, page.first) as E[];
    return { entries, hasNextPage: rows.length > page.first, chainVerified: await this.verify(entries) };
  }

  private async verify(entries: readonly ShownEvent[]): Promise<boolean> {
    const streams = [...new Set(entries.map((e) => e.streamId))];
    const results = await Promise.all(
      streams.map(async (streamId) => {
        const events = await this.store.readStream(streamId);
        if (!verifyChain(events).valid) return false;
        const byVersion = new Map(events.map((e) => [e.streamVersion, e.metadata.hash]));
        return entries.filter((e) => e.streamId === streamId).every((e) => byVersion.get(e.streamVersion) === e.hash);
      }),
    );
    return results.every(Boolean);
  }
}

const MAX_CONCURRENT_RECOMPUTATIONS = 2;
/** Events read and hashed at a time when a stream is (re)verified. */
export const LINKS_PER_READ = 500;

/** Streams whose verified prefix is remembered, least recently used first out (40 bytes per event). */
const VERIFIED_STREAMS_CAPACITY = 50_000;

/**
 * Verifies chains incrementally, remembering per stream the prefix it has recomputed and
 * found intact: each verified event's position and stored hash.
 *
 * What the memory trusts, and why: the store's seal, read with every page (see
 * `ChainWatch`; over PostgreSQL, the immutability triggers' state). While it reads the
 * same, no stored event has changed in place, so a verified prefix stays verified. Any
 * change drops every remembered prefix, so the next page recomputes its streams from the
 * log and reports what was altered. While there is no seal, nothing is remembered and
 * every chain is recomputed in full. On every page:
 *  - each shown entry (the read model's copy) must have the position and hash of the
 *    verified event with its stream and version: the read model is checked every time;
 *  - events appended since a stream was verified are verified before the answer,
 *    chaining from the remembered head hash.
 * The memory lives in the process only: an alteration the seal cannot see is reported
 * after a restart.
 */
export class IncrementalChainVerifier implements ChainVerifier {
  private readonly verified: LruMap<string, VerifiedPrefix>;
  private readonly inFlight = new Map<string, Promise<VerifiedPrefix | null>>();
  /** The seal the last page was read under; memory is trusted only while there is one. */
  private seal: string | null = null;
  private recomputing = 0;
  private readonly recomputeQueue: Array<() => void> = [];

  constructor(
    private readonly pool: Queryable,
    private readonly store: EventStore,
    private readonly statements: PreparedStatements,
    capacity = VERIFIED_STREAMS_CAPACITY,
  ) {
    this.verified = new LruMap(capacity);
  }

  /** How many streams have a remembered verified prefix (for tests). */
  get rememberedStreams(): number {
    return this.verified.size;
  }

  /** Reads the page and, with it, what the check needs from the log: each shown stream's head and the seal. */
  async readPage<E extends ShownEvent>(page: PageStatement, reader?: PageReader): Promise<VerifiedPage<E>> {
    const pool = reader?.pool ?? this.pool;
    const store = reader?.store ?? this.store;
    const { rows, watch } = await store.readShownEvents<E>({
      text: page.text,
      params: page.params,
      run: async (text, params) => (await this.statements.query(pool, text, params)).rows,
    });
    const entries = rows.length > page.first ? rows.slice(0, page.first) : rows;
    const verdict = entries.length === 0 || this.verifyAgainst(entries, watch, store);
    return {
      entries,
      hasNextPage: rows.length > page.first,
      chainVerified: typeof verdict === 'boolean' ? verdict : await verdict,
    };
  }

  /**
   * Synchronous when memory answers (every shown stream verified through its head), a
   * promise when the log must be read.
   */
  private verifyAgainst(
    entries: readonly ShownEvent[],
    watch: ChainWatch,
    store: EventStore,
  ): boolean | Promise<boolean> {
    if (watch.seal !== this.seal) {
      // The seal changed (or this is the first look): nothing verified before is trusted.
      this.verified.clear();
      this.seal = watch.seal;
    }
    const trustedSeal = this.seal;
    return (
      (trustedSeal !== null && this.verifiedFromMemory(entries, watch.heads)) ||
      this.verifyStreams(entries, watch.heads, trustedSeal, store)
    );
  }

  /**
   * True when every shown stream is remembered as verified exactly through its head in the
   * log and every entry is one of its verified events; false when anything else is so
   * (a stream not remembered, appended to, or an entry that does not match), and the
   * general check then decides.
   */
  private verifiedFromMemory(entries: readonly ShownEvent[], heads: ChainWatch['heads']): boolean {
    let streamId: string | null = null;
    let prefix: VerifiedPrefix | undefined;
    for (const entry of entries) {
      if (entry.streamId !== streamId) {
        streamId = entry.streamId;
        prefix = this.verified.get(streamId);
        if (!prefix || prefix.version !== heads[streamId]) return false;
      }
      if (!isVerifiedEvent(prefix!, entry)) return false;
    }
    return true;
  }

  /** `trustedSeal`: the seal the page was read under (null: remember nothing). */
  private async verifyStreams(
    entries: readonly ShownEvent[],
    heads: ChainWatch['heads'],
    trustedSeal: string | null,
    store: EventStore,
  ): Promise<boolean> {
    const byStream = new Map<string, ShownEvent[]>();
    for (const entry of entries) {
      const shown = byStream.get(entry.streamId);
      if (shown) shown.push(entry);
      else byStream.set(entry.streamId, [entry]);
    }
    const results = await Promise.all(
      [...byStream].map(async ([streamId, shown]) => {
        const head = heads[streamId] ?? 0;
        const prefix = trustedSeal !== null ? this.verified.get(streamId) : undefined;
        const verified = await this.verifiedThrough(streamId, head, prefix, trustedSeal, store);
        return verified !== null && shown.every((entry) => isVerifiedEvent(verified, entry));
      }),
    );
    return results.every(Boolean);
  }

  /**
   * The stream verified at least through `head`, or null when its chain is broken.
   * `trustedSeal`: the seal in place when the request looked (null: remember nothing).
   */
  private async verifiedThrough(
    streamId: string,
    head: number,
    prefix: VerifiedPrefix | undefined,
    trustedSeal: string | null,
    store: EventStore,
  ): Promise<VerifiedPrefix | null> {
    if (prefix && prefix.version === head) return prefix;
    if (prefix && prefix.version > head) {
      // Verified events are gone from the log: recompute, which reports it.
      this.verified.delete(streamId);
      prefix = undefined;
    }
    if (trustedSeal === null) return this.extend(streamId, undefined, store);
    // Concurrent requests for the same stream share one read and one recomputation.
    const key = `${trustedSeal}\u0000${streamId}\u0000${prefix?.version ?? 0}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.extend(streamId, prefix, store).then((result) => {
        // Remembered only if the seal did not change while the events were read.
        if (result && this.seal === trustedSeal) this.verified.set(streamId, result);
        return result;
      });
      pending.finally(() => this.inFlight.delete(key)).catch(() => undefined);
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /**
   * Reads the events after `prefix` (all of them without one) and verifies that they continue its chain.
   * Whole streams are recomputed at most two at a time: a long stream's rows and canonical
   * texts live while it is hashed, and many of them at once (the first look at a few hundred
   * council sessions) would be promoted to the old generation and leave it grown.
   */
  private async extend(
    streamId: string,
    prefix: VerifiedPrefix | undefined,
    store: EventStore,
  ): Promise<VerifiedPrefix | null> {
    if (prefix) return this.verifyAfter(streamId, prefix, store);
    if (this.recomputing >= MAX_CONCURRENT_RECOMPUTATIONS)
      await new Promise<void>((resolve) => this.recomputeQueue.push(resolve));
    this.recomputing++;
    try {
      return await this.verifyAfter(streamId, undefined, store);
    } finally {
      this.recomputing--;
      this.recomputeQueue.shift()?.();
    }
  }

  /** Verifies the stream's events after `prefix` page by page, so a long stream never sits in memory whole. */
  private async verifyAfter(
    streamId: string,
    prefix: VerifiedPrefix | undefined,
    store: EventStore,
  ): Promise<VerifiedPrefix | null> {
    const check = new StreamChainCheck(streamId, prefix ? prefixEnd(prefix) : STREAM_START);
    const growing = startGrowing(prefix);
    for (;;) {
      const version = growing.version;
      const links = await store.readStream(streamId, { fromVersion: version + 1, limit: LINKS_PER_READ });
      if (links.length === 0) break;
      for (const link of links) check.add(link);
      // Every link must be found intact: one that does not chain waits for its classification,
      // which this answer does not need.
      if (check.settled || check.verified.version !== version + links.length) return null;
      growBy(growing, links, links.length === LINKS_PER_READ);
      if (links.length < LINKS_PER_READ) break;
    }
    if (growing.version === 0) return null;
    if (prefix && growing.version === prefix.version) return prefix;
    return finishGrowing(growing, check.verified.hash);
  }
}
