import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { signToken } from '../auth/tokens';
import type { StreamAppend } from '../eventStore/eventStore.port';
import { storeDocument } from '../demo/demoDocuments';
import { runDemoYear } from '../demo/demoYear';
import { ALL_MUTATIONS, refuseUngranted, type CallerOptions } from './caller';
import { CliFailure, type CliIo } from './io';
import { progressBars } from './progress';
import { settle, withAppendSession, type AppendSession } from './session';

/** Events appended in one call while seeding a province. */
const PROVINCE_BATCH = 500;

async function refuseNonEmptyLog(session: AppendSession): Promise<void> {
  const first = await session.engine.app.services.store.readAll({ after: '0', limit: 1 });
  if (first.events.length > 0) throw new CliFailure('the event log is not empty: the demo year seeds an empty log');
}

/**
 * `seed demo`: the demo year `npm start` loads into an empty log, through the same
 * commands. A seed writes every kind of stream, so the caller's role must be granted
 * every command without conditions; the demo's own actors sign their tokens with the
 * HS256 secret (JWT_SECRET, or development mode's), as `npm start` does.
 */
export async function seedDemo(io: CliIo, options: CallerOptions & { json?: boolean }): Promise<void> {
  await withAppendSession(io, options, async (session) => {
    refuseUngranted(session.caller.identity, ALL_MUTATIONS, true);
    const { settings } = session.caller;
    if (settings.kind !== 'hs256')
      throw new CliFailure('the demo year signs its actors’ tokens: set JWT_SECRET, or use development mode');
    await refuseNonEmptyLog(session);
    const summary = await runDemoYear(
      async (query, variables, actor) => {
        const token = await signToken(settings.secret, actor, { expiresIn: '10m', ...settings });
        return session.engine.run(query, variables, token);
      },
      (step) => io.err(`demo data: ${step}\n`),
      storeDocument(session.engine.app.services.documents.store),
    );
    await settle(session, io);
    const result = { commands: summary.positions.length, lastPosition: summary.lastPosition };
    io.out(
      options.json
        ? `${JSON.stringify(result)}\n`
        : `demo year loaded: ${result.commands} commands, log at position ${result.lastPosition}\n`,
    );
  });
}

export interface ProvinceOptions extends CallerOptions {
  events?: number;
  units?: number;
  years: number;
  seed?: number;
  prefix?: string;
  json?: boolean;
}

/** What bench/provinceSeed.ts offers (its types are not built with the app: see loadProvinceSeed). */
interface ProvinceSeed {
  expectedEvents: number;
  units: number;
  people: number;
  batches(size: number): Iterable<{ appends: StreamAppend[]; events: number }>;
}

/**
 * The benchmark's province generator, loaded at run time: the app builds and ships
 * without bench/ (the production image has none), where this command is not offered.
 */
async function loadProvinceSeed(options: ProvinceOptions): Promise<ProvinceSeed> {
  const path = join(__dirname, '../../bench/provinceSeed');
  // Built, it is `provinceSeed.js` beside the app's files; from the sources, the TypeScript file.
  const file = existsSync(`${path}.js`) ? `${path}.js` : path;
  let module: { provinceSeed(options: ProvinceOptions): ProvinceSeed };
  try {
    module = await import(file);
  } catch (error) {
    throw new CliFailure(`seed province needs the benchmark's generator (bench/), absent here: ${String(error)}`);
  }
  return module.provinceSeed(options);
}

/**
 * `seed province`: a generated province (bench/generator.ts, deterministic from its seed)
 * appended through the event store port in log order, as the benchmark loads it.
 */
export async function seedProvince(io: CliIo, options: ProvinceOptions): Promise<void> {
  const seed = await loadProvinceSeed(options);
  await withAppendSession(io, options, async (session) => {
    refuseUngranted(session.caller.identity, ALL_MUTATIONS, true);
    const store = session.engine.app.services.store;
    const bars = progressBars(io);
    const bar = bars.create('province', seed.expectedEvents);
    const started = Date.now();
    let appended = 0;
    for (const batch of seed.batches(PROVINCE_BATCH)) {
      await store.appendToStreams(batch.appends);
      appended += batch.events;
      bar.setTotal(Math.max(seed.expectedEvents, appended));
      bar.update(appended, Math.round(appended / Math.max((Date.now() - started) / 1000, 0.001)));
    }
    bar.setTotal(appended);
    bars.stop();
    const seconds = (Date.now() - started) / 1000;
    const result = { events: appended, units: seed.units, people: seed.people, seconds };
    io.out(
      options.json
        ? `${JSON.stringify(result)}\n`
        : `province seeded: ${appended} events (${seed.units} units, ${seed.people} people) in ` +
            `${seconds.toFixed(1)} s, ${Math.round(appended / Math.max(seconds, 0.001))} events/s\n`,
    );
  });
}
