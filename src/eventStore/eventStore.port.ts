/**
 * The one port to the event log. Two adapters implement it (PostgreSQL, the default,
 * and EventStoreDB); both must pass test/eventStore/eventStoreContract.ts.
 *
 * Positions are unsigned 64-bit integers carried as decimal strings: they are totally
 * ordered, strictly increasing along the global log, and not necessarily dense.
 */
export type ExpectedVersion =
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'any' }
  /**
   * The stream holds exactly this many events (0 is the same as no_stream). `hash` is the
   * hash of that version's event as the caller loaded it: a store that needs it to chain
   * the new events then need not read the stream's head again.
   */
  | { kind: 'exact'; version: number; hash?: string };

export const Expected = {
  noStream: { kind: 'no_stream' } as ExpectedVersion,
  streamExists: { kind: 'stream_exists' } as ExpectedVersion,
  any: { kind: 'any' } as ExpectedVersion,
  version: (version: number, hash?: string): ExpectedVersion =>
    version === 0
      ? { kind: 'no_stream' }
      : hash === undefined
        ? { kind: 'exact', version }
        : { kind: 'exact', version, hash },
};

export function describeExpected(expected: ExpectedVersion): string {
  return expected.kind === 'exact' ? String(expected.version) : expected.kind;
}

/** What the command side knows when it appends: the rest is added by the store. */
export interface EventMetadataInput {
  actorId: string | null;
  role: string | null;
  unitId: string | null;
  commandId: string;
  correlationId: string;
  causationId: string | null;
  recordedAt: string;
  ruleSetId: string | null;
}

export interface EventMetadata extends EventMetadataInput {
  /** How `hash` was computed (src/eventStore/hashChain.ts); absent on events hashed before metadata was. */
  hashScheme?: number;
  prevHash: string;
  hash: string;
}

export interface NewEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadataInput;
  /**
   * A UUID naming this event for good. An append whose every event id is already stored,
   * in the same streams, is the same append again: the store answers with the stored
   * events and appends nothing. Derived ids (`deterministicEventId`) make a retried
   * append safe after a timeout or a crash; a random one is drawn when absent.
   */
  eventId?: string;
}

export interface RecordedEvent {
  /** 1-based: the n-th event of its stream. */
  streamVersion: number;
  streamId: string;
  position: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recordedAt: string;
}

export interface AppendResult {
  streamId: string;
  /** Events in the stream after the append. */
  version: number;
  /** Global position of the last appended event. */
  position: string;
  /**
   * The appended events. Only the last one's position is exact everywhere: a store that
   * learns only where an append ended (EventStoreDB) gives the earlier ones that position.
   */
  events: RecordedEvent[];
}

export interface StreamAppend {
  streamId: string;
  expected: ExpectedVersion;
  events: NewEvent[];
}

export interface ReadAllOptions {
  /** Exclusive: events after this position ('0' = from the start). */
  after: string;
  limit: number;
  /** Only these event types (all when absent). */
  types?: readonly string[];
}

export interface ReadAllResult {
  events: RecordedEvent[];
  /**
   * How far the log has been scanned: every event at or below this position that
   * matches the filter is in `events` or in an earlier page. A reader may checkpoint
   * here even when `events` is empty.
   */
  scannedTo: string;
  /** True when the scan reached the end of what is safely readable now. */
  endOfLog: boolean;
}

/** A stream's newest event at some log position: what a digest of the log commits to. */
export interface StreamHead {
  streamId: string;
  version: number;
  hash: string;
}

export interface Subscription {
  stop(): Promise<void>;
  /** Resolves when the subscription stops; rejects if its handler failed. */
  done: Promise<void>;
}

export interface SubscribeOptions {
  from: string;
  batchSize?: number;
  types?: readonly string[];
  /** Called with each batch in log order; the next read waits for it. */
  onBatch: (batch: ReadAllResult) => Promise<void>;
}

export interface EventStoreCapabilities {
  /**
   * Appends to several streams commit or fail together. Commands never rely on it (each
   * appends to one stream); process managers carry consequences to other streams.
   */
  atomicMultiStreamAppend: boolean;
  /**
   * `readShownEvents` can vouch that stored events did not change in place (its watch
   * carries a seal), so a verifier may remember the chains it found intact.
   */
  historySeal: boolean;
  /**
   * An event id stored in one stream is refused in any other. Where false (EventStoreDB
   * checks ids per stream only), derived ids (`deterministicEventId`, which name the
   * stream) keep ids apart.
   */
  uniqueEventIdsAcrossStreams: boolean;
}

/** An event as a read model shows it: the stored event it claims to be. */
export interface ShownEvent {
  position: string;
  streamId: string;
  streamVersion: number;
  hash: string;
}

/**
 * A statement over the read models (PostgreSQL holds them whatever the store) whose rows
 * show events of the log, each row with the columns of `ShownEvent`.
 */
export interface ShownEventsRead {
  text: string;
  params: unknown[];
  /** Runs a statement on the reader's own connection and returns its rows. */
  run(text: string, params: unknown[]): Promise<unknown[]>;
}

/** What the log says about the streams a read of shown events names, at the moment it ran or later. */
export interface ChainWatch {
  /** Each named stream's newest version in the log (null: it holds no event). */
  heads: Readonly<Record<string, number | null>>;
  /**
   * Reads the same for as long as no stored event can have changed in place (the log only
   * grew), so what was verified while it read the same stays verified; null while the
   * store cannot vouch for that.
   */
  seal: string | null;
}

export interface ShownEvents<R extends ShownEvent> {
  /** The statement's rows in its order (a store may add columns of its own to them). */
  rows: R[];
  watch: ChainWatch;
}

export interface EventStore {
  readonly name: string;
  readonly capabilities: EventStoreCapabilities;
  append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  /**
   * Appends to several streams in one command. Atomic where the capability says so;
   * otherwise in order, each with its own expectation.
   */
  appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]>;
  /**
   * Events of one stream, oldest first, at most `limit` of them (fewer only where the
   * stream ends); empty for a stream that does not exist.
   */
  readStream(streamId: string, options?: { fromVersion?: number; limit?: number }): Promise<RecordedEvent[]>;
  readAll(options: ReadAllOptions): Promise<ReadAllResult>;
  /** The position of the newest safely readable event ('0' when the log is empty). */
  headPosition(): Promise<string>;
  /**
   * The position of the newest committed event, which may lie above `headPosition`
   * while older transactions are still running. A reader that must see everything
   * committed so far (read-your-writes) waits until it has read up to here.
   */
  lastCommittedPosition(): Promise<string>;
  /** How many (matching) events lie after `position`, counting at most `cap`. */
  countEventsAfter(position: string, options?: { types?: readonly string[]; cap?: number }): Promise<number>;
  /**
   * Every stream's events at or below `upTo`, stream after stream (streams in no
   * promised order), each stream's in version order, in pages of about `pageSize`
   * (a stream may span pages): what a check of the whole log reads. Only what the
   * store's own stream reads return: events it hides (truncated, deleted) are absent.
   */
  readEveryStream(options: { upTo: string; pageSize?: number }): AsyncIterable<RecordedEvent[]>;
  /** Each stream's newest event at or below `at` (its highest version there), in no promised order. */
  streamHeads(at: string): Promise<StreamHead[]>;
  /**
   * Runs `read` and learns the watch of the streams its rows name, at the same moment
   * (one snapshot where the store shares the read models' database) or after it, so no
   * head is older than the rows: what a verifier checks the shown events against.
   */
  readShownEvents<R extends ShownEvent>(read: ShownEventsRead): Promise<ShownEvents<R>>;
  /** Catch up from `from`, then follow the log live. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** Resolves on the next append anywhere (or after `timeoutMs`): a wake-up, not data. */
  waitForAppend(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export function comparePositions(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
