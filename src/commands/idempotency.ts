import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { StreamAppend } from '../eventStore/eventStore.port';
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

/** One stream append a command decided, as recorded before it is appended: `id` is the entity its result names. */
export type DecidedAppend = StreamAppend & { id: string };

/** A key this attempt holds: `attempt` tells it apart from a later attempt that took the key over. */
export interface HeldReservation {
  key: string;
  attempt: string;
}

/** A key taken over from an attempt that died after recording its decision: this one replays it. */
export interface DecidedReservation extends HeldReservation {
  decided: DecidedAppend[];
}

export type Reservation<R> =
  ({ kind: 'new' } & HeldReservation) | ({ kind: 'decided' } & DecidedReservation) | { kind: 'done'; result: R };

interface ReservedRow<R> {
  request_hash: string;
  status: string;
  result: R;
  age_ms: number;
}

/** How long a repeat waits for the attempt that holds its key, by default. */
const WAIT_MS = 5_000;

/**
 * How old a held key's attempt is, by default, before a repeat takes it over as abandoned:
 * shorter than the wait, so a retry after a process died takes the key over within its
 * one request instead of being refused until the attempt ages out. Taking over an attempt
 * that is still running is safe: if it had recorded its decision the taker appends that
 * same decision, and only one of the two appends at the expected version succeeds;
 * otherwise its recording is refused. Either way the command takes effect once.
 */
const ABANDON_AFTER_MS = 3_000;

/**
 * Remembers the result of every command sent with an Idempotency-Key. The key is
 * reserved before the command runs, so two concurrent repeats cannot both append, and
 * the command's decision is recorded before its append, so a retry after a crash can
 * finish it without deciding again.
 */
export class IdempotencyStore {
  constructor(
    private readonly pool: Pool,
    private readonly options: { waitMs?: number; abandonAfterMs?: number } = {},
  ) {}

  private get abandonAfterMs(): number {
    return this.options.abandonAfterMs ?? ABANDON_AFTER_MS;
  }

  async reserve<R>(key: string, requestHash: string): Promise<Reservation<R>> {
    const attempt = randomUUID();
    const deadline = Date.now() + (this.options.waitMs ?? WAIT_MS);
    for (;;) {
      const inserted = await this.pool.query(
        `INSERT INTO command_results (key, request_hash, status, attempt_id) VALUES ($1, $2, 'pending', $3) ON CONFLICT (key) DO NOTHING`,
        [key, requestHash, attempt],
      );
      if (inserted.rowCount === 1) return { kind: 'new', key, attempt };
      const { rows } = await this.pool.query<ReservedRow<R>>(
        `SELECT request_hash, status, result, extract(epoch FROM now() - created_at) * 1000 AS age_ms FROM command_results WHERE key = $1`,
        [key],
      );
      if (rows.length === 0) continue; // released between our two statements
      const row = rows[0];
      if (row.request_hash !== requestHash) {
        throw new IdempotencyConflict('this Idempotency-Key was already used for a different request');
      }
      if (row.status === 'done') return { kind: 'done', result: row.result };
      if (row.age_ms > this.abandonAfterMs) {
        const taken = await this.takeOver(key, attempt);
        if (taken) return taken;
      }
      if (Date.now() > deadline)
        throw new IdempotencyConflict('a request with this Idempotency-Key is still being processed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The first attempt died without finishing: this one takes the key, with the decision recorded if any. */
  private async takeOver(key: string, attempt: string): Promise<Reservation<never> | null> {
    const { rows } = await this.pool.query<{ decided: DecidedAppend[] | null }>(
      `UPDATE command_results SET created_at = now(), attempt_id = $3
        WHERE key = $1 AND status IN ('pending', 'decided')
          AND created_at < now() - make_interval(secs => $2::double precision / 1000)
        RETURNING decided`,
      [key, this.abandonAfterMs, attempt],
    );
    if (rows.length === 0) return null;
    const decided = rows[0].decided;
    return decided ? { kind: 'decided', key, attempt, decided } : { kind: 'new', key, attempt };
  }

  /**
   * Records the appends the holder decided, in order, before it appends them. Refused when a
   * later attempt took the key over: that one runs the command, so this one must not append.
   */
  async recordDecision(reservation: HeldReservation, decided: readonly DecidedAppend[]): Promise<void> {
    const recorded = await this.pool.query(
      `UPDATE command_results SET status = 'decided', decided = $3 WHERE key = $1 AND attempt_id = $2 AND status <> 'done'`,
      [reservation.key, reservation.attempt, JSON.stringify(decided)],
    );
    if (recorded.rowCount !== 1)
      throw new IdempotencyConflict('a later request with this Idempotency-Key took this one over');
  }

  /** Stores the result; a finished command keeps only its result, not its decision. */
  async complete<R>(reservation: HeldReservation, result: R): Promise<void> {
    await this.pool.query(
      `UPDATE command_results SET status = 'done', result = $3, decided = NULL, completed_at = now()
        WHERE key = $1 AND attempt_id = $2`,
      [reservation.key, reservation.attempt, JSON.stringify(result)],
    );
  }

  /** Frees the key of a command that did not take effect, so a repeat runs it afresh. */
  async release(reservation: HeldReservation): Promise<void> {
    await this.pool.query(`DELETE FROM command_results WHERE key = $1 AND attempt_id = $2 AND status <> 'done'`, [
      reservation.key,
      reservation.attempt,
    ]);
  }
}
