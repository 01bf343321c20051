/** The benchmark's results and their markdown table. */
import type { StatementCounts } from './statementCounts';
import type { AppendResult, AppendTargetName } from './appends';
import type { GeneratorStats } from './generator';
import { commandRows, commandTarget } from './commandReport';
import type { LagResult, OfferedOpsResult, OpsResult, RatePoint, RefusalResult, UserName } from './load';
import type { CopyRebuildResult, ProjectionTiming, RebuildAllResult } from './rebuild';
import type { MemorySample } from './server';
import { detail, fmt, pct, ratio, row } from './reportFormat';
import { exportRows, type ExportResult } from './exports';
import type { VerifyChainResult } from './verifyChain';

export interface MachineInfo {
  nproc: number;
  memoryGiB: number;
  cpu: string;
  node: string;
  postgres: string;
  /** How the app, Emmett and the ceilings reach PostgreSQL (absent in results written before it was recorded). */
  connection?: 'Unix socket' | 'TCP';
}

export interface UserResult {
  name: UserName;
  description: string;
  requestsPerAction: number;
  saturation: RatePoint;
  points: RatePoint[];
  /** Highest completed request rate among the fixed rates with p99 ≤ 20 ms, no error and nothing shed. */
  maxRequestsPerSecWithinP99: number;
}

export interface TargetCheck {
  target: string;
  value: string;
  met: boolean | null;
}

export interface BenchResults {
  date: string;
  durationSec: number;
  machine: MachineInfo;
  options: {
    events: number;
    runs: number;
    quick: boolean;
    skipEmmett: boolean;
    seed: number;
    singleSample: number;
    writers: { single: number; batch: number };
    batchSize: number;
  };
  generator: { ms: number; eventsPerSec: number; stats: GeneratorStats };
  appends: {
    single: Partial<Record<AppendTargetName, AppendResult>>;
    batch: Partial<Record<AppendTargetName, AppendResult>>;
    /** Ours, one writer in log order: the import that builds the province's database. */
    ordered: AppendResult | null;
    allRuns: AppendResult[];
  };
  rebuild: {
    all: RebuildAllResult | null;
    allRuns: RebuildAllResult[];
    each: ProjectionTiming[] | null;
    copy: Partial<Record<'ours' | 'emmett', CopyRebuildResult>>;
  };
  commands: {
    setup: OpsResult[];
    /** The open loop at the offered rate. Absent in results written before it was measured. */
    offered?: OfferedOpsResult | null;
    /** The closed-loop runs (saturation), and the median of them. */
    runs: OpsResult[];
    median: OpsResult | null;
    mix: Record<string, number>;
    /**
     * Every statement the app sent PostgreSQL during the closed-loop runs, per command
     * answered (null: not counted, as for an app in the benchmark's process). Absent in
     * results written before it was counted.
     */
    statementsPerCommand?: StatementCounts | null;
  } | null;
  queries: { users: UserResult[]; notes: string[] } | null;
  /** Absent in results written before it was measured. */
  fragmentBomb?: RefusalResult | null;
  lag: LagResult | null;
  /** Absent in results written before it was measured. */
  verifyChain?: VerifyChainResult | null;
  /** Absent in results written before it was measured. */
  exports?: ExportResult[] | null;
  rss: MemorySample | null;
  notes: string[];
  targets: TargetCheck[];
}

const yesNo = (met: boolean | null): string => (met === null ? 'n/a' : met ? '**met**' : '**not met**');

export function checkTargets(r: BenchResults): TargetCheck[] {
  const b = r.appends.batch;
  const s = r.appends.single;
  const checks: TargetCheck[] = [];
  const cmp = (value: number | undefined, goal: number | undefined, min: number) =>
    value && goal ? value / goal >= min : null;
  checks.push({
    target: 'batched appends ≥ 1.0× Emmett',
    value: ratio(b.ours?.eventsPerSec, b.emmett?.eventsPerSec),
    met: cmp(b.ours?.eventsPerSec, b.emmett?.eventsPerSec, 1),
  });
  checks.push({
    target: 'single-event appends (16 writers) ≥ 1.0× Emmett',
    value: ratio(s.ours?.eventsPerSec, s.emmett?.eventsPerSec),
    met: cmp(s.ours?.eventsPerSec, s.emmett?.eventsPerSec, 1),
  });
  checks.push({
    target: 'batched appends ≥ 25% of the multi-row INSERT ceiling',
    value: pct(b.ours?.eventsPerSec, b['raw-insert']?.eventsPerSec),
    met: cmp(b.ours?.eventsPerSec, b['raw-insert']?.eventsPerSec, 0.25),
  });
  const all = r.rebuild.all;
  checks.push({
    target: 'rebuild of all read models ≥ 25,000 events/s',
    value: all ? `${fmt(all.eventsPerSec)} events/s` : '—',
    met: all ? all.eventsPerSec >= 25_000 : null,
  });
  const copy = r.rebuild.copy;
  checks.push({
    target: 'rebuild ≥ 1.5× Emmett (same read model)',
    value: ratio(copy.ours?.eventsPerSec, copy.emmett?.eventsPerSec),
    met: cmp(copy.ours?.eventsPerSec, copy.emmett?.eventsPerSec, 1.5),
  });
  for (const name of ['inspector', 'complaint desk'] as const) {
    const user = r.queries?.users.find((u) => u.name === name);
    checks.push({
      target: `${name}: ≥ 1,500 req/s with p99 ≤ 20 ms`,
      value: user
        ? `${fmt(user.maxRequestsPerSecWithinP99)} req/s within p99 ≤ 20 ms (saturation ${fmt(user.saturation.achievedRequestsPerSec)} req/s, p99 ${fmt(user.saturation.p99, 1)} ms)`
        : 'skipped',
      met: user ? user.maxRequestsPerSecWithinP99 >= 1_500 : null,
    });
  }
  checks.push(commandTarget(r));
  const bomb = r.fragmentBomb;
  checks.push({
    target: 'fragment bomb refused (HTTP 400) in < 50 ms',
    value: bomb ? `max ${fmt(bomb.max, 1)} ms, ${bomb.refused} of ${bomb.requests} refused` : '—',
    met: bomb ? bomb.max < 50 && bomb.refused === bomb.requests : null,
  });
  checks.push({
    target: 'server peak RSS ≤ 300 MB',
    value: r.rss ? `${fmt(r.rss.peakMiB)} MiB` : '—',
    met: r.rss ? r.rss.peakMiB <= 300 : null,
  });
  return checks;
}

/** The rows of the results table (also what the smoke test checks). */
export function tableRows(r: BenchResults): string[][] {
  return [
    ...appendRows(r),
    ...rebuildRows(r),
    ...verifyChainRows(r),
    ...lagRows(r),
    ...commandRows(r),
    ...queryRows(r),
    ...refusalRows(r),
    ...memoryRows(r),
    ...exportRows(r.exports),
  ];
}

function appendRows(r: BenchResults): string[][] {
  const b = r.appends.batch;
  const s = r.appends.single;
  const rate = (x: AppendResult | undefined) =>
    x ? `${fmt(x.eventsPerSec)} ev/s (p50 ${fmt(x.latency.p50, 1)} / p99 ${fmt(x.latency.p99, 1)} ms)` : '—';
  const rows: string[][] = [
    [
      `Single-event appends, ${r.options.writers.single} writers, ${fmt(s.ours?.events)} events`,
      rate(s.ours),
      rate(s.emmett),
      rate(s['raw-insert']) + ' (1-row INSERT)',
      '—',
      `${ratio(s.ours?.eventsPerSec, s.emmett?.eventsPerSec)} Emmett; ${pct(s.ours?.eventsPerSec, s['raw-insert']?.eventsPerSec)} of 1-row INSERT`,
    ],
    [
      `Batched appends, ${r.options.writers.batch} writers × ${r.options.batchSize} events, ${fmt(b.ours?.events)} events`,
      rate(b.ours),
      rate(b.emmett),
      rate(b['raw-insert']),
      rate(b['raw-copy']),
      `${ratio(b.ours?.eventsPerSec, b.emmett?.eventsPerSec)} Emmett; ${pct(b.ours?.eventsPerSec, b['raw-insert']?.eventsPerSec)} of INSERT; ${pct(b.ours?.eventsPerSec, b['raw-copy']?.eventsPerSec)} of COPY`,
    ],
  ];
  const o = r.appends.ordered;
  if (o)
    rows.push(
      row(
        `Bulk import in log order (path a), 1 writer × ${r.options.batchSize} events, ${fmt(o.events)} events`,
        rate(o),
      ),
    );
  return rows;
}

function rebuildRows(r: BenchResults): string[][] {
  const all = r.rebuild.all;
  const rows: string[][] = [
    row(
      `Rebuild of all ${all?.projections.length ?? 0} read models from 0 (fresh runner), ${fmt(all?.logEvents)} events`,
      all
        ? `${fmt(all.eventsPerSec)} ev/s (${fmt(all.ms / 1000, 1)} s)${all.projections.every((p) => p.complete) ? '' : ' INCOMPLETE'}`
        : '—',
    ),
  ];
  for (const p of all?.projections ?? [])
    rows.push(
      detail(
        `  · ${p.name}: ${fmt(p.events)} events of its types`,
        `caught up after ${fmt(p.ms / 1000, 1)} s (${fmt(p.eventsPerSec)} ev/s of its types)${p.complete ? '' : ` saw ${fmt(p.applied)}`}`,
      ),
    );
  for (const p of r.rebuild.each ?? [])
    rows.push(
      detail(
        `  · rebuild(${p.name}) alone, beside the live models`,
        `${fmt(p.eventsPerSec)} log ev/s (${fmt(p.ms / 1000, 1)} s)${p.complete ? '' : ` saw ${fmt(p.applied)} of ${fmt(p.events)}`}`,
      ),
    );
  const copy = r.rebuild.copy;
  const copyCell = (c: CopyRebuildResult | undefined) =>
    c ? `${fmt(c.eventsPerSec)} ev/s${c.complete ? '' : ` (saw ${fmt(c.rows)} of ${fmt(c.logEvents)})`}` : '—';
  rows.push([
    'Rebuild of one minimal read model (copy of every event), batch 500',
    copyCell(copy.ours),
    copyCell(copy.emmett),
    '—',
    '—',
    ratio(copy.ours?.eventsPerSec, copy.emmett?.eventsPerSec) + ' Emmett',
  ]);
  return rows;
}

function verifyChainRows(r: BenchResults): string[][] {
  const v = r.verifyChain;
  if (!v) return [];
  return [
    row(
      `verify-chain: every chain of the log recomputed, one reader, ${fmt(v.events)} events in ${fmt(v.streams)} streams`,
      `${fmt(v.eventsPerSec)} ev/s (${fmt(v.ms / 1000, 1)} s${v.brokenStreams ? `, ${fmt(v.brokenStreams)} BROKEN` : ''}); logDigest (every stream head, root) ${fmt(v.digestMs / 1000, 1)} s`,
    ),
  ];
}

function lagRows(r: BenchResults): string[][] {
  if (!r.lag) return [];
  return [
    row(
      `Live projection lag at ${fmt(r.lag.targetRate)} events/s (achieved ${fmt(r.lag.achievedRate)}), all read models`,
      `p50 ${fmt(r.lag.p50, 1)} ms, p99 ${fmt(r.lag.p99, 1)} ms (${r.lag.samples} samples${r.lag.timeouts ? `, ${r.lag.timeouts} timeouts` : ''})`,
    ),
  ];
}

function queryRows(r: BenchResults): string[][] {
  const rows: string[][] = [];
  for (const u of r.queries?.users ?? []) {
    rows.push(
      row(
        `Queries, ${u.name} (${u.description})`,
        `saturation ${fmt(u.saturation.achievedRequestsPerSec)} req/s (p50 ${fmt(u.saturation.p50, 1)} / p99 ${fmt(u.saturation.p99, 1)} ms); ${fmt(u.maxRequestsPerSecWithinP99)} req/s within p99 ≤ 20 ms`,
      ),
    );
    for (const p of u.points)
      rows.push(
        detail(
          `  · offered ${fmt(p.offered * u.requestsPerAction)} req/s`,
          `${fmt(p.achievedRequestsPerSec)} req/s, p50 ${fmt(p.p50, 1)} ms, p99 ${fmt(p.p99, 1)} ms${p.errors ? `, ${p.errors} errors` : ''}${p.shed ? `, ${p.shed} shed` : ''}`,
        ),
      );
  }
  return rows;
}

function refusalRows(r: BenchResults): string[][] {
  const bomb = r.fragmentBomb;
  if (!bomb) return [];
  return [
    row(
      `Refusal of a ${bomb.levels}-level fragment bomb (${fmt(bomb.bytes)} bytes), ${bomb.requests} requests one at a time`,
      `p50 ${fmt(bomb.p50, 1)} ms, max ${fmt(bomb.max, 1)} ms; ${bomb.refused} refused with HTTP 400 (${bomb.codes.join(', ') || 'no code'})`,
    ),
  ];
}

function memoryRows(r: BenchResults): string[][] {
  if (!r.rss) return [];
  return [row('Server process peak RSS (VmHWM) over commands, queries and lag', `${fmt(r.rss.peakMiB)} MiB`)];
}

export function renderMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  const g = r.generator.stats;
  lines.push(`# Benchmark ${r.date}`);
  lines.push('');
  lines.push(
    `Machine: ${r.machine.nproc} CPUs (${r.machine.cpu}), ${fmt(r.machine.memoryGiB, 1)} GiB RAM; Node ${r.machine.node}; ${r.machine.postgres} (embedded, one server for everything, same machine as the load${r.machine.connection ? `; every client connects through ${r.machine.connection === 'TCP' ? 'TCP on 127.0.0.1' : 'its Unix socket'}` : ''}).`,
  );
  lines.push(
    `Workload: ${fmt(g.events)} generated events (${fmt(g.commands)} commands, ${fmt(g.streams)} streams; ${fmt(g.units)} units, ${fmt(g.people)} people, ${fmt(g.clusters)} clusters, scale ${g.scale.toFixed(3)}), ${g.firstRecordedAt?.slice(0, 10)} – ${g.lastRecordedAt?.slice(0, 10)}, ${Math.round(g.lastSixWeeksShare * 100)}% in the last six weeks of a year; generated at ${fmt(r.generator.eventsPerSec)} events/s. Runs: median of ${r.options.runs} where cheap. Total time ${fmt(r.durationSec / 60, 1)} min.`,
  );
  lines.push('');
  lines.push('| measure | ours | Emmett | raw multi-row INSERT | raw COPY | ours relative |');
  lines.push('|---|---|---|---|---|---|');
  for (const row of tableRows(r)) lines.push(`| ${row.join(' | ')} |`);
  lines.push('');
  lines.push('| target | measured | |');
  lines.push('|---|---|---|');
  for (const t of r.targets) lines.push(`| ${t.target} | ${t.value} | ${yesNo(t.met)} |`);
  lines.push('');
  lines.push(
    'Event mix: ' +
      Object.entries(g.byCategory)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ') +
      '.',
  );
  for (const note of [...r.notes, ...(r.queries?.notes ?? [])]) lines.push(`- ${note}`);
  return lines.join('\n') + '\n';
}
