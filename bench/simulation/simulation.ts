/**
 * The shared state of the province simulation: the streams' states, the agenda, the
 * read-model facts, the year plans, id counters and the random stream, with the helpers
 * every phase uses (scheduling, running a command, who acts for a unit).
 */
import type { Role } from '../../src/identity';
import { personDecider } from '../../src/people/person.decider';
import type { KnownSubject } from '../../src/people/subject.lookup';
import type { Decider, DomainEvent } from '../../src/shared/decider';
import { SubjectKind } from '../../src/shared/domain';
import { unitDecider } from '../../src/units/unit.decider';
import type { Actor, CouncilInfo, Province, UnitInfo } from '../province';
import type { Random } from '../random';
import { DAY, dayStart, MINUTE } from './calendar';
import { ReadModelFacts } from './facts';
import { consequencesOf } from './consequences';
import { MUTATIONS } from './mutations';
import { Scheduler } from './scheduler';
import { SimTransaction, StreamStates } from './transaction';
import type { AwardSample, Step } from './types';
import type { YearPlan } from './yearPlan';

export interface SimulationSetup {
  province: Province;
  rng: Random;
  firstYear: number;
  years: number;
  /** Prefix for every id, to generate a second, independent province into the same log. */
  prefix: string;
}

type Counter = 'dossier' | 'session' | 'complaint' | 'initiative' | 'movement';

/** How many granted awards the read benchmarks get (a reservoir sample). */
const AWARD_SAMPLE_SIZE = 2_000;

export class Simulation {
  readonly province: Province;
  readonly rng: Random;
  readonly firstYear: number;
  readonly years: number;
  readonly prefix: string;
  readonly streams = new StreamStates();
  readonly scheduler = new Scheduler();
  readonly facts = new ReadModelFacts();
  readonly yearPlans = new Map<number, YearPlan>();
  /** The people rated for proposal in a period, by period key. */
  readonly nominees = new Map<string, string[]>();
  /** The number of each issuer's latest decision. */
  readonly decisionSeq = new Map<string, number>();
  readonly awardSamples: AwardSample[] = [];
  private awardsSeen = 0;
  private readonly counters: Record<Counter, number> = {
    dossier: 0,
    session: 0,
    complaint: 0,
    initiative: 0,
    movement: 0,
  };

  constructor(setup: SimulationSetup) {
    this.province = setup.province;
    this.rng = setup.rng;
    this.firstYear = setup.firstYear;
    this.years = setup.years;
    this.prefix = setup.prefix;
  }

  at(t: number, run: () => Step | void): void {
    this.scheduler.at(t, run);
  }

  /** The next number of an id sequence. */
  next(counter: Counter): number {
    return ++this.counters[counter];
  }

  /** A random instant during office hours (07:30–17:00 in Vietnam, UTC+7) of a day in [from, to]. */
  officeTime(from: string, to: string = from): number {
    const days = Math.max(0, Math.round((dayStart(to) - dayStart(from)) / DAY));
    return dayStart(from) + this.rng.int(0, days) * DAY + this.rng.int(30, 600) * MINUTE;
  }

  /** Runs one command at `at`: `build` loads and decides; the mutation's variables are built when asked for. */
  run(
    at: number,
    actor: Actor,
    name: keyof typeof MUTATIONS,
    variables: () => Record<string, unknown>,
    build: (tx: SimTransaction) => void,
  ): Step {
    const correlationId = this.rng.uuid();
    const tx = new SimTransaction(this.streams, at, actor, correlationId, this.rng.uuid());
    build(tx);
    if (tx.appends.length === 0) throw new Error(`${name} decided no events`);
    const committed = tx.commit();
    const events = [...committed, ...consequencesOf(this.streams, committed)];
    return {
      at,
      events,
      op: () => ({
        name,
        query: MUTATIONS[name],
        variables: variables(),
        actor,
        headers: { 'x-correlation-id': correlationId },
      }),
    };
  }

  state<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string): S {
    return this.streams.state(decider, id);
  }

  /** A member of the unit's staff acting in `role` for the unit. */
  staffOf(unitId: string, role: Role): Actor {
    const unit = this.province.unitById.get(unitId)!;
    return { actorId: unit.people[Math.min(1, unit.people.length - 1)] ?? 'system', role, unitId };
  }

  officerOf(unitId: string): Actor {
    return this.staffOf(unitId, 'UNIT_OFFICER');
  }

  /** The standing agency acting for the unit: a council's secretariat for its committee, else the unit's own staff. */
  secretariatOf(unitId: string): Actor {
    const council = [this.province.provinceCouncil, ...this.province.districts.map((d) => d.council)].find(
      (c) => c.unitId === unitId,
    );
    return council?.secretariat ?? this.staffOf(unitId, 'SECRETARIAT');
  }

  councilFor(unit: UnitInfo, provinceLevel: boolean): CouncilInfo {
    if (provinceLevel || unit.district === null) return this.province.provinceCouncil;
    return this.province.districts[unit.district].council;
  }

  subjectOf(kind: SubjectKind, id: string): KnownSubject {
    if (kind === SubjectKind.INDIVIDUAL) {
      const person = this.state(personDecider, id);
      if (person.status === 'NONE') throw new Error(`unknown person ${id}`);
      return {
        kind,
        id,
        name: person.fullName,
        unitId: person.unitId,
        directWorker: person.directWorker,
        female: person.female,
      };
    }
    const unit = this.state(unitDecider, id);
    if (unit.status === 'NONE') throw new Error(`unknown unit ${id}`);
    return { kind, id, name: unit.name, unitId: unit.unitId, directWorker: false, female: false };
  }

  sampleAward(sample: AwardSample): void {
    this.awardsSeen++;
    if (this.awardSamples.length < AWARD_SAMPLE_SIZE) this.awardSamples.push(sample);
    else {
      const j = this.rng.int(0, this.awardsSeen - 1);
      if (j < AWARD_SAMPLE_SIZE) this.awardSamples[j] = sample;
    }
  }
}
