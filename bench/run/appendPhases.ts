/** The append measures: single-event appends, batched appends of the whole log, and the ordered import. */
import type { AppendResult, AppendTargetName } from '../appends';
import { medianBy } from '../lib';
import { BATCH_SIZE, BATCH_WRITERS, SINGLE_WRITERS, type BenchRun } from './context';

/** The last batched logs of Emmett and ours, kept for the minimal read model rebuild. */
export interface BatchedLogs {
  emmett: string | null;
  ours: string | null;
}

/** One measured run of appends into a fresh database of `target`; the database's URL with the result. */
async function appendRun(
  run: BenchRun,
  target: AppendTargetName,
  mode: 'single' | 'batch',
  index: number,
): Promise<{ url: string; result: AppendResult }> {
  const url = await run.dbs.create(`${mode}_${target}`);
  run.log(`${mode === 'single' ? 'single' : 'batched'} appends: ${target}, run ${index + 1}`);
  const shape =
    mode === 'single'
      ? { writers: SINGLE_WRITERS, batchSize: 1, limit: run.results.options.singleSample }
      : { writers: BATCH_WRITERS, batchSize: BATCH_SIZE, limit: run.sideBySide };
  const result = await run.exec<AppendResult>({
    kind: 'append',
    task: { target, url, mode, ...shape, generator: run.generator },
  });
  return { url, result };
}

/** Single-event appends: a sample of the log, 16 writers, a fresh database per run. */
export async function measureSingleAppends(run: BenchRun): Promise<void> {
  const { options, dbs, results } = run;
  for (const target of run.targets.filter((t) => t !== 'raw-copy')) {
    const runs: AppendResult[] = [];
    for (let i = 0; i < options.runs; i++) {
      const { url, result } = await appendRun(run, target, 'single', i);
      runs.push(result);
      await dbs.drop(url);
    }
    results.appends.allRuns.push(...runs);
    results.appends.single[target] = medianBy(runs, (r) => r.eventsPerSec);
  }
}

/**
 * Batched appends of the whole log, 4 writers each owning a share of the streams.
 * Streams keep their order, but not the log as a whole: these logs are for throughput
 * only (Emmett's last one also serves its order-insensitive rebuild).
 */
export async function measureBatchedAppends(run: BenchRun): Promise<BatchedLogs> {
  const { dbs, log, results } = run;
  const kept: BatchedLogs = { emmett: null, ours: null };
  for (const target of run.targets) {
    const runs: AppendResult[] = [];
    for (let i = 0; i < run.heavyRuns; i++) {
      const { url, result } = await appendRun(run, target, 'batch', i);
      runs.push(result);
      if (i === run.heavyRuns - 1 && target === 'emmett') kept.emmett = url;
      else if (i === run.heavyRuns - 1 && target === 'ours') kept.ours = url;
      else await dbs.drop(url);
    }
    results.appends.allRuns.push(...runs);
    results.appends.batch[target] = medianBy(runs, (r) => r.eventsPerSec);
    log(`batched appends: ${target}: ${results.appends.batch[target]!.eventsPerSec} events/s`);
  }
  return kept;
}

/**
 * The province's log for everything after: bulk import in log order (one writer,
 * multi-stream batches through the EventStore port), so read models see causes first.
 * Returns the database's URL.
 */
export async function importProvince(run: BenchRun): Promise<string> {
  const url = await run.dbs.create('province');
  run.log('ordered import of the province (one writer, log order)');
  const ordered = await run.exec<AppendResult>({
    kind: 'append',
    task: {
      target: 'ours',
      url,
      mode: 'batch',
      writers: 1,
      batchSize: BATCH_SIZE,
      inLogOrder: true,
      generator: run.generator,
    },
  });
  run.results.appends.ordered = ordered;
  run.log(`ordered import: ${ordered.eventsPerSec} events/s`);
  return url;
}
