/** The append measures: single-event appends, batched appends of the whole log, and the ordered import. */
import type { AppendResult } from '../appends';
import { medianBy } from '../lib';
import { BATCH_SIZE, BATCH_WRITERS, SINGLE_WRITERS, type BenchRun } from './context';

/** The last batched logs of Emmett and ours, kept for the minimal read model rebuild. */
export interface BatchedLogs {
  emmett: string | null;
  ours: string | null;
}

/** Single-event appends: a sample of the log, 16 writers, a fresh database per run. */
export async function measureSingleAppends(run: BenchRun): Promise<void> {
  const { options, dbs, log, results } = run;
  for (const target of run.targets.filter((t) => t !== 'raw-copy')) {
    const runs: AppendResult[] = [];
    for (let i = 0; i < options.runs; i++) {
      const url = await dbs.create(`single_${target}`);
      log(`single appends: ${target}, run ${i + 1}`);
      runs.push(
        await run.exec<AppendResult>({
          kind: 'append',
          task: {
            target,
            url,
            mode: 'single',
            writers: SINGLE_WRITERS,
            batchSize: 1,
            limit: results.options.singleSample,
            generator: run.generator,
          },
        }),
      );
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
      const url = await dbs.create(`batch_${target}`);
      log(`batched appends: ${target}, run ${i + 1}`);
      runs.push(
        await run.exec<AppendResult>({
          kind: 'append',
          task: {
            target,
            url,
            mode: 'batch',
            writers: BATCH_WRITERS,
            batchSize: BATCH_SIZE,
            limit: run.sideBySide,
            generator: run.generator,
          },
        }),
      );
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
