import type { ShownEvent, ShownEvents, ShownEventsRead } from '../eventStore.port';

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

/**
 * The guard holds when both immutability triggers fire in every session (enabled
 * always, so replica mode cannot skip them).
 */
function guardInPlace(guard: string): boolean {
  return /(^|[;,])events_no_truncate:A:/.test(guard) && /(^|[;,])events_no_update:A:/.test(guard);
}

/** Statement texts whose watched form is kept (there is one text per filter shape). */
const MAX_WATCHED_TEXTS = 1_000;

/** The two columns the watched statement adds: set on the first row, null on the others. */
interface WatchColumns {
  logHeads: Record<string, number | null> | null;
  logGuard: string | null;
}

/**
 * Reads shown events and what the log says about their streams in one statement (one
 * round trip, one snapshot): the read models and `events` share the database.
 *
 * The seal is the guard text while the immutability triggers are in place: a stored
 * event can only change if its row is updated, deleted or the table truncated or
 * rewritten, which they refuse, and disabling them even for a moment, dropping,
 * redefining them or rewriting the table changes the text. While they are off, missing
 * or only enabled for ordinary sessions, there is no seal. Edits of the database files
 * themselves are not seen.
 */
export class ChainWatchReader {
  private readonly watchedTexts = new Map<string, string>();

  async read<R extends ShownEvent>(read: ShownEventsRead): Promise<ShownEvents<R>> {
    const rows = (await read.run(this.watched(read.text), read.params)) as Array<R & WatchColumns>;
    let heads: Record<string, number | null> | null = null;
    let guard: string | null = null;
    for (const row of rows) {
      if (row.logGuard !== null) {
        heads = row.logHeads;
        guard = row.logGuard;
      }
    }
    // The two columns stay on the rows: copying every row to drop them costs more than they do.
    return { rows, watch: { heads: heads ?? {}, seal: guard !== null && guardInPlace(guard) ? guard : null } };
  }

  /** The statement with the watch added (one string per statement text: see statementTexts in auditTrail.queries). */
  private watched(text: string): string {
    let watched = this.watchedTexts.get(text);
    if (watched === undefined) {
      watched = `WITH page AS MATERIALIZED (${text})
       SELECT page.*,
              CASE WHEN page.position = (SELECT min(position) FROM page) THEN
                (SELECT json_object_agg(s.stream_id, (SELECT max(v.stream_version) FROM events v WHERE v.stream_id = s.stream_id))
                 FROM (SELECT DISTINCT "streamId" AS stream_id FROM page) s) END AS "logHeads",
              CASE WHEN page.position = (SELECT min(position) FROM page) THEN ${GUARD_SQL} END AS "logGuard"
       FROM page
       ORDER BY page.position::bigint`;
      if (this.watchedTexts.size >= MAX_WATCHED_TEXTS) this.watchedTexts.clear();
      this.watchedTexts.set(text, watched);
    }
    return watched;
  }
}
