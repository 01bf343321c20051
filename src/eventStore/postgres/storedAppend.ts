import type { Pool } from 'pg';
import type { AppendResult } from '../eventStore.port';
import { SELECT_COLUMNS, toRecorded, type EventRow } from './eventRows';

/**
 * The append as stored already, when every one of its event ids is stored in the stream
 * it names (the same append, retried): what the first attempt returned. Else null.
 */
export async function storedAppend(
  pool: Pool,
  appends: Array<{ streamId: string; eventIds: Array<string | undefined> }>,
): Promise<AppendResult[] | null> {
  const ids = appends.flatMap((a) => a.eventIds).filter((id) => id !== undefined);
  if (ids.length === 0 || ids.length !== appends.reduce((n, a) => n + a.eventIds.length, 0)) return null;
  const { rows } = await pool.query<EventRow & { event_id: string }>(
    `SELECT event_id::text, ${SELECT_COLUMNS} FROM events WHERE event_id = ANY($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((row) => [row.event_id, row]));
  const results: AppendResult[] = [];
  for (const { streamId, eventIds } of appends) {
    if (eventIds.length === 0) continue;
    const recorded = eventIds.map((id) => byId.get(id!)).filter((row) => row?.stream_id === streamId);
    if (recorded.length !== eventIds.length) return null;
    const events = recorded.map((row) => toRecorded(row!));
    const last = events[events.length - 1];
    results.push({ streamId, version: last.streamVersion, position: last.position, events });
  }
  return results;
}
