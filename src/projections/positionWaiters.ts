import { ProjectionFailed, ServiceBusy, type FailedProjection } from '../shared/errors';

/** Callers one process lets wait for the read models at once; the next one is refused. */
export const MAX_POSITION_WAITERS = 1_000;

interface Waiter {
  position: string;
  names: readonly string[] | undefined;
  answer(caughtUp: boolean): void;
  refuse(error: Error): void;
}

/** The read models among `names` (default: all) that failed before reaching `position`. */
type FailedBefore = (position: string, names?: readonly string[]) => readonly FailedProjection[];

/**
 * Everyone waiting until the read models reach a position, in one list per process.
 * Each progress of a projection checks the list once and each waiter holds one timer, so
 * many waiters cost a loop per batch rather than a listener and a poll each; past
 * `capacity` a wait is refused (SERVICE_BUSY) instead of queued. A wait for a read model
 * that failed before the position is refused (PROJECTION_FAILED) rather than left to time out.
 */
export class PositionWaiters {
  private readonly waiting = new Set<Waiter>();

  constructor(
    private readonly reached: (position: string, names?: readonly string[]) => boolean,
    private readonly capacity = MAX_POSITION_WAITERS,
    private readonly failedBefore: FailedBefore = () => [],
  ) {}

  get size(): number {
    return this.waiting.size;
  }

  /** True once `reached(position, names)`, false after `timeoutMs`. */
  wait(position: string, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    if (this.reached(position, names)) return Promise.resolve(true);
    const failed = this.failedBefore(position, names);
    if (failed.length > 0) return Promise.reject(new ProjectionFailed(failed));
    if (timeoutMs <= 0) return Promise.resolve(false);
    if (this.waiting.size >= this.capacity) {
      return Promise.reject(
        new ServiceBusy(`${this.capacity} callers are already waiting for the read models; retry later`),
      );
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => waiter.answer(false), timeoutMs);
      timer.unref();
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(waiter);
      };
      const waiter: Waiter = {
        position,
        names,
        answer: (caughtUp) => {
          done();
          resolve(caughtUp);
        },
        refuse: (error) => {
          done();
          reject(error);
        },
      };
      this.waiting.add(waiter);
    });
  }

  /** After each progress: answers every waiter whose position was reached, refuses those a failed read model blocks. */
  check(): void {
    for (const waiter of this.waiting) {
      if (this.reached(waiter.position, waiter.names)) {
        waiter.answer(true);
        continue;
      }
      const failed = this.failedBefore(waiter.position, waiter.names);
      if (failed.length > 0) waiter.refuse(new ProjectionFailed(failed));
    }
  }

  /** Answers every waiter false (the projections stop). */
  stop(): void {
    for (const waiter of this.waiting) waiter.answer(false);
  }
}
