import { randomUUID } from 'node:crypto';
import { AccessCheckReads } from '../../src/commands/accessCheckReads';
import { CommandHandler, type CommandContext } from '../../src/commands/commandHandler';
import { IdempotencyStore, migrateCommandResults } from '../../src/commands/idempotency';
import { Expected } from '../../src/eventStore/eventStore.port';
import type { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { commandContext, tickDecider } from '../support/commandContext';
import { testEvent } from '../support/events';
import { createTestLog, type TestLog } from '../support/storedLog';

describe("a command decides on the facts its mutation's access check read", () => {
  let log: TestLog;
  let store: PostgresEventStore;
  let handler: CommandHandler;

  beforeAll(async () => {
    log = await createTestLog();
    store = log.store;
    await migrateCommandResults(log.db.pool);
    handler = new CommandHandler(store, new IdempotencyStore(log.db.pool));
  });
  afterAll(async () => log.drop());
  afterEach(() => jest.restoreAllMocks());

  const tick = (id: string, context: CommandContext = commandContext()) =>
    handler.on(tickDecider, id).decide(context, 'tick', {}, () => ({ type: 'Tick' }));

  /** A tick on `own` that notes the count of `fact` as its transaction loads it. */
  const tickSeeing = (own: string, fact: string, seen: number[], context: CommandContext) =>
    handler.on(tickDecider, own).decide(context, 'tick', {}, async (tx) => {
      seen.push((await tx.load(tickDecider, fact)).state.count);
      return { type: 'Tick' as const };
    });

  const streamReads = (spy: jest.SpyInstance, streamId: string) =>
    spy.mock.calls.filter(([read]) => read === streamId).length;

  it('takes a fact stream as the access check read it, without reading it again', async () => {
    const [own, fact] = [randomUUID(), randomUUID()];
    await tick(fact);
    const reads = new AccessCheckReads();
    expect((await handler.currentState(tickDecider, fact, reads)).count).toBe(1);
    await tick(fact); // appended after the check: the command still decides on what was authorized
    const readStream = jest.spyOn(store, 'readStream');
    const seen: number[] = [];
    await tickSeeing(own, fact, seen, commandContext({ accessCheckReads: reads }));
    expect(seen).toEqual([1]);
    expect(streamReads(readStream, `tick-${fact}`)).toBe(0);
    expect(streamReads(readStream, `tick-${own}`)).toBe(1);
  });

  it('reads its own stream afresh when its turn comes, also when the access check read it', async () => {
    const own = randomUUID();
    await tick(own);
    const reads = new AccessCheckReads();
    await handler.currentState(tickDecider, own, reads);
    await tick(own);
    await tick(own, commandContext({ accessCheckReads: reads }));
    expect((await store.readStream(`tick-${own}`)).map((e) => e.data.count)).toEqual([1, 2, 3]);
  });

  it("gives the reads to the mutation's first command only: a second one reads what the first appended", async () => {
    const [own, fact] = [randomUUID(), randomUUID()];
    await tick(fact);
    const reads = new AccessCheckReads();
    await handler.currentState(tickDecider, fact, reads);
    const context = commandContext({ accessCheckReads: reads });
    const seen: number[] = [];
    await tickSeeing(own, fact, seen, context);
    await tick(fact, context);
    await tickSeeing(own, fact, seen, context);
    expect(seen).toEqual([1, 2]);
  });

  it('reads everything afresh when it decides again after a version conflict', async () => {
    const [own, fact] = [randomUUID(), randomUUID()];
    await tick(fact);
    const reads = new AccessCheckReads();
    await handler.currentState(tickDecider, fact, reads);
    await tick(fact);
    const seen: number[] = [];
    await handler.on(tickDecider, own).decide(
      commandContext({ accessCheckReads: reads }),
      'tick',
      {},
      async (tx) => {
        seen.push((await tx.load(tickDecider, fact)).state.count);
        // Another writer appends to the command's stream before its first append: that one conflicts.
        if (seen.length === 1) await store.append(`tick-${own}`, [testEvent('Ticked', { count: 1 })], Expected.any);
        return { type: 'Tick' as const };
      },
      { retryOnConflict: true },
    );
    expect(seen).toEqual([1, 2]);
    expect((await store.readStream(`tick-${own}`)).map((e) => e.data.count)).toEqual([1, 2]);
  });

  it('reads without them when the access check read nothing, and keeps no read made after the command claimed them', async () => {
    const [own, fact] = [randomUUID(), randomUUID()];
    await tick(fact);
    const reads = new AccessCheckReads();
    const seen: number[] = [];
    await tickSeeing(own, fact, seen, commandContext({ accessCheckReads: reads }));
    await handler.currentState(tickDecider, fact, reads);
    expect(seen).toEqual([1]);
    expect(reads.get(tickDecider, `tick-${fact}`)).toBeUndefined();
  });
});
