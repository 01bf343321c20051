import type { EventMetadata, RecordedEvent } from '../eventStore.port';

/** A row of `events` as the store selects it. */
export interface EventRow {
  position: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: string;
}

/**
 * recorded_at comes back as its ISO text: building a Date per row only to print it again
 * costs a projection rebuild seconds.
 */
export const SELECT_COLUMNS = `position, stream_id, stream_version, type, data, metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at`;

export function toRecorded(row: EventRow): RecordedEvent {
  return {
    position: String(row.position),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}
