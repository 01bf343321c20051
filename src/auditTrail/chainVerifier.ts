import type { Pool } from 'pg';
import type { EventStore } from '../eventStore/eventStore.port';
import { GENESIS_HASH, verifyChain, type ChainLink } from '../eventStore/hashChain';
import { queryPrepared } from '../infra/preparedQuery';
import { LruMap } from '../shared/lruMap';

/** An audit entry as the read model shows it: which stored event it claims to be. */
export interface ShownEntry {
  position: string;
  streamId: string;
  streamVersion: number;
  hash: string;
}

/** A page of the audit trail: the statement that reads it (first + 1 rows at most). */
export interface PageStatement {
  text: string;
  params: unknown[];
  first: number;
}

export interface VerifiedPage<E extends ShownEntry> {
  entries: E[];
  hasNextPage: boolean;
  /** The hash chain of every stream on the page is intact and holds the entries' hashes. */
  chainVerified: boolean;
}

/** Reads a page of audit entries and answers whether the hash chains behind it are intact. */
export interface ChainVerifier {
  readPage<E extends ShownEntry>(page: PageStatement): Promise<VerifiedPage<E>>;
}

/**
 * The original check, for stores we cannot watch row by row: recomputes, from the event
 * log itself, the whole chain of every stream the page shows, and checks each shown hash.
 */
export class RecomputingChainVerifier implements ChainVerifier {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  async readPage<E extends ShownEntry>(page: PageStatement): Promise<VerifiedPage<E>> {
    const { rows } = await this.pool.query(page.text, page.params);
    const entries = rows.slice(0, page.first) as E[];
    return { entries, hasNextPage: rows.length > page.first, chainVerified: await this.verify(entries) };
  }

  private async verify(entries: readonly ShownEntry[]): Promise<boolean> {
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

/** A stream prefix whose chain was recomputed from the log and found intact. */
interface VerifiedPrefix {
  /** Versions 1..version are verified. */
  version: number;
  /** The stored hash of `version`: the next event must chain from it. */
  headHash: string;
  /** The PostgreSQL row version (xmin) of each verified event, index = version - 1. */
  rowVersions: Uint32Array;
}

interface StoredLink extends ChainLink {
  rowVersion: number;
}

/** What the log holds at the position an entry claims. */
interface StoredEvent {
  position: string;
  /** The log's event there has the entry's stream, version and hash. */
  matches: boolean;
  row_version: string;
}

interface LogCheck {
  shown: StoredEvent[];
  heads: Record<string, number | null> | null;
  guard: string;
}

/** Streams whose verified prefix is remembered, least recently used first out (~4 bytes per event plus the hash). */
export const VERIFIED_STREAMS_CAPACITY = 50_000;

/**
 * The triggers that refuse UPDATE, DELETE and TRUNCATE on `events`, with the row
 * versions of their catalog rows and of their function: disabling, dropping or
 * redefining them (the way history can be altered with SQL) changes this text. The
 * table's file node changes if it is truncated or rewritten.
 */
const GUARD_SQL = `pg_relation_filenode('events')::text || ';' || coalesce((
    SELECT string_agg(t.tgname || ':' || t.tgenabled::text || ':' || t.xmin::text || ':' || p.xmin::text, ',' ORDER BY t.tgname)
    FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
    WHERE t.tgrelid = 'events'::regclass AND NOT t.tgisinternal), '')`;

/** The guard is in place when both immutability triggers fire in every session (enabled always, so replica mode cannot skip them). */
function guardInPlace(guard: string): boolean {
  return /(^|[;,])events_no_truncate:A:/.test(guard) && /(^|[;,])events_no_update:A:/.test(guard);
}

/**
 * Verifies chains incrementally over the PostgreSQL event store, remembering per
 * stream the prefix it has recomputed and found intact.
 *
 * What the cache trusts, and why: a verified event can only change afterwards if its
 * row is rewritten, and every rewrite through SQL gives the row a new row version
 * (xmin, the writing transaction's id). So, on every request:
 *  - each event the page shows is looked up in the log by position: its stream, version
 *    and stored hash must be the entry's, and its row version the one verified (else the
 *    stream is recomputed from the log, which then reports the alteration);
 *  - events appended since a stream was verified are verified before the answer, chaining
 *    from the remembered head hash;
 *  - the verified events the page does not show are trusted while the immutability
 *    triggers stay as they were: the guard text (triggers, their catalog row versions,
 *    their function, the table's file node) is read with every check, and any change
 *    drops every remembered prefix. While the triggers are off, missing or only enabled
 *    for ordinary sessions (replica mode would skip them), nothing is remembered and
 *    every chain is recomputed in full.
 * Not covered: edits of the database files themselves; such an alteration is reported
 * once the altered event is shown, or after a restart (the cache lives in memory only).
 */
export class IncrementalChainVerifier implements ChainVerifier {
  private readonly verified: LruMap<string, VerifiedPrefix>;
  private readonly inFlight = new Map<string, Promise<VerifiedPrefix | null>>();
  private guard: string | null = null;

  constructor(
    private readonly pool: Pool,
    capacity = VERIFIED_STREAMS_CAPACITY,
  ) {
    this.verified = new LruMap(capacity);
  }

  /** How many streams have a remembered verified prefix (for tests). */
  get rememberedStreams(): number {
    return this.verified.size;
  }

  /**
   * Reads the page and, in the same statement (one round trip, one snapshot), the log
   * check of its entries: each entry's stored event, each stream's newest version, the guard.
   */
  async readPage<E extends ShownEntry>(page: PageStatement): Promise<VerifiedPage<E>> {
    const { rows } = await queryPrepared(
      this.pool,
      `WITH page AS MATERIALIZED (${page.text}),
            streams AS (SELECT DISTINCT "streamId" AS stream_id FROM page)
       SELECT page.*,
              -- Compared here, not in the app: one boolean per row instead of three more values to decode.
              (ev.stream_id = page."streamId" AND ev.stream_version = page."streamVersion" AND ev.metadata->>'hash' = page.hash) AS "logMatches",
              ev.xmin::text AS "logRowVersion",
              CASE WHEN page.position = (SELECT min(position) FROM page) THEN
                (SELECT json_object_agg(s.stream_id, (SELECT max(v.stream_version) FROM events v WHERE v.stream_id = s.stream_id)) FROM streams s) END AS "logHeads",
              CASE WHEN page.position = (SELECT min(position) FROM page) THEN ${GUARD_SQL} END AS "logGuard"
       FROM page LEFT JOIN events ev ON ev.position = page.position::bigint
       ORDER BY page.position::bigint`,
      page.params,
    );
    const shown: StoredEvent[] = [];
    const entries: E[] = [];
    let heads: LogCheck['heads'] = null;
    let guard = '';
    for (const row of rows) {
      const { logMatches, logRowVersion, logHeads, logGuard, ...entry } = row;
      if (logGuard !== null) {
        heads = logHeads;
        guard = logGuard;
      }
      if (logRowVersion !== null) shown.push({ position: entry.position, matches: logMatches === true, row_version: logRowVersion });
      if (entries.length < page.first) entries.push(entry as E);
    }
    const chainVerified = entries.length === 0 || (await this.verifyAgainst(entries, { shown, heads, guard }));
    return { entries, hasNextPage: rows.length > page.first, chainVerified };
  }

  private async verifyAgainst(entries: readonly ShownEntry[], check: LogCheck): Promise<boolean> {
    const streamIds = [...new Set(entries.map((e) => e.streamId))];
    if (check.guard !== this.guard) {
      // The guard changed (or this is the first look): nothing verified before is trusted.
      this.verified.clear();
      this.guard = check.guard;
    }
    const trusted = guardInPlace(check.guard);
    const stored = new Map(check.shown.map((row) => [row.position, row]));
    const results = await Promise.all(
      streamIds.map(async (streamId) => {
        const shown = entries.filter((e) => e.streamId === streamId);
        for (const entry of shown) {
          const row = stored.get(entry.position);
          if (!row || !row.matches) return false;
        }
        const head = check.heads?.[streamId] ?? 0;
        let prefix = trusted ? this.verified.get(streamId) : undefined;
        if (prefix && shown.some((e) => prefix!.rowVersions[e.streamVersion - 1] !== Number(stored.get(e.position)!.row_version))) {
          // A shown event is not the row that was verified: recompute the stream from the log.
          this.verified.delete(streamId);
          prefix = undefined;
        }
        const verified = await this.verifiedThrough(streamId, head, prefix, trusted ? check.guard : null);
        if (verified === null) return false;
        // Rows appended or read after the check: the shown ones must be the verified rows.
        return shown.every((e) => e.streamVersion <= verified.version && verified.rowVersions[e.streamVersion - 1] === Number(stored.get(e.position)!.row_version));
      }),
    );
    return results.every(Boolean);
  }

  /**
   * The stream verified at least through `head`, or null when its chain is broken.
   * `trustedGuard`: the guard in place when the request looked (null: remember nothing).
   */
  private async verifiedThrough(streamId: string, head: number, prefix: VerifiedPrefix | undefined, trustedGuard: string | null): Promise<VerifiedPrefix | null> {
    if (prefix && prefix.version === head) return prefix;
    if (prefix && prefix.version > head) {
      // Verified events are gone from the log: recompute, which reports it.
      this.verified.delete(streamId);
      prefix = undefined;
    }
    if (trustedGuard === null) return this.extend(streamId, undefined);
    // Concurrent requests for the same stream share one read and one recomputation.
    const key = `${trustedGuard}\u0000${streamId}\u0000${prefix?.version ?? 0}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.extend(streamId, prefix).then((result) => {
        // Remembered only if the guard did not change while the events were read.
        if (result && this.guard === trustedGuard) this.verified.set(streamId, result);
        return result;
      });
      pending.finally(() => this.inFlight.delete(key)).catch(() => undefined);
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** Reads the events after `prefix` (all of them without one) and verifies that they continue its chain. */
  private async extend(streamId: string, prefix: VerifiedPrefix | undefined): Promise<VerifiedPrefix | null> {
    const fromVersion = (prefix?.version ?? 0) + 1;
    const links = await this.readLinks(streamId, fromVersion);
    if (links.length === 0) return prefix ?? null;
    // Versions must run on without a gap from the prefix (or from 1), chaining from its head.
    if (links.some((link, i) => link.streamVersion !== fromVersion + i)) return null;
    const expectedPrev = prefix?.headHash ?? GENESIS_HASH;
    if (links[0].metadata.prevHash !== expectedPrev) return null;
    if (!verifyChain(links).valid) return null;
    const rowVersions = new Uint32Array(fromVersion - 1 + links.length);
    if (prefix) rowVersions.set(prefix.rowVersions.subarray(0, prefix.version));
    for (const link of links) rowVersions[link.streamVersion - 1] = link.rowVersion;
    const last = links[links.length - 1];
    return { version: last.streamVersion, headHash: last.metadata.hash, rowVersions };
  }

  private async readLinks(streamId: string, fromVersion: number): Promise<StoredLink[]> {
    const { rows } = await queryPrepared<{ stream_version: number; type: string; data: unknown; prev_hash: string; hash: string; row_version: string }>(
      this.pool,
      `SELECT stream_version, type, data, metadata->>'prevHash' AS prev_hash, metadata->>'hash' AS hash, xmin::text AS row_version
       FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, fromVersion],
    );
    return rows.map((row) => ({
      streamId,
      streamVersion: row.stream_version,
      type: row.type,
      data: row.data,
      metadata: { prevHash: row.prev_hash, hash: row.hash },
      rowVersion: Number(row.row_version),
    }));
  }
}
