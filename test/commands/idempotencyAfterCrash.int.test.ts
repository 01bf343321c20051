import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { CommandHandler } from '../../src/commands/commandHandler';
import { type CommandTransaction } from '../../src/commands/commandTransaction';
import {
  IdempotencyStore,
  migrateCommandResults,
  type DecidedAppend,
  type HeldReservation,
} from '../../src/commands/idempotency';
import { Expected } from '../../src/eventStore/eventStore.port';
import type { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import type { Decider } from '../../src/shared/decider';
import { IdempotencyConflict, RuleViolation, VersionConflict } from '../../src/shared/errors';
import { commandContext } from '../support/commandContext';
import { testEvent } from '../support/events';
import { createTestLog, type TestLog } from '../support/storedLog';

// A counter whose increments may not pass the maximum a limit stream holds: the limit is
// the part of the world a command reads without appending to it.
type CounterEvent = { type: 'Incremented'; data: { by: number; total: number } };
type CounterCommand = { type: 'Increment'; data: { by: number; max: number } };
const counterDecider: Decider<CounterCommand, CounterEvent, { total: number }> = {
  streamType: 'counter',
  initialState: () => ({ total: 0 }),
  evolve: (_state, event) => ({ total: event.data.total }),
  decide: (command, state) => {
    const total = state.total + command.data.by;
    if (total > command.data.max) throw new RuleViolation('COUNTER_MAX', `total would exceed ${command.data.max}`);
    return [{ type: 'Incremented', data: { by: command.data.by, total } }];
  },
};
type LimitEvent = { type: 'LimitSet'; data: { max: number } };
const limitDecider: Decider<{ type: 'SetLimit'; data: { max: number } }, LimitEvent, { max: number }> = {
  streamType: 'limit',
  initialState: () => ({ max: 100 }),
  evolve: (_state, event) => ({ max: event.data.max }),
  decide: (command) => [{ type: 'LimitSet', data: { max: command.data.max } }],
};

/** Where the process running a command dies. */
type DeathPoint =
  'before the decision is recorded' | 'after the decision is recorded' | 'before the result is recorded';

class ProcessDied extends Error {}

/**
 * The idempotency store of a process that dies once, at `at`: the step throws there, so
 * the command goes no further, and the result it was about to record is kept for the test.
 */
class DyingIdempotencyStore extends IdempotencyStore {
  resultBeingRecorded: unknown = undefined;
  private died = false;

  constructor(
    pool: Pool,
    private readonly at: DeathPoint,
  ) {
    super(pool, { waitMs: 2_000 });
  }

  override async recordDecision(reservation: HeldReservation, decided: readonly DecidedAppend[]): Promise<void> {
    this.dieAt('before the decision is recorded');
    await super.recordDecision(reservation, decided);
    this.dieAt('after the decision is recorded');
  }

  override async complete<R>(reservation: HeldReservation, result: R): Promise<void> {
    if (!this.died) this.resultBeingRecorded = result;
    this.dieAt('before the result is recorded');
    await super.complete(reservation, result);
  }

  private dieAt(point: DeathPoint): void {
    if (point !== this.at || this.died) return;
    this.died = true;
    throw new ProcessDied(`the process died ${point}`);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Idempotency-Key after a crash', () => {
  const ABANDON_AFTER_MS = 50;
  let log: TestLog;
  let store: PostgresEventStore;
  let pool: Pool;
  let handler: CommandHandler;

  const context = (idempotencyKey: string | null = null) => commandContext({ idempotencyKey });
  /** Increments counter `id` by `by`, up to the maximum of limit `limitId` (100 while it has no events). */
  const increment = (id: string, by: number, limitId = randomUUID()) =>
    jest.fn(async (tx: CommandTransaction) => {
      const limit = await tx.load(limitDecider, limitId);
      const counter = await tx.load(counterDecider, id);
      tx.decide(counterDecider, counter, { type: 'Increment', data: { by, max: limit.state.max } });
    });
  const setLimit = (limitId: string, max: number) =>
    handler.execute(context(), 'setLimit', {}, async (tx) => {
      tx.decide(limitDecider, await tx.load(limitDecider, limitId), { type: 'SetLimit', data: { max } });
    });
  const totals = async (id: string) => (await store.readStream(`counter-${id}`)).map((e) => e.data.total);
  /** A handler in a fresh process: it takes over keys whose attempt stopped more than ABANDON_AFTER_MS ago. */
  const restarted = async () => {
    await pause(ABANDON_AFTER_MS * 2);
    return new CommandHandler(store, new IdempotencyStore(pool, { waitMs: 2_000, abandonAfterMs: ABANDON_AFTER_MS }));
  };
  /** Runs a keyed command in a process that dies at `at`. */
  const dyingAt = async (
    at: DeathPoint,
    key: string,
    input: unknown,
    run: (tx: CommandTransaction) => Promise<void>,
  ) => {
    const dying = new DyingIdempotencyStore(pool, at);
    await expect(
      new CommandHandler(store, dying).execute(context(key), 'increment', input, run),
    ).rejects.toBeInstanceOf(ProcessDied);
    return dying;
  };

  beforeAll(async () => {
    log = await createTestLog();
    ({ store } = log);
    pool = log.db.pool;
    await migrateCommandResults(pool);
    handler = new CommandHandler(store, new IdempotencyStore(pool, { waitMs: 2_000 }));
  });
  afterAll(async () => log.drop());

  it('answers a retry after the process died between the append and the result with the first result, appending nothing', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const run = increment(id, 3);
    const dying = await dyingAt('before the result is recorded', key, { id, by: 3 }, run);
    const appended = await store.readStream(`counter-${id}`);
    expect(appended.map((e) => e.data.total)).toEqual([3]);

    const retry = await (await restarted()).execute(context(key), 'increment', { id, by: 3 }, run);
    expect(retry).toEqual(dying.resultBeingRecorded);
    expect(retry).toMatchObject({ id, streamId: `counter-${id}`, version: 1, position: appended[0].position });
    expect(run).toHaveBeenCalledTimes(1);
    expect(await store.readStream(`counter-${id}`)).toEqual(appended);

    const again = await handler.execute(context(key), 'increment', { id, by: 3 }, run);
    expect(again).toEqual(retry);
    expect(await store.readStream(`counter-${id}`)).toEqual(appended);
    const { rows } = await pool.query('SELECT status, decided FROM command_results WHERE result @> $1', [
      JSON.stringify({ position: retry.position }),
    ]);
    expect(rows).toEqual([{ status: 'done', decided: null }]);
  });

  it('replays the recorded decision after the process died before appending it, though a fresh decision would be refused', async () => {
    const id = randomUUID();
    const limitId = randomUUID();
    const key = randomUUID();
    await setLimit(limitId, 10);
    await handler.execute(context(), 'increment', {}, increment(id, 5, limitId));
    const run = increment(id, 3, limitId);
    const firstContext = context(key);
    const dying = new DyingIdempotencyStore(pool, 'after the decision is recorded');
    await expect(
      new CommandHandler(store, dying).execute(firstContext, 'increment', { id, by: 3 }, run),
    ).rejects.toBeInstanceOf(ProcessDied);
    expect(await totals(id)).toEqual([5]);

    // The world changes: deciding again, the increment would pass the limit.
    await setLimit(limitId, 6);
    await expect(handler.execute(context(), 'increment', {}, increment(id, 3, limitId))).rejects.toBeInstanceOf(
      RuleViolation,
    );
    expect(await totals(id)).toEqual([5]);

    // The retry never decides again: it appends the decision the first attempt recorded, once.
    const retry = await (await restarted()).execute(context(key), 'increment', { id, by: 3 }, run);
    expect(run).toHaveBeenCalledTimes(1);
    const events = await store.readStream(`counter-${id}`);
    expect(events.map((e) => e.data.total)).toEqual([5, 8]);
    expect(events[1].metadata).toMatchObject({ correlationId: firstContext.correlationId });
    expect(retry).toEqual({
      id,
      streamId: `counter-${id}`,
      version: 2,
      position: events[1].position,
      eventTypes: ['Incremented'],
    });
    expect(await handler.execute(context(key), 'increment', { id, by: 3 }, run)).toEqual(retry);
    expect(await totals(id)).toEqual([5, 8]);
  });

  it('runs a retry normally when the process died before its decision was recorded', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const run = increment(id, 2);
    await dyingAt('before the decision is recorded', key, { id, by: 2 }, run);
    expect(await totals(id)).toEqual([]);

    const retry = await (await restarted()).execute(context(key), 'increment', { id, by: 2 }, run);
    expect(run).toHaveBeenCalledTimes(2);
    expect(retry).toMatchObject({ id, version: 1 });
    expect(await totals(id)).toEqual([2]);
  });

  it('appends nothing and answers the conflict when another writer took the version the recorded decision expects', async () => {
    const id = randomUUID();
    const key = randomUUID();
    await handler.execute(context(), 'increment', {}, increment(id, 5));
    const run = increment(id, 3);
    await dyingAt('after the decision is recorded', key, { id, by: 3 }, run);
    await store.append(`counter-${id}`, [testEvent('Incremented', { by: 1, total: 6 })], Expected.version(1));
    const before = await store.readStream(`counter-${id}`);

    const retried = (await restarted()).execute(context(key), 'increment', { id, by: 3 }, run);
    await expect(retried).rejects.toBeInstanceOf(VersionConflict);
    await expect(retried).rejects.toMatchObject({ streamId: `counter-${id}`, expected: '1', actual: 2 });
    expect(run).toHaveBeenCalledTimes(1);
    expect(await store.readStream(`counter-${id}`)).toEqual(before);

    // The command did not take effect, so its key is free: a repeat decides afresh.
    const repeat = await handler.execute(context(key), 'increment', { id, by: 3 }, run);
    expect(run).toHaveBeenCalledTimes(2);
    expect(repeat).toMatchObject({ version: 3 });
    expect(await totals(id)).toEqual([5, 6, 9]);
  });

  it('refuses to record the decision of an attempt whose key a later attempt took over, and appends once', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const slow = increment(id, 4);
    const slowRun = async (tx: CommandTransaction) => {
      await pause(ABANDON_AFTER_MS * 6);
      await slow(tx);
    };
    const first = handler.execute(context(key), 'increment', { id, by: 4 }, slowRun).catch((error: unknown) => error);
    await pause(ABANDON_AFTER_MS * 2);
    const takeover = await new CommandHandler(
      store,
      new IdempotencyStore(pool, { waitMs: 2_000, abandonAfterMs: ABANDON_AFTER_MS }),
    ).execute(context(key), 'increment', { id, by: 4 }, increment(id, 4));
    expect(await first).toBeInstanceOf(IdempotencyConflict);
    expect(takeover).toMatchObject({ id, version: 1 });
    expect(await totals(id)).toEqual([4]);
    expect(await handler.execute(context(key), 'increment', { id, by: 4 }, slowRun)).toEqual(takeover);
    expect(await totals(id)).toEqual([4]);
  });
});
