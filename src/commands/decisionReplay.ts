import { describeExpected, type EventStore } from '../eventStore/eventStore.port';
import { VersionConflict } from '../shared/errors';
import { commandResultOf, type CommandResult, type StreamAppended } from './commandResult';
import type { DecidedAppend, DecidedReservation, IdempotencyStore } from './idempotency';

/**
 * Finishes a command sent with an Idempotency-Key whose first attempt recorded its decision
 * and died: appends exactly the recorded events, each stream's only where they are not in
 * the log yet, never deciding again, and answers the result the first attempt would have.
 *
 * When another writer took the version a recorded append expects, the command did not take
 * effect: nothing is appended, the key is released and the conflict answered, as for a
 * command whose append is refused without a crash. A key holds only the results of commands
 * that took effect, so the caller's repeat runs the command afresh on the streams as they are.
 */
export async function replayDecision(
  store: EventStore,
  idempotency: IdempotencyStore,
  reservation: DecidedReservation,
  commandId: string,
): Promise<CommandResult> {
  try {
    const result = await appendWhatIsMissing(store, reservation.decided, commandId);
    await idempotency.complete(reservation, result);
    return result;
  } catch (error) {
    // Any other failure leaves the decision recorded, for the next retry to replay.
    if (error instanceof VersionConflict) await idempotency.release(reservation);
    throw error;
  }
}

async function appendWhatIsMissing(
  store: EventStore,
  decided: readonly DecidedAppend[],
  commandId: string,
): Promise<CommandResult> {
  const found = await findAppended(store, decided, commandId);
  const missing = decided.filter((_, i) => found[i] === null);
  if (missing.length === 0) return commandResultOf(decided, found as StreamAppended[]);
  try {
    const appended = await store.appendToStreams(missing);
    return commandResultOf(
      decided,
      found.map((done) => done ?? appended.shift()!),
    );
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    // Another attempt at this command may have appended between our read and our append.
    const again = await findAppended(store, decided, commandId);
    if (again.some((done) => done === null)) throw error;
    return commandResultOf(decided, again as StreamAppended[]);
  }
}

/** Each recorded append's outcome in the log, in order: where it left its stream, or null where it is still to do. */
function findAppended(
  store: EventStore,
  decided: readonly DecidedAppend[],
  commandId: string,
): Promise<Array<StreamAppended | null>> {
  return Promise.all(decided.map((append) => appendedAlready(store, append, commandId)));
}

/**
 * Where the recorded append left its stream if its events are in the log (the first event
 * after the expected version carries this command's id); null while the stream is still at
 * the expected version; a conflict when another writer's events took that version.
 */
async function appendedAlready(
  store: EventStore,
  append: DecidedAppend,
  commandId: string,
): Promise<StreamAppended | null> {
  const expected = expectedVersionOf(append);
  const read = await store.readStream(append.streamId, { fromVersion: expected + 1, limit: append.events.length });
  if (read.length === 0) return null;
  const last = read[read.length - 1];
  if (read[0].metadata.commandId !== commandId) {
    const rest = await store.readStream(append.streamId, { fromVersion: last.streamVersion + 1 });
    const actual = rest.length > 0 ? rest[rest.length - 1].streamVersion : last.streamVersion;
    throw new VersionConflict(append.streamId, describeExpected(append.expected), actual);
  }
  return { version: last.streamVersion, position: last.position };
}

/** A command appends each stream at the version it loaded it at, so its decision names that version. */
function expectedVersionOf(append: DecidedAppend): number {
  if (append.expected.kind === 'exact') return append.expected.version;
  if (append.expected.kind === 'no_stream') return 0;
  throw new Error(
    `the decided append to ${append.streamId} expects ${describeExpected(append.expected)}, not a version`,
  );
}
