import type { DecidedAppend } from './idempotency';

export interface CommandResult {
  id: string;
  streamId: string;
  version: number;
  position: string;
  eventTypes: string[];
}

/** Where one stream's append of a command left that stream. */
export interface StreamAppended {
  version: number;
  /** The global position of the append's last event. */
  position: string;
}

/**
 * A command's result from its appends and where each left its stream, both in decision
 * order: it names the first stream decided on (the command's own) and the position of the
 * last append, the one a caller waits for to read its own writes.
 */
export function commandResultOf(appends: readonly DecidedAppend[], appended: readonly StreamAppended[]): CommandResult {
  const primary = appends[0];
  return {
    id: primary.id,
    streamId: primary.streamId,
    version: appended[0].version,
    position: appended[appended.length - 1].position,
    eventTypes: appends.flatMap((a) => a.events.map((e) => e.type)),
  };
}
