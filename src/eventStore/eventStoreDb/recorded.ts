import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  UnavailableError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../eventStore.port';
import { portPosition } from './positions';

/**
 * The port's view of a stored event: 1-based stream versions (EventStoreDB revisions are
 * 0-based), the commit position, the metadata the hash chain was written with. Events that
 * are not JSON (none this adapter writes) are not the port's.
 */
export function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson) return undefined;
  const metadata = event.metadata as unknown as EventMetadata;
  return {
    streamId: event.streamId,
    streamVersion: Number(event.revision) + 1,
    position: event.position ? portPosition(event.position) : '0',
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata,
    recordedAt: metadata.recordedAt ?? event.created.toISOString(),
  };
}

/** Errors after which the same call succeeds once the server (or the leader) is back. */
export function isTransientClientError(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError
  );
}
