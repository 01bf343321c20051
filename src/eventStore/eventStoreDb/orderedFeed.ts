import { laterPosition } from './positions';

/** What a subscription hands on, in log order: events, checkpoints (scanned-to positions) and the end of the log. */
export type FeedItem<E> =
  { kind: 'event'; event: E; position: string } | { kind: 'checkpoint'; position: string } | { kind: 'caughtUp' };

/** One batch taken from the feed. */
export interface FeedBatch<E> {
  events: E[];
  /** Every event at or below this position is in `events` or an earlier batch. */
  scannedTo: string;
  /** The subscription had reached the end of the log and nothing more is waiting. */
  endOfLog: boolean;
}

/**
 * The ordered queue between a subscription and its consumer. The client emits events
 * through its stream buffer but reports checkpoints and `caughtUp` the moment they arrive,
 * possibly ahead of events still buffered; a marker is therefore told how many events
 * are still `ahead` of it and enters the queue only after them. The queue applies
 * back-pressure: `onPressure(true)` when it holds `highWater` events, `onPressure(false)`
 * once the consumer has taken it below half of that.
 */
export class OrderedFeed<E> {
  private readonly queue: Array<FeedItem<E>> = [];
  private readonly held: Array<{ ahead: number; item: FeedItem<E> }> = [];
  private queuedEvents = 0;
  private paused = false;
  private caughtUp = false;
  private failure: unknown = null;
  private wake: (() => void) | null = null;
  private scanned: string;
  private fedPosition: string;

  constructor(
    from: string,
    private readonly highWater: number,
    private readonly onPressure: (paused: boolean) => void = () => undefined,
  ) {
    this.scanned = from;
    this.fedPosition = from;
  }

  /** The position the last item that entered the queue reaches (what a resubscription resumes after). */
  get fedTo(): string {
    return this.fedPosition;
  }

  /** An event off the stream buffer; null for one the consumer does not want, which still marks the scan. */
  pushEvent(event: E | null, position: string): void {
    this.enqueue(event === null ? { kind: 'checkpoint', position } : { kind: 'event', event, position });
    for (const entry of this.held) entry.ahead--;
    while (this.held.length > 0 && this.held[0].ahead <= 0) this.enqueue(this.held.shift()!.item);
  }

  /** A checkpoint or caughtUp reported while `ahead` events are still on their way. */
  pushMarker(item: Exclude<FeedItem<E>, { kind: 'event' }>, ahead: number): void {
    if (ahead <= 0 && this.held.length === 0) this.enqueue(item);
    else this.held.push({ ahead, item });
  }

  /** Markers still waiting for events that will not come (the subscription was replaced). */
  dropHeld(): void {
    this.held.length = 0;
  }

  fail(error: unknown): void {
    this.failure = error ?? new Error('subscription failed');
    this.notify();
  }

  /** Resolves when an item is waiting or the feed failed (then it rejects). */
  async ready(): Promise<void> {
    while (this.queue.length === 0) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Whether the consumer asked the subscription to wait (a replacing subscription starts paused then). */
  get isPaused(): boolean {
    return this.paused;
  }

  /** Whether the subscription has reported the end of the log and everything before it was taken. */
  get atEnd(): boolean {
    return this.caughtUp && this.queue.length === 0;
  }

  /** Takes up to `limit` events (and every marker before the next event beyond them). */
  take(limit: number): FeedBatch<E> {
    const events: E[] = [];
    while (this.queue.length > 0) {
      const item = this.queue[0];
      if (item.kind === 'event') {
        if (events.length >= limit) break;
        events.push(item.event);
        this.queuedEvents--;
      } else if (item.kind === 'caughtUp') this.caughtUp = true;
      if (item.kind !== 'caughtUp') this.scanned = laterPosition(this.scanned, item.position);
      this.queue.shift();
    }
    if (this.paused && this.queuedEvents <= this.highWater / 2) this.setPaused(false);
    return { events, scannedTo: this.scanned, endOfLog: this.atEnd };
  }

  private enqueue(item: FeedItem<E>): void {
    this.queue.push(item);
    if (item.kind !== 'caughtUp') this.fedPosition = laterPosition(this.fedPosition, item.position);
    if (item.kind === 'event' && ++this.queuedEvents >= this.highWater && !this.paused) this.setPaused(true);
    this.notify();
  }

  private setPaused(paused: boolean): void {
    this.paused = paused;
    this.onPressure(paused);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
