/**
 * A generated province as appends to the event store, in batches in log order: what
 * `npm run tdkt -- seed province` loads. The command line reaches this file at run time
 * only, so the app builds without bench/ (the production image has none).
 */
import { Expected, type StreamAppend } from '../src/eventStore/eventStore.port';
import { runsOfStreams } from './appends';
import { eventsForUnits, ProvinceGenerator, type GeneratedEvent } from './generator';

export interface ProvinceSeedOptions {
  /** About this many events; else about `units` units (default 200). */
  events?: number;
  units?: number;
  years: number;
  seed?: number;
  prefix?: string;
}

/** One batch: its appends and how many events they carry. */
export interface ProvinceBatch {
  appends: StreamAppend[];
  events: number;
}

export interface ProvinceSeed {
  /** The target the generator is scaled to (the bar's total). */
  expectedEvents: number;
  units: number;
  people: number;
  batches(size: number): Generator<ProvinceBatch>;
}

function appendsOf(events: GeneratedEvent[]): StreamAppend[] {
  return runsOfStreams(events).map((run) => ({
    streamId: run[0].streamId,
    expected: Expected.version(run[0].streamVersion - 1),
    // The generated ids are derived from the command and the stream: a retried append is recognised.
    events: run.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata, eventId: e.eventId })),
  }));
}

export function provinceSeed(options: ProvinceSeedOptions): ProvinceSeed {
  const expectedEvents = options.events ?? eventsForUnits(options.units ?? 200, options.years);
  const generator = new ProvinceGenerator({
    events: expectedEvents,
    years: options.years,
    seed: options.seed,
    idPrefix: options.prefix,
  });
  return {
    expectedEvents,
    units: generator.province.units.length,
    people: generator.province.people.length,
    *batches(size) {
      let batch: GeneratedEvent[] = [];
      for (const event of generator.events()) {
        batch.push(event);
        if (batch.length < size) continue;
        yield { appends: appendsOf(batch), events: batch.length };
        batch = [];
      }
      if (batch.length > 0) yield { appends: appendsOf(batch), events: batch.length };
    },
  };
}
