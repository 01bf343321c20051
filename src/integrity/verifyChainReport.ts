import type { ChainFinding } from '../eventStore/chainCheck';
import type { LogCheckProgress, LogCheckResult } from './logCheck';
import type { DigestComparison, HeadDifference, LogDigest } from './logDigest';

// The lines verify-chain prints: one per broken stream or differing head, so scripts can grep them.

const count = (n: number): string => n.toLocaleString('en-US');
const counted = (n: number, noun: string): string => `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
const perSecond = (events: number, ms: number): string => count(Math.round((events / Math.max(ms, 1)) * 1000));

export function progressLine(progress: LogCheckProgress): string {
  return `verify-chain: ${counted(progress.events, 'event')} in ${counted(progress.streams, 'stream')} checked, ${perSecond(progress.events, progress.elapsedMs)} events/s`;
}

export function findingLine(finding: ChainFinding): string {
  return `BROKEN ${finding.streamId} version ${finding.version} ${finding.kind}: ${finding.detail}`;
}

export function summaryLine(result: LogCheckResult): string {
  const verdict =
    result.findings.length === 0 ? 'every chain is intact' : counted(result.findings.length, 'broken stream');
  return `Checked ${counted(result.events, 'event')} in ${counted(result.streams, 'stream')} up to position ${result.upTo} in ${(result.elapsedMs / 1000).toFixed(1)} s (${perSecond(result.events, result.elapsedMs)} events/s): ${verdict}.`;
}

export function digestLine(digest: LogDigest, writtenTo: string | null): string {
  return `Digest at position ${digest.position}: root ${digest.root} (${counted(digest.streamCount, 'stream')}, ${counted(digest.eventCount, 'event')})${writtenTo ? `, written to ${writtenTo}` : ''}.`;
}

function headText(head: HeadDifference['kept']): string {
  return head ? `version ${head.version} (hash ${head.hash.slice(0, 16)}…)` : 'absent';
}

function differenceLine(difference: HeadDifference): string {
  return `DIFFERS ${difference.streamId} ${difference.change}: kept ${headText(difference.kept)}, now ${headText(difference.now)}`;
}

/** The root vouches for the heads, the chains for what lies below them: only both together say nothing changed. */
export function comparisonLines(kept: LogDigest, comparison: DigestComparison, chainsIntact: boolean): string[] {
  const lines = comparison.differences.map(differenceLine);
  if (!comparison.rootMatches)
    lines.push(`Root at position ${kept.position} differs: kept ${kept.root}, now ${comparison.rootNow}.`);
  else if (chainsIntact)
    lines.push(
      `Root at position ${kept.position} matches the kept one and every chain is intact: nothing at or below it changed.`,
    );
  else
    lines.push(
      `Root at position ${kept.position} matches the kept one: every head is as kept, but the broken chains above changed below their heads.`,
    );
  return lines;
}
