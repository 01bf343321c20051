import type { SharedBatch } from './sharedLogReader';

/** Batches a projection may have waiting before the shared reader waits for it. */
const MAX_QUEUED_BATCHES = 2;

/**
 * The batches handed to one projection and not yet applied, applied one after the other.
 * A batch offered while the queue is full resolves only once there is room again: that
 * is the reader's back-pressure, which bounds the memory held to a few batches.
 */
export class BatchQueue {
  private readonly batches: SharedBatch[] = [];
  private closed = false;
  private wakeConsumer: (() => void) | undefined;
  private readonly roomWaiters: Array<() => void> = [];
  private loop: Promise<void> = Promise.resolve();

  get isClosed(): boolean {
    return this.closed;
  }

  /** Queues a batch; resolves once the queue has room for more. */
  push(batch: SharedBatch): Promise<void> {
    this.batches.push(batch);
    this.wakeConsumer?.();
    if (this.batches.length <= MAX_QUEUED_BATCHES) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Starts applying queued batches with `apply` until closed. */
  consume(apply: (batch: SharedBatch) => Promise<void>): void {
    this.loop = (async () => {
      while (!this.closed) {
        const batch = this.batches.shift();
        if (!batch) {
          await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
          this.wakeConsumer = undefined;
          continue;
        }
        if (this.batches.length <= MAX_QUEUED_BATCHES) this.releaseRoom();
        await apply(batch);
      }
    })();
  }

  /** Drops the waiting batches; the one being applied finishes, and the queue goes on taking batches. */
  clear(): void {
    this.batches.length = 0;
    this.releaseRoom();
  }

  /** Drops the waiting batches and stops: the one being applied finishes (commits or rolls back) first. */
  async close(): Promise<void> {
    this.closed = true;
    this.batches.length = 0;
    this.releaseRoom();
    this.wakeConsumer?.();
    await this.loop.catch(() => undefined);
  }

  private releaseRoom(): void {
    for (const resolve of this.roomWaiters.splice(0)) resolve();
  }
}
