import { createHash } from 'node:crypto';
import type { QueryResult, QueryResultRow } from 'pg';
import type { Queryable } from './db';

/**
 * Distinct statement texts given names. The hot queries are a handful of texts (one per
 * filter combination); past this many, further texts run unnamed, so a caller that
 * builds texts from values cannot grow every connection's statement cache without bound.
 */
export const MAX_NAMED_STATEMENTS = 256;

/** PostgreSQL's refusal to reuse a prepared statement whose result columns changed type. */
function isResultTypeChange(error: unknown): boolean {
  return (
    (error as { code?: string })?.code === '0A000' &&
    /cached plan must not change result type/.test(String((error as Error).message))
  );
}

/**
 * Runs read-model queries as named prepared statements: each connection parses and
 * plans one once, then only binds and executes. Planning was about half of the database
 * time of the inspector's and the complaint desk's queries.
 *
 * A rebuilt read model can switch in tables whose columns have other types (a new
 * projection version); PostgreSQL then refuses the old prepared statement on every
 * connection. That one call is answered unprepared and every text gets a new name, so
 * each connection prepares it afresh against the new tables.
 *
 * The names follow one database's connections, so each app has its own (made in app.ts).
 */
export class PreparedStatements {
  private readonly names = new Map<string, string>();
  /** Bumped when PostgreSQL refuses a statement whose result type changed: every text gets a fresh name. */
  private epoch = 0;

  async query<R extends QueryResultRow = QueryResultRow>(
    db: Queryable,
    text: string,
    values: unknown[] = [],
  ): Promise<QueryResult<R>> {
    const name = this.nameOf(text);
    if (name === undefined) return db.query<R>({ text, values });
    try {
      return await db.query<R>({ name, text, values });
    } catch (error) {
      if (!isResultTypeChange(error)) throw error;
      if (this.names.get(text) === name) {
        this.epoch++;
        this.names.clear();
      }
      return db.query<R>({ text, values });
    }
  }

  private nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < MAX_NAMED_STATEMENTS) {
      name = `q${this.epoch}_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      this.names.set(text, name);
    }
    return name;
  }
}
