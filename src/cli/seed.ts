import { runsOfStreams } from '../../bench/appends';
import { eventsForUnits, ProvinceGenerator, type GeneratedEvent } from '../../bench/generator';
import { signToken } from '../auth/tokens';
import { Expected, type StreamAppend } from '../eventStore/eventStore.port';
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

function appendsOf(events: GeneratedEvent[]): StreamAppend[] {
  return runsOfStreams(events).map((run) => ({
    streamId: run[0].streamId,
    expected: Expected.version(run[0].streamVersion - 1),
    // The generated ids are derived from the command and the stream: a retried append is recognised.
    events: run.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata, eventId: e.eventId })),
  }));
}

/**
 * `seed province`: a generated province (bench/generator.ts, deterministic from its seed)
 * appended through the event store port in log order, as the benchmark loads it.
 */
export async function seedProvince(io: CliIo, options: ProvinceOptions): Promise<void> {
  const target = options.events ?? eventsForUnits(options.units ?? 200, options.years);
  await withAppendSession(io, options, async (session) => {
    refuseUngranted(session.caller.identity, ALL_MUTATIONS, true);
    const generator = new ProvinceGenerator({
      events: target,
      years: options.years,
      seed: options.seed,
      idPrefix: options.prefix,
    });
    const store = session.engine.app.services.store;
    const bars = progressBars(io);
    const bar = bars.create('province', target);
    const started = Date.now();
    let appended = 0;
    let batch: GeneratedEvent[] = [];
    const flush = async () => {
      await store.appendToStreams(appendsOf(batch));
      appended += batch.length;
      batch = [];
      const rate = Math.round(appended / Math.max((Date.now() - started) / 1000, 0.001));
      bar.setTotal(Math.max(target, appended));
      bar.update(appended, rate);
    };
    for (const event of generator.events()) {
      batch.push(event);
      if (batch.length >= PROVINCE_BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    bar.setTotal(appended);
    bars.stop();
    const seconds = (Date.now() - started) / 1000;
    const { units, people } = generator.province;
    const result = { events: appended, units: units.length, people: people.length, seconds };
    io.out(
      options.json
        ? `${JSON.stringify(result)}\n`
        : `province seeded: ${appended} events (${units.length} units, ${people.length} people) in ` +
            `${seconds.toFixed(1)} s, ${Math.round(appended / Math.max(seconds, 0.001))} events/s\n`,
    );
  });
}
