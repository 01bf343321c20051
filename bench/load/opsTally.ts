/** One GraphQL command sent and judged, and the tally of a loop of them: latencies, errors by code, per command. */
import { authorizationOf } from '../auth';
import type { GraphQLOp } from '../generator';
import type { GraphQLClient } from '../http';
import { latencySummary } from '../lib';

export interface OpsResult {
  ops: number;
  ms: number;
  opsPerSec: number;
  latency: { p50: number; p99: number; max: number; count: number };
  errors: number;
  /**
   * Errors by the `extensions.code` of the first GraphQL error (`HTTP_<status>` without
   * one, `TRANSPORT` when no answer came). Absent in results written before it was counted.
   */
  errorsByCode?: Record<string, number>;
  /** Of the errors, version conflicts that surfaced: the app retried as often as the command allows, or not at all. */
  versionConflicts?: number;
  /** Version conflicts the app retried while the ops ran, per command name (null: the app did not tell). */
  conflictsRetried?: Record<string, number> | null;
  errorSamples: string[];
  byName: Record<string, { ops: number; p50: number; p99: number; errors: number }>;
}

/** A command the app answered with an error (or did not answer). */
export class OpRefused extends Error {
  constructor(
    readonly code: string,
    readonly versionConflict: boolean,
    message: string,
  ) {
    super(message);
  }
}

/** Signs every actor's token before a loop's clock starts, so signing is not measured. */
export async function signTokensOf(ops: readonly GraphQLOp[]): Promise<void> {
  await Promise.all(ops.map((op) => authorizationOf(op.actor)));
}

/** Sends `op`; an answer with an error, or none, throws `OpRefused`. */
export async function sendOp(client: GraphQLClient, op: GraphQLOp): Promise<void> {
  let res;
  try {
    res = await client.request(op.query, op.variables, { ...op.headers, ...(await authorizationOf(op.actor)) });
  } catch (error) {
    throw new OpRefused('TRANSPORT', false, `${op.name}: ${String(error)}`);
  }
  const first = res.body.errors?.[0];
  if (res.status === 200 && !first) return;
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : `HTTP_${res.status}`;
  // A version conflict names the version the append expected (src/shared/errors.ts); other CONFLICTs do not.
  const versionConflict = code === 'CONFLICT' && first?.extensions?.expected !== undefined;
  throw new OpRefused(
    code,
    versionConflict,
    `${op.name}: ${res.status} ${JSON.stringify(first ?? res.body).slice(0, 300)}`,
  );
}

/** Latencies and errors of a loop's commands, overall and per command name. */
export class OpsTally {
  private readonly latencies: number[] = [];
  private readonly byName = new Map<string, { latencies: number[]; errors: number }>();
  private readonly errorsByCode: Record<string, number> = {};
  private readonly errorSamples: string[] = [];
  private errors = 0;
  private versionConflicts = 0;

  /** One command's outcome: its latency, and its error or null. */
  record(op: GraphQLOp, ms: number, error: unknown): void {
    const entry = this.byName.get(op.name) ?? { latencies: [], errors: 0 };
    this.byName.set(op.name, entry);
    this.latencies.push(ms);
    entry.latencies.push(ms);
    if (error === null) return;
    const refused = error instanceof OpRefused ? error : new OpRefused('TRANSPORT', false, `${op.name}: ${error}`);
    this.errors++;
    entry.errors++;
    this.errorsByCode[refused.code] = (this.errorsByCode[refused.code] ?? 0) + 1;
    if (refused.versionConflict) this.versionConflicts++;
    if (this.errorSamples.length < 5) this.errorSamples.push(refused.message);
  }

  /** The tally as a result: `ops` commands done in `ms`, and the conflicts the app retried meanwhile. */
  result(ops: number, ms: number, conflictsRetried: Record<string, number> | null): OpsResult {
    return {
      ops,
      ms: Math.round(ms),
      opsPerSec: Math.round((ops / ms) * 1000),
      latency: latencySummary(this.latencies),
      errors: this.errors,
      errorsByCode: { ...this.errorsByCode },
      versionConflicts: this.versionConflicts,
      conflictsRetried,
      errorSamples: [...this.errorSamples],
      byName: Object.fromEntries(
        [...this.byName].map(([name, e]) => {
          const s = latencySummary(e.latencies);
          return [name, { ops: e.latencies.length, p50: s.p50, p99: s.p99, errors: e.errors }];
        }),
      ),
    };
  }
}

/** Counts that grew from `before` to `after`, per name (null when either is unknown). */
export function countsSince(
  before: Record<string, number> | null,
  after: Record<string, number> | null,
): Record<string, number> | null {
  if (!before || !after) return null;
  const grown: Record<string, number> = {};
  for (const [name, count] of Object.entries(after))
    if (count > (before[name] ?? 0)) grown[name] = count - (before[name] ?? 0);
  return grown;
}
