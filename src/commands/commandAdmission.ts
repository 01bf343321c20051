import pLimit from 'p-limit';
import { ServiceBusy } from '../shared/errors';

/**
 * Commands deciding at once unless COMMANDS_AT_ONCE says otherwise: about the request
 * pool's size, which their statements share.
 */
export const COMMANDS_AT_ONCE = 32;
/** Commands waiting at most; one more is refused SERVICE_BUSY (HTTP 503 with Retry-After). */
export const COMMANDS_QUEUED = 1_000;

/** The commands of one stream, one at a time; `holders` counts those running or waiting. */
interface StreamTurn {
  limit: pLimit.Limit;
  holders: number;
}

/**
 * How many commands decide at once; the rest wait their turn in arrival order.
 *
 * A command makes several statements one after another (its streams, the consequences
 * it waits for, the append). With every command of a burst started at once, those
 * statements queue for the pool's connections, and each connection stays taken until
 * the event loop, busy with all of them, reads its answer: throughput falls as load
 * rises. A waiting command costs nothing until it starts, so the process keeps deciding
 * at its capacity under overload (bench/README.md, "Commands under overload").
 *
 * Commands on the same stream also take turns among themselves: two deciding on one
 * stream at once would both load its version and the later append would lose the race,
 * to be decided again or answered CONFLICT. In turn, each decides on the one before it.
 * Only writers in other processes (another instance, a process manager) still race, and
 * the expected version still catches them. A command waiting for its stream holds no
 * place among those deciding.
 */
export class CommandAdmission {
  private readonly limit: pLimit.Limit;
  private readonly turns = new Map<string, StreamTurn>();
  private waitingForStream = 0;

  constructor(
    readonly atOnce = COMMANDS_AT_ONCE,
    readonly maxQueued = COMMANDS_QUEUED,
  ) {
    this.limit = pLimit(atOnce);
  }

  /**
   * Runs `decide` once a place is free, and once the commands before it on `streamId`
   * (when given) are done; refuses it (SERVICE_BUSY) while `maxQueued` commands wait.
   */
  run<T>(decide: () => Promise<T>, streamId?: string): Promise<T> {
    const { waiting } = this.load;
    if (waiting >= this.maxQueued)
      return Promise.reject(new ServiceBusy(`${waiting} commands are already waiting their turn; retry shortly`));
    return streamId === undefined ? this.limit(decide) : this.inTurn(streamId, () => this.limit(decide));
  }

  /**
   * Commands deciding now, and waiting (for a place, or for their stream). p-limit counts
   * a command as pending until the microtask that starts it, so the places taken are
   * counted from both of its figures.
   */
  get load(): { deciding: number; waiting: number } {
    const taken = this.limit.activeCount + this.limit.pendingCount;
    return {
      deciding: Math.min(taken, this.atOnce),
      waiting: Math.max(0, taken - this.atOnce) + this.waitingForStream,
    };
  }

  private async inTurn<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const turn = this.turns.get(streamId) ?? { limit: pLimit(1), holders: 0 };
    // Waiting only behind another command of the stream: the first starts in the next microtask.
    const behind = turn.holders++ > 0;
    if (behind) this.waitingForStream++;
    else this.turns.set(streamId, turn);
    try {
      return await turn.limit(() => {
        if (behind) this.waitingForStream--;
        return work();
      });
    } finally {
      if (--turn.holders === 0) this.turns.delete(streamId);
    }
  }
}
