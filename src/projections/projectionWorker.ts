import { comparePositions, type RecordedEvent } from '../eventStore/eventStore.port';
import { BatchQueue } from './batchQueue';
import { generationSchema, type ProjectionDefinition } from './projection';
import type { BatchConsumer, SharedBatch, SharedLogReader } from './sharedLogReader';

/** `retrying`: running, but waiting out a transient database error (see `retrying` in its status). */
export type ProjectionRunState = 'running' | 'rebuilding' | 'retrying' | 'failed' | 'stopped';

/** A transient database error the projection is waiting out: the last one, and since when it has been retrying. */
export interface TransientOutage {
  error: string;
  since: Date;
}

export interface ProjectionStatus {
  name: string;
  generation: number;
  checkpoint: string;
  state: ProjectionRunState;
  error: string | null;
  failedPosition: string | null;
  retrying: TransientOutage | null;
  /** The instance holding the projection's lease (among several instances); null otherwise. */
  holder: string | null;
}

/**
 * How often a checkpoint that moved only over positions without any of the projection's
 * events is written. Writing every such move would keep an idle app writing: each
 * checkpoint write takes a transaction id, which moves the log's readable horizon,
 * which hands every projection another empty batch to checkpoint (some 36 writes a
 * second with nine read models, 3 million transaction ids a day).
 */
const IDLE_CHECKPOINT_INTERVAL_MS = 60_000;

/**
 * One generation of one projection: where it stands in the log, whether it still runs,
 * and the queue of batches the reader it follows hands it.
 */
export class ProjectionWorker implements BatchConsumer {
  readonly schema: string;
  readonly eventTypes: readonly string[] | null;
  private readonly handles: ReadonlySet<string> | null;
  private readonly queue = new BatchQueue();
  private reader: SharedLogReader | undefined;
  private runState: ProjectionRunState;
  private failure: { error: string | null; position: string | null } = { error: null, position: null };
  /** Read and applied up to here; may be ahead of the stored checkpoint over positions with none of its events. */
  private appliedTo: string;
  private received: string;
  /** The checkpoint as projection_state holds it, and when it was written. */
  private stored: { checkpoint: string; at: number };
  private committedBatches = 0;
  /** Its deferred indexes exist (or it has none). */
  private indexesReady: boolean;
  private outage: TransientOutage | null = null;
  /** Aborted at close: ends the retries of its batch in flight. */
  private readonly closing = new AbortController();
  /** The end of the last work run through `exclusively`. */
  private exclusive: Promise<unknown> = Promise.resolve();

  constructor(
    readonly definition: ProjectionDefinition,
    readonly generation: number,
    checkpoint: string,
    state: ProjectionRunState,
  ) {
    this.schema = generationSchema(definition.name, generation);
    this.eventTypes = definition.eventTypes;
    this.handles = definition.eventTypes ? new Set(definition.eventTypes) : null;
    this.runState = state;
    this.appliedTo = checkpoint;
    this.received = checkpoint;
    this.stored = { checkpoint, at: Date.now() };
    this.indexesReady = !definition.deferredIndexes?.length;
  }

  get name(): string {
    return this.definition.name;
  }

  get checkpoint(): string {
    return this.appliedTo;
  }

  get storedCheckpoint(): string {
    return this.stored.checkpoint;
  }

  get receivedTo(): string {
    return this.received;
  }

  get indexesBuilt(): boolean {
    return this.indexesReady;
  }

  /** Batches with events it has committed in this process. */
  get batchesCommitted(): number {
    return this.committedBatches;
  }

  get error(): string | null {
    return this.failure.error;
  }

  get hasFailed(): boolean {
    return this.runState === 'failed';
  }

  /** Failed or stopped: it applies nothing more. */
  get hasEnded(): boolean {
    return this.runState === 'failed' || this.runState === 'stopped';
  }

  /** Aborted once it closes. */
  get closed(): AbortSignal {
    return this.closing.signal;
  }

  get wantsHeadBatch(): boolean {
    return !this.indexesReady && !this.queue.isClosed;
  }

  /** True when a checkpoint that moved without any of its events has waited long enough to be written. */
  get idleCheckpointDue(): boolean {
    return Date.now() - this.stored.at >= IDLE_CHECKPOINT_INTERVAL_MS;
  }

  /** `outage`: the runner's own transient error (reading the log), which holds up this projection too. */
  status(rebuilding: boolean, outage: TransientOutage | null = null): ProjectionStatus {
    const retrying = this.hasEnded ? null : (this.outage ?? outage);
    let state = this.runState;
    if (retrying) state = 'retrying';
    else if (rebuilding && state === 'running') state = 'rebuilding';
    return {
      name: this.name,
      generation: this.generation,
      checkpoint: this.appliedTo,
      state,
      error: this.failure.error,
      failedPosition: this.failure.position,
      retrying,
      holder: null,
    };
  }

  /** Its batch failed on a transient database error and is tried again. */
  retrying(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.outage = { error: message, since: this.outage?.since ?? new Date() };
  }

  /** A batch committed, or the runner found it has nothing to retry: no outage holds it up. */
  resumed(): void {
    this.outage = null;
  }

  /**
   * Runs `work` after the work run through here before it has ended, so that applying a
   * batch and checking the stored checkpoint never overlap.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T> {
    const result = this.exclusive.then(work, work);
    this.exclusive = result.catch(() => undefined);
    return result;
  }

  /** Stops at an event its handler cannot apply; the failure stays on record. */
  markFailed(error: string | null, position: string | null): void {
    this.runState = 'failed';
    this.failure = { error, position };
  }

  /** Stops applying; a failed one stays failed. */
  markStopped(): void {
    if (this.runState !== 'failed') this.runState = 'stopped';
  }

  /** A rebuilt generation that has taken over from the live one. */
  markLive(): void {
    this.runState = 'running';
  }

  /** Its events of a batch that it has not applied yet. */
  eventsToApply(batch: SharedBatch): RecordedEvent[] {
    const after = BigInt(this.appliedTo);
    const alreadyHasSome = BigInt(batch.from) < after;
    return batch.events.filter(
      (e) => (this.handles === null || this.handles.has(e.type)) && (!alreadyHasSome || BigInt(e.position) > after),
    );
  }

  /** Has read up to `position` without any of its events there; the stored checkpoint stays where it is. */
  passedWithoutEvents(position: string): void {
    this.appliedTo = position;
  }

  /** A batch and its checkpoint committed together. */
  committed(scannedTo: string, batch: { withEvents: boolean; builtIndexes: boolean }): void {
    if (batch.withEvents) this.committedBatches++;
    if (batch.builtIndexes) this.indexesReady = true;
    this.appliedTo = scannedTo;
    this.stored = { checkpoint: scannedTo, at: Date.now() };
    this.outage = null;
  }

  /**
   * Goes back to `position`, the checkpoint the database holds, which is behind the one
   * this process committed: commits are not flushed before they return (see batchCommit.ts),
   * so a database crash loses the last ones, rows and checkpoint together. The queued
   * batches are dropped and the reader reads the log again from `position`.
   */
  rewind(position: string): void {
    this.queue.clear();
    this.appliedTo = position;
    this.received = position;
    this.stored = { checkpoint: position, at: Date.now() };
    // Their creation may have been lost with the rest; building them again is a no-op where they exist.
    this.indexesReady = !this.definition.deferredIndexes?.length;
  }

  offer(batch: SharedBatch): Promise<void> {
    // Closed, or a batch past a gap (read before a rewind): the reader reads again from `receivedTo`.
    if (this.queue.isClosed || comparePositions(batch.from, this.received) > 0) return Promise.resolve();
    if (comparePositions(batch.scannedTo, this.received) > 0) this.received = batch.scannedTo;
    return this.queue.push(batch);
  }

  /** Starts applying the batches it is offered with `apply`, one after the other, until closed. */
  startApplying(apply: (batch: SharedBatch) => Promise<void>): void {
    this.queue.consume(apply);
  }

  /** Leaves the reader it follows (if any) for `reader`. */
  follow(reader: SharedLogReader): void {
    this.reader?.remove(this);
    this.reader = reader;
    reader.add(this);
  }

  /** Stops taking batches: the one being applied finishes (commits or rolls back) first. */
  async close(): Promise<void> {
    this.closing.abort(new Error(`projection ${this.name} closed`));
    this.reader?.remove(this);
    this.reader = undefined;
    await this.queue.close();
  }
}
