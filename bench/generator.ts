/**
 * A deterministic province workload for benchmarks (a province at scale 1: ~2,000 units,
 * ~100,000 people, ~100 clusters).
 *
 * The generator is a discrete-event simulation of the years of emulation and
 * commendation work in one province: units and people are registered, movements
 * launched, plans issued and reported, clusters scored and ranked, titles registered,
 * people rated, initiatives recognised, dossiers submitted, returned, appraised by
 * the real rule engine, voted on by councils in secret ballots, awards decided, and
 * complaints filed, accepted, resolved and sometimes upheld with a revocation.
 *
 * Every step is a command of the public API. The simulation looks facts up the way
 * the command handlers do and decides through the command layer's `CommandDecisions`
 * with the real deciders, so every event has exactly the data shape the app would
 * store and every rule holds. Each step yields:
 *  - the events, grouped by stream with their versions and metadata (recordedAt on
 *    the simulated calendar): path (a), bulk import through the EventStore port;
 *  - the GraphQL mutation that makes the app decide the same thing: path (b).
 *
 * Steps come out in simulated time order. Scale is linear in the target event count
 * (`events`): 1,000,000 is about the full province over 5 years. The phases of the
 * simulation are in bench/simulation/.
 */
import { buildProvince, type Province } from './province';
import { Random } from './random';
import { dayStart, ymd } from './simulation/calendar';
import { Simulation } from './simulation/simulation';
import { StatsTally, type GeneratorStats } from './simulation/stats';
import type { AwardSample, GeneratedEvent, Step } from './simulation/types';
import { planYear } from './simulation/year';

export type { ClusterState } from '../src/clusters/cluster.decider';
export type { ClusterYearState } from '../src/clusters/clusterYear.decider';
export { foldAll } from './simulation/foldAll';
export { MUTATIONS } from './simulation/mutations';
export { EVENT_CATEGORY, type GeneratorStats } from './simulation/stats';
export type { AwardSample, GeneratedEvent, GraphQLOp, Step } from './simulation/types';

export interface GeneratorOptions {
  /** Target number of events (scales the province linearly); default 1,000,000. */
  events?: number;
  seed?: number;
  firstYear?: number;
  years?: number;
  /** Prefix for every id, to generate a second, independent province into the same log. */
  idPrefix?: string;
}

export const DEFAULT_SEED = 20_260_101;
const DEFAULT_FIRST_YEAR = 2021;
const DEFAULT_YEARS = 5;

/**
 * Events of the full province (scale 1: ~2,000 units, ~100,000 people, ~100 clusters):
 * the registry once (units and people), then each year about 206,000 (ballots ~107k,
 * dossier events ~34k, registrations ~21k, cluster scores ~19k, ratings and
 * initiatives ~9k, awards ~8k, plans and set-up ~7k, complaints ~1k). Calibrated on
 * the generator's own output; `--events 1000000` is therefore a province at scale ~0.88.
 */
const BASE_REGISTRY_EVENTS = 102_100;
const BASE_EVENTS_PER_YEAR = 206_000;

function scaleFor(events: number, years: number): number {
  return events / (BASE_REGISTRY_EVENTS + years * BASE_EVENTS_PER_YEAR);
}

/** Units of the province at scale 1 (the unit tree of bench/organisation/units.ts). */
const UNITS_AT_SCALE_1 = 2_000;

/** The target event count (`events`) whose province has about `units` units over `years`. */
export function eventsForUnits(units: number, years = DEFAULT_YEARS): number {
  return Math.round((units / UNITS_AT_SCALE_1) * (BASE_REGISTRY_EVENTS + years * BASE_EVENTS_PER_YEAR));
}

export class ProvinceGenerator {
  readonly province: Province;
  readonly stats: GeneratorStats;
  /** Some granted awards (reservoir sample) for the read benchmarks. */
  readonly awardSamples: AwardSample[];

  private readonly simulation: Simulation;
  private readonly tally: StatsTally;

  constructor(options: GeneratorOptions = {}) {
    const seed = options.seed ?? DEFAULT_SEED;
    const years = options.years ?? DEFAULT_YEARS;
    const prefix = options.idPrefix ?? '';
    const scale = scaleFor(options.events ?? 1_000_000, years);
    this.province = buildProvince(seed, scale, prefix);
    this.simulation = new Simulation({
      province: this.province,
      rng: new Random(seed),
      firstYear: options.firstYear ?? DEFAULT_FIRST_YEAR,
      years,
      prefix,
    });
    this.awardSamples = this.simulation.awardSamples;
    this.tally = new StatsTally(scale, this.province);
    this.stats = this.tally.stats;
  }

  /** Every command, in simulated time order. */
  *steps(): Generator<Step> {
    const sim = this.simulation;
    sim.at(dayStart(ymd(sim.firstYear, 1, 1)), () => planYear(sim, sim.firstYear));
    for (const step of sim.scheduler.steps()) {
      this.tally.count(step, sim.streams.size);
      yield step;
    }
    this.stats.streams = sim.streams.size;
  }

  /** Every event, in the order the steps appended them. */
  *events(): Generator<GeneratedEvent> {
    for (const step of this.steps()) yield* step.events;
  }
}
