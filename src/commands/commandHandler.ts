import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../eventStore/hashChain';
import type { EventStore } from '../eventStore/eventStore.port';
import { streamIdOf, type Decider, type DomainEvent } from '../shared/decider';
import { VersionConflict } from '../shared/errors';
import { nameBasedUuid } from '../shared/ids';
import { commandResultOf, type CommandResult } from './commandResult';
import { loadStream, StreamStateCache } from './streamStateCache';
import { ConflictRetries } from './conflictRetries';
import { replayDecision } from './decisionReplay';
import { dieAfterAppendIfInjected } from './faultInjection';
import { scopedIdempotencyKey, type HeldReservation, type IdempotencyStore } from './idempotency';
import type { Metrics } from '../infra/metrics';
import { commandOutcomeOf } from './commandOutcome';
import { CommandAdmission } from './commandAdmission';
import type { AccessCheckReads } from './accessCheckReads';
import {
  CommandTransaction,
  type CommandContext,
  type ConsequenceGate,
  type Existing,
  type Loaded,
} from './commandTransaction';

export type { CommandContext } from './commandTransaction';
export type { CommandResult } from './commandResult';

/** A command with the rule set its events' metadata records (submission and appraisal of a dossier). */
export interface UnderRuleSet<C> {
  command: C;
  ruleSetId: string | null;
}

/** Builds the command from the loaded stream and whatever else the transaction looks up. */
export type CommandBuilder<C, S> = (
  tx: CommandTransaction,
  stream: Loaded<S>,
) => C | UnderRuleSet<C> | Promise<C | UnderRuleSet<C>>;

/**
 * The common command on one stream (`CommandHandler.on`, `onExisting`). The stream is
 * named first so that TypeScript knows the command type when it reads `build`.
 */
export interface StreamDecision<C, S> {
  /**
   * Loads the stream, builds the command from it and whatever else the transaction looks
   * up, decides. `name`, `input` and `options` are `execute`'s.
   */
  decide(
    context: CommandContext,
    name: string,
    input: unknown,
    build: CommandBuilder<C, S>,
    options?: CommandOptions,
  ): Promise<CommandResult>;
}

export interface CommandOptions {
  /** Re-run on a version conflict (the command reloads and decides again). */
  retryOnConflict?: boolean;
  maxRetries?: number;
  /**
   * The stream the command decides on, when known before it runs (`on`, `onExisting`):
   * commands on one stream then take turns in this process (CommandAdmission).
   */
  streamId?: string;
}

/**
 * Runs commands: load, decide (pure), append with expected versions; retries a
 * bounded number of times on a version conflict when the command allows it; answers
 * a repeated Idempotency-Key with the first result and appends nothing, also when the
 * first attempt died after deciding.
 */
export class CommandHandler {
  private readonly states = new StreamStateCache();
  /** Version conflicts retried, per command name. */
  readonly conflictRetries = new ConflictRetries();

  constructor(
    private readonly store: EventStore,
    private readonly idempotency: IdempotencyStore,
    private readonly consequences: ConsequenceGate | null = null,
    private readonly metrics: Metrics | null = null,
    private readonly admission = new CommandAdmission(),
  ) {
    metrics?.watchCommandAdmission(() => admission.load);
  }

  /**
   * A stream's current state, loaded as a command loads it (through the same cache and
   * gate), for the access check made before a command runs. `reads` keeps it for that
   * command's facts; the command's own stream is still reloaded at the version it appends.
   */
  async currentState<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    id: string,
    reads?: AccessCheckReads,
  ): Promise<S> {
    if (this.consequences?.writes(decider.streamType)) await this.consequences.settleCommitted();
    const loaded = await loadStream(this.store, this.states, decider, id);
    reads?.remember(decider, loaded);
    return loaded.state;
  }

  /** The stream a command decides on, in any state: a create command's new stream, or one its decider checks. */
  on<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string): StreamDecision<C, S> {
    return this.streamDecision(decider, id, (tx) => tx.load(decider, id));
  }

  /**
   * A create command's stream, which is new but for a repeat: decided as new without a
   * read, and read only when the append finds that it exists (`loadExpectingNew`).
   */
  onNew<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string): StreamDecision<C, S> {
    return this.streamDecision(decider, id, (tx) => tx.loadExpectingNew(decider, id));
  }

  /** The stream a command decides on, which must exist already: NOT_FOUND names `entity` when it has no events. */
  onExisting<C, E extends DomainEvent, S extends { status: string }>(
    decider: Decider<C, E, S>,
    id: string,
    entity: string,
  ): StreamDecision<C, Existing<S>> {
    return this.streamDecision(decider, id, (tx) => tx.loadExisting(decider, id, entity));
  }

  private streamDecision<C, E extends DomainEvent, S, Seen extends S>(
    decider: Decider<C, E, S>,
    id: string,
    load: (tx: CommandTransaction) => Promise<Loaded<Seen>>,
  ): StreamDecision<C, Seen> {
    return {
      decide: (context, name, input, build, options) =>
        this.execute(
          context,
          name,
          input,
          async (tx) => {
            const loaded = await load(tx);
            const built = await build(tx, loaded);
            if (isUnderRuleSet(built)) tx.decide(decider, loaded, built.command, { ruleSetId: built.ruleSetId });
            else tx.decide(decider, loaded, built);
          },
          { ...options, streamId: streamIdOf(decider.streamType, id) },
        ),
    };
  }

  /**
   * `name` and `input` identify the request for idempotency; `run` loads and decides.
   * The result names the first stream decided on (the command's own).
   */
  async execute(
    context: CommandContext,
    name: string,
    input: unknown,
    run: (tx: CommandTransaction) => Promise<void>,
    options: CommandOptions = {},
  ): Promise<CommandResult> {
    try {
      const result = await this.admission.run(
        () => this.executeOnce(context, name, input, run, options),
        options.streamId,
      );
      this.metrics?.commands.inc({ command: name, outcome: 'ok' });
      context.logger?.debug('command', { command: name, outcome: 'ok' });
      return result;
    } catch (error) {
      const outcome = commandOutcomeOf(error);
      this.metrics?.commands.inc({ command: name, outcome });
      context.logger?.debug('command', { command: name, outcome });
      throw error;
    }
  }

  private async executeOnce(
    context: CommandContext,
    name: string,
    input: unknown,
    run: (tx: CommandTransaction) => Promise<void>,
    options: CommandOptions,
  ): Promise<CommandResult> {
    run = this.conflictRetries.counting(name, run);
    const key = context.idempotencyKey
      ? scopedIdempotencyKey(context.identity.actorId, context.idempotencyKey, context.idempotencyScope ?? name)
      : null;
    if (!key) return this.runWithRetries(context, randomUUID(), run, options);
    const requestHash = createHash('sha256')
      .update(name)
      .update('\n')
      .update(canonicalJson(input ?? null))
      .digest('hex');
    const reservation = await this.idempotency.reserve<CommandResult>(key, requestHash);
    if (reservation.kind === 'done') return reservation.result;
    if (reservation.kind === 'decided')
      return replayDecision(this.store, this.idempotency, reservation, commandIdFor(key));
    return this.runKeyed(context, reservation, run, options);
  }

  /**
   * A command under a key this attempt holds: each decision is recorded before it is
   * appended, so a retry after a crash replays it (`replayDecision`) and never decides
   * again. A command that fails before it could append releases its key, so a repeat runs
   * it afresh; once a recorded decision may have been appended, the key keeps it.
   */
  private async runKeyed(
    context: CommandContext,
    reservation: HeldReservation,
    run: (tx: CommandTransaction) => Promise<void>,
    options: CommandOptions,
  ): Promise<CommandResult> {
    let decisionMayStand = false;
    const recordThenCommit = async (tx: CommandTransaction): Promise<CommandResult> => {
      if (tx.appends.length > 0) {
        decisionMayStand = true; // a failing record may still have stored the decision
        await this.idempotency.recordDecision(reservation, tx.appends);
      }
      try {
        const result = await this.commit(tx);
        dieAfterAppendIfInjected(context.idempotencyKey);
        return result;
      } catch (error) {
        if (error instanceof VersionConflict) decisionMayStand = false; // the append was refused
        throw error;
      }
    };
    try {
      const result = await this.runWithRetries(context, commandIdFor(reservation.key), run, options, recordThenCommit);
      await this.idempotency.complete(reservation, result);
      return result;
    } catch (error) {
      if (!decisionMayStand) await this.idempotency.release(reservation);
      throw error;
    }
  }

  private async runWithRetries(
    context: CommandContext,
    commandId: string,
    run: (tx: CommandTransaction) => Promise<void>,
    options: CommandOptions,
    commit: (tx: CommandTransaction) => Promise<CommandResult> = (tx) => this.commit(tx),
  ): Promise<CommandResult> {
    const maxRetries = options.retryOnConflict ? (options.maxRetries ?? 3) : 0;
    const accessCheckReads = context.accessCheckReads?.claim(options.streamId) ?? null;
    let retries = 0;
    for (let attempt = 0; ; attempt++) {
      // A retry after a version conflict reads everything afresh.
      const first = attempt === 0;
      const tx = new CommandTransaction(
        this.store,
        context,
        commandId,
        this.states,
        this.consequences,
        first ? accessCheckReads : null,
        first,
      );
      await run(tx);
      try {
        return await commit(tx);
      } catch (error) {
        // A stream taken for new that exists is read on the next attempt, whatever the command's retries.
        if (error instanceof VersionConflict && (tx.assumedNew || retries++ < maxRetries)) continue;
        throw error;
      }
    }
  }

  private async commit(tx: CommandTransaction): Promise<CommandResult> {
    if (tx.appends.length === 0) throw new Error('the command decided no events');
    // Consequences in other streams are a process manager's (src/processManagers/).
    if (tx.appends.length > 1)
      throw new Error(
        `a command appends to one stream; this one decided on ${tx.appends.map((a) => a.streamId).join(', ')}`,
      );
    return commandResultOf(tx.appends, await this.store.appendToStreams(tx.appends));
  }
}

function isUnderRuleSet<C>(built: C | UnderRuleSet<C>): built is UnderRuleSet<C> {
  return typeof built === 'object' && built !== null && 'command' in built && 'ruleSetId' in built;
}

/** A stable command id derived from the idempotency key, stored in event metadata. */
export function commandIdFor(key: string): string {
  return nameBasedUuid(key);
}
