import { MAX_IDEMPOTENCY_KEY_LENGTH } from '../../src/commands/idempotency';
import { startTestApp, type TestApp } from '../support/app';
import type { Actor } from '../support/auth';
import { REGISTER_UNIT } from '../support/reference';

const ALICE: Actor = { sub: 'admin-alice', role: 'ADMIN' };
const BOB: Actor = { sub: 'admin-bob', role: 'ADMIN' };

const unit = (id: string) => ({ input: { id, name: `Đơn vị ${id}`, kind: 'PEOPLES_COMMITTEE', level: 'PROVINCE' } });

describe('Idempotency-Key', () => {
  let t: TestApp;
  let units = 0;
  const nextUnit = () => unit(`unit-key-${++units}`);

  /** Every event in the log: a refused command changes neither the count nor the newest position. */
  const logExtent = async () =>
    (await t.db.pool.query('SELECT count(*)::int AS events, coalesce(max(position), 0)::text AS last FROM events'))
      .rows[0];
  const register = (variables: ReturnType<typeof unit>, as: Actor, key: string) =>
    t.graphql(REGISTER_UNIT, variables, as, { 'idempotency-key': key });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  it(`refuses a key longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters with BAD_USER_INPUT and appends nothing`, async () => {
    const key = 'k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH);
    const first = await register(nextUnit(), ALICE, key);
    expect(first.body.errors).toBeUndefined();
    const before = await logExtent();
    const { body } = await register(nextUnit(), ALICE, `${key}x`);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await logExtent()).toEqual(before);
  });

  it('keeps keys apart that differ only in their last character', async () => {
    const prefix = 'p'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH - 1);
    const a = await register(nextUnit(), ALICE, `${prefix}a`);
    const b = await register(nextUnit(), ALICE, `${prefix}b`);
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();
    expect(b.body.data.registerUnit.position).not.toBe(a.body.data.registerUnit.position);
  });

  it("answers a caller's repeat with its first result, and never with another caller's", async () => {
    const key = 'shared-key-1';
    const forAlice = nextUnit();
    const forBob = nextUnit();
    const alice = await register(forAlice, ALICE, key);
    const bob = await register(forBob, BOB, key);
    expect(alice.body.errors).toBeUndefined();
    expect(bob.body.errors).toBeUndefined();
    expect(bob.body.data.registerUnit.id).toBe(forBob.input.id);

    const before = await logExtent();
    const aliceAgain = await register(forAlice, ALICE, key);
    const bobAgain = await register(forBob, BOB, key);
    expect(aliceAgain.body.data).toEqual(alice.body.data);
    expect(bobAgain.body.data).toEqual(bob.body.data);
    expect(await logExtent()).toEqual(before);
  });

  it('runs the same request with the same key once per caller', async () => {
    const key = 'shared-key-2';
    const same = nextUnit();
    const alice = await register(same, ALICE, key);
    expect(alice.body.errors).toBeUndefined();
    const before = await logExtent();
    // Bob's request runs (the unit exists by now, so it is refused) instead of taking Alice's result.
    const bob = await register(same, BOB, key);
    expect(bob.body.data ?? null).toBeNull();
    expect(bob.body.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ALREADY_EXISTS' });
    expect(await logExtent()).toEqual(before);
  });
});
