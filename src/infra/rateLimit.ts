import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { LruMap } from '../shared/lruMap';

/** The limiter's counters: one row per caller, its count and when its minute ends. */
const TABLE = 'mutation_rate_limits';
/** The table's key column is varchar(255): longer caller ids are counted under their hash. */
const MAX_KEY_LENGTH = 200;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Mutations a caller has taken from the shared count and not yet spent here, until its window ends. */
interface Lease {
  points: number;
  /** When the caller's window ends (ms since the epoch): unspent points lapse with it. */
  until: number;
}

/** Callers whose leases this instance keeps (an instance serves far fewer at once). */
const LEASED_CALLERS = 10_000;

/**
 * Mutations per caller per minute (fixed windows that start with a caller's first
 * mutation), counted in PostgreSQL by rate-limiter-flexible so that every app instance
 * on the database shares one count. A caller over its limit is then refused from memory
 * until its window ends, without a statement per refusal.
 *
 * An instance takes a caller's mutations from the shared count a block at a time (a
 * 64th of the limit, at least one) and spends the block from memory, so a busy caller
 * costs one statement per block rather than one per mutation. rate-limiter-flexible
 * leases no blocks of points, hence this layer. Every mutation is counted before it
 * runs, so no caller ever passes the limit; an unspent block lapses with its window, so
 * with several instances a caller may be refused up to a block per instance short of it.
 */
export class MutationRateLimiter {
  private readonly leases = new LruMap<string, Lease>(LEASED_CALLERS);
  private readonly block: number;

  private constructor(
    private readonly limiter: RateLimiterPostgres,
    readonly perMinute: number,
    private readonly now: () => number,
  ) {
    this.block = Math.max(1, Math.floor(perMinute / 64));
  }

  /**
   * Creates the counters' table if it is missing, with the columns the library writes
   * (key, points, expire). Unlogged: a count needs no write-ahead log flush of its own
   * beside the command's, and after a crash every caller simply starts a new minute.
   */
  static async start(pool: Pool, perMinute: number, now: () => number = Date.now): Promise<MutationRateLimiter> {
    await pool
      .query(
        `CREATE UNLOGGED TABLE IF NOT EXISTS ${TABLE} (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
      )
      .catch((error: { code?: string }) => {
        // Another instance created it at the same moment.
        if (error.code !== '23505' && error.code !== '42P07') throw error;
      });
    const limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: 'mutations',
      points: perMinute,
      duration: 60,
      inMemoryBlockOnConsumed: perMinute,
      // A row per caller, reset by its next window: nothing to sweep.
      clearExpiredByTimeout: false,
    });
    return new MutationRateLimiter(limiter, perMinute, now);
  }

  /** Counts `count` mutations of `actorId`, or refuses them all if they would pass the limit. */
  async take(actorId: string, count: number): Promise<RateDecision> {
    const key = actorId.length <= MAX_KEY_LENGTH ? actorId : createHash('sha256').update(actorId).digest('hex');
    const lease = this.leases.get(key);
    const now = this.now();
    if (lease && lease.until > now && lease.points >= count) {
      lease.points -= count;
      return { allowed: true };
    }
    return this.takeFromSharedCount(key, count, now);
  }

  /** Counts `count` and the next block from the shared count; only `count` when the block would not fit. */
  private async takeFromSharedCount(key: string, count: number, now: number): Promise<RateDecision> {
    const taken = count + this.block - 1;
    try {
      const counted = await this.limiter.consume(key, taken);
      this.lease(key, taken - count, now + counted.msBeforeNext);
      return { allowed: true };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // Refused by the count in the database (one refused from memory counts nothing) where
      // the block passed the limit and the mutations alone do not: keep what is left of the
      // limit as the lease, and give the rest of the block back.
      const counted = rejection.consumedPoints >= taken;
      const left = this.perMinute - (rejection.consumedPoints - taken) - count;
      if (counted && left >= 0) {
        await this.limiter.reward(key, taken - count - left);
        this.lease(key, left, now + rejection.msBeforeNext);
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }

  private lease(key: string, points: number, until: number): void {
    if (points <= 0) return;
    const held = this.leases.peek(key);
    // Two requests of one caller may each have taken a block in one window: keep both. A
    // window lasts a minute, so ends less than half a minute apart are one window's.
    const kept = held && Math.abs(held.until - until) < 30_000 ? held.points : 0;
    this.leases.set(key, { points: kept + points, until });
  }
}
