import { Client, type Pool } from 'pg';
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
  private listenerReady: Promise<void> | undefined;
  private readonly waiters = new AppendWaiters();
  private closed = false;
  private notifying: Promise<void> | undefined;
  private notifyAgain = false;

  /** `listenUrl`: the LISTEN connection's connection string; without it, other processes' appends are not heard. */
  constructor(
    private readonly pool: Pool,
    private readonly listenUrl: string | undefined,
  ) {}

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

  private ensureListening(): Promise<void> {
    if (!this.listenUrl || this.closed) return Promise.resolve();
    if (!this.listenerReady) {
      const listener = new Client({ connectionString: this.listenUrl, application_name: 'tdkt-listen' });
      this.listener = listener;
      listener.on('notification', () => this.wakeAll());
      listener.on('error', () => {
        // The polling fallback keeps subscribers going; reconnect on the next wait.
        this.listener = undefined;
        this.listenerReady = undefined;
        listener.end().catch(() => undefined);
      });
      this.listenerReady = listener
        .connect()
        .then(() => listener.query(`LISTEN ${NOTIFY_CHANNEL}`))
        .then(() => undefined)
        .catch(() => {
          this.listener = undefined;
          this.listenerReady = undefined;
        });
    }
    return this.listenerReady ?? Promise.resolve();
  }

  private wakeAll(): void {
    this.waiters.wakeAll();
  }

  /** Wakes every waiter, lets a NOTIFY in flight finish and closes the LISTEN connection. */
  async close(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    await this.notifying;
    const listener = this.listener;
    this.listener = undefined;
    if (listener) await listener.end().catch(() => undefined);
  }
}
