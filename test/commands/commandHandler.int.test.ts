import { randomUUID } from 'node:crypto';
import { CommandHandler } from '../../src/commands/commandHandler';
import { IdempotencyStore, migrateCommandResults } from '../../src/commands/idempotency';
import { Expected } from '../../src/eventStore/eventStore.port';
import type { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import type { Decider } from '../../src/shared/decider';
import { IdempotencyConflict, RuleViolation, VersionConflict } from '../../src/shared/errors';
import type { TestDatabase } from '../support/database';
import { commandContext } from '../support/commandContext';
import { testEvent } from '../support/events';
import { createTestLog, type TestLog } from '../support/storedLog';

// A small counter stream: enough to exercise the handler without the domain.
type CounterEvent = { type: 'Incremented'; data: { by: number; total: number } };
type CounterCommand = { type: 'Increment'; data: { by: number; max: number } };
const counterDecider: Decider<CounterCommand, CounterEvent, { total: number }> = {
  streamType: 'counter',
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: event.data.total }),
  decide: (command, state) => {
    const total = state.total + command.data.by;
    if (total > command.data.max) throw new RuleViolation('COUNTER_MAX', `total would exceed ${command.data.max}`);
    return [{ type: 'Incremented', data: { by: command.data.by, total } }];
  },
};

describe('CommandHandler', () => {
  let log: TestLog;
  let db: TestDatabase;
  let store: PostgresEventStore;
  let handler: CommandHandler;

  const context = commandContext;
  const increment =
    (id: string, by: number, max = 100) =>
    async (tx: import('../../src/commands/commandTransaction').CommandTransaction) => {
      const counter = await tx.load(counterDecider, id);
      tx.decide(counterDecider, counter, { type: 'Increment', data: { by, max } });
    };

  beforeAll(async () => {
    log = await createTestLog();
    ({ db, store } = log);
    await migrateCommandResults(db.pool);
    handler = new CommandHandler(store, new IdempotencyStore(db.pool, { waitMs: 2_000 }));
  });
  afterAll(async () => log.drop());

  it('appends the decided events with the request identity in their metadata', async () => {
    const id = randomUUID();
    const ctx = context();
    const result = await handler.execute(ctx, 'increment', { id, by: 2 }, increment(id, 2));
    expect(result).toMatchObject({ id, streamId: `counter-${id}`, version: 1, eventTypes: ['Incremented'] });
    const [event] = await store.readStream(`counter-${id}`);
    expect(event.position).toBe(result.position);
    expect(event.metadata).toMatchObject({
      actorId: 'officer-1',
      role: 'SECRETARIAT',
      unitId: 'unit-9',
      correlationId: ctx.correlationId,
      recordedAt: '2024-03-01T08:00:00.000Z',
      ruleSetId: null,
    });
  });

  it('appends nothing when the decider refuses', async () => {
    const id = randomUUID();
    await handler.execute(context(), 'increment', {}, increment(id, 5, 10));
    await expect(handler.execute(context(), 'increment', {}, increment(id, 6, 10))).rejects.toBeInstanceOf(
      RuleViolation,
    );
    expect((await store.readStream(`counter-${id}`)).map((e) => e.data.total)).toEqual([5]);
  });

  it('answers a version conflict when the command does not allow retries', async () => {
    const id = randomUUID();
    await handler.execute(context(), 'increment', {}, increment(id, 1));
    const racing = handler.execute(context(), 'increment', {}, async (tx) => {
      const counter = await tx.load(counterDecider, id);
      await store.append(`counter-${id}`, [testEvent('Incremented', { by: 1, total: 2 })], Expected.any); // someone else wins
      tx.decide(counterDecider, counter, { type: 'Increment', data: { by: 1, max: 100 } });
    });
    await expect(racing).rejects.toBeInstanceOf(VersionConflict);
    expect(await store.readStream(`counter-${id}`)).toHaveLength(2);
  });

  it('retries a bounded number of times on conflict when the command allows it', async () => {
    const id = randomUUID();
    await handler.execute(context(), 'increment', {}, increment(id, 1));
    let attempts = 0;
    const run = async (tx: import('../../src/commands/commandTransaction').CommandTransaction, conflicts: number) => {
      attempts++;
      const counter = await tx.load(counterDecider, id);
      if (attempts <= conflicts)
        await store.append(
          `counter-${id}`,
          [testEvent('Incremented', { by: 0, total: counter.state.total })],
          Expected.any,
        );
      tx.decide(counterDecider, counter, { type: 'Increment', data: { by: 1, max: 100 } });
    };
    const ok = await handler.execute(context(), 'increment', {}, (tx) => run(tx, 2), {
      retryOnConflict: true,
      maxRetries: 3,
    });
    expect(attempts).toBe(3);
    expect(ok.version).toBe(4);

    attempts = 0;
    const failing = handler.execute(context(), 'increment', {}, (tx) => run(tx, 10), {
      retryOnConflict: true,
      maxRetries: 3,
    });
    await expect(failing).rejects.toBeInstanceOf(VersionConflict);
    expect(attempts).toBe(4);
  });

  it('returns the first result for a repeated Idempotency-Key and appends nothing', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const first = await handler.execute(context({ idempotencyKey: key }), 'increment', { id, by: 3 }, increment(id, 3));
    const again = await handler.execute(context({ idempotencyKey: key }), 'increment', { id, by: 3 }, increment(id, 3));
    expect(again).toEqual(first);
    expect(await store.readStream(`counter-${id}`)).toHaveLength(1);
    await expect(
      handler.execute(context({ idempotencyKey: key }), 'increment', { id, by: 4 }, increment(id, 4)),
    ).rejects.toBeInstanceOf(IdempotencyConflict);
    expect(await store.readStream(`counter-${id}`)).toHaveLength(1);
  });

  it('runs concurrent repeats of one Idempotency-Key once', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        handler.execute(context({ idempotencyKey: key }), 'increment', { id }, increment(id, 1)),
      ),
    );
    expect(new Set(results.map((r) => r.position)).size).toBe(1);
    expect(await store.readStream(`counter-${id}`)).toHaveLength(1);
  });

  it('lets a failed command be retried with the same Idempotency-Key', async () => {
    const id = randomUUID();
    const key = randomUUID();
    await handler.execute(context(), 'increment', {}, increment(id, 9, 10));
    await expect(
      handler.execute(context({ idempotencyKey: key }), 'increment', {}, increment(id, 2, 10)),
    ).rejects.toBeInstanceOf(RuleViolation);
    const retried = await handler.execute(context({ idempotencyKey: key }), 'increment', {}, increment(id, 1, 10));
    expect(retried.version).toBe(2);
  });

  it('refuses a command that decided on two streams, appending nothing', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const both = handler.execute(context(), 'pair', {}, async (tx) => {
      tx.decide(counterDecider, await tx.load(counterDecider, a), { type: 'Increment', data: { by: 1, max: 10 } });
      tx.decide(counterDecider, await tx.load(counterDecider, b), { type: 'Increment', data: { by: 2, max: 10 } });
    });
    await expect(both).rejects.toThrow(/a command appends to one stream/);
    expect(await store.readStream(`counter-${a}`)).toEqual([]);
    expect(await store.readStream(`counter-${b}`)).toEqual([]);
  });

  it('folds only the events appended since it last loaded a stream, including those of other writers', async () => {
    // A running sum: folding any event twice, or missing one, changes the total.
    type SumEvent = { type: 'Added'; data: { by: number } };
    const sumDecider: Decider<{ type: 'Add'; data: { by: number } }, SumEvent, { sum: number; count: number }> = {
      streamType: 'sum',
      initialState: () => ({ sum: 0, count: 0 }),
      evolve: (state, event) => ({ sum: state.sum + event.data.by, count: state.count + 1 }),
      decide: (command, state) => [{ type: 'Added', data: { by: command.data.by + state.sum * 0 } }],
    };
    const readsFrom: number[] = [];
    const spied = new Proxy(store, {
      get: (target, key) =>
        key === 'readStream'
          ? (streamId: string, options?: { fromVersion?: number }) => {
              readsFrom.push(options?.fromVersion ?? 1);
              return target.readStream(streamId, options);
            }
          : Reflect.get(target, key, target),
    });
    const own = new CommandHandler(spied, new IdempotencyStore(db.pool));
    const id = randomUUID();
    const states: Array<{ sum: number; count: number }> = [];
    const add = (by: number) => async (tx: import('../../src/commands/commandTransaction').CommandTransaction) => {
      const loaded = await tx.load(sumDecider, id);
      states.push(loaded.state);
      tx.decide(sumDecider, loaded, { type: 'Add', data: { by } });
    };
    await own.execute(context(), 'add', {}, add(1));
    await own.execute(context(), 'add', {}, add(2));
    await store.append(`sum-${id}`, [{ ...testEvent('Added', { by: 10 }) }], Expected.version(2)); // another process
    await own.execute(context(), 'add', {}, add(3));
    await own.execute(context(), 'add', {}, add(4));

    expect(states).toEqual([
      { sum: 0, count: 0 },
      { sum: 1, count: 1 },
      { sum: 13, count: 3 },
      { sum: 16, count: 4 },
    ]);
    // An empty stream caches nothing; then each load reads only past the version it folded last.
    expect(readsFrom).toEqual([1, 1, 2, 4]);
    expect((await store.readStream(`sum-${id}`)).map((e) => e.data.by)).toEqual([1, 2, 10, 3, 4]);
  });

  describe('on / onExisting: one stream loaded, its command built, decided', () => {
    // A stream with a status, as every domain stream has: NONE until it is opened.
    type TallyState = { status: 'NONE' } | { status: 'OPEN'; count: number };
    type TallyCommand = { type: 'Open'; data: { id: string } } | { type: 'Count'; data: { count: number } };
    type TallyEvent = { type: 'Opened'; data: { id: string } } | { type: 'Counted'; data: { count: number } };
    const tallyDecider: Decider<TallyCommand, TallyEvent, TallyState> = {
      streamType: 'tally',
      initialState: () => ({ status: 'NONE' }),
      evolve: (state, event) =>
        event.type === 'Opened' ? { status: 'OPEN', count: 0 } : { status: 'OPEN', count: event.data.count },
      decide: (command) =>
        command.type === 'Open' ? [{ type: 'Opened', data: command.data }] : [{ type: 'Counted', data: command.data }],
    };

    it('decides on a new stream, the builder seeing its state and the transaction', async () => {
      const id = randomUUID();
      const seen: TallyState[] = [];
      const result = await handler.on(tallyDecider, id).decide(context(), 'open', { id }, (tx, tally) => {
        seen.push(tally.state);
        expect(tx.nowIso).toBe('2024-03-01T08:00:00.000Z');
        return { type: 'Open', data: { id } };
      });
      expect(seen).toEqual([{ status: 'NONE' }]);
      expect(result).toMatchObject({ id, streamId: `tally-${id}`, version: 1, eventTypes: ['Opened'] });
      expect((await store.readStream(`tally-${id}`))[0].metadata.ruleSetId).toBeNull();
    });

    it('answers NOT_FOUND naming the entity for a stream that must exist, builds and appends nothing', async () => {
      const id = randomUUID();
      const build = jest.fn(() => ({ type: 'Count' as const, data: { count: 1 } }));
      const refused = handler.onExisting(tallyDecider, id, 'Tally').decide(context(), 'count', {}, build);
      await expect(refused).rejects.toMatchObject({ code: 'NOT_FOUND', entity: 'Tally', id });
      expect(build).not.toHaveBeenCalled();
      expect(await store.readStream(`tally-${id}`)).toEqual([]);
    });

    it('gives the builder of an existing stream its state, and records the rule set the builder names', async () => {
      const id = randomUUID();
      await handler.on(tallyDecider, id).decide(context(), 'open', {}, () => ({ type: 'Open', data: { id } }));
      const result = await handler
        .onExisting(tallyDecider, id, 'Tally')
        .decide(context(), 'count', {}, (_tx, tally) => ({
          command: { type: 'Count', data: { count: tally.state.count + 1 } },
          ruleSetId: 'rules-2024',
        }));
      expect(result).toMatchObject({ version: 2, eventTypes: ['Counted'] });
      const [, counted] = await store.readStream(`tally-${id}`);
      expect(counted.data).toEqual({ count: 1 });
      expect(counted.metadata.ruleSetId).toBe('rules-2024');
    });
  });
});
