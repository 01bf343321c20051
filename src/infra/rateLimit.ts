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

  /** Creates the counters' table if it is missing. */
  static start(pool: Pool, perMinute: number): Promise<MutationRateLimiter> {
    return new Promise((resolve, reject) => {
      const options = {
        storeClient: pool,
        storeType: 'pool',
        tableName: TABLE,
        keyPrefix: 'mutations',
        points: perMinute,
        duration: 60,
        inMemoryBlockOnConsumed: perMinute,
        // A row per caller, reset by its next window: nothing to sweep.
        clearExpiredByTimeout: false,
      };
      const limiter = new RateLimiterPostgres(options, (error?: Error) => (error ? reject(error) : resolve(new MutationRateLimiter(limiter, perMinute))));
    });
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
