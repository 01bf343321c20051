import { MAX_POSITION_WAITERS, PositionWaiters } from '../../src/projections/positionWaiters';
import { ProjectionStatusResolver } from '../../src/projectionStatus/projectionStatus.resolver';
import { ServiceBusy } from '../../src/shared/errors';
import type { GraphQLContext } from '../../src/graphql/context';

describe('PositionWaiters', () => {
  let head = 10n;
  const reached = (position: string) => head >= BigInt(position);

  beforeEach(() => {
    head = 10n;
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('answers true at once for a position already reached, and once a later check finds it reached', async () => {
    const waiters = new PositionWaiters(reached);
    await expect(waiters.wait('10', 1_000)).resolves.toBe(true);
    const later = waiters.wait('12', 1_000);
    head = 11n;
    waiters.check();
    expect(waiters.size).toBe(1);
    head = 12n;
    waiters.check();
    await expect(later).resolves.toBe(true);
    expect(waiters.size).toBe(0);
  });

  it('answers false when the time is up, and for no time at all', async () => {
    const waiters = new PositionWaiters(reached);
    await expect(waiters.wait('11', 0)).resolves.toBe(false);
    const waiting = waiters.wait('11', 30_000);
    jest.advanceTimersByTime(29_999);
    expect(waiters.size).toBe(1);
    jest.advanceTimersByTime(1);
    await expect(waiting).resolves.toBe(false);
    expect(waiters.size).toBe(0);
  });

  it('refuses the waiter past its capacity with SERVICE_BUSY, and takes one again once a place is free', async () => {
    const waiters = new PositionWaiters(reached, 3);
    const waiting = [waiters.wait('20', 5_000), waiters.wait('20', 5_000), waiters.wait('11', 5_000)];
    const refused = await waiters.wait('20', 5_000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceBusy);
    expect((refused as ServiceBusy).code).toBe('SERVICE_BUSY');
    head = 11n;
    waiters.check();
    await expect(waiting[2]).resolves.toBe(true);
    const again = waiters.wait('20', 5_000);
    expect(waiters.size).toBe(3);
    waiters.stop();
    await expect(Promise.all([...waiting.slice(0, 2), again])).resolves.toEqual([false, false, false]);
  });

  it('lets 1,000 callers wait per process by default', async () => {
    const waiters = new PositionWaiters(reached);
    const waiting = Array.from({ length: MAX_POSITION_WAITERS }, () => waiters.wait('99', 1_000));
    await expect(waiters.wait('99', 1_000)).rejects.toBeInstanceOf(ServiceBusy);
    waiters.stop();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set([false]));
  });
});

describe('projectionsCaughtUp', () => {
  it('waits at most 30 s, whatever timeoutMs asks for', async () => {
    const asked: number[] = [];
    const context = {
      services: {
        projections: { waitForPosition: async (_: string, timeoutMs: number) => (asked.push(timeoutMs), false) },
        processManagers: { settle: async (position: string) => position },
      },
    } as unknown as GraphQLContext;
    const resolver = new ProjectionStatusResolver();
    await resolver.projectionsCaughtUp('42', 600_000, context);
    await resolver.projectionsCaughtUp('42', null, context);
    // What is left of the budget when the read models are asked: the process managers' wait came first.
    expect(asked).toHaveLength(2);
    expect(asked[0]).toBeLessThanOrEqual(30_000);
    expect(asked[0]).toBeGreaterThan(29_000);
    expect(asked[1]).toBeLessThanOrEqual(5_000);
    expect(asked[1]).toBeGreaterThan(4_000);
  });
});
