/**
 * Loaded into the app's process by the benchmark (`node --require`): counts the
 * statements the app sends PostgreSQL by kind, and answers the benchmark's request for
 * the counts over the IPC channel it spawned the app with. node-postgres has no hook for
 * each statement, so its client's `query` is wrapped here; the app's own code is unchanged
 * and runs as shipped.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  PROBED_APP_ROOT,
  STATEMENT_COUNTS,
  noStatements,
  statementKindOf,
  type StatementCountsMessage,
} from './statementCounts';

type Query = (this: unknown, config: unknown, ...rest: unknown[]) => unknown;

function install(appRoot: string, send: (message: StatementCountsMessage) => void): void {
  const pg = createRequire(join(appRoot, 'package.json'))('pg') as { Client: { prototype: { query: Query } } };
  const counts = noStatements();
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
    if (typeof text === 'string') counts[statementKindOf(text)]++;
    return query.call(this, config, ...rest);
  };
  process.on('message', (message: unknown) => {
    if ((message as { kind?: unknown } | null)?.kind === STATEMENT_COUNTS)
      send({ kind: STATEMENT_COUNTS, counts: { ...counts } });
  });
}

const appRoot = process.env[PROBED_APP_ROOT];
if (appRoot && process.send) install(appRoot, process.send.bind(process));
