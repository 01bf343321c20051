/**
 * One measured workload, run in a process of its own (`node dist/bench/worker.js <task>`),
 * so every system starts from a fresh heap and Emmett's global changes to node-postgres
 * never touch the app's store. `runTask` runs the same workloads in-process (tests).
 */
import { spawn } from 'node:child_process';
import { runAppendTask, type AppendResult, type AppendTask } from './appends';
import { runExportTask, type ExportFormat, type ExportResult } from './exports';
import { ProvinceGenerator, type AwardSample, type GeneratorOptions, type GeneratorStats } from './generator';
import { nowMs } from './lib';
import { runVerifyChain, type VerifyChainResult } from './verifyChain';
import {
  allProjections,
  emmettCopyRebuild,
  ourCopyRebuild,
  rebuildEachInTurn,
  rebuildFromZero,
  type CopyRebuildResult,
  type ProjectionTiming,
  type RebuildAllResult,
} from './rebuild';

export type Task =
  | { kind: 'append'; task: AppendTask }
  | { kind: 'rebuild-all'; url: string }
  | { kind: 'rebuild-each'; url: string }
  | { kind: 'copy-ours'; url: string }
  | { kind: 'copy-emmett'; url: string }
  | { kind: 'verify-chain'; url: string }
  | { kind: 'generate'; generator: GeneratorOptions }
  | { kind: 'export'; url: string; name: string; format: ExportFormat };

export interface GenerateResult {
  ms: number;
  eventsPerSec: number;
  stats: GeneratorStats;
  /** Granted awards (a sample) for the inspector and complaint-desk queries. */
  awardSamples: AwardSample[];
}

export type TaskResult =
  | AppendResult
  | RebuildAllResult
  | ProjectionTiming[]
  | CopyRebuildResult
  | GenerateResult
  | VerifyChainResult
  | ExportResult;

export async function runTask(task: Task): Promise<TaskResult> {
  switch (task.kind) {
    case 'append':
      return runAppendTask(task.task);
    case 'rebuild-all':
      return rebuildFromZero(task.url, allProjections);
    case 'rebuild-each':
      return rebuildEachInTurn(task.url, allProjections);
    case 'copy-ours':
      return ourCopyRebuild(task.url);
    case 'copy-emmett':
      return emmettCopyRebuild(task.url);
    case 'verify-chain':
      return runVerifyChain(task.url);
    case 'export':
      return runExportTask(task.url, task.name, task.format);
    case 'generate': {
      const generator = new ProvinceGenerator(task.generator);
      const start = nowMs();
      let n = 0;
      for (const _ of generator.events()) n++;
      const ms = nowMs() - start;
      return {
        ms: Math.round(ms),
        eventsPerSec: Math.round((n / ms) * 1000),
        stats: generator.stats,
        awardSamples: generator.awardSamples.slice(0, 500),
      };
    }
  }
}

const MARK = '@@bench-result ';

export interface ChildOptions {
  /** Directory for a V8 CPU profile of the worker (node --cpu-prof). */
  cpuProfileDir?: string;
  timeoutMs?: number;
}

/** Runs a task in a worker process and returns its result. */
export function runTaskInChild<T extends TaskResult>(task: Task, options: ChildOptions = {}): Promise<T> {
  const args = ['--max-old-space-size=4096'];
  if (options.cpuProfileDir)
    args.push(
      '--cpu-prof',
      `--cpu-prof-dir=${options.cpuProfileDir}`,
      `--cpu-prof-name=worker-${task.kind}-${'task' in task ? task.task.target + '-' + task.task.mode : ''}-${Date.now()}.cpuprofile`,
    );
  args.push(__filename, JSON.stringify(task));
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 3_600_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith(MARK));
      if (code !== 0 || !line) return reject(new Error(`worker ${task.kind} exited with ${code}: ${err.slice(-2000)}`));
      resolve(JSON.parse(line.slice(MARK.length)) as T);
    });
  });
}

if (require.main === module) {
  const task = JSON.parse(process.argv[2]) as Task;
  runTask(task)
    .then((result) => {
      process.stdout.write(`${MARK}${JSON.stringify(result)}\n`);
      process.exit(0);
    })
    .catch((error) => {
      process.stderr.write(`${error?.stack ?? error}\n`);
      process.exit(1);
    });
}
