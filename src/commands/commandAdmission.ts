import pLimit from 'p-limit';
import { ServiceBusy } from '../shared/errors';

/**
 * Commands deciding at once unless COMMANDS_AT_ONCE says otherwise: about the request
 * pool's size, which their statements share.
 */
export const COMMANDS_AT_ONCE = 32;
/** Commands waiting at most; one more is refused SERVICE_BUSY (HTTP 503 with Retry-After). */
export const COMMANDS_QUEUED = 1_000;

/**
 * How many commands decide at once; the rest wait their turn in arrival order.
 *
 * A command makes several statements one after another (its streams, the consequences
 * it waits for, the append). With every command of a burst started at once, those
 * statements queue for the pool's connections, and each connection stays taken until
 * the event loop, busy with all of them, reads its answer: throughput falls as load
 * rises. A waiting command costs nothing until it starts, so the process keeps deciding
 * at its capacity under overload (bench/README.md, "Commands under overload").
 */
export class CommandAdmission {
  private readonly limit: pLimit.Limit;

  constructor(
    readonly atOnce = COMMANDS_AT_ONCE,
    readonly maxQueued = COMMANDS_QUEUED,
  ) {
    this.limit = pLimit(atOnce);
  }

  /** Runs `decide` once a place is free; refuses it (SERVICE_BUSY) while `maxQueued` commands wait. */
  run<T>(decide: () => Promise<T>): Promise<T> {
    const { waiting } = this.load;
    if (waiting >= this.maxQueued)
      return Promise.reject(new ServiceBusy(`${waiting} commands are already waiting their turn; retry shortly`));
    return this.limit(decide);
  }

  /**
   * Commands deciding now, and waiting. p-limit counts a command as pending until the
   * microtask that starts it, so the places taken are counted from both of its figures.
   */
  get load(): { deciding: number; waiting: number } {
    const taken = this.limit.activeCount + this.limit.pendingCount;
    return { deciding: Math.min(taken, this.atOnce), waiting: Math.max(0, taken - this.atOnce) };
  }
}
