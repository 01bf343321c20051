/** The measures over the imported logs: verify-chain and the read model rebuilds, each after VACUUM ANALYZE. */
import { medianBy, nowMs, vacuumAnalyze } from '../lib';
import type { CopyRebuildResult, ProjectionTiming, RebuildAllResult } from '../rebuild';
import type { VerifyChainResult } from '../verifyChain';
import type { BatchedLogs } from './appendPhases';
import { phase, type BenchRun } from './context';

/** The logs the rebuilds read: the province's, ours batched (else the province's) and Emmett's. */
export interface ImportedLogs {
  province: string;
  ours: string;
  emmett: string | null;
}

export function importedLogs(province: string, batched: BatchedLogs): ImportedLogs {
  return { province, ours: batched.ours ?? province, emmett: batched.emmett };
}

/**
 * As after any bulk load (PostgreSQL's "Populating a Database"): VACUUM ANALYZE the fresh
 * logs, so the rebuilds below do not share the two cores with autovacuum, nor set every
 * row's hint bits (and log the pages) on their first read. The same for Emmett's log.
 */
export async function settleImportedLogs(run: BenchRun, logs: ImportedLogs): Promise<void> {
  const settleStart = nowMs();
  const settled: Array<[string, 'events' | 'emt_messages']> = [[logs.province, 'events']];
  if (logs.ours !== logs.province) settled.push([logs.ours, 'events']);
  if (logs.emmett) settled.push([logs.emmett, 'emt_messages']);
  for (const [url, table] of settled) await vacuumAnalyze(url, table);
  const settleMs = Math.round(nowMs() - settleStart);
  run.log(`VACUUM ANALYZE of the imported logs: ${settleMs} ms`);
  run.results.notes.push(
    `The rebuilds read logs that were VACUUM ANALYZEd after their import (${(settleMs / 1000).toFixed(1)} s for ${settled.length} logs), as after any bulk load.`,
  );
}

/** verify-chain over the whole log, and the digest the logDigest query reads. */
export async function measureVerifyChain(run: BenchRun, provinceUrl: string): Promise<void> {
  const { results, log } = run;
  await phase(results, 'verify-chain', async () => {
    log('verify-chain over the province log');
    results.verifyChain = await run.exec<VerifyChainResult>({ kind: 'verify-chain', url: provinceUrl });
    log(`verify-chain: ${results.verifyChain.eventsPerSec} events/s, logDigest ${results.verifyChain.digestMs} ms`);
  });
}

/** The rebuild of all read models, of each in turn (smaller runs only), and of one minimal read model. */
export async function measureRebuilds(run: BenchRun, logs: ImportedLogs): Promise<void> {
  const { options, results, log } = run;
  await phase(results, 'rebuild', async () => {
    for (let i = 0; i < run.heavyRuns; i++) {
      log(`rebuild of all read models, run ${i + 1}`);
      results.rebuild.allRuns.push(await run.exec<RebuildAllResult>({ kind: 'rebuild-all', url: logs.province }));
    }
    results.rebuild.all = medianBy(results.rebuild.allRuns, (r) => r.eventsPerSec);
  });
  await phase(results, 'rebuild of each read model', async () => {
    if (!options.quick && options.events <= 300_000) {
      log('rebuild of each read model in turn');
      results.rebuild.each = await run.exec<ProjectionTiming[]>({ kind: 'rebuild-each', url: logs.province });
    } else
      results.notes.push(
        'The per-read-model rebuild (ProjectionRunner.rebuild of each in turn) is measured only without --quick and up to 300,000 events (time budget).',
      );
  });
  await phase(results, 'minimal read model rebuild', () => measureMinimalRebuild(run, logs));
}

async function measureMinimalRebuild(run: BenchRun, logs: ImportedLogs): Promise<void> {
  const copyRuns: Record<'ours' | 'emmett', CopyRebuildResult[]> = { ours: [], emmett: [] };
  for (let i = 0; i < run.heavyRuns; i++) {
    run.log(`minimal read model rebuild, run ${i + 1}`);
    copyRuns.ours.push(await run.exec<CopyRebuildResult>({ kind: 'copy-ours', url: logs.ours }));
    if (logs.emmett) copyRuns.emmett.push(await run.exec<CopyRebuildResult>({ kind: 'copy-emmett', url: logs.emmett }));
  }
  const copy = run.results.rebuild.copy;
  copy.ours = medianBy(copyRuns.ours, (r) => r.eventsPerSec);
  if (copyRuns.emmett.length > 0) copy.emmett = medianBy(copyRuns.emmett, (r) => r.eventsPerSec);
}

/**
 * The rebuild bulk-loaded every read model, so, as after the import, VACUUM ANALYZE
 * first: otherwise autovacuum works through millions of fresh rows on one of the two
 * cores while the readers are measured.
 */
export async function settleReadModels(run: BenchRun, provinceUrl: string): Promise<void> {
  const readModelsSettle = nowMs();
  await vacuumAnalyze(provinceUrl);
  const readModelsSettleMs = Math.round(nowMs() - readModelsSettle);
  run.log(`VACUUM ANALYZE of the province database after the rebuild: ${readModelsSettleMs} ms`);
  run.results.notes.push(
    `The app started on the province database VACUUM ANALYZEd after the rebuild (${(readModelsSettleMs / 1000).toFixed(1)} s), as after any bulk load.`,
  );
}
