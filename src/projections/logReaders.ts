import { comparePositions, type EventStore } from '../eventStore/eventStore.port';
import type { Logger } from '../infra/logger';
import type { ProjectionWorker } from './projectionWorker';
import { SharedLogReader, type ReadOutcomes } from './sharedLogReader';

/** How the readers of the log read. */
export interface LogReadingOptions {
  /** Events per read, both catching up and live (tests); overrides the two below. */
  batchSize?: number;
  /** Events per read while behind the head of the log (default 10,000). */
  catchUpBatchSize?: number;
  /** Events per read at the head of the log (default 500). */
  liveBatchSize?: number;
  pollIntervalMs?: number;
  /**
   * While catching up, how long the shared reader waits for a projection whose queue is
   * full before that projection continues on a reader of its own (default 1,000 ms).
   */
  lagToleranceMs?: number;
}

/**
 * `behind`: for projections that start behind the shared reader (a rebuild, one added
 * later), joining it when at the head of the log or past it. `laggard`: for one that
 * fell behind the shared reader's pace, joining it only at the head of the log.
 */
type CatchUpKind = 'behind' | 'laggard';

/**
 * The readers of the log the projections follow. The projections that are at (about) the
 * same position share one reader (`shared`): one read per batch, fanned out to each of
 * them. A projection far behind the others (a rebuild from zero, one added later) gets a
 * reader of its own, so the others stay live, and joins the shared reader once it has
 * caught up or passed it.
 */
export class LogReaders {
  private readonly shared: SharedLogReader;
  private readonly catchingUp = new Set<SharedLogReader>();
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly options: LogReadingOptions,
    private readonly log: Logger['info'],
    private readonly outcomes?: ReadOutcomes,
  ) {
    this.shared = this.newReader();
  }

  private get catchUpBatchSize(): number {
    return this.options.batchSize ?? this.options.catchUpBatchSize ?? 10_000;
  }

  /**
   * Puts the projections on readers: together on the shared one, except those more than
   * a catch-up batch behind the most advanced one, which catch up on their own reader
   * (one per checkpoint) rather than holding the others back. `start` sets each applying.
   */
  async follow(workers: ProjectionWorker[], start: (worker: ProjectionWorker) => void): Promise<void> {
    if (workers.length === 0) return;
    const behind = await this.eventsBehind(workers);
    const leastBehind = Math.min(...[...behind.values()]);
    const ownReaders = new Map<string, SharedLogReader>();
    for (const worker of workers) {
      start(worker);
      if ((behind.get(worker.checkpoint) ?? 0) - leastBehind <= this.catchUpBatchSize) {
        worker.follow(this.shared);
        continue;
      }
      let reader = ownReaders.get(worker.checkpoint);
      if (!reader) ownReaders.set(worker.checkpoint, (reader = this.newReader('behind')));
      worker.follow(reader);
    }
  }

  /** Puts a projection starting from zero (a rebuild) on a reader of its own, so the live ones do not wait for it. */
  followFromStart(worker: ProjectionWorker): void {
    worker.follow(this.newReader('behind'));
  }

  /** Stops every reader; the projections' queues are left to their owners. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([this.shared, ...this.catchingUp].map((r) => r.stop()));
  }

  /**
   * Events after each distinct checkpoint, counted up to a limit: far-behind ones differ by
   * more than a batch. All zero when the projections share one checkpoint.
   */
  private async eventsBehind(workers: ProjectionWorker[]): Promise<Map<string, number>> {
    const distinct = [...new Set(workers.map((w) => w.checkpoint))];
    const behind = new Map<string, number>(distinct.map((position) => [position, 0]));
    if (distinct.length > 1) {
      for (const position of distinct)
        behind.set(position, await this.store.countEventsAfter(position, { cap: 2 * this.catchUpBatchSize }));
    }
    return behind;
  }

  /** The shared reader (no `kind`), or a catch-up reader. */
  private newReader(kind?: CatchUpKind): SharedLogReader {
    const reader = new SharedLogReader(this.store, {
      catchUpBatchSize: this.catchUpBatchSize,
      liveBatchSize: this.options.batchSize ?? this.options.liveBatchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 250,
      log: (message, details) => this.log(message, details),
      afterRead: kind ? (r) => this.joinSharedIfCaughtUp(r, kind === 'behind') : undefined,
      onLagging: kind ? undefined : (_, laggards) => this.catchUpAlone(laggards as ProjectionWorker[]),
      lagToleranceMs: this.options.lagToleranceMs ?? 1_000,
      outcomes: this.outcomes,
    });
    if (kind) this.catchingUp.add(reader);
    return reader;
  }

  /** A catch-up reader hands its projections to the shared one once at the head of the log or past the shared one. */
  private joinSharedIfCaughtUp(reader: SharedLogReader, orPassedIt: boolean): boolean {
    if (this.stopping) return false;
    const own = reader.nextFrom;
    const shared = this.shared.nextFrom;
    const passed = orPassedIt && own !== null && shared !== null && comparePositions(own, shared) >= 0;
    if (!reader.caughtUp && !passed && own !== null) return false;
    for (const worker of reader.members() as ProjectionWorker[]) worker.follow(this.shared);
    this.catchingUp.delete(reader);
    return true;
  }

  /** Projections slower than the shared reader go on at their own pace, each reading only its own event types. */
  private catchUpAlone(laggards: ProjectionWorker[]): void {
    if (this.stopping) return;
    for (const worker of laggards) {
      this.log('projection catches up on its own reader', { name: worker.name, position: worker.receivedTo });
      worker.follow(this.newReader('laggard'));
    }
  }
}
