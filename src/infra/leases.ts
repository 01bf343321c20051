// Leases: which instance runs each projection and each process manager, when several app
// processes share one database. A lease is a PostgreSQL session-level advisory lock held
// on one dedicated connection; it ends with that connection, so a process that dies (or
// loses its connection) frees what it held, and another instance takes it at its next try.
import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** What a lease is taken for: the namespace of its key. */
export type LeaseKind = 'projection' | 'process-manager';

/** Sessions holding leases name themselves `tdkt-lease <instance id>` (PostgreSQL keeps 63 bytes of it). */
export const LEASE_APPLICATION_PREFIX = 'tdkt-lease ';

/**
 * The advisory-lock key of a lease: the first 8 bytes of SHA-256 of `tdkt:<kind>:<name>`,
 * read as a signed big-endian 64-bit integer. Stable across processes, versions and
 * PostgreSQL releases (unlike `hashtext`), and the `tdkt:` namespace keeps it apart from
 * other users of advisory locks (the migrations lock on `hashtext('tdkt_migrations')`,
 * a 32-bit key).
 */
export function leaseKey(kind: LeaseKind, name: string): string {
  return createHash('sha256').update(`tdkt:${kind}:${name}`).digest().readBigInt64BE(0).toString();
}

/** A lease this instance tries to hold, and what it does while it holds it. */
export interface LeaseClaim {
  kind: LeaseKind;
  name: string;
  /**
   * Called once the lease is taken; `lost` is aborted the moment it is lost (the lease
   * connection dropped, or the leases stopped), after which the holder must apply nothing.
   */
  acquired(lost: AbortSignal): void | Promise<void>;
}

export interface LeaseOptions {
  connectionString: string;
  /** Names this instance to the others (projection status): `hostname:pid` or INSTANCE_ID. */
  instanceId: string;
  /** How often free leases are tried again, and the held ones' connection checked. */
  retryIntervalMs: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

/** Retry intervals an instance that lost its lease connection waits before it tries again. */
const LOST_QUIET_INTERVALS = 3;

interface Held {
  claim: LeaseClaim;
  lost: AbortController;
}

/**
 * The leases of one instance, on one connection of their own. Every `retryIntervalMs` it
 * tries to take each free lease it claims (`pg_try_advisory_lock`, which never waits) and
 * checks that its connection still answers; when that connection is lost, every lease it
 * held is given up at once and taken again, if still free, once a new connection is made.
 */
export class Leases {
  private readonly claims: LeaseClaim[] = [];
  private readonly held = new Map<string, Held>();
  private client: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopped = false;
  /** The database did not answer the last round (logged once until it answers again). */
  private unanswered = false;
  /** After losing its connection, it does not reconnect before this time. */
  private quietUntil = 0;

  constructor(private readonly options: LeaseOptions) {}

  get instanceId(): string {
    return this.options.instanceId;
  }

  /** Adds claims and tries to take them now; from then on every `retryIntervalMs`. */
  async claim(claims: readonly LeaseClaim[]): Promise<void> {
    this.claims.push(...claims);
    // A round already under way chose its leases before these were added.
    await this.round;
    await this.tryNow();
    if (!this.timer && !this.stopped) {
      this.timer = setInterval(() => void this.tryNow(), this.options.retryIntervalMs);
      this.timer.unref();
    }
  }

  /** True while this instance holds the lease. */
  holds(kind: LeaseKind, name: string): boolean {
    return this.held.has(leaseKey(kind, name));
  }

  /** One round of tries (a round in progress is joined rather than doubled). */
  tryNow(): Promise<void> {
    this.round ??= this.tryAll().finally(() => (this.round = undefined));
    return this.round;
  }

  private async tryAll(): Promise<void> {
    if (this.stopped || (!this.client && Date.now() < this.quietUntil)) return;
    try {
      const client = this.client ?? (await this.connect());
      const free = this.claims.filter((c) => !this.held.has(leaseKey(c.kind, c.name)));
      if (free.length === 0) await client.query('SELECT 1');
      const taken: Array<{ key: string; claim: LeaseClaim }> = [];
      for (const claim of free) {
        const key = leaseKey(claim.kind, claim.name);
        const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS taken', [
          key,
        ]);
        if (rows[0].taken && !this.stopped && this.client === client) taken.push({ key, claim });
      }
      // Handed over together: a holder may start what it took in one round as one (the projections' readers).
      await Promise.all(taken.map(({ key, claim }) => this.take(client, key, claim)));
      this.unanswered = false;
    } catch (error) {
      if (!this.unanswered)
        this.options.log?.('leases: the database did not answer; trying again', { error: String(error) });
      this.unanswered = true;
      this.dropConnection(this.client);
    }
  }

  /** Hands a lease just taken to its holder; one that cannot start on it gives it back for the others. */
  private async take(client: Client, key: string, claim: LeaseClaim): Promise<void> {
    const lost = new AbortController();
    this.held.set(key, { claim, lost });
    this.options.log?.('lease taken', { kind: claim.kind, name: claim.name, instance: this.instanceId });
    try {
      await claim.acquired(lost.signal);
    } catch (error) {
      this.options.log?.('lease given back: its holder could not start', { name: claim.name, error: String(error) });
      this.held.delete(key);
      lost.abort(error);
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
    }
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: `${LEASE_APPLICATION_PREFIX}${this.instanceId}`,
      // A lease connection that stops answering is given up rather than trusted.
      query_timeout: Math.max(5_000, this.options.retryIntervalMs * 5),
      keepAlive: true,
    });
    client.on('error', () => this.dropConnection(client));
    client.on('end', () => this.dropConnection(client));
    await client.connect();
    this.client = client;
    return client;
  }

  /** The connection is gone (or no longer trusted): every lease it held is given up now. */
  private dropConnection(client: Client | undefined): void {
    if (!client || this.client !== client) {
      client?.end().catch(() => undefined);
      return;
    }
    this.client = undefined;
    client.end().catch(() => undefined);
    // The others try first: an instance whose connection drops (a flaky network) should not win its leases back.
    if (this.held.size > 0) this.quietUntil = Date.now() + LOST_QUIET_INTERVALS * this.options.retryIntervalMs;
    this.giveUpAll('lease connection lost');
  }

  private giveUpAll(reason: string): void {
    const held = [...this.held.values()];
    this.held.clear();
    for (const { claim, lost } of held) {
      if (!this.stopped) this.options.log?.('lease lost', { kind: claim.kind, name: claim.name, reason });
      lost.abort(new Error(`lease of ${claim.kind} ${claim.name} lost: ${reason}`));
    }
  }

  /** Gives up every lease (its holders stop) and closes the connection, which frees them for the others. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.round?.catch(() => undefined);
    this.giveUpAll('stopping');
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

/**
 * Rows `(key, holder)` for every lease held now in this database (advisory locks are per
 * database): the advisory locks granted to lease sessions (a bigint key is split into
 * classid, the high half, and objid, with objsubid 1), with the instance id their session
 * is named after.
 */
export const LEASE_HOLDERS_SQL = `
  SELECT ((l.classid::bigint << 32) | l.objid::bigint)::text AS key,
         substr(a.application_name, ${LEASE_APPLICATION_PREFIX.length + 1}) AS holder
  FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
  WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND a.datname = current_database()
    AND a.application_name LIKE '${LEASE_APPLICATION_PREFIX.trim()} %'`;
