/**
 * `npm run bench:ab -- --baseline <checkout> [--runs K] [-- <npm run bench options>]`
 *
 * The whole benchmark, this build against another checkout's (built with `npm run build`),
 * in one session: the two take turns, K times each (3 by default), the first of each round
 * alternating (this one, then the other, then this one …), each
 * run a plain `node dist/bench/run.js` of the build's own checkout with the same options.
 * The figures of `bench/buildComparison.ts` are compared on their medians. Writes
 * bench/results/<date>-ab.json and .md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../src/infra/projectRoot';
import { compareFigure, comparisonTable, FIGURES, SPREAD_LIMIT, WORSE_LIMIT } from './buildComparison';
import type { BenchResults } from './report';
import { benchLog, writeResults } from './session';

interface Checkout {
  name: 'baseline' | 'candidate';
  root: string;
  commit: string;
}

function checkoutOf(name: Checkout['name'], root: string): Checkout {
  if (!existsSync(join(root, 'dist', 'bench', 'run.js'))) {
    throw new Error(`${root} has no dist/bench/run.js: run npm install && npm run build there first`);
  }
  const commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  return { name, root, commit };
}

function resultFiles(root: string): Set<string> {
  const dir = join(root, 'bench', 'results');
  if (!existsSync(dir)) return new Set();
  return new Set(readdirSync(dir).filter((f) => /^\d{4}-\d\d-\d\dT[\d-]+\.json$/.test(f)));
}

/** One full benchmark run of one checkout; its results as it wrote them. */
function runBenchmark(checkout: Checkout, benchArgs: string[]): BenchResults {
  const before = resultFiles(checkout.root);
  benchLog(`${checkout.name} (${checkout.commit}): node dist/bench/run.js ${benchArgs.join(' ')}`);
  const run = spawnSync(process.execPath, ['dist/bench/run.js', ...benchArgs], {
    cwd: checkout.root,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`${checkout.name}'s benchmark exited with ${run.status ?? run.signal}`);
  const written = [...resultFiles(checkout.root)].filter((f) => !before.has(f)).sort();
  if (written.length === 0) throw new Error(`${checkout.name}'s benchmark wrote no results`);
  return JSON.parse(readFileSync(join(checkout.root, 'bench', 'results', written.at(-1)!), 'utf8')) as BenchResults;
}

function parseArgs(argv: string[]): { baseline: string; runs: number; benchArgs: string[] } {
  const split = argv.indexOf('--');
  const own = split < 0 ? argv : argv.slice(0, split);
  const benchArgs = split < 0 ? [] : argv.slice(split + 1);
  const value = (flag: string) => {
    const at = own.indexOf(flag);
    return at < 0 ? undefined : own[at + 1];
  };
  const baseline = value('--baseline');
  if (!baseline) throw new Error('--baseline <checkout> is required');
  const runs = Number(value('--runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  return { baseline: resolve(baseline), runs, benchArgs };
}

function main(): void {
  const { baseline: baselineRoot, runs, benchArgs } = parseArgs(process.argv.slice(2));
  const candidate = checkoutOf('candidate', projectRoot());
  const baseline = checkoutOf('baseline', baselineRoot);
  const started = new Date();
  const results = { candidate: [] as BenchResults[], baseline: [] as BenchResults[] };
  // The build that goes first alternates by round (ABBA…): the first run of a round can measure lower.
  for (let round = 0; round < runs; round++) {
    const order = round % 2 === 0 ? [candidate, baseline] : [baseline, candidate];
    for (const checkout of order) results[checkout.name].push(runBenchmark(checkout, benchArgs));
  }
  const comparisons = FIGURES.map((figure) => compareFigure(figure, results.baseline, results.candidate));
  const markdown = [
    `# Build A/B ${started.toISOString()}`,
    '',
    `Candidate ${candidate.commit} (${candidate.root}) against baseline ${baseline.commit} (${baseline.root}), ` +
      `${runs} runs each, alternated (the first of each round alternating, candidate first), ` +
      `\`npm run bench -- ${benchArgs.join(' ')}\`; ` +
      `medians compared. A figure fails when its median is worse by more than ${WORSE_LIMIT * 100}%; ` +
      `one whose baseline runs spread more than ${SPREAD_LIMIT * 100}% is reported, not judged.`,
    '',
    comparisonTable(comparisons),
    '',
  ].join('\n');
  const path = writeResults(
    started.toISOString(),
    '-ab',
    { candidate, baseline, runs, benchArgs, comparisons, results },
    markdown,
  );
  process.stdout.write(`${markdown}\nwritten to ${path}\n`);
}

main();
