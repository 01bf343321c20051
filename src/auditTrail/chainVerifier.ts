import type { Pool } from 'pg';
import type { Queryable } from '../infra/db';
import type { EventStore, RecordedEvent } from '../eventStore/eventStore.port';
import { STREAM_START, StreamChainCheck, verifyChain, type ChainPoint } from '../eventStore/chainCheck';
import { SELECT_COLUMNS, toRecorded, type EventRow } from '../eventStore/postgres/eventRows';
import type { PreparedStatements } from '../infra/preparedQuery';
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

/**
 * Reads a page of audit entries and answers whether the hash chains behind it are intact.
 * `db` is the connection source of the request asking (its budget); the verifier's own pool otherwise.
 */
export interface ChainVerifier {
  readPage<E extends ShownEntry>(page: PageStatement, db?: Queryable): Promise<VerifiedPage<E>>;
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

  async readPage<E extends ShownEntry>(page: PageStatement, db: Queryable = this.pool): Promise<VerifiedPage<E>> {
    const { rows } = await db.query(page.text, page.params);
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
  /** The log position of each verified event, index = version - 1 (exact: positions stay below 2^53). */
  positions: Float64Array;
  /** The stored hash of each verified event, 32 bytes each, in version order. */
  hashes: Buffer;
}

const HASH_BYTES = 32;

interface LogCheck {
  heads: Record<string, number | null> | null;
  guard: string;
}

const MAX_CONCURRENT_RECOMPUTATIONS = 2;
/** Events read and hashed at a time when a stream is (re)verified. */
export const LINKS_PER_READ = 500;

/** Page texts whose checked form is kept (there is one text per filter shape). */
const MAX_PAGE_TEXTS = 1_000;

/** Streams whose verified prefix is remembered, least recently used first out (40 bytes per event). */
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
 * stream the prefix it has recomputed and found intact: each verified event's position
 * and stored hash.
 *
 * What the memory trusts, and why: a stored event can only change if its row is
 * updated, deleted or the table truncated or rewritten, and the immutability triggers
 * refuse all of that. So a verified prefix is trusted while those triggers stay exactly
 * as they were: the guard text (triggers, their catalog row versions, their function,
 * the table's file node) is read with every page, and any change (a trigger disabled
 * even for a moment, dropped, redefined, the table rewritten) drops every remembered
 * prefix, so the next page recomputes its streams from the log and reports what was
 * altered. While the triggers are off, missing or only enabled for ordinary sessions
 * (replica mode would skip them), nothing is remembered and every chain is recomputed
 * in full. On every page:
 *  - each shown entry (the read model's copy) must have the position and hash of the
 *    verified event with its stream and version: the read model is checked every time;
 *  - events appended since a stream was verified are verified before the answer,
 *    chaining from the remembered head hash.
 * Not covered: edits of the database files themselves; such an alteration is reported
 * after a restart (the memory lives in the process only).
 */
export class IncrementalChainVerifier implements ChainVerifier {
  private readonly verified: LruMap<string, VerifiedPrefix>;
  private readonly inFlight = new Map<string, Promise<VerifiedPrefix | null>>();
  private guard: string | null = null;
  /** Whether `guard` shows the immutability triggers in place (memory is trusted only then). */
  private guardTrusted = false;
  private recomputing = 0;
  private readonly recomputeQueue: Array<() => void> = [];
  private readonly checkedTexts = new Map<string, string>();

  constructor(
    private readonly pool: Pool,
    private readonly statements: PreparedStatements,
    capacity = VERIFIED_STREAMS_CAPACITY,
  ) {
    this.verified = new LruMap(capacity);
  }

  /** How many streams have a remembered verified prefix (for tests). */
  get rememberedStreams(): number {
    return this.verified.size;
  }

  /**
   * Reads the page and, in the same statement (one round trip, one snapshot), what the
   * check needs from the log: each shown stream's newest version and the guard.
   */
  async readPage<E extends ShownEntry>(page: PageStatement, db: Queryable = this.pool): Promise<VerifiedPage<E>> {
    const { rows } = await this.statements.query(db, this.withLogCheck(page.text), page.params);
    const entries: E[] = [];
    const check: LogCheck = { heads: null, guard: '' };
    for (const row of rows) {
      if (row.logGuard !== null) {
        check.heads = row.logHeads;
        check.guard = row.logGuard;
      }
      // The two log columns stay on the row (null but on the first): no GraphQL type exposes them.
      if (entries.length < page.first) entries.push(row as E);
    }
    const verdict = entries.length === 0 || this.verifyAgainst(entries, check, db);
    return {
      entries,
      hasNextPage: rows.length > page.first,
      chainVerified: typeof verdict === 'boolean' ? verdict : await verdict,
    };
  }

  /** The page statement with the log check added (one string per page text: see statementTexts in auditTrail.queries). */
  private withLogCheck(pageText: string): string {
    let text = this.checkedTexts.get(pageText);
    if (text === undefined) {
      text = `WITH page AS MATERIALIZED (${pageText})
       SELECT page.*,
              CASE WHEN page.position = (SELECT min(position) FROM page) THEN
                (SELECT json_object_agg(s.stream_id, (SELECT max(v.stream_version) FROM events v WHERE v.stream_id = s.stream_id))
                 FROM (SELECT DISTINCT "streamId" AS stream_id FROM page) s) END AS "logHeads",
              CASE WHEN page.position = (SELECT min(position) FROM page) THEN ${GUARD_SQL} END AS "logGuard"
       FROM page
       ORDER BY page.position::bigint`;
      if (this.checkedTexts.size >= MAX_PAGE_TEXTS) this.checkedTexts.clear();
      this.checkedTexts.set(pageText, text);
    }
    return text;
  }

  /** Synchronous when memory answers (every shown stream verified through its head), a promise when the log must be read. */
  private verifyAgainst(entries: readonly ShownEntry[], check: LogCheck, db: Queryable): boolean | Promise<boolean> {
    if (check.guard !== this.guard) {
      // The guard changed (or this is the first look): nothing verified before is trusted.
      this.verified.clear();
      this.guard = check.guard;
      this.guardTrusted = guardInPlace(check.guard);
    }
    return (
      (this.guardTrusted && this.verifiedFromMemory(entries, check.heads)) ||
      this.verifyStreams(entries, check, this.guardTrusted, db)
    );
  }

  /**
   * True when every shown stream is remembered as verified exactly through its head in the
   * log and every entry is one of its verified events; false when anything else is so
   * (a stream not remembered, appended to, or an entry that does not match), and the
   * general check then decides.
   */
  private verifiedFromMemory(entries: readonly ShownEntry[], heads: Record<string, number | null> | null): boolean {
    if (heads === null) return false;
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

  private async verifyStreams(
    entries: readonly ShownEntry[],
    check: LogCheck,
    trusted: boolean,
    db: Queryable,
  ): Promise<boolean> {
    const byStream = new Map<string, ShownEntry[]>();
    for (const entry of entries) {
      const shown = byStream.get(entry.streamId);
      if (shown) shown.push(entry);
      else byStream.set(entry.streamId, [entry]);
    }
    const results = await Promise.all(
      [...byStream].map(async ([streamId, shown]) => {
        const head = check.heads?.[streamId] ?? 0;
        const prefix = trusted ? this.verified.get(streamId) : undefined;
        const verified = await this.verifiedThrough(streamId, head, prefix, trusted ? check.guard : null, db);
        return verified !== null && shown.every((entry) => isVerifiedEvent(verified, entry));
      }),
    );
    return results.every(Boolean);
  }

  /**
   * The stream verified at least through `head`, or null when its chain is broken.
   * `trustedGuard`: the guard in place when the request looked (null: remember nothing).
   */
  private async verifiedThrough(
    streamId: string,
    head: number,
    prefix: VerifiedPrefix | undefined,
    trustedGuard: string | null,
    db: Queryable,
  ): Promise<VerifiedPrefix | null> {
    if (prefix && prefix.version === head) return prefix;
    if (prefix && prefix.version > head) {
      // Verified events are gone from the log: recompute, which reports it.
      this.verified.delete(streamId);
      prefix = undefined;
    }
    if (trustedGuard === null) return this.extend(streamId, undefined, db);
    // Concurrent requests for the same stream share one read and one recomputation.
    const key = `${trustedGuard}\u0000${streamId}\u0000${prefix?.version ?? 0}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.extend(streamId, prefix, db).then((result) => {
        // Remembered only if the guard did not change while the events were read.
        if (result && this.guard === trustedGuard) this.verified.set(streamId, result);
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
    db: Queryable,
  ): Promise<VerifiedPrefix | null> {
    if (prefix) return this.verifyAfter(streamId, prefix, db);
    if (this.recomputing >= MAX_CONCURRENT_RECOMPUTATIONS)
      await new Promise<void>((resolve) => this.recomputeQueue.push(resolve));
    this.recomputing++;
    try {
      return await this.verifyAfter(streamId, undefined, db);
    } finally {
      this.recomputing--;
      this.recomputeQueue.shift()?.();
    }
  }

  /** Verifies the stream's events after `prefix` page by page, so a long stream never sits in memory whole. */
  private async verifyAfter(
    streamId: string,
    prefix: VerifiedPrefix | undefined,
    db: Queryable,
  ): Promise<VerifiedPrefix | null> {
    const check = new StreamChainCheck(streamId, prefix ? prefixEnd(prefix) : STREAM_START);
    let version = prefix?.version ?? 0;
    let positions = prefix?.positions ?? new Float64Array(0);
    let hashes = prefix?.hashes ?? Buffer.alloc(0);
    for (;;) {
      const links = await this.readLinks(db, streamId, version + 1, LINKS_PER_READ);
      if (links.length === 0) break;
      for (const link of links) check.add(link);
      // Every link must be found intact: one that does not chain waits for its classification, which this answer does not need.
      if (check.settled || check.verified.version !== version + links.length) return null;
      const verified = version + links.length;
      if (verified > positions.length) {
        // Room for the whole page and then some: long streams grow by doubling, not page by page.
        const capacity = Math.max(verified, links.length === LINKS_PER_READ ? positions.length * 2 : 0);
        const grownPositions = new Float64Array(capacity);
        grownPositions.set(positions.subarray(0, version));
        const grownHashes = Buffer.alloc(capacity * HASH_BYTES);
        hashes.copy(grownHashes, 0, 0, version * HASH_BYTES);
        positions = grownPositions;
        hashes = grownHashes;
      }
      for (const link of links) {
        positions[link.streamVersion - 1] = Number(link.position);
        hashes.write(link.metadata.hash, (link.streamVersion - 1) * HASH_BYTES, HASH_BYTES, 'hex');
      }
      version = verified;
      if (links.length < LINKS_PER_READ) break;
    }
    if (version === 0) return null;
    if (prefix && version === prefix.version) return prefix;
    // Remembered at its exact size.
    return {
      version,
      headHash: check.verified.hash,
      positions: positions.slice(0, version),
      hashes: Buffer.from(hashes.subarray(0, version * HASH_BYTES)),
    };
  }

  private async readLinks(
    db: Queryable,
    streamId: string,
    fromVersion: number,
    limit: number,
  ): Promise<RecordedEvent[]> {
    const { rows } = await this.statements.query<EventRow>(
      db,
      `SELECT ${SELECT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version LIMIT $3`,
      [streamId, fromVersion, limit],
    );
    return rows.map(toRecorded);
  }
}

/** Where a remembered prefix ends: a check of the events after it continues from here. */
function prefixEnd(prefix: VerifiedPrefix): ChainPoint {
  return {
    version: prefix.version,
    hash: prefix.headHash,
    position: String(prefix.positions[prefix.version - 1]),
    prevHash: null,
  };
}

/** The value of a lower-case hex digit's char code, or -1 for anything else (upper case included: the stored spelling is lower case). */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** The entry is the verified event of its stream and version: same position, same stored hash. */
function isVerifiedEvent(prefix: VerifiedPrefix, entry: ShownEntry): boolean {
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
