/**
 * What one attempt at a command works with: the request's context, the streams it loads
 * and the events it decides, queued for the handler to append.
 */
import { Expected, type EventMetadataInput, type EventStore, type NewEvent } from '../eventStore/eventStore.port';
import type { Identity } from '../identity';
import type { Logger } from '../infra/logger';
import { streamIdOf, type Decider, type DomainEvent } from '../shared/decider';
import { NotFound } from '../shared/errors';
import { deterministicEventId } from '../shared/ids';
import type { AccessCheckReads } from './accessCheckReads';
import type { DecidedAppend } from './idempotency';
import { loadStream, StreamStateCache } from './streamStateCache';

/** Everything a command needs to know about the request that sent it. */
export interface CommandContext {
  identity: Identity;
  correlationId: string;
  /** From the Idempotency-Key header (at most 200 characters); the same caller's repeat returns the first result. */
  idempotencyKey: string | null;
  /** Distinguishes several mutations under one key (the field's response path). */
  idempotencyScope?: string;
  now: () => Date;
  /** The request's logger (its request and correlation ids bound): each command's outcome goes to it. */
  logger?: Logger;
  /** The streams the mutation's access check read: the command's facts, unless it reads them afresh. */
  accessCheckReads?: AccessCheckReads;
}

/** A stream loaded for a command: its state and the version the append will expect. */
export interface Loaded<State> {
  streamId: string;
  id: string;
  state: State;
  version: number;
  /** The hash of the event at `version` (the store chains the command's events to it); absent when not known. */
  hash?: string;
}

/** A stream's state once it has events: every decider's state before its first event is `{ status: 'NONE' }`. */
export type Existing<State> = Exclude<State, { status: 'NONE' }>;

/**
 * The deciding part of a command, whatever the streams were loaded from: runs deciders on
 * loaded streams and queues their events, with the command's metadata, each stream at the
 * version it was loaded at.
 */
export class CommandDecisions {
  readonly appends: DecidedAppend[] = [];
  readonly commandId: string;
  readonly now: Date;

  constructor(
    private readonly context: CommandContext,
    commandId: string,
  ) {
    this.commandId = commandId;
    this.now = context.now();
  }

  get nowIso(): string {
    return this.now.toISOString();
  }

  get today(): string {
    return this.nowIso.slice(0, 10);
  }

  get identity(): Identity {
    return this.context.identity;
  }

  /**
   * Runs the decider and queues its events for the stream at the loaded version. `resultId`
   * is the id the command answers with when it is not the stream's (a grant decided on its
   * dossier answers with the award's id).
   */
  decide<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    loaded: Loaded<S>,
    command: C,
    options: { ruleSetId?: string | null; resultId?: string } = {},
  ): E[] {
    const events = decider.decide(command, loaded.state);
    if (events.length > 0) this.queue(loaded, events, options.ruleSetId ?? null, options.resultId);
    return events;
  }

  private queue(loaded: Loaded<unknown>, events: DomainEvent[], ruleSetId: string | null, resultId?: string): void {
    const metadata: EventMetadataInput = {
      actorId: this.context.identity.actorId,
      role: this.context.identity.role,
      unitId: this.context.identity.unitId,
      commandId: this.commandId,
      correlationId: this.context.correlationId,
      causationId: null,
      recordedAt: this.nowIso,
      ruleSetId,
    };
    const existing = this.appends.find((a) => a.streamId === loaded.streamId);
    const queued = existing?.events.length ?? 0;
    const newEvents: NewEvent[] = events.map((event, i) => ({
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata,
      // Named by the command and the version it goes to: a retried append is recognised by the store.
      eventId: deterministicEventId(this.commandId, loaded.streamId, loaded.version + queued + i),
    }));
    if (existing) existing.events.push(...newEvents);
    else
      this.appends.push({
        streamId: loaded.streamId,
        id: resultId ?? loaded.id,
        expected: Expected.version(loaded.version, loaded.hash),
        events: newEvents,
      });
  }
}

/**
 * What process managers write, seen from the command side: a command loads a stream they
 * write only after they have carried the consequences of everything committed before it,
 * so a grant right after a close sees the dossier resolved.
 */
export interface ConsequenceGate {
  writes(streamType: string): boolean;
  /** Resolves once every consequence of the log committed so far is carried. */
  settleCommitted(): Promise<void>;
}

/**
 * One attempt at a command: load streams from the event store, decide, queue events. The
 * handler appends what is queued, to the one stream the command decided on, at the
 * version it was loaded at.
 */
export class CommandTransaction extends CommandDecisions {
  private settled = false;
  /** Whether this attempt took a stream for new without reading it (`loadExpectingNew`). */
  assumedNew = false;

  constructor(
    private readonly store: EventStore,
    context: CommandContext,
    commandId: string,
    private readonly states: StreamStateCache = new StreamStateCache(0),
    private readonly consequences: ConsequenceGate | null = null,
    /** The access check's reads a first attempt takes as its facts (its own stream left out). */
    private readonly checked: AccessCheckReads | null = null,
    /** Whether `loadExpectingNew` may skip the read: a first attempt only. */
    private readonly mayAssumeNew = false,
  ) {
    super(context, commandId);
  }

  async load<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string): Promise<Loaded<S>> {
    const seen = this.checked?.get<S>(decider, streamIdOf(decider.streamType, id));
    if (seen) return seen;
    if (!this.settled && this.consequences?.writes(decider.streamType)) {
      await this.consequences.settleCommitted();
      this.settled = true;
    }
    return loadStream(this.store, this.states, decider, id);
  }

  /**
   * A create command's own stream, taken for new without reading it when this process
   * knows nothing of it. The append then expects no stream: if the stream exists after
   * all, the store refuses the append and the handler runs the command again, reading it.
   * A stream a process manager writes is read as usual, after its consequences.
   */
  async loadExpectingNew<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string): Promise<Loaded<S>> {
    const streamId = streamIdOf(decider.streamType, id);
    const known = this.states.get(decider, streamId) !== undefined;
    if (!this.mayAssumeNew || known || this.consequences?.writes(decider.streamType)) return this.load(decider, id);
    this.assumedNew = true;
    return { streamId, id, state: decider.initialState(), version: 0 };
  }

  /** Loads a stream that must exist, or answers NOT_FOUND naming `entity`. */
  async loadExisting<C, E extends DomainEvent, S extends { status: string }>(
    decider: Decider<C, E, S>,
    id: string,
    entity: string,
  ): Promise<Loaded<Existing<S>>> {
    const loaded = await this.load(decider, id);
    if (loaded.version === 0 || loaded.state.status === 'NONE') throw new NotFound(entity, id);
    return loaded as Loaded<Existing<S>>;
  }
}
