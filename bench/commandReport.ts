/**
 * The commands' rows of the results table and their goal: the open loop at the offered
 * rate, then the closed loop (saturation), each with its errors by code and the version
 * conflicts the app retried or let surface.
 */
import type { OfferedOpsResult, OpsResult } from './load';
import type { BenchResults, TargetCheck } from './report';
import type { StatementCounts } from './statementCounts';
import { detail, fmt, row } from './reportFormat';

/** The goal: at an offered 800 commands/s, p99 (from the scheduled send time) ≤ 100 ms and no error. */
export const COMMAND_GOAL = { rate: 800, p99Ms: 100 } as const;

/** "3 errors (CONFLICT 2, SERVICE_BUSY 1)", or "0 errors". */
function errorsCell(x: OpsResult): string {
  const codes = Object.entries(x.errorsByCode ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${fmt(n)}`);
  return `${fmt(x.errors)} errors${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`;
}

/** Conflicts retried (per command) and surfaced as errors. */
function conflictsCell(x: OpsResult): string {
  const retried = x.conflictsRetried;
  if (retried === undefined) return '';
  const total = Object.values(retried ?? {}).reduce((a, n) => a + n, 0);
  const byName = Object.entries(retried ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${fmt(n)}`);
  const retriedText =
    retried === null
      ? 'retried: unknown'
      : `${fmt(total)} retried${byName.length > 0 ? ` (${byName.join(', ')})` : ''}`;
  return `; version conflicts ${retriedText}, ${fmt(x.versionConflicts ?? 0)} surfaced as errors`;
}

function mixText(mix: Record<string, number>): string {
  const total = Object.values(mix).reduce((a, x) => a + x, 0);
  return Object.entries(mix)
    .map(([k, v]) => `${k} ${Math.round((v / total) * 100)}%`)
    .join(', ');
}

/** Per command: latency, errors, conflicts retried. */
function perCommand(x: OpsResult): string[][] {
  return Object.entries(x.byName).map(([name, c]) => {
    const retried = x.conflictsRetried?.[name];
    return detail(
      `  · ${name}`,
      `p50 ${fmt(c.p50, 1)} ms, p99 ${fmt(c.p99, 1)} ms${c.errors ? `, ${c.errors} errors` : ''}${retried ? `, ${fmt(retried)} conflicts retried` : ''}`,
    );
  });
}

/** Whether the open loop held the goal's latency and error budget at its offered rate. */
function heldGoal(x: OfferedOpsResult): boolean {
  return x.latency.p99 <= COMMAND_GOAL.p99Ms && x.errors === 0 && x.shed === 0;
}

export function commandRows(r: BenchResults): string[][] {
  const commands = r.commands;
  if (!commands) return [];
  const rows: string[][] = [];
  const o = commands.offered;
  if (o) {
    const latency = `p50 ${fmt(o.latency.p50, 1)} / p99 ${fmt(o.latency.p99, 1)} / max ${fmt(o.latency.max, 1)} ms from the scheduled send`;
    rows.push(
      row(
        `Commands over GraphQL/HTTP, open loop: ${fmt(o.offered)}/s offered for ${fmt(o.offeredMs / 1000, 1)} s (${mixText(commands.mix)})`,
        `${fmt(o.opsPerSec)} commands/s answered, ${latency}, ${errorsCell(o)}${o.shed ? `, ${fmt(o.shed)} shed` : ''}${conflictsCell(o)}; p99 ≤ ${COMMAND_GOAL.p99Ms} ms with 0 errors ${heldGoal(o) ? '**held**' : '**not held**'}`,
      ),
      ...perCommand(o),
    );
  }
  const c = commands.median;
  if (c)
    rows.push(
      row(
        `Commands over GraphQL/HTTP, saturation: closed loop of 32 clients (${mixText(commands.mix)})`,
        `${fmt(c.opsPerSec)} commands/s, p50 ${fmt(c.latency.p50, 1)} ms, p99 ${fmt(c.latency.p99, 1)} ms, ${errorsCell(c)}${conflictsCell(c)}`,
      ),
      ...perCommand(c),
    );
  const statements = commands.statementsPerCommand;
  if (statements) rows.push(statementsRow(statements));
  return rows;
}

/** The statements the app sent per command answered in the closed loop, by kind. */
function statementsRow(per: StatementCounts): string[] {
  const total = per.streamReads + per.appends + per.rateLimit + per.other;
  return row(
    'Database statements per command, closed loop (every statement the app sent, read models and process managers included)',
    `${fmt(total, 2)}: stream reads ${fmt(per.streamReads, 2)}, appends ${fmt(per.appends, 2)}, rate-limit counts ${fmt(per.rateLimit, 2)}, other ${fmt(per.other, 2)}`,
  );
}

/** The goal at an offered 800 commands/s; a run at another rate is reported, not judged. */
export function commandTarget(r: BenchResults): TargetCheck {
  const o = r.commands?.offered;
  const target = `commands at an offered ${fmt(COMMAND_GOAL.rate)}/s (open loop): p99 ≤ ${COMMAND_GOAL.p99Ms} ms, 0 errors`;
  if (!o) return { target, value: '—', met: null };
  const value = `${o.offered === COMMAND_GOAL.rate ? '' : `measured at ${fmt(o.offered)}/s: `}p99 ${fmt(o.latency.p99, 1)} ms, ${errorsCell(o)}${o.shed ? `, ${fmt(o.shed)} shed` : ''} (saturation ${fmt(r.commands?.median?.opsPerSec)} commands/s)`;
  return { target, value, met: o.offered === COMMAND_GOAL.rate ? heldGoal(o) : null };
}
