/** The figures two builds' benchmark results are compared on, and the comparison's table. */
import type { BenchResults } from './report';

/** One compared figure: which way is better, and how to read it from a run's results. */
export interface Figure {
  name: string;
  unit: string;
  higherIsBetter: boolean;
  read: (results: BenchResults) => number | undefined;
}

const user = (results: BenchResults, name: string) => results.queries?.users.find((u) => u.name === name);

/** Rate rows are compared by their saturation, the figure that moves least between runs. */
export const FIGURES: Figure[] = [
  {
    name: 'single-event appends',
    unit: 'ev/s',
    higherIsBetter: true,
    read: (r) => r.appends.single.ours?.eventsPerSec,
  },
  { name: 'batched appends', unit: 'ev/s', higherIsBetter: true, read: (r) => r.appends.batch.ours?.eventsPerSec },
  {
    name: 'bulk import in log order',
    unit: 'ev/s',
    higherIsBetter: true,
    read: (r) => r.appends.ordered?.eventsPerSec,
  },
  { name: 'rebuild of all read models', unit: 'ev/s', higherIsBetter: true, read: (r) => r.rebuild.all?.eventsPerSec },
  {
    name: 'rebuild of one minimal read model',
    unit: 'ev/s',
    higherIsBetter: true,
    read: (r) => r.rebuild.copy.ours?.eventsPerSec,
  },
  { name: 'verify-chain', unit: 'ev/s', higherIsBetter: true, read: (r) => r.verifyChain?.eventsPerSec },
  { name: 'live projection lag p99', unit: 'ms', higherIsBetter: false, read: (r) => r.lag?.p99 },
  { name: 'commands saturation', unit: 'cmd/s', higherIsBetter: true, read: (r) => r.commands?.median?.opsPerSec },
  ...['dashboard', 'inspector', 'complaint desk'].map((name): Figure => ({
    name: `${name} saturation`,
    unit: 'req/s',
    higherIsBetter: true,
    read: (r) => user(r, name)?.saturation.achievedRequestsPerSec,
  })),
  { name: 'fragment bomb refusal, max', unit: 'ms', higherIsBetter: false, read: (r) => r.fragmentBomb?.max },
  { name: 'server peak RSS', unit: 'MiB', higherIsBetter: false, read: (r) => r.rss?.peakMiB },
];

/** A row whose baseline runs spread more than this (max − min over the median) is reported, not judged. */
export const SPREAD_LIMIT = 0.1;
/** A judged row fails when its median is worse than the baseline's by more than this. */
export const WORSE_LIMIT = 0.1;

export interface FigureComparison {
  figure: Figure;
  baseline: number[];
  candidate: number[];
  baselineMedian: number | undefined;
  candidateMedian: number | undefined;
  baselineSpread: number | undefined;
  /** Positive is better, whichever way the figure points. */
  change: number | undefined;
  verdict: 'holds' | 'worse' | 'reported, not judged' | 'not measured';
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function figuresOf(figure: Figure, runs: BenchResults[]): number[] {
  return runs.map((r) => figure.read(r)).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

export function compareFigure(figure: Figure, baselineRuns: BenchResults[], candidateRuns: BenchResults[]) {
  const baseline = figuresOf(figure, baselineRuns);
  const candidate = figuresOf(figure, candidateRuns);
  const baselineMedian = median(baseline);
  const candidateMedian = median(candidate);
  const measured = baselineMedian !== undefined && candidateMedian !== undefined && baselineMedian > 0;
  const baselineSpread = measured ? (Math.max(...baseline) - Math.min(...baseline)) / baselineMedian : undefined;
  const change = measured
    ? ((candidateMedian - baselineMedian) / baselineMedian) * (figure.higherIsBetter ? 1 : -1)
    : undefined;
  let verdict: FigureComparison['verdict'] = 'not measured';
  if (measured) {
    if (baselineSpread! > SPREAD_LIMIT) verdict = 'reported, not judged';
    else verdict = change! < -WORSE_LIMIT ? 'worse' : 'holds';
  }
  return { figure, baseline, candidate, baselineMedian, candidateMedian, baselineSpread, change, verdict };
}

const number = (n: number | undefined): string =>
  n === undefined ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: n < 100 ? 1 : 0 });
const percent = (n: number | undefined): string =>
  n === undefined ? '—' : `${n >= 0 ? '+' : ''}${(n * 100).toFixed(1)}%`;

export function comparisonTable(comparisons: FigureComparison[]): string {
  const lines = [
    '| figure | baseline runs | baseline median (spread) | candidate runs | candidate median | change (+ is better) | verdict |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const c of comparisons) {
    const unit = c.figure.unit;
    lines.push(
      `| ${c.figure.name} (${unit}) | ${c.baseline.map(number).join(', ')} | ${number(c.baselineMedian)} (${percent(c.baselineSpread).replace('+', '')}) | ${c.candidate.map(number).join(', ')} | ${number(c.candidateMedian)} | ${percent(c.change)} | ${c.verdict} |`,
    );
  }
  return lines.join('\n');
}
