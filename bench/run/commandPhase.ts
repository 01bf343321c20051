/**
 * The command slice against the running app: its set-up, the open loop at the offered
 * rate (the goal), then the closed-loop runs of 32 clients (the saturation). Each loop
 * reports the version conflicts the app retried and those that surfaced as errors.
 */
import { authorizationOf } from '../auth';
import type { GraphQLClient } from '../http';
import { eachConcurrently, medianBy } from '../lib';
import { planCommandSlice, runOps, runOpsAtRate, type OpsResult } from '../load';
import type { SliceDocument } from '../load/sessionSlice';
import type { Province } from '../province';
import type { ServerHandle } from '../server';
import { statementsPerCommand as statementsPerCommandOf } from '../statementCounts';
import type { BenchRun } from './context';

const COMMAND_CLIENTS = 32;
/**
 * Commands of the loops' mix sent before the open loop, not measured: a server that has
 * been running has its code compiled and its streams' states in memory. Cold, the first
 * second or so answers hundreds of milliseconds late (bench/README.md), as the readers'
 * first chain checks do before theirs are warmed.
 */
const WARM_UP_COMMANDS = 1_000;
/** Commands per second the open loop offers unless `--command-rate` says otherwise. */
export const DEFAULT_COMMAND_RATE = 800;

/** Measures the commands; set-up errors and error samples go to the notes. */
export async function measureCommands(
  run: BenchRun,
  client: GraphQLClient,
  server: ServerHandle,
  province: Province,
  year: number,
): Promise<void> {
  const { options, results, log } = run;
  const opsPerRun =
    options.commandsPerRun ?? (options.quick ? 1_500 : Math.min(6_000, Math.max(600, Math.round(options.events / 20))));
  const rate = options.commandRate ?? DEFAULT_COMMAND_RATE;
  const offeredMs = (options.commandSeconds ?? (options.quick ? 5 : 20)) * 1000;
  const offeredOps = Math.ceil((rate * offeredMs) / 1000);
  const warmUpOps = Math.min(WARM_UP_COMMANDS, opsPerRun);
  const runSizes = [warmUpOps, offeredOps, ...Array.from({ length: options.runs }, () => opsPerRun)];
  const today = new Date().toISOString().slice(0, 10);
  const slice = planCommandSlice(province, { year, today, runSizes, seed: options.seed });
  log(
    `command slice: ${slice.documents.files.length} documents uploaded, set-up ${slice.setup.map((p) => p.length).join('+')} commands, warm-up ${slice.runs[0].length}, then ${slice.runs[1].length} at ${rate}/s and ${options.runs} runs of ${opsPerRun}`,
  );
  const setup: OpsResult[] = [];
  for (const [phase, ops] of slice.setup.entries()) {
    setup.push(await runOps(client, ops, { clients: 8 }));
    if (phase === slice.documents.afterPhase) await uploadDocuments(server.url, slice.documents.files);
  }
  noteSetupErrors(run, setup);
  const conflictRetries = () => server.conflictRetries();
  const [warmUpList, offeredList, ...closedLists] = slice.runs;
  await warmUp(run, client, warmUpList);
  const offered = await runOpsAtRate(client, offeredList, { rate, durationMs: offeredMs, conflictRetries });
  log(
    `commands at ${rate}/s offered: ${offered.opsPerSec}/s, p99 ${offered.latency.p99} ms, ${offered.errors} errors, ${offered.shed} shed`,
  );
  const closed: OpsResult[] = [];
  const countedBefore = await server.statementCounts();
  for (const ops of closedLists) {
    const maxMs = options.quick ? 8_000 : 20_000;
    const measured = await runOps(client, ops, { clients: COMMAND_CLIENTS, maxMs, conflictRetries });
    closed.push(measured);
    log(`commands: ${measured.opsPerSec}/s, p99 ${measured.latency.p99} ms, ${measured.errors} errors`);
  }
  const countedAfter = await server.statementCounts();
  const answered = closed.reduce((n, r) => n + r.ops - r.errors, 0);
  const statementsPerCommand =
    countedBefore && countedAfter ? statementsPerCommandOf(countedBefore, countedAfter, answered) : null;
  const median = closed.length > 0 ? medianBy(closed, (r) => r.opsPerSec) : null;
  results.commands = { setup, offered, runs: closed, median, mix: slice.mix, statementsPerCommand };
  noteCommandErrors(run, [offered, ...closed]);
}

/** Sends the warm-up commands from 32 clients and notes how they went. */
async function warmUp(run: BenchRun, client: GraphQLClient, ops: Parameters<typeof runOps>[1]): Promise<void> {
  const warm = await runOps(client, ops, { clients: COMMAND_CLIENTS, maxMs: 20_000 });
  run.log(`warm-up: ${warm.ops} commands, ${warm.opsPerSec}/s, p99 ${warm.latency.p99} ms, ${warm.errors} errors`);
  run.results.notes.push(
    `Before the open loop, ${warm.ops} commands of the same mix warmed the app (32 clients, not measured): ${warm.opsPerSec}/s, p99 ${warm.latency.p99} ms, ${warm.errors} errors.`,
  );
}

/** Set-up errors leave the runs measuring something else: logged as they happen, and noted with samples. */
function noteSetupErrors(run: BenchRun, setup: OpsResult[]): void {
  const setupErrors = setup.reduce((n, s) => n + s.errors, 0);
  if (setupErrors === 0) return;
  run.log(`command slice set-up: ${setupErrors} errors (see the notes)`);
  const samples = setup.flatMap((s) => s.errorSamples).slice(0, 2);
  run.results.notes.push(`Command slice set-up: ${setupErrors} errors (${samples.join('; ')})`);
}

function noteCommandErrors(run: BenchRun, measured: OpsResult[]): void {
  const { results } = run;
  const runErrors = measured.flatMap((r) => r.errorSamples);
  if (runErrors.length > 0) results.notes.push(`Command errors (samples): ${runErrors.slice(0, 3).join('; ')}`);
  if (measured.some((r) => r.conflictsRetried === null))
    results.notes.push('The app did not tell how many version conflicts it retried.');
}

/** Uploads the set-up's documents through `POST /documents`, 8 at a time, each as its dossier's officer. */
async function uploadDocuments(url: string, documents: SliceDocument[]): Promise<void> {
  await eachConcurrently(documents, 8, async ({ content, actor, dossierId }) => {
    const response = await fetch(`${url}/documents?dossierId=${encodeURIComponent(dossierId)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', ...(await authorizationOf(actor)) },
      body: content,
    });
    if (response.status !== 201)
      throw new Error(`uploading a document failed: ${response.status} ${await response.text()}`);
  });
}
