/**
 * Commands over HTTP: a list of GraphQL operations sent by concurrent clients, each taking
 * the next when done (closed loop: the saturation), or at a fixed rate (open loop).
 */
import type { GraphQLOp } from '../generator';
import type { GraphQLClient } from '../http';
import { nowMs } from '../lib';
import { countsSince, OpsTally, sendOp, signTokensOf, type OpsResult } from './opsTally';
import { atFixedRate } from './rateLoops';

/** The app's version conflicts retried so far, per command name (null: it does not tell). */
export type ConflictRetriesReader = () => Promise<Record<string, number> | null>;

export interface ClosedLoopOptions {
  clients: number;
  /** Longest the loop runs (default: until every op is sent). */
  maxMs?: number;
  conflictRetries?: ConflictRetriesReader;
}

export interface OfferedOpsResult extends OpsResult {
  /** Commands per second offered. */
  offered: number;
  /** How long commands were offered (shorter than asked when the planned commands ran out). */
  offeredMs: number;
  /** Commands not sent because too many were already in flight (the app fell behind). */
  shed: number;
}

const unknownCounts: ConflictRetriesReader = async () => null;

/** Runs `ops` with `clients` concurrent clients (closed loop), each taking the next when done, for at most `maxMs`. */
export async function runOps(client: GraphQLClient, ops: GraphQLOp[], options: ClosedLoopOptions): Promise<OpsResult> {
  const { clients, maxMs = Infinity, conflictRetries = unknownCounts } = options;
  await signTokensOf(ops);
  const tally = new OpsTally();
  const before = await conflictRetries();
  let next = 0;
  const start = nowMs();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < ops.length && nowMs() - start < maxMs) {
        const op = ops[next++];
        const sentAt = nowMs();
        try {
          await sendOp(client, op);
          tally.record(op, nowMs() - sentAt, null);
        } catch (error) {
          tally.record(op, nowMs() - sentAt, error);
        }
      }
    }),
  );
  const ms = nowMs() - start;
  return tally.result(Math.min(next, ops.length), ms, countsSince(before, await conflictRetries()));
}

/**
 * Sends `ops` in order at `rate` a second (open loop) for `durationMs`, or until they run
 * out; latencies run from each command's scheduled send time.
 */
export async function runOpsAtRate(
  client: GraphQLClient,
  ops: GraphQLOp[],
  pace: { rate: number; durationMs: number; conflictRetries?: ConflictRetriesReader },
): Promise<OfferedOpsResult> {
  const { rate, conflictRetries = unknownCounts } = pace;
  const durationMs = Math.min(pace.durationMs, (ops.length / rate) * 1000);
  await signTokensOf(ops);
  const tally = new OpsTally();
  const before = await conflictRetries();
  const paced = await atFixedRate(
    { rate, durationMs },
    (index) => sendOp(client, ops[index]),
    (index, ms, error) => tally.record(ops[index], ms, error),
  );
  const sent = paced.scheduled - paced.shed;
  const result = tally.result(sent, paced.elapsedMs, countsSince(before, await conflictRetries()));
  return { ...result, offered: rate, offeredMs: Math.round(durationMs), shed: paced.shed };
}
