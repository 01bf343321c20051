import type { AllStreamResolvedEvent, AllStreamSubscription, EventStoreDBClient } from '@eventstore/db-client';
import type { RecordedEvent } from '../eventStore.port';
import { isSystemEvent, logFilter } from './filters';
import { OrderedFeed } from './orderedFeed';
import { portPosition, readPositionAfter } from './positions';
import { isTransientClientError, toRecorded } from './recorded';

export interface LogSubscriptionOptions {
  /** Exclusive: events after this position. */
  from: string;
  types?: readonly string[];
  /** Events the feed holds before it pauses the subscription. */
  highWater: number;
}

const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;

/**
 * A filtered catch-up subscription to `$all` feeding an `OrderedFeed`: events after `from`
 * (server-side filter on the event types, or every non-system event), checkpoints as the
 * server reports them, `caughtUp` at the end of the log (server 23.10 or later). When the
 * connection drops it resubscribes after what already reached the feed, backing off.
 */
export class LogSubscription {
  readonly feed: OrderedFeed<RecordedEvent>;
  private current: AllStreamSubscription | null = null;
  private closed = false;
  private backoffMs = FIRST_BACKOFF_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly wanted: ReadonlySet<string> | null;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: LogSubscriptionOptions,
  ) {
    this.wanted = options.types ? new Set(options.types) : null;
    this.feed = new OrderedFeed<RecordedEvent>(options.from, options.highWater, (paused) => {
      if (paused) this.current?.pause();
      else this.current?.resume();
    });
    this.open(options.from);
  }

  private open(after: string): void {
    const subscription: AllStreamSubscription = this.client.subscribeToAll({
      fromPosition: readPositionAfter(after),
      resolveLinkTos: false,
      filter: logFilter(this.options.types, (_, position) => {
        if (subscription === this.current)
          this.feed.pushMarker({ kind: 'checkpoint', position: portPosition(position) }, subscription.readableLength);
      }),
    });
    this.current = subscription;
    if (this.feed.isPaused) subscription.pause();
    subscription.on('data', (resolved: AllStreamResolvedEvent) => this.onEvent(subscription, resolved, after));
    subscription.on('caughtUp', () => {
      if (subscription === this.current) this.feed.pushMarker({ kind: 'caughtUp' }, subscription.readableLength);
    });
    subscription.on('error', (error: unknown) => this.onError(subscription, error));
  }

  /** Every event off the stream goes through the feed, wanted or not, so markers held behind it keep their order. */
  private onEvent(subscription: AllStreamSubscription, resolved: AllStreamResolvedEvent, after: string): void {
    if (subscription !== this.current) return;
    const event = resolved.event;
    if (!event) {
      this.feed.pushEvent(null, this.feed.fedTo);
      return;
    }
    this.backoffMs = FIRST_BACKOFF_MS;
    // Subscribing from a position is exclusive on the server; an event at or before it is never handed on.
    if (event.position.commit <= BigInt(after)) {
      this.feed.pushEvent(null, after);
      return;
    }
    const recorded = isSystemEvent(event) ? undefined : toRecorded(resolved);
    const wanted = recorded !== undefined && (!this.wanted || this.wanted.has(recorded.type));
    this.feed.pushEvent(wanted ? recorded : null, portPosition(event.position));
  }

  private onError(subscription: AllStreamSubscription, error: unknown): void {
    if (subscription !== this.current || this.closed) return;
    this.current = null;
    void subscription.unsubscribe().catch(() => undefined);
    if (!isTransientClientError(error)) {
      this.feed.fail(error);
      return;
    }
    this.feed.dropHeld();
    const delay = this.backoffMs;
    this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs * 2);
    this.retryTimer = setTimeout(() => {
      if (!this.closed) this.open(this.feed.fedTo);
    }, delay);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const subscription = this.current;
    this.current = null;
    this.feed.fail(new Error('subscription closed'));
    await subscription?.unsubscribe().catch(() => undefined);
  }
}
