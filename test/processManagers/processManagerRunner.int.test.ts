import { randomUUID } from 'node:crypto';
import { Expected, type RecordedEvent } from '../../src/eventStore/eventStore.port';
import { carryConsequence } from '../../src/processManagers/carryConsequence';
import { consequence, type ProcessManager } from '../../src/processManagers/processManager';
import { ProcessManagerRunner } from '../../src/processManagers/processManagerRunner';
import type { Decider } from '../../src/shared/decider';
import { ConsequencesFailed, RuleViolation } from '../../src/shared/errors';
import { testEvent } from '../support/events';
import { createTestLog, type TestLog } from '../support/storedLog';

// A tally stream: a cause names the tally and how much to add; the tally refuses to pass 10.
type TallyEvent = { type: 'Added'; data: { by: number; total: number } };
type TallyCommand = { type: 'Add'; data: { by: number } };
const tallyDecider: Decider<TallyCommand, TallyEvent, { total: number }> = {
  streamType: 'tally',
  initialState: () => ({ total: 0 }),
  evolve: (_, event) => ({ total: event.data.total }),
  decide: (command, state) => {
    const total = state.total + command.data.by;
    if (total > 10) throw new RuleViolation('TALLY_FULL', `total would exceed 10`);
    return [{ type: 'Added', data: { by: command.data.by, total } }];
  },
};

const adder: ProcessManager = {
  name: 'adder',
  eventTypes: ['AddTo'],
  targetStreamTypes: ['tally'],
  consequencesOf: (event) => {
    const { tallyId, by } = event.data as { tallyId: string; by: number };
    if (by < 0) throw new Error(`cannot add ${by}`);
    return [consequence(tallyDecider, tallyId, () => ({ type: 'Add' as const, data: { by } }))];
  },
};

describe('process managers', () => {
  let log: TestLog;
  beforeAll(async () => {
    log = await createTestLog();
  });
  afterAll(async () => log.drop());

  const cause = async (tallyId: string, by: number): Promise<RecordedEvent> => {
    const appended = await log.store.append(
      `cause-${randomUUID()}`,
      [testEvent('AddTo', { tallyId, by })],
      Expected.noStream,
    );
    return appended.events[0];
  };
  const tally = (id: string) => log.store.readStream(`tally-${id}`);
  const runner = () => new ProcessManagerRunner(log.db.pool, log.store, [adder], { idleWaitMs: 20 });

  it('carries a consequence once: carried again (a restart), the target already records its cause', async () => {
    const id = randomUUID();
    const event = await cause(id, 3);
    const target = adder.consequencesOf(event)[0];
    const first = await carryConsequence(log.store, adder.name, event, target);
    const again = await carryConsequence(log.store, adder.name, event, target);
    expect(first.kind).toBe('appended');
    expect(again).toMatchObject({ kind: 'carried_before', position: (first as { position: string }).position });
    const events = await tally(id);
    expect(events).toHaveLength(1);
    expect(events[0].metadata).toMatchObject({
      causationId: `${event.streamId}@1`,
      correlationId: event.metadata.correlationId,
      actorId: event.metadata.actorId,
      recordedAt: event.metadata.recordedAt,
    });
  });

  it('answers a declined consequence with the refusal and appends nothing', async () => {
    const id = randomUUID();
    const event = await cause(id, 11);
    const outcome = await carryConsequence(log.store, adder.name, event, adder.consequencesOf(event)[0]);
    expect(outcome).toMatchObject({ kind: 'declined', code: 'TALLY_FULL' });
    expect(await tally(id)).toEqual([]);
  });

  it('runs from its checkpoint: read-your-writes covers the consequences, a restart carries nothing twice', async () => {
    const id = randomUUID();
    const events = [await cause(id, 2), await cause(id, 3)];
    const first = runner();
    await first.start();
    const settled = await first.settle(events[1].position, 10_000);
    expect(settled).not.toBeNull();
    const carried = await tally(id);
    expect(carried.map((e) => e.data.total)).toEqual([2, 5]);
    expect(BigInt(settled!)).toBeGreaterThanOrEqual(BigInt(carried[1].position));
    await first.stop();

    const again = runner();
    await again.start();
    const more = await cause(id, 1);
    expect(await again.settle(more.position, 10_000)).not.toBeNull();
    expect((await tally(id)).map((e) => e.data.total)).toEqual([2, 5, 6]);
    await again.stop();
  });

  it('stops a process manager at an event it cannot handle, and answers waiters with the failure', async () => {
    const id = randomUUID();
    const broken = await cause(id, -1);
    const running = runner();
    await running.start();
    await expect(running.settle(broken.position, 10_000)).rejects.toBeInstanceOf(ConsequencesFailed);
    expect(running.status()[0]).toMatchObject({
      name: 'adder',
      state: 'failed',
      failedPosition: broken.position,
      error: expect.stringContaining('cannot add -1'),
    });
    await running.stop();
  });
});
