import {
  comparePositions,
  type EventStore,
  type ReadAllResult,
  type RecordedEvent,
} from '../eventStore/eventStore.port';
import { retryTransient } from '../infra/transientErrors';

/** A page of the log as read once for several consumers: events in (from, scannedTo]. */
export interface SharedBatch {
  from: string;
  scannedTo: string;
  /** Every event of the page that any consumer of the read wanted, in log order. */
  events: RecordedEvent[];
  endOfLog: boolean;
}

/** What a reader needs to know about one consumer of its batches. */
export interface BatchConsumer {
  /** Event types it handles, or null for every event. */
  readonly eventTypes: readonly string[] | null;
  /** Everything up to here has been handed to it (applied or queued): the next batch must start at or before it. */
  readonly receivedTo: string;
  /** True while it wants to hear that the reader reached the head even with nothing new (to finish catching up). */
  readonly wantsHeadBatch?: boolean;
  /** Queues a batch; resolves once the consumer has room for more (the reader's back-pressure). */
  offer(batch: SharedBatch): Promise<void>;
}

export interface SharedLogReaderOptions {
  /** Events per read while behind the head of the log. */
  catchUpBatchSize: number;
  /** Events per read once at the head (small, so that live batches stay quick). */
  liveBatchSize: number;
  pollIntervalMs: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
  /**
   * Called after each read (and its delivery): returning true ends this reader, whose
   * consumers were handed over to another one (a catch-up reader joining the shared one).
   */
  afterRead?: (reader: SharedLogReader) => boolean;
  /**
   * Called while catching up when some consumers have kept a batch waiting this long
   * (their queues full) and others have not; they are expected to be moved to a reader
   * of their own, so the rest do not go at the pace of the slowest.
   */
  onLagging?: (reader: SharedLogReader, laggards: BatchConsumer[]) => void;
  lagToleranceMs?: number;
  /** Told of each read's outcome: a transient database error it waits out, or a successful read. */
  outcomes?: ReadOutcomes;
}

/** Who hears how the reads go: an outage starts with a transient error and ends with a read that succeeds. */
export interface ReadOutcomes {
  failed(error: unknown): void;
  succeeded(): void;
}

/**
 * Reads the global log once for a set of consumers and hands each batch to every one
 * of them, so N projections cost one read and one JSON parse per event instead of N.
 *
 * Each read starts at the lowest `receivedTo` of its consumers; a consumer that is
 * further along skips the events it already has (it applies only positions above its
 * own checkpoint), so consumers may join at any position at or after that start. The
 * reader waits for the slowest consumer's queue to have room before reading on, which
 * bounds the memory held to a few batches.
 */
export class SharedLogReader {
  private readonly consumers = new Set<BatchConsumer>();
  private stopped = false;
  /** Aborted at stop: ends the retries of a read in flight. */
  private readonly stopping = new AbortController();
  private wake: (() => void) | undefined;
  private atHead = false;
  readonly done: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly options: SharedLogReaderOptions,
  ) {
    this.done = this.run();
    this.done.catch(() => undefined);
  }

  get size(): number {
    return this.consumers.size;
  }

  /** Where the next read starts. */
  get nextFrom(): string | null {
    let from: string | null = null;
    for (const c of this.consumers) if (from === null || comparePositions(c.receivedTo, from) < 0) from = c.receivedTo;
    return from;
  }

  /** True when the last read reached the end of what is safely readable. */
  get caughtUp(): boolean {
    return this.atHead;
  }

  members(): BatchConsumer[] {
    return [...this.consumers];
  }

  add(consumer: BatchConsumer): void {
    this.consumers.add(consumer);
    this.wake?.();
  }

  remove(consumer: BatchConsumer): void {
    this.consumers.delete(consumer);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort(new Error('log reader stopped'));
    this.wake?.();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      const from = this.nextFrom;
      if (from === null) {
        await this.idle(this.options.pollIntervalMs);
        continue;
      }
      const types = unionOfTypes(this.members());
      let page: ReadAllResult;
      try {
        page = await this.read(from, types);
        failures = 0;
      } catch (error) {
        if (this.stopped) break;
        // Not a transient database error (`read` waits those out): try again, slower each time.
        failures++;
        this.options.log?.('reading the event log failed; retrying', { error: String(error), attempt: failures });
        await this.idle(Math.min(5_000, this.options.pollIntervalMs * 2 ** failures));
        continue;
      }
      if (this.stopped) break;
      this.atHead = page.endOfLog;
      if (page.events.length > 0 || page.scannedTo !== from) {
        const batch: SharedBatch = { from, scannedTo: page.scannedTo, events: page.events, endOfLog: page.endOfLog };
        // Only consumers whose received position the batch starts at or before can take it;
        // one that joined during the read below `from` is served by the next read.
        const recipients = this.members().filter((c) => comparePositions(batch.from, c.receivedTo) <= 0);
        await this.deliver(batch, recipients);
      } else if (page.endOfLog) {
        const batch: SharedBatch = { from, scannedTo: from, events: [], endOfLog: true };
        const waiting = this.members().filter((c) => c.wantsHeadBatch && comparePositions(from, c.receivedTo) <= 0);
        if (waiting.length > 0) await this.deliver(batch, waiting);
      }
      if (this.options.afterRead?.(this)) return;
      if (
        page.endOfLog &&
        !this.stopped &&
        this.nextFrom !== null &&
        comparePositions(this.nextFrom, page.scannedTo) >= 0
      ) {
        await Promise.race([
          this.store.waitForAppend(this.options.pollIntervalMs),
          this.idle(this.options.pollIntervalMs),
        ]);
      }
    }
  }

  /** One page of the log after `from`, waiting out transient database errors (the server restarting). */
  private async read(from: string, types: string[] | undefined): Promise<ReadAllResult> {
    const limit = this.atHead ? this.options.liveBatchSize : this.options.catchUpBatchSize;
    const outcomes = this.options.outcomes;
    const page = await retryTransient(() => this.store.readAll({ after: from, limit, types }), {
      signal: this.stopping.signal,
      onRetry: (error) => outcomes?.failed(error),
    });
    outcomes?.succeeded();
    return page;
  }

  /** Hands a batch to each recipient and waits for room, except for laggards handed to `onLagging`. */
  private async deliver(batch: SharedBatch, recipients: BatchConsumer[]): Promise<void> {
    const waiting = new Set<BatchConsumer>();
    const offers = recipients.map((c) => {
      waiting.add(c);
      return c.offer(batch).then(() => void waiting.delete(c));
    });
    const tolerance = this.options.lagToleranceMs;
    if (!this.options.onLagging || tolerance === undefined || batch.endOfLog || recipients.length < 2) {
      await Promise.all(offers);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), tolerance)));
    const outcome = await Promise.race([Promise.all(offers).then(() => 'done' as const), late]);
    clearTimeout(timer);
    if (outcome === 'done' || this.stopped) {
      if (outcome !== 'done') await Promise.all(offers);
      return;
    }
    const laggards = [...waiting].filter((c) => this.consumers.has(c));
    // Every recipient still waiting is slower than the reader: keep them only if that is all of them.
    if (laggards.length < this.consumers.size) this.options.onLagging(this, laggards);
    await Promise.all(offers.filter((_, i) => this.consumers.has(recipients[i])));
  }

  /** Sleeps until woken (a consumer joined, stop) or the time is up. */
  private idle(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      const wake = () => done();
      this.wake = wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wake = undefined;
    });
  }
}

/** The types a read must return for all of `consumers`: undefined (every event) when any wants all. */
function unionOfTypes(consumers: readonly BatchConsumer[]): string[] | undefined {
  const types = new Set<string>();
  for (const c of consumers) {
    if (c.eventTypes === null) return undefined;
    for (const t of c.eventTypes) types.add(t);
  }
  return [...types].sort();
}
