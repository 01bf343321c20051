import { setTimeout as sleep } from 'node:timers/promises';
import { Leases } from '../infra/leases';
import type { ProjectionDefinition } from '../projections/projection';
import { ProjectionRunner } from '../projections/projectionRunner';
import { StoredProgress } from '../projections/storedProgress';
import { cliInstanceId } from './engine';
import { CliFailure, type CliIo } from './io';
import { openLogAccess, projectionsNamed, type LogAccess } from './logAccess';
import { progressBars, type ProgressBar } from './progress';

/** How often the rebuilding generations' progress is read for the bars. */
const PROGRESS_INTERVAL_MS = 500;

interface Leased {
  leases: Leases;
  progress: StoredProgress;
  runner: ProjectionRunner;
  stop(): Promise<void>;
}

/** A runner of `definitions` that takes their leases the way the app's runner does. */
async function leasedRunner(access: LogAccess, definitions: readonly ProjectionDefinition[]): Promise<Leased> {
  const { pool, store, database, config } = access;
  const leases = new Leases({
    connectionString: database.url,
    instanceId: cliInstanceId(),
    retryIntervalMs: config.instance.leaseRetryMs,
  });
  const tracked = definitions.map((d) => ({ kind: 'projection' as const, name: d.name, types: d.eventTypes }));
  const progress = new StoredProgress(pool, store, tracked, {
    pollIntervalMs: config.instance.progressPollMs,
    runsHere: (kind, name) => leases.holds(kind, name),
  });
  const runner = new ProjectionRunner(pool, store, definitions, { instances: { leases, progress } });
  await runner.start();
  return {
    leases,
    progress,
    runner,
    stop: async () => {
      await runner.stop();
      await leases.stop();
      await progress.stop();
    },
  };
}

/** Who holds the leases this command still lacks, e.g. `host:4242 (awards, registry)`. */
function holdersOf(leased: Leased, missing: readonly ProjectionDefinition[]): string {
  const byHolder = new Map<string, string[]>();
  for (const { name } of missing) {
    const holder = leased.progress.get('projection', name)?.holder ?? 'no instance (free: taken at the next try)';
    byHolder.set(holder, [...(byHolder.get(holder) ?? []), name]);
  }
  return [...byHolder].map(([holder, names]) => `${holder} (${names.join(', ')})`).join('; ');
}

/** Resolves once every lease is held; without `wait`, fails naming the holders at once. */
async function awaitLeases(io: CliIo, leased: Leased, definitions: readonly ProjectionDefinition[], wait: boolean) {
  let said = '';
  for (;;) {
    const missing = definitions.filter((d) => !leased.leases.holds('projection', d.name));
    if (missing.length === 0) return;
    await leased.progress.refresh();
    const holders = holdersOf(leased, missing);
    if (!wait)
      throw new CliFailure(`NOT_LEASE_HOLDER: the leases are held by ${holders}; stop it, or leave out --no-wait`);
    if (holders !== said) io.err(`waiting for the leases, held by ${holders}\n`);
    said = holders;
    await sleep(PROGRESS_INTERVAL_MS);
    await leased.leases.tryNow();
  }
}

interface Totals {
  name: string;
  total: number;
  bar: ProgressBar;
}

/** Draws each rebuild's bar from the rebuilding generations' stored counts, until `done`. */
async function showProgress(access: LogAccess, totals: Totals[], done: Promise<unknown>, started: number) {
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => undefined);
  while (!finished) {
    const { rows } = await access.pool.query<{ name: string; applied: string }>(
      `SELECT name, events_applied::text AS applied FROM projection_state WHERE status = 'rebuilding' AND name = ANY($1)`,
      [totals.map((t) => t.name)],
    );
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    for (const row of rows) {
      const entry = totals.find((t) => t.name === row.name)!;
      entry.bar.update(Math.min(Number(row.applied), entry.total), Math.round(Number(row.applied) / seconds));
    }
    await Promise.race([done.catch(() => undefined), sleep(PROGRESS_INTERVAL_MS)]);
  }
}

export interface RebuildResult {
  name: string;
  generation: number;
  events: number;
}

async function rebuildAll(io: CliIo, access: LogAccess, leased: Leased, definitions: readonly ProjectionDefinition[]) {
  const bars = progressBars(io);
  const totals: Totals[] = [];
  for (const d of definitions) {
    const total = await access.store.countEventsAfter('0', { types: d.eventTypes ?? undefined });
    totals.push({ name: d.name, total, bar: bars.create(d.name.padEnd(16), total) });
  }
  const started = Date.now();
  const done = Promise.all(definitions.map((d) => leased.runner.rebuild(d.name)));
  await Promise.all([done, showProgress(access, totals, done, started)]);
  for (const t of totals) t.bar.update(t.total, Math.round(t.total / Math.max((Date.now() - started) / 1000, 0.001)));
  bars.stop();
  const generations = new Map(leased.runner.status().map((s) => [s.name, s.generation]));
  const results: RebuildResult[] = totals.map((t) => ({
    name: t.name,
    generation: generations.get(t.name) ?? 0,
    events: t.total,
  }));
  return { results, seconds: (Date.now() - started) / 1000 };
}

/**
 * `projections rebuild <name|all>`: takes the projections' leases as the app's runner
 * does (waiting while a running app holds them, or failing with `--no-wait`), then builds
 * each a new generation from the start of the log and switches to it.
 */
export async function rebuildProjections(io: CliIo, name: string, options: { wait: boolean; json?: boolean }) {
  const definitions = projectionsNamed(name);
  const access = await openLogAccess(io, 2 * definitions.length + 4, 'tdkt-cli-rebuild');
  try {
    const leased = await leasedRunner(access, definitions);
    try {
      await awaitLeases(io, leased, definitions, options.wait);
      const { results, seconds } = await rebuildAll(io, access, leased, definitions);
      const events = results.reduce((sum, r) => sum + r.events, 0);
      const rate = Math.round(events / Math.max(seconds, 0.001));
      if (options.json) io.out(`${JSON.stringify({ rebuilt: results, seconds, eventsPerSecond: rate })}\n`);
      else {
        for (const r of results) io.out(`rebuilt ${r.name}: generation ${r.generation}, ${r.events} events\n`);
        io.out(`${results.length} rebuilt in ${seconds.toFixed(1)} s, ${rate} events/s\n`);
      }
    } finally {
      await leased.stop();
    }
  } finally {
    await access.close();
  }
}
