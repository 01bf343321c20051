import { START, type Position, type ReadPosition } from '@eventstore/db-client';

/**
 * The port's positions are the decimal COMMIT position of an event in `$all`. An event
 * appended without an explicit transaction (the only kind this adapter writes) has equal
 * commit and prepare positions, so the prepare position is rebuilt from the commit one
 * wherever the client asks for both. Filtered checkpoints may carry prepare 0
 * (kurrent-io/KurrentDB#3989); only their commit position is kept.
 */
export function portPosition(position: Pick<Position, 'commit'>): string {
  return position.commit.toString();
}

/** Where a read or subscription of `$all` starts: after this port position ('0': the start of the log). */
export function readPositionAfter(after: string): ReadPosition {
  const commit = BigInt(after);
  return commit === 0n ? START : { commit, prepare: commit };
}

/** The larger of two port positions. */
export function laterPosition(a: string, b: string): string {
  return BigInt(a) >= BigInt(b) ? a : b;
}
