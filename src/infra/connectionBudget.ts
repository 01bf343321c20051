import pLimit from 'p-limit';
import type { Pool, PoolClient } from 'pg';

/** Database connections one GraphQL request may hold at once. */
export const CONNECTIONS_PER_REQUEST = 4;

/**
 * The connections one request may hold at once. graphql-js resolves a query's fields
 * concurrently, so a query with thousands of aliases would otherwise ask the pool for
 * thousands of connections at once and every other request would wait behind it.
 *
 * The budget sits where connections are taken rather than around root fields: a single
 * field can fan out too (the audit trail verifies up to a hundred streams at once), and
 * nested fields run outside their root field's resolver. The request's view of the
 * services (see `budgetedServices` in graphql/context.ts) takes every connection through
 * the budget; the rest of the request waits its turn, other requests do not.
 */
export class ConnectionBudget {
  private readonly limit: pLimit.Limit;

  constructor(size = CONNECTIONS_PER_REQUEST) {
    this.limit = pLimit(size);
  }

  /** Runs `work`, which holds at most one connection at a time, once the budget has room. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.limit(work);
  }

  /** Takes one place until the returned function is called. */
  hold(): Promise<() => void> {
    return new Promise((taken) => {
      void this.limit(() => new Promise<void>((release) => taken(release)));
    });
  }
}

/**
 * `target` with the named methods run within `budget` (each must hold at most one
 * connection at a time) and `replaced` members; every other member is the target's own.
 */
export function withinBudget<T extends object>(
  target: T,
  budget: ConnectionBudget,
  methods: ReadonlySet<PropertyKey>,
  replaced: Record<PropertyKey, unknown> = {},
): T {
  return new Proxy(target, {
    get(object, key) {
      if (Object.hasOwn(replaced, key)) return replaced[key];
      const value = Reflect.get(object, key, object);
      if (typeof value !== 'function' || key === 'constructor') return value;
      if (!methods.has(key)) return value.bind(object);
      return (...args: unknown[]) => budget.run(() => value.apply(object, args));
    },
  });
}

/** A pool whose statements and checked-out clients count against `budget`. */
export function budgetedPool(pool: Pool, budget: ConnectionBudget): Pool {
  const connect = async (): Promise<PoolClient> => {
    const release = await budget.hold();
    try {
      const client = await pool.connect();
      // The pool gives every checkout a release function of its own: this wrapper ends with it.
      const releaseClient = client.release;
      client.release = (error?: Error | boolean) => {
        release();
        releaseClient(error);
      };
      return client;
    } catch (error) {
      release();
      throw error;
    }
  };
  return withinBudget(pool, budget, new Set(['query']), { connect });
}
