import type { Pool, QueryResult } from 'pg';
import type { RecordedEvent, StreamHead } from '../eventStore.port';
import { SELECT_COLUMNS, toRecorded, type EventRow } from './eventRows';

const DEFAULT_PAGE_SIZE = 5_000;

/**
 * Every event at or below `upTo`, stream after stream, in pages. Keyset pages along the
 * unique (stream_id, stream_version) index: no page holds a snapshot or a sort open,
 * so a check of a long log neither holds back vacuum nor spills to disk. The next page
 * is read while the caller works through this one.
 */
export async function* readEveryStream(
  pool: Pool,
  options: { upTo: string; pageSize?: number },
): AsyncIterable<RecordedEvent[]> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const read = (streamId: string, version: number): Promise<QueryResult<EventRow>> =>
    pool.query<EventRow>(
      `SELECT ${SELECT_COLUMNS} FROM events
       WHERE (stream_id, stream_version) > ($1, $2) AND position <= $3::bigint
       ORDER BY stream_id, stream_version LIMIT $4`,
      [streamId, version, options.upTo, pageSize],
    );
  let next: Promise<QueryResult<EventRow>> | null = read('', 0);
  try {
    while (next) {
      const { rows }: QueryResult<EventRow> = await next;
      const last = rows[rows.length - 1];
      next = rows.length === pageSize ? read(last.stream_id, last.stream_version) : null;
      if (rows.length > 0) yield rows.map(toRecorded);
    }
  } finally {
    // A caller that stops early leaves a read in flight: its outcome no longer matters.
    next?.catch(() => undefined);
  }
}

/** Each stream's highest version at or below `at`, with its stored hash. */
export async function streamHeads(pool: Pool, at: string): Promise<StreamHead[]> {
  const { rows } = await pool.query<{ stream_id: string; stream_version: number; hash: string }>(
    `SELECT DISTINCT ON (stream_id) stream_id, stream_version, metadata->>'hash' AS hash
     FROM events WHERE position <= $1::bigint ORDER BY stream_id, stream_version DESC`,
    [at],
  );
  return rows.map((row) => ({ streamId: row.stream_id, version: row.stream_version, hash: row.hash }));
}
