import { randomUUID } from 'node:crypto';
import { MutationRateLimiter } from '../../src/infra/rateLimit';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('MutationRateLimiter: mutations per caller and minute, shared by every instance', () => {
  let db: TestDatabase;
  /** 640 a minute: blocks of 10 (a 64th). */
  const PER_MINUTE = 640;

  /** What the shared count holds for a caller. */
  const counted = async (actor: string): Promise<number> => {
    const { rows } = await db.pool.query('SELECT points FROM mutation_rate_limits WHERE key = $1', [
      `mutations:${actor}`,
    ]);
    return rows[0]?.points ?? 0;
  };
  /** Takes `times` single mutations one after the other; how many were allowed. */
  const takeMany = async (limiter: MutationRateLimiter, actor: string, times: number): Promise<number> => {
    let allowed = 0;
    for (let i = 0; i < times; i++) if ((await limiter.take(actor, 1)).allowed) allowed++;
    return allowed;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it('takes a block from the shared count and spends it from memory', async () => {
    const limiter = await MutationRateLimiter.start(db.pool, PER_MINUTE);
    const actor = `caller-${randomUUID()}`;
    await limiter.take(actor, 1);
    expect(await counted(actor)).toBe(10);
    expect(await takeMany(limiter, actor, 9)).toBe(9);
    expect(await counted(actor)).toBe(10);
    await limiter.take(actor, 3);
    expect(await counted(actor)).toBe(22); // 3 more than the block left: those and a block beyond them
  });

  it('lets one instance spend exactly the limit, then refuses with the time left in the window', async () => {
    const limiter = await MutationRateLimiter.start(db.pool, 645);
    const actor = `caller-${randomUUID()}`;
    expect(await takeMany(limiter, actor, 645)).toBe(645);
    expect(await counted(actor)).toBe(645); // the last block did not fit: what was left of it was given back
    const refused = await limiter.take(actor, 1);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(await counted(actor)).toBe(645); // refused from memory: nothing counted, nothing given back
  });

  it('never lets a caller pass the limit across instances, and falls short of it by less than a block each', async () => {
    const instances = await Promise.all([1, 2, 3].map(() => MutationRateLimiter.start(db.pool, PER_MINUTE)));
    const actor = `caller-${randomUUID()}`;
    let allowed = 0;
    for (let round = 0; round < 260; round++)
      for (const limiter of instances) if ((await limiter.take(actor, 1)).allowed) allowed++;
    expect(allowed).toBeLessThanOrEqual(PER_MINUTE);
    expect(allowed).toBeGreaterThan(PER_MINUTE - 3 * 10);
    expect(await counted(actor)).toBeLessThanOrEqual(PER_MINUTE + 3 * 10);
  });

  it('refuses a request of several mutations whole when they would pass the limit', async () => {
    const limiter = await MutationRateLimiter.start(db.pool, 64); // blocks of 1: exact
    const actor = `caller-${randomUUID()}`;
    expect((await limiter.take(actor, 60)).allowed).toBe(true);
    expect(await counted(actor)).toBe(60);
    expect((await limiter.take(actor, 5)).allowed).toBe(false);
  });

  it('counts afresh once a lease outlives its window', async () => {
    let now = Date.now();
    const limiter = await MutationRateLimiter.start(db.pool, PER_MINUTE, () => now);
    const actor = `caller-${randomUUID()}`;
    await limiter.take(actor, 1);
    expect(await counted(actor)).toBe(10);
    now += 61_000; // this instance's lease has lapsed; the shared window, on the real clock, has not
    await limiter.take(actor, 1);
    expect(await counted(actor)).toBe(20);
  });
});
