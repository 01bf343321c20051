import type { Pool } from 'pg';
import type { RecordedEvent, StreamHead } from '../eventStore.port';
import { SELECT_COLUMNS, toRecorded, type EventRow } from './eventRows';

const DEFAULT_PAGE_SIZE = 5_000;

/**
 * Every event at or below `upTo`, stream after stream, in pages. Keyset pages along the
 * unique (stream_id, stream_version) index: no page holds a snapshot or a sort open,
 * so a check of a long log neither holds back vacuum nor spills to disk.
 */
export async function* readEveryStream(pool: Pool, options: { upTo: string; pageSize?: number }): AsyncIterable<RecordedEvent[]> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  let after: [string, number] = ['', 0];
  for (;;) {
    const { rows } = await pool.query<EventRow>(
      `SELECT ${SELECT_COLUMNS} FROM events
       WHERE (stream_id, stream_version) > ($1, $2) AND position <= $3::bigint
       ORDER BY stream_id, stream_version LIMIT $4`,
      [after[0], after[1], options.upTo, pageSize],
    );
    if (rows.length === 0) return;
    const last = rows[rows.length - 1];
    after = [last.stream_id, last.stream_version];
    yield rows.map(toRecorded);
    if (rows.length < pageSize) return;
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
