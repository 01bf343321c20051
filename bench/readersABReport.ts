/** The readers' A/B results (this build with authentication against a build without), their medians and markdown. */
import type { GeneratorStats } from './generator';
import { median } from './lib';
import type { UserName } from './load';
import type { MachineInfo, UserResult } from './report';

export type BuildName = 'auth' | 'baseline';

export interface BuildInfo {
  name: BuildName;
  /** The checkout whose `dist/src/main.js` ran. */
  root: string;
  /** Its commit, or null outside git; `dirty` when its working tree had uncommitted changes. */
  commit: string | null;
  dirty: boolean;
}

export interface ReadersABRun {
  build: BuildName;
  /** 1-based, per build. */
  run: number;
  users: UserResult[];
  notes: string[];
}

export interface ReaderSummary {
  name: UserName;
  build: BuildName;
  medianRequestsPerSecWithinP99: number;
  medianSaturationRequestsPerSec: number;
  runsWithinP99: number[];
  runsSaturation: number[];
}

export interface ReadersABResults {
  date: string;
  durationSec: number;
  machine: MachineInfo;
  options: { events: number; runs: number; quick: boolean; seed: number; seconds: number; rates: number[] };
  builds: Record<BuildName, BuildInfo>;
  province: GeneratorStats;
  preparation: { importEventsPerSec: number; rebuildEventsPerSec: number; ms: number };
  runs: ReadersABRun[];
  summary: ReaderSummary[];
  notes: string[];
}

/**
 * The goal of the issue: each of these readers holds this many requests a second with
 * p99 ≤ 20 ms, with authentication.
 */
const READER_GOAL_REQUESTS_PER_SEC = 1_500;

/** Per reader and build, the medians over that build's runs (a reader missing from a run counts as 0 there). */
export function summarize(runs: readonly ReadersABRun[]): ReaderSummary[] {
  const names = [...new Set(runs.flatMap((r) => r.users.map((u) => u.name)))];
  const summaries: ReaderSummary[] = [];
  for (const name of names) {
    for (const build of ['auth', 'baseline'] as const) {
      const ofBuild = runs.filter((r) => r.build === build).map((r) => r.users.find((u) => u.name === name));
      if (ofBuild.length === 0) continue;
      const runsWithinP99 = ofBuild.map((u) => u?.maxRequestsPerSecWithinP99 ?? 0);
      const runsSaturation = ofBuild.map((u) => u?.saturation.achievedRequestsPerSec ?? 0);
      summaries.push({
        name,
        build,
        medianRequestsPerSecWithinP99: median(runsWithinP99),
        medianSaturationRequestsPerSec: median(runsSaturation),
        runsWithinP99,
        runsSaturation,
      });
    }
  }
  return summaries;
}

const fmt = (n: number | undefined, digits = 0): string =>
  n === undefined || !Number.isFinite(n) ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits });
const ratio = (a: number | undefined, b: number | undefined): string => (a && b ? `${(a / b).toFixed(2)}×` : '—');

function buildLabel(build: BuildInfo): string {
  const what = build.name === 'auth' ? 'with auth' : 'without auth';
  return `${what} (${build.commit ?? 'no commit'}${build.dirty ? '+changes' : ''})`;
}

function summaryTable(r: ReadersABResults): string[] {
  const lines = [
    '| reader | build | req/s within p99 ≤ 20 ms, median | saturation req/s, median | within p99 ≤ 20 ms, each run | saturation, each run |',
    '|---|---|---|---|---|---|',
  ];
  for (const s of r.summary) {
    lines.push(
      `| ${s.name} | ${buildLabel(r.builds[s.build])} | ${fmt(s.medianRequestsPerSecWithinP99)} | ${fmt(s.medianSaturationRequestsPerSec)} | ${s.runsWithinP99.map((n) => fmt(n)).join(' / ')} | ${s.runsSaturation.map((n) => fmt(n)).join(' / ')} |`,
    );
  }
  for (const name of new Set(r.summary.map((s) => s.name))) {
    const auth = r.summary.find((s) => s.name === name && s.build === 'auth');
    const baseline = r.summary.find((s) => s.name === name && s.build === 'baseline');
    lines.push(
      `| ${name} | with ÷ without | ${ratio(auth?.medianRequestsPerSecWithinP99, baseline?.medianRequestsPerSecWithinP99)} | ${ratio(auth?.medianSaturationRequestsPerSec, baseline?.medianSaturationRequestsPerSec)} | | |`,
    );
  }
  return lines;
}

function targetTable(r: ReadersABResults): string[] {
  const lines = ['| target | measured (median of the runs with auth) | |', '|---|---|---|'];
  for (const s of r.summary.filter((x) => x.build === 'auth')) {
    const met = s.medianRequestsPerSecWithinP99 >= READER_GOAL_REQUESTS_PER_SEC;
    lines.push(
      `| ${s.name}, with auth: ≥ ${fmt(READER_GOAL_REQUESTS_PER_SEC)} req/s with p99 ≤ 20 ms | ${fmt(s.medianRequestsPerSecWithinP99)} req/s | ${met ? '**met**' : '**not met**'} |`,
    );
  }
  return lines;
}

function runTable(r: ReadersABResults): string[] {
  const lines = [
    '| # | build | reader | within p99 ≤ 20 ms | saturation (p50 / p99 ms) | offered → achieved req/s (p99 ms) |',
    '|---|---|---|---|---|---|',
  ];
  r.runs.forEach((run, i) => {
    for (const u of run.users) {
      const points = u.points
        .map(
          (p) =>
            `${fmt(p.offered * u.requestsPerAction)} → ${fmt(p.achievedRequestsPerSec)} (${fmt(p.p99, 1)}${p.errors ? `, ${p.errors} errors` : ''}${p.shed ? `, ${p.shed} shed` : ''})`,
        )
        .join('; ');
      const s = u.saturation;
      lines.push(
        `| ${i + 1} | ${run.build} ${run.run} | ${u.name} | ${fmt(u.maxRequestsPerSecWithinP99)} | ${fmt(s.achievedRequestsPerSec)} (${fmt(s.p50, 1)} / ${fmt(s.p99, 1)}) | ${points} |`,
      );
    }
  });
  return lines;
}

export function renderReadersAB(r: ReadersABResults): string {
  const g = r.province;
  const m = r.machine;
  const lines = [`# Readers with and without authentication ${r.date}`, ''];
  lines.push(
    `Machine: ${m.nproc} CPUs (${m.cpu}), ${fmt(m.memoryGiB, 1)} GiB RAM; Node ${m.node}; ${m.postgres} (embedded, same machine as the load).`,
  );
  lines.push(
    `Province: ${fmt(g.events)} generated events (${fmt(g.people)} people, ${fmt(g.units)} units), imported in log order at ${fmt(r.preparation.importEventsPerSec)} events/s, read models rebuilt at ${fmt(r.preparation.rebuildEventsPerSec)} events/s, VACUUM ANALYZEd; prepared in ${fmt(r.preparation.ms / 1000, 1)} s.`,
  );
  lines.push(
    `Builds, alternated ${r.options.runs} times each (with auth first): with auth = ${r.builds.auth.root}; without auth = ${r.builds.baseline.root}. Each run: ${fmt(r.options.seconds)} s per rate point, rates ${r.options.rates.map((n) => fmt(n)).join(', ')} req/s. Total time ${fmt(r.durationSec / 60, 1)} min.`,
  );
  lines.push(
    '',
    ...summaryTable(r),
    '',
    ...targetTable(r),
    '',
    '## Every run, in the order run',
    '',
    ...runTable(r),
    '',
  );
  for (const note of [...r.notes, ...r.runs.flatMap((run) => run.notes.map((n) => `${run.build} ${run.run}: ${n}`))])
    lines.push(`- ${note}`);
  return lines.join('\n') + '\n';
}
