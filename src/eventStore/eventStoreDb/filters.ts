import { eventTypeFilter, excludeSystemEvents, type Filter, type Position } from '@eventstore/db-client';
import type { AllStreamSubscription } from '@eventstore/db-client';

/** System streams and event types start with `$`; the port never shows them. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** Escapes a literal for a .NET regular expression (the server evaluates the filter). */
function escapeRegex(literal: string): string {
  return literal.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`);
}

/** A regex matching exactly the given event types (none of which starts with `$`). */
export function exactTypesRegex(types: readonly string[]): string {
  const wanted = types.filter((type) => !type.startsWith('$'));
  if (wanted.length === 0) return '^(?!)$';
  return `^(?:${[...new Set(wanted)].sort().map(escapeRegex).join('|')})$`;
}

/**
 * The server-side filter of a read of `$all`: the wanted event types when given, else every
 * non-system event. `checkpointReached` reports how far the server has scanned, every
 * `checkpointInterval` × 32 events it considered.
 */
export function logFilter(
  types: readonly string[] | undefined,
  checkpointReached: (subscription: AllStreamSubscription, position: Position) => Promise<void> | void,
  checkpointInterval = 1,
): Filter {
  return types
    ? eventTypeFilter({ regex: exactTypesRegex(types), checkpointInterval, checkpointReached })
    : excludeSystemEvents({ checkpointInterval, checkpointReached });
}
