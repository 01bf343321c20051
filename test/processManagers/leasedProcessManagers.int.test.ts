// Two process-manager runners in one process on one database, each with leases of its own,
// as two instances would run them: only the holder carries consequences, the other answers
// `settle` from the database (the failure included), and takes over when the holder's
// lease connection drops.
import { randomUUID } from 'node:crypto';
import { Expected, type RecordedEvent } from '../../src/eventStore/eventStore.port';
import { Leases } from '../../src/infra/leases';
import { consequence, type ProcessManager } from '../../src/processManagers/processManager';
import { ProcessManagerRunner } from '../../src/processManagers/processManagerRunner';
import { StoredProgress } from '../../src/projections/storedProgress';
import type { Decider } from '../../src/shared/decider';
import { ConsequencesFailed } from '../../src/shared/errors';
import { testEvent } from '../support/events';
import { createTestLog, type TestLog } from '../support/storedLog';
import { until } from '../support/until';

type TallyEvent = { type: 'Added'; data: { by: number; total: number } };
type TallyCommand = { type: 'Add'; data: { by: number } };
const tallyDecider: Decider<TallyCommand, TallyEvent, { total: number }> = {
  streamType: 'tally',
  initialState: () => ({ total: 0 }),
  evolve: (_, event) => ({ total: event.data.total }),
  decide: (command, state) => [{ type: 'Added', data: { by: command.data.by, total: state.total + command.data.by } }],
};

/** The adder as one instance runs it, counting the events it handles there. */
function countingAdder(): { manager: ProcessManager; handled: () => number } {
  let handled = 0;
  const manager: ProcessManager = {
    name: 'adder',
    eventTypes: ['AddTo'],
    targetStreamTypes: ['tally'],
    consequencesOf: (event) => {
      handled++;
      const { tallyId, by } = event.data as { tallyId: string; by: number };
      if (by < 0) throw new Error(`cannot add ${by}`);
      return [consequence(tallyDecider, tallyId, () => ({ type: 'Add' as const, data: { by } }))];
    },
  };
  return { manager, handled: () => handled };
}

interface Instance {
  runner: ProcessManagerRunner;
  leases: Leases;
  handled: () => number;
  stop(): Promise<void>;
}

describe('process managers of two instances on one database', () => {
  let log: TestLog;
  const instances: Instance[] = [];
  beforeEach(async () => {
    log = await createTestLog();
  });
  afterEach(async () => {
    await Promise.all(instances.splice(0).map((i) => i.stop()));
    await log.drop();
  });

  async function startInstance(id: string): Promise<Instance> {
    const { manager, handled } = countingAdder();
    const leases = new Leases({ connectionString: log.db.url, instanceId: id, retryIntervalMs: 100 });
    const tracked = [{ kind: 'process-manager' as const, name: manager.name, types: manager.eventTypes }];
    const progress = new StoredProgress(log.db.pool, log.store, tracked, {
      listenUrl: log.db.url,
      pollIntervalMs: 200,
    });
    const runner = new ProcessManagerRunner(log.db.pool, log.store, [manager], {
      idleWaitMs: 20,
      instances: { leases, progress },
    });
    await runner.start();
    await progress.start();
    const instance = {
      runner,
      leases,
      handled,
      stop: async () => {
        await runner.stop();
        await leases.stop();
        await progress.stop();
      },
    };
    instances.push(instance);
    return instance;
  }

  const cause = async (tallyId: string, by: number): Promise<RecordedEvent> =>
    (await log.store.append(`cause-${randomUUID()}`, [testEvent('AddTo', { tallyId, by })], Expected.noStream))
      .events[0];
  const totals = async (id: string) => (await log.store.readStream(`tally-${id}`)).map((e) => e.data.total);

  it('carries on one instance only, and on the other once the holder loses its lease', async () => {
    const a = await startInstance('instance-a');
    const b = await startInstance('instance-b');
    const id = randomUUID();
    const first = await cause(id, 2);
    const settledOnB = await b.runner.settle(first.position, 10_000);
    expect(settledOnB).not.toBeNull();
    expect(await a.runner.settle(first.position, 10_000)).not.toBeNull();
    const carried = await log.store.readStream(`tally-${id}`);
    // The follower's answer covers the consequence the leader appended.
    expect(BigInt(settledOnB!)).toBeGreaterThanOrEqual(BigInt(carried[0].position));
    expect(b.runner.status()[0]).toMatchObject({ name: 'adder', state: 'running', holder: 'instance-a' });
    expect([a.handled(), b.handled()]).toEqual([1, 0]);

    await log.db.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tdkt-lease instance-a'`,
    );
    await until('the second instance holds the lease', () => b.leases.holds('process-manager', 'adder'));
    const second = await cause(id, 3);
    expect(await b.runner.settle(second.position, 10_000)).not.toBeNull();
    expect(await a.runner.settle(second.position, 10_000)).not.toBeNull();
    expect(await totals(id)).toEqual([2, 5]);
    expect(b.handled()).toBeGreaterThanOrEqual(1);
    await until('the first instance names the new holder', () => a.runner.status()[0]!.holder === 'instance-b');
  }, 30_000);

  it('answers a wait past a failure on the instance that does not run the manager', async () => {
    const a = await startInstance('instance-a');
    const b = await startInstance('instance-b');
    const broken = await cause(randomUUID(), -1);
    await expect(a.runner.settle(broken.position, 10_000)).rejects.toBeInstanceOf(ConsequencesFailed);
    await expect(b.runner.settle(broken.position, 10_000)).rejects.toMatchObject({
      code: 'PROCESS_MANAGER_FAILED',
      extensions: { processManager: 'adder', position: broken.position },
    });
    expect(b.runner.status()[0]).toMatchObject({
      state: 'failed',
      failedPosition: broken.position,
      holder: 'instance-a',
    });
  }, 30_000);
});
