import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

/** The limiter's counters: one row per caller, its count and when its minute ends. */
const TABLE = 'mutation_rate_limits';
/** The table's key column is varchar(255): longer caller ids are counted under their hash. */
const MAX_KEY_LENGTH = 200;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Mutations per caller per minute (fixed windows that start with a caller's first
 * mutation), counted in PostgreSQL by rate-limiter-flexible so that every app instance
 * on the database shares one count. A caller over its limit is then refused from memory
 * until its window ends, without a statement per refusal.
 */
export class MutationRateLimiter {
  private constructor(
    private readonly limiter: RateLimiterPostgres,
    readonly perMinute: number,
  ) {}

  /**
   * Creates the counters' table if it is missing, with the columns the library writes
   * (key, points, expire). Unlogged: a count needs no write-ahead log flush of its own
   * beside the command's, and after a crash every caller simply starts a new minute.
   */
  static async start(pool: Pool, perMinute: number): Promise<MutationRateLimiter> {
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
    return new MutationRateLimiter(limiter, perMinute);
  }

  /** Counts `count` mutations of `actorId`, or refuses them all if they would pass the limit. */
  async take(actorId: string, count: number): Promise<RateDecision> {
    const key = actorId.length <= MAX_KEY_LENGTH ? actorId : createHash('sha256').update(actorId).digest('hex');
    try {
      await this.limiter.consume(key, count);
      return { allowed: true };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }
}
