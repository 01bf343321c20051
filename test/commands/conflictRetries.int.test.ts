import { randomUUID } from 'node:crypto';
import type { CommandHandler } from '../../src/commands/commandHandler';
import { type CommandTransaction } from '../../src/commands/commandTransaction';
import { Expected } from '../../src/eventStore/eventStore.port';
import type { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { VersionConflict } from '../../src/shared/errors';
import { commandContext, tickDecider, createCommandLog, type CommandLog } from '../support/commandContext';
import { testEvent } from '../support/events';

describe('the command handler’s count of retried version conflicts', () => {
  let log: CommandLog;
  let store: PostgresEventStore;
  let handler: CommandHandler;
  const context = (idempotencyKey: string | null = null) => commandContext({ idempotencyKey });
  /** A tick that loses the race to another writer on its first `losses` attempts. */
  const tickLosing = (id: string, losses: number) => {
    let attempts = 0;
    return async (tx: CommandTransaction) => {
      const stream = await tx.load(tickDecider, id);
      if (attempts++ < losses)
        await store.append(`tick-${id}`, [testEvent('Ticked', { count: stream.state.count })], Expected.any);
      tx.decide(tickDecider, stream, { type: 'Tick' });
    };
  };

  beforeAll(async () => {
    log = await createCommandLog();
    ({ store, handler } = log);
  });
  afterAll(async () => log.drop());

  it('counts each retry under the command’s name, with or without an idempotency key', async () => {
    const retry = { retryOnConflict: true, maxRetries: 3 };
    await handler.execute(context(), 'tick', {}, tickLosing(randomUUID(), 2), retry);
    await handler.execute(context(randomUUID()), 'tick', {}, tickLosing(randomUUID(), 1), retry);
    await handler.execute(context(), 'tock', {}, tickLosing(randomUUID(), 1), retry);
    await handler.execute(context(), 'tock', {}, tickLosing(randomUUID(), 0), retry);
    expect(handler.conflictRetries.snapshot()).toEqual({ tick: 3, tock: 1 });
  });

  it('counts the retries of a command whose conflict surfaces, and none for a command not allowed to retry', async () => {
    const before = handler.conflictRetries.snapshot();
    const id = randomUUID();
    await expect(
      handler.execute(context(), 'giveUp', {}, tickLosing(id, 10), { retryOnConflict: true, maxRetries: 2 }),
    ).rejects.toBeInstanceOf(VersionConflict);
    await expect(handler.execute(context(), 'once', {}, tickLosing(randomUUID(), 1))).rejects.toBeInstanceOf(
      VersionConflict,
    );
    expect(handler.conflictRetries.snapshot()).toEqual({ ...before, giveUp: 2 });
    // Only the other writer's events are in the stream: the command appended nothing.
    expect((await store.readStream(`tick-${id}`)).map((e) => e.data.count)).toEqual([0, 0, 0]);
  });
});
