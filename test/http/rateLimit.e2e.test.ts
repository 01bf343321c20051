import type { App } from '../../src/app';
import { startAppOn, startTestApp, type TestApp } from '../support/app';
import { logExtent } from '../support/streams';
import { authorization, type Actor } from '../support/auth';

const PER_MINUTE = 3;

describe('mutations per caller and minute', () => {
  let t: TestApp;
  /** A second instance on the same database: callers are counted across both. */
  let other: App;
  let units = 0;

  const unitField = (alias: string) => {
    const id = `unit-rate-${++units}`;
    return `${alias}: registerUnit(input: { id: "${id}", name: "Đơn vị ${id}", kind: PEOPLES_COMMITTEE, level: PROVINCE }) { id }`;
  };
  const send = async (url: string, as: Actor, fields: number) => {
    const query = `mutation { ${Array.from({ length: fields }, (_, i) => unitField(`u${i}`)).join(' ')} }`;
    const response = await fetch(`${url.replace('localhost', '127.0.0.1')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authorization(as)) },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as any,
    };
  };
  const expectRefused = async (url: string, as: Actor, fields = 1) => {
    const before = await logExtent(t);
    const { status, retryAfter, body } = await send(url, as, fields);
    expect(status).toBe(429);
    const seconds = Number(retryAfter);
    expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60).toBe(true);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: seconds });
    expect(await logExtent(t)).toEqual(before);
  };

  beforeAll(async () => {
    t = await startTestApp({ mutationsPerMinute: PER_MINUTE });
    other = await startAppOn(t.db.url, { mutationsPerMinute: PER_MINUTE, projections: [] });
  });
  afterAll(async () => {
    await other?.stop();
    await t.stop();
  });

  it(`refuses a caller's mutations past ${PER_MINUTE} a minute, on every instance, with 429 and Retry-After, appending nothing`, async () => {
    const alice: Actor = { sub: 'admin-rate-alice', role: 'ADMIN' };
    expect((await send(t.url, alice, 1)).status).toBe(200);
    expect((await send(other.url, alice, 1)).status).toBe(200);
    const third = await send(t.url, alice, 1);
    expect(third.body.errors).toBeUndefined();
    await expectRefused(t.url, alice);
    await expectRefused(other.url, alice);

    // Another caller, and the same caller's queries, go on.
    expect((await send(t.url, { sub: 'admin-rate-bob', role: 'ADMIN' }, 1)).body.errors).toBeUndefined();
    expect((await t.graphql('{ clusters { id } }', {}, alice)).body.errors).toBeUndefined();
  });

  it('counts every mutation of a request, and refuses a request that would pass the limit whole', async () => {
    const carol: Actor = { sub: 'admin-rate-carol', role: 'ADMIN' };
    const two = await send(t.url, carol, 2);
    expect(two.body.errors).toBeUndefined();
    expect(Object.keys(two.body.data)).toHaveLength(2);
    await expectRefused(t.url, carol, 2);
  });
});
