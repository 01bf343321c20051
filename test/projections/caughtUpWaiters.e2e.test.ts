import { Expected } from '../../src/eventStore/eventStore.port';
import { MAX_POSITION_WAITERS } from '../../src/projections/positionWaiters';
import { startTestApp, type TestApp } from '../support/app';
import { testEvent, uniqueStream } from '../support/events';
import { until } from '../support/until';

const ALIASES = 10;
const WAIT = `query($p: String!) { ${Array.from({ length: ALIASES }, (_, i) => `w${i}: projectionsCaughtUp(position: $p, timeoutMs: 30000)`).join(' ')} }`;

describe('callers waiting for the read models', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  it('answers a position already applied at once, without taking a place in the waiting list', async () => {
    const appended = await t.app.services.store.append(uniqueStream(), [testEvent('Something')], Expected.noStream);
    expect(await t.app.services.projections.waitForPosition(appended.position, 20_000)).toBe(true);
    const { body } = await t.graphql(WAIT, { p: appended.position });
    expect(Object.values(body.data)).toEqual(Array(ALIASES).fill(true));
    expect(t.app.services.projections.waitingCallers).toBe(0);
  });

  // Last: it ends by stopping the process managers, which answers every waiter.
  it(`lets ${MAX_POSITION_WAITERS} callers wait in one list while /health answers, and refuses the next with SERVICE_BUSY`, async () => {
    const applied = await t.app.services.store.append(uniqueStream(), [testEvent('Something')], Expected.noStream);
    // Ten million transactions ahead: no test reaches it.
    const future = (BigInt(applied.position) + 65_536n * 10_000_000n).toString();
    const waiting = Array.from({ length: MAX_POSITION_WAITERS / ALIASES }, () => t.graphql(WAIT, { p: future }));
    // A caller waits for the process managers first (they carry consequences the read models must show).
    await until(
      `${MAX_POSITION_WAITERS} callers wait`,
      () => t.app.services.processManagers.waitingCallers === MAX_POSITION_WAITERS,
    );

    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    const refused = await t.graphql('query($p: String!) { projectionsCaughtUp(position: $p, timeoutMs: 30000) }', {
      p: future,
    });
    expect(refused.status).toBe(503);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'SERVICE_BUSY', retryable: true });
    expect(t.app.services.processManagers.waitingCallers).toBe(MAX_POSITION_WAITERS);

    await t.app.services.processManagers.stop();
    for (const { status, body } of await Promise.all(waiting)) {
      expect(status).toBe(200);
      expect(Object.values(body.data)).toEqual(Array(ALIASES).fill(false));
    }
    expect(t.app.services.processManagers.waitingCallers).toBe(0);
  });
});
