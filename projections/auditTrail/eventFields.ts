/**
 * The audit trail reads every event of the log, whatever its type (a type no decider
 * declares included), by the names of its fields: these read fields of an open JSON value.
 */

/** `value[key]` when the value is an object (an array included); otherwise undefined. */
export function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** The items of a JSON array; none for any other value. */
export function itemsOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
