import { ServiceBusy } from '../shared/errors';

/** Callers one process lets wait for the read models at once; the next one is refused. */
export const MAX_POSITION_WAITERS = 1_000;

interface Waiter {
  position: string;
  names: readonly string[] | undefined;
  answer(caughtUp: boolean): void;
}

/**
 * Everyone waiting until the read models reach a position, in one list per process.
 * Each progress of a projection checks the list once and each waiter holds one timer, so
 * many waiters cost a loop per batch rather than a listener and a poll each; past
 * `capacity` a wait is refused (SERVICE_BUSY) instead of queued.
 */
export class PositionWaiters {
  private readonly waiting = new Set<Waiter>();

  constructor(
    private readonly reached: (position: string, names?: readonly string[]) => boolean,
    private readonly capacity = MAX_POSITION_WAITERS,
  ) {}

  get size(): number {
    return this.waiting.size;
  }

  /** True once `reached(position, names)`, false after `timeoutMs`. */
  wait(position: string, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    if (this.reached(position, names)) return Promise.resolve(true);
    if (timeoutMs <= 0) return Promise.resolve(false);
    if (this.waiting.size >= this.capacity) {
      return Promise.reject(
        new ServiceBusy(`${this.capacity} callers are already waiting for the read models; retry later`),
      );
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => waiter.answer(false), timeoutMs);
      timer.unref();
      const waiter: Waiter = {
        position,
        names,
        answer: (caughtUp) => {
          clearTimeout(timer);
          this.waiting.delete(waiter);
          resolve(caughtUp);
        },
      };
      this.waiting.add(waiter);
    });
  }

  /** Answers every waiter whose position has been reached; called after each progress. */
  check(): void {
    for (const waiter of this.waiting) if (this.reached(waiter.position, waiter.names)) waiter.answer(true);
  }

  /** Answers every waiter false (the projections stop). */
  stop(): void {
    for (const waiter of this.waiting) waiter.answer(false);
  }
}
