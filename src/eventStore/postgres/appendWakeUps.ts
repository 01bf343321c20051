import { Client, type Pool } from 'pg';
import { retryTransient } from '../../infra/transientErrors';
import { AppendWaiters } from '../appendWaiters';

const NOTIFY_CHANNEL = 'tdkt_events';

/**
 * Wake-ups of the store's waiting subscribers on appends: those of this process at once,
 * those of other processes by NOTIFY on a channel every store with a listen URL LISTENs
 * on. The NOTIFY is sent after the append has committed, in a statement of its own, and
 * coalesced (one in flight, at most one queued), because a NOTIFY inside the append
 * would take PostgreSQL's notify lock and hold it through the commit's WAL flush,
 * serializing every writer's commit. A wake-up carries no data, and a lost one only
 * delays subscribers until their next poll.
 */
export class AppendWakeUps {
  private listener: Client | undefined;
  /** Settles once the first LISTEN connection is made or has failed; undefined until the first wait. */
  private firstConnection: Promise<void> | undefined;
  private reconnecting: Promise<void> | undefined;
  private readonly waiters = new AppendWaiters();
  /** Aborted at close: ends the reconnection attempts. */
  private readonly closing = new AbortController();
  private notifying: Promise<void> | undefined;
  private notifyAgain = false;

  /** `listenUrl`: the LISTEN connection's connection string; without it, other processes' appends are not heard. */
  constructor(
    private readonly pool: Pool,
    private readonly listenUrl: string | undefined,
  ) {}

  private get closed(): boolean {
    return this.closing.signal.aborted;
  }

  /** Called once an append has committed. */
  announce(): void {
    this.wakeAll();
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = this.pool
      .query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, 'append'])
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.notifying = undefined;
        if (this.notifyAgain && !this.closed) {
          this.notifyAgain = false;
          this.announce();
        }
      });
  }

  /** Resolves on the next append heard (or after `timeoutMs`). */
  async wait(timeoutMs: number): Promise<void> {
    if (this.closed) return;
    await this.ensureListening();
    await this.waiters.wait(timeoutMs);
  }

  /** Starts listening at the first wait; later waits do not wait for a reconnection (polling covers the gap). */
  private ensureListening(): Promise<void> {
    if (!this.listenUrl || this.closed) return Promise.resolve();
    this.firstConnection ??= this.listen().catch(() => {
      void this.reconnect();
    });
    return this.firstConnection;
  }

  /** Opens the LISTEN connection; when it drops later, a new one is opened (reconnect). */
  private async listen(): Promise<void> {
    const listener = new Client({ connectionString: this.listenUrl, application_name: 'tdkt-listen' });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.listener === listener) this.listener = undefined;
      listener.end().catch(() => undefined);
      if (!this.closed) void this.reconnect();
    };
    listener.on('notification', () => this.wakeAll());
    // A listener also keeps a dropped connection from ending the process.
    listener.on('error', onLost);
    try {
      await listener.connect();
      await listener.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      lost = true;
      listener.end().catch(() => undefined);
      throw error;
    }
    listener.on('end', onLost);
    this.listener = listener;
    if (this.closed) await listener.end().catch(() => undefined);
  }

  /**
   * Opens the LISTEN connection again, waiting out the database's outage (backoff, see
   * retryTransient), then wakes every waiter: appends made meanwhile were not heard.
   */
  private reconnect(): Promise<void> {
    this.reconnecting ??= retryTransient(() => this.listen(), { signal: this.closing.signal })
      .then(
        () => this.wakeAll(),
        // Closed, or refused for good (not a transient error): subscribers go on polling.
        () => undefined,
      )
      .finally(() => {
        this.reconnecting = undefined;
      });
    return this.reconnecting;
  }

  private wakeAll(): void {
    this.waiters.wakeAll();
  }

  /** Wakes every waiter, lets a NOTIFY in flight finish and closes the LISTEN connection. */
  async close(): Promise<void> {
    this.closing.abort(new Error('append wake-ups closed'));
    this.wakeAll();
    await this.notifying;
    await this.reconnecting;
    const listener = this.listener;
    this.listener = undefined;
    if (listener) await listener.end().catch(() => undefined);
  }
}
