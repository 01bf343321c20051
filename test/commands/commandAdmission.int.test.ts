import { randomUUID } from 'node:crypto';
import { CommandAdmission } from '../../src/commands/commandAdmission';
import { CommandHandler } from '../../src/commands/commandHandler';
import { type CommandTransaction } from '../../src/commands/commandTransaction';
import { IdempotencyStore, migrateCommandResults } from '../../src/commands/idempotency';
import type { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { ServiceBusy } from '../../src/shared/errors';
import { commandContext, tickDecider } from '../support/commandContext';
import { createTestLog, type TestLog } from '../support/storedLog';

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('command admission: at most so many commands decide at once, the rest wait in order', () => {
  let log: TestLog;
  let store: PostgresEventStore;
  const context = () => commandContext();
  /** A tick that records when it started deciding, and waits for `held` before it decides. */
  const tick =
    (id: string, started: string[], name: string, held: Promise<void> = Promise.resolve()) =>
    async (tx: CommandTransaction) => {
      started.push(name);
      await held;
      tx.decide(tickDecider, await tx.load(tickDecider, id), { type: 'Tick' });
    };

  const handlerAdmitting = (admission: CommandAdmission) =>
    new CommandHandler(store, new IdempotencyStore(log.db.pool), null, null, admission);

  beforeAll(async () => {
    log = await createTestLog();
    store = log.store;
    await migrateCommandResults(log.db.pool);
  });
  afterAll(async () => log.drop());

  it('starts a waiting command only once a deciding one is done, in arrival order', async () => {
    const handler = handlerAdmitting(new CommandAdmission(1, 5));
    const id = randomUUID();
    const started: string[] = [];
    const first = gate();
    const running = [
      handler.execute(context(), 'tick', {}, tick(id, started, 'first', first.opened)),
      handler.execute(context(), 'tick', {}, tick(id, started, 'second')),
      handler.execute(context(), 'tick', {}, tick(id, started, 'third')),
    ];
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toEqual(['first']);
    first.open();
    await Promise.all(running);
    expect(started).toEqual(['first', 'second', 'third']);
    // Each decided on the one before it: no version race was lost.
    expect((await store.readStream(`tick-${id}`)).map((e) => e.data.count)).toEqual([1, 2, 3]);
  });

  it('refuses a command with SERVICE_BUSY while the queue is full, and appends nothing for it', async () => {
    const handler = handlerAdmitting(new CommandAdmission(1, 1));
    const [held, refusedId] = [randomUUID(), randomUUID()];
    const started: string[] = [];
    const first = gate();
    const deciding = handler.execute(context(), 'tick', {}, tick(held, started, 'deciding', first.opened));
    const waiting = handler.execute(context(), 'tick', {}, tick(held, started, 'waiting'));
    const refused = handler.execute(context(), 'tick', {}, tick(refusedId, started, 'refused'));
    await expect(refused).rejects.toBeInstanceOf(ServiceBusy);
    await expect(refused).rejects.toMatchObject({ code: 'SERVICE_BUSY', extensions: { retryable: true } });
    first.open();
    await Promise.all([deciding, waiting]);
    expect(started).toEqual(['deciding', 'waiting']);
    expect(await store.readStream(`tick-${refusedId}`)).toEqual([]);
    expect(await store.readStream(`tick-${held}`)).toHaveLength(2);
  });

  describe('commands on one stream take turns', () => {
    /** A Tick on `id` through `on`, which names its stream: it waits for `held` after loading. */
    const tickOn =
      (handler: CommandHandler, id: string, started: string[], name: string, held: Promise<void> = Promise.resolve()) =>
      () =>
        handler.on(tickDecider, id).decide(context(), 'tick', {}, async () => {
          started.push(name);
          await held;
          return { type: 'Tick' };
        });

    it('decides each on the one before it, so none loses a version race it may not retry', async () => {
      const handler = handlerAdmitting(new CommandAdmission(8, 10));
      const id = randomUUID();
      const started: string[] = [];
      const first = gate();
      const running = [
        tickOn(handler, id, started, 'first', first.opened)(),
        tickOn(handler, id, started, 'second')(),
        tickOn(handler, id, started, 'third')(),
      ];
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Eight places are free, yet the second waits for the first to append.
      expect(started).toEqual(['first']);
      first.open();
      const results = await Promise.all(running);
      expect(results.map((r) => r.version)).toEqual([1, 2, 3]);
      expect((await store.readStream(`tick-${id}`)).map((e) => e.data.count)).toEqual([1, 2, 3]);
      expect(handler.conflictRetries.snapshot()).toEqual({});
    });

    it('keeps no place for a command waiting for its stream: another stream decides meanwhile', async () => {
      const admission = new CommandAdmission(2, 10);
      const handler = handlerAdmitting(admission);
      const [busy, other] = [randomUUID(), randomUUID()];
      const started: string[] = [];
      const first = gate();
      const deciding = tickOn(handler, busy, started, 'deciding', first.opened)();
      const waiting = tickOn(handler, busy, started, 'waiting')();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(admission.load).toEqual({ deciding: 1, waiting: 1 });
      await expect(tickOn(handler, other, started, 'other')()).resolves.toMatchObject({ version: 1 });
      expect(started).toEqual(['deciding', 'other']);
      first.open();
      await Promise.all([deciding, waiting]);
      expect(admission.load).toEqual({ deciding: 0, waiting: 0 });
    });

    it('counts commands waiting for their stream in the queue it bounds, and appends nothing for the refused', async () => {
      const handler = handlerAdmitting(new CommandAdmission(4, 1));
      const [busy, refusedId] = [randomUUID(), randomUUID()];
      const started: string[] = [];
      const first = gate();
      const deciding = tickOn(handler, busy, started, 'deciding', first.opened)();
      const waiting = tickOn(handler, busy, started, 'waiting')();
      await expect(tickOn(handler, refusedId, started, 'refused')()).rejects.toMatchObject({ code: 'SERVICE_BUSY' });
      first.open();
      await Promise.all([deciding, waiting]);
      expect(await store.readStream(`tick-${refusedId}`)).toEqual([]);
      expect(await store.readStream(`tick-${busy}`)).toHaveLength(2);
    });
  });
});
