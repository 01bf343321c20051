/**
 * The statements the app sends PostgreSQL, by kind, as the benchmark's probe in the app
 * counts them (bench/statementProbe.ts), and the row they make per command.
 */

/** The environment variable naming the checkout whose app runs: the probe wraps the `pg` that app loads. */
export const PROBED_APP_ROOT = 'TDKT_BENCH_PROBED_APP_ROOT';

/** The IPC request for the probe's counts, and the kind of its answer. */
export const STATEMENT_COUNTS = 'statement-counts';

export interface StatementCounts {
  /** Reads of one stream (a command loading a stream, an access check reading one). */
  streamReads: number;
  appends: number;
  /** The mutation rate limit's count, one per mutation request. */
  rateLimit: number;
  /** Everything else: read models and process managers applying the log, queries, health. */
  other: number;
}

export interface StatementCountsMessage {
  kind: typeof STATEMENT_COUNTS;
  counts: StatementCounts;
}

/** The kind of a statement, from the start of its text as the app's code writes it. */
export function statementKindOf(text: string): keyof StatementCounts {
  const start = text.trimStart();
  if (start.startsWith('SELECT position, stream_id, stream_version')) return 'streamReads';
  if (start.startsWith('WITH inserted AS')) return 'appends';
  if (start.startsWith('INSERT INTO "mutation_rate_limits"')) return 'rateLimit';
  return 'other';
}

export function noStatements(): StatementCounts {
  return { streamReads: 0, appends: 0, rateLimit: 0, other: 0 };
}

/** The statements between two readings of the counts, per command answered meanwhile. */
export function statementsPerCommand(
  before: StatementCounts,
  after: StatementCounts,
  commands: number,
): StatementCounts | null {
  if (commands <= 0) return null;
  const per = (kind: keyof StatementCounts) => (after[kind] - before[kind]) / commands;
  return { streamReads: per('streamReads'), appends: per('appends'), rateLimit: per('rateLimit'), other: per('other') };
}
