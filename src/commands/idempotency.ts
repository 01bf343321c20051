import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { IdempotencyConflict, InvalidInput } from '../shared/errors';
import { loadMigrations, migrate } from '../infra/migrations';
import { projectRoot } from '../infra/projectRoot';

export async function migrateCommandResults(pool: Pool): Promise<void> {
  await migrate(pool, 'commands', loadMigrations(join(projectRoot(), 'src/commands/migrations')));
}

/** Longer Idempotency-Key values are refused, not cut: two keys must never become one. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * The key a command's result is stored under: SHA-256 over the caller, the whole
 * Idempotency-Key and the mutation's slot, so a caller's key never answers another
 * caller's request and keys that share a prefix stay apart.
 */
export function scopedIdempotencyKey(actorId: string | null, key: string, scope: string): string {
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new InvalidInput(
      `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
      'Idempotency-Key',
    );
  }
  return createHash('sha256')
    .update(JSON.stringify([actorId, key, scope]))
    .digest('hex');
}

export type Reservation<R> = { kind: 'new' } | { kind: 'done'; result: R };

/**
 * Remembers the result of every command sent with an Idempotency-Key. The key is
 * reserved before the command runs, so two concurrent repeats cannot both append.
 */
export class IdempotencyStore {
  constructor(
    private readonly pool: Pool,
    private readonly options: { waitMs?: number; abandonAfterMs?: number } = {},
  ) {}

  async reserve<R>(key: string, requestHash: string): Promise<Reservation<R>> {
    const deadline = Date.now() + (this.options.waitMs ?? 5_000);
    for (;;) {
      const inserted = await this.pool.query(
        `INSERT INTO command_results (key, request_hash, status) VALUES ($1, $2, 'pending') ON CONFLICT (key) DO NOTHING`,
        [key, requestHash],
      );
      if (inserted.rowCount === 1) return { kind: 'new' };
      const { rows } = await this.pool.query<{ request_hash: string; status: string; result: R; age_ms: number }>(
        `SELECT request_hash, status, result, extract(epoch FROM now() - created_at) * 1000 AS age_ms FROM command_results WHERE key = $1`,
        [key],
      );
      if (rows.length === 0) continue; // abandoned between our two statements
      const row = rows[0];
      if (row.request_hash !== requestHash) {
        throw new IdempotencyConflict('this Idempotency-Key was already used for a different request');
      }
      if (row.status === 'done') return { kind: 'done', result: row.result };
      if (row.age_ms > (this.options.abandonAfterMs ?? 60_000)) {
        // The first attempt died without finishing: let this one run it.
        const taken = await this.pool.query(
          `UPDATE command_results SET created_at = now() WHERE key = $1 AND status = 'pending' AND created_at < now() - make_interval(secs => $2::double precision / 1000)`,
          [key, this.options.abandonAfterMs ?? 60_000],
        );
        if (taken.rowCount === 1) return { kind: 'new' };
      }
      if (Date.now() > deadline)
        throw new IdempotencyConflict('a request with this Idempotency-Key is still being processed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async complete<R>(key: string, result: R): Promise<void> {
    await this.pool.query(
      `UPDATE command_results SET status = 'done', result = $2, completed_at = now() WHERE key = $1`,
      [key, JSON.stringify(result)],
    );
  }

  async release(key: string): Promise<void> {
    await this.pool.query(`DELETE FROM command_results WHERE key = $1 AND status = 'pending'`, [key]);
  }
}
