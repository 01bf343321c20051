import { comparePositions, type RecordedEvent } from '../eventStore/eventStore.port';
import { BatchQueue } from './batchQueue';
import { generationSchema, type ProjectionDefinition } from './projection';
import type { BatchConsumer, SharedBatch, SharedLogReader } from './sharedLogReader';

export type ProjectionRunState = 'running' | 'rebuilding' | 'failed' | 'stopped';

export interface ProjectionStatus {
  name: string;
  generation: number;
  checkpoint: string;
  state: ProjectionRunState;
  error: string | null;
  failedPosition: string | null;
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

  get wantsHeadBatch(): boolean {
    return !this.indexesReady && !this.queue.isClosed;
  }

  /** True when a checkpoint that moved without any of its events has waited long enough to be written. */
  get idleCheckpointDue(): boolean {
    return Date.now() - this.stored.at >= IDLE_CHECKPOINT_INTERVAL_MS;
  }

  status(rebuilding: boolean): ProjectionStatus {
    return {
      name: this.name,
      generation: this.generation,
      checkpoint: this.appliedTo,
      state: rebuilding && this.runState === 'running' ? 'rebuilding' : this.runState,
      error: this.failure.error,
      failedPosition: this.failure.position,
    };
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
  }

  offer(batch: SharedBatch): Promise<void> {
    if (this.queue.isClosed) return Promise.resolve();
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
    this.reader?.remove(this);
    this.reader = undefined;
    await this.queue.close();
  }
}
