/**
 * A deterministic province workload for benchmarks (DOMAIN.md, "Scale of one province").
 *
 * The generator is a discrete-event simulation of the years of emulation and
 * commendation work in one province: units and people are registered, movements
 * launched, plans issued and reported, clusters scored and ranked, titles registered,
 * people rated, initiatives recognised, dossiers submitted, returned, appraised by
 * the real rule engine, voted on by councils in secret ballots, awards decided, and
 * complaints filed, accepted, resolved and sometimes upheld with a revocation.
 *
 * Every step is a command of the public API. The simulation looks facts up the way
 * the command handlers do and then calls the real deciders' `decide`, so every
 * event has exactly the data shape the app would store and every rule holds. Each
 * step yields:
 *  - the events, grouped by stream with their versions and metadata (recordedAt on
 *    the simulated calendar): path (a), bulk import through the EventStore port;
 *  - the GraphQL mutation that makes the app decide the same thing: path (b).
 *
 * Steps come out in simulated time order. Scale is linear in the target event count
 * (`events`): 1,000,000 is about the full province over 5 years.
 */
import { awardDecider, type AwardState } from '../src/awards/award.decider';
import { clusterDecider, type ClusterState } from '../src/clusters/cluster.decider';
import type { ClusterRankingFinalized } from '../src/clusters/cluster.events';
import { DEFAULT_CERTIFICATE_COUNT } from '../src/clusters/standings';
import { complaintDecider, type ComplaintState } from '../src/complaints/complaint.decider';
import { councilSessionDecider, type ConveneCouncilSession } from '../src/councilSessions/councilSession.decider';
import type { CouncilSessionClosed } from '../src/councilSessions/councilSession.events';
import { dossierDecider, type DossierState } from '../src/dossiers/dossier.decider';
import type { EventMetadataInput, NewEvent } from '../src/eventStore/eventStore.port';
import type { Role } from '../src/identity';
import { initiativeDecider } from '../src/initiatives/initiative.decider';
import { movementDecider, type MovementState } from '../src/movements/movement.decider';
import { personDecider, type PersonState } from '../src/people/person.decider';
import { planDecider } from '../src/plans/plan.decider';
import { ratingDecider, ratingStreamKey, type RatingState } from '../src/ratings/rating.decider';
import {
  registrationDecider,
  registrationStreamKey,
  type RegistrationState,
} from '../src/registrations/registration.decider';
import {
  consecutivePeriods,
  type EligibilityFacts,
  type HeldAwardFact,
  type InitiativeFact,
  type RatingFact,
  type RegistrationFact,
} from '../src/rules/eligibility';
import { approvalThresholdFor, ruleSetById, ruleSetFor, RULE_SETS } from '../src/rules/ruleSets';
import { fold, streamIdOf, type Decider, type DomainEvent } from '../src/shared/decider';
import {
  AuthorityLevel,
  AwardKind,
  BallotChoice,
  ComplaintKind,
  ComplaintOutcome,
  DossierStatus,
  MovementKind,
  PerformanceRating,
  PeriodKind,
  ScoreKind,
  SubjectKind,
  addDays,
  periodKey,
  subjectKey,
  type Period,
  type SubjectRef,
} from '../src/shared/domain';
import { unitDecider, type UnitState } from '../src/units/unit.decider';
import { COMPLAINANTS_NOTE, CRITERIA, MOVEMENT_THEMES, PLAN_TASKS } from './names';
import { buildProvince, personName, type Actor, type CouncilInfo, type Province, type UnitInfo } from './province';
import { Random } from './random';

// ---------------------------------------------------------------------------
// Public shapes
// ---------------------------------------------------------------------------

/** One event as the store receives it, with the stream and the version it takes there. */
export interface GeneratedEvent extends NewEvent {
  streamId: string;
  streamVersion: number;
}

/** A GraphQL request that makes the app run the same command. */
export interface GraphQLOp {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Who sends it: the load generator signs a bearer token for each actor. */
  actor: Actor;
  headers: Record<string, string>;
}

/** One command: when it happened, the events it appended, and the mutation that does it over GraphQL. */
export interface Step {
  at: number;
  events: GeneratedEvent[];
  op(): GraphQLOp;
}

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
export const DEFAULT_FIRST_YEAR = 2021;
export const DEFAULT_YEARS = 5;

/**
 * Events of the full province (scale 1: ~2,000 units, ~100,000 people, ~100 clusters):
 * the registry once (units and people), then each year about 206,000 (ballots ~107k,
 * dossier events ~34k, registrations ~21k, cluster scores ~19k, ratings and
 * initiatives ~9k, awards ~8k, plans and set-up ~7k, complaints ~1k). Calibrated on
 * the generator's own output; `--events 1000000` is therefore a province at scale ~0.88.
 */
const BASE_REGISTRY_EVENTS = 102_100;
const BASE_EVENTS_PER_YEAR = 206_000;

export function scaleFor(events: number, years: number): number {
  return events / (BASE_REGISTRY_EVENTS + years * BASE_EVENTS_PER_YEAR);
}

/** Event types by the categories of DOMAIN.md's scale list. */
export const EVENT_CATEGORY: Record<string, string> = {
  UnitRegistered: 'registry',
  PersonRegistered: 'registry',
  MovementLaunched: 'movements, plans, cluster set-up',
  PlanIssued: 'movements, plans, cluster set-up',
  PlanTaskReported: 'movements, plans, cluster set-up',
  ClusterFormed: 'movements, plans, cluster set-up',
  ClusterLeadershipAssigned: 'movements, plans, cluster set-up',
  ClusterCriteriaSet: 'movements, plans, cluster set-up',
  ClusterRankingFinalized: 'movements, plans, cluster set-up',
  TitleRegistered: 'registrations',
  PerformanceRated: 'ratings and initiatives',
  InitiativeRecognized: 'ratings and initiatives',
  ClusterScoreRecorded: 'cluster scores',
  DossierSubmitted: 'dossier events',
  DossierReturned: 'dossier events',
  DossierResubmitted: 'dossier events',
  DossierWithdrawn: 'dossier events',
  DossierAppraised: 'dossier events',
  DossierResolved: 'dossier events',
  DossierGranted: 'dossier events',
  CouncilSessionConvened: 'council sessions',
  CouncilSessionClosed: 'council sessions',
  BallotCast: 'ballots',
  AwardGranted: 'awards',
  AwardRevoked: 'awards',
  ComplaintFiled: 'complaints',
  ComplaintAccepted: 'complaints',
  ComplaintDismissed: 'complaints',
  ComplaintResolved: 'complaints',
};

export interface GeneratorStats {
  events: number;
  commands: number;
  streams: number;
  byType: Record<string, number>;
  byCategory: Record<string, number>;
  /** Share of events recorded in the last six weeks (Nov 20 – Dec 31) of a year. */
  lastSixWeeksShare: number;
  firstRecordedAt: string | null;
  lastRecordedAt: string | null;
  scale: number;
  people: number;
  units: number;
  clusters: number;
}

/** A granted award, for the inspector and complaint-desk benchmarks. */
export interface AwardSample {
  awardId: string;
  dossierId: string;
  subject: { kind: SubjectKind; id: string; name: string };
}

// ---------------------------------------------------------------------------
// GraphQL documents
// ---------------------------------------------------------------------------

const RESULT = '{ id position }';
export const MUTATIONS = {
  registerUnit: `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) ${RESULT} }`,
  registerPerson: `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) ${RESULT} }`,
  formCluster: `mutation($input: FormClusterInput!) { formCluster(input: $input) ${RESULT} }`,
  assignClusterLeadership: `mutation($clusterId: ID!, $year: Int!, $leaderUnitId: ID!, $deputyUnitId: ID!) { assignClusterLeadership(clusterId: $clusterId, year: $year, leaderUnitId: $leaderUnitId, deputyUnitId: $deputyUnitId) ${RESULT} }`,
  setClusterCriteria: `mutation($input: SetClusterCriteriaInput!) { setClusterCriteria(input: $input) ${RESULT} }`,
  recordClusterScore: `mutation($input: RecordClusterScoreInput!) { recordClusterScore(input: $input) ${RESULT} }`,
  finalizeClusterRanking: `mutation($clusterId: ID!, $year: Int!) { finalizeClusterRanking(clusterId: $clusterId, year: $year) ${RESULT} }`,
  launchMovement: `mutation($input: LaunchMovementInput!) { launchMovement(input: $input) ${RESULT} }`,
  issuePlan: `mutation($input: IssuePlanInput!) { issuePlan(input: $input) ${RESULT} }`,
  reportPlanTask: `mutation($planId: ID!, $taskNo: Int!, $done: Boolean!, $note: String) { reportPlanTask(planId: $planId, taskNo: $taskNo, done: $done, note: $note) ${RESULT} }`,
  registerTitle: `mutation($input: RegisterTitleInput!) { registerTitle(input: $input) ${RESULT} }`,
  ratePerformance: `mutation($input: RatePerformanceInput!) { ratePerformance(input: $input) ${RESULT} }`,
  recognizeInitiative: `mutation($input: RecognizeInitiativeInput!) { recognizeInitiative(input: $input) ${RESULT} }`,
  submitDossier: `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) ${RESULT} }`,
  returnDossier: `mutation($dossierId: ID!, $reason: String!) { returnDossier(dossierId: $dossierId, reason: $reason) ${RESULT} }`,
  resubmitDossier: `mutation($dossierId: ID!, $achievements: String!) { resubmitDossier(dossierId: $dossierId, achievements: $achievements) ${RESULT} }`,
  appraiseDossier: `mutation($dossierId: ID!, $note: String) { appraiseDossier(dossierId: $dossierId, note: $note) ${RESULT} }`,
  conveneCouncilSession: `mutation($input: ConveneCouncilSessionInput!) { conveneCouncilSession(input: $input) ${RESULT} }`,
  castBallot: `mutation($input: CastBallotInput!) { castBallot(input: $input) ${RESULT} }`,
  closeCouncilSession: `mutation($sessionId: ID!) { closeCouncilSession(sessionId: $sessionId) ${RESULT} }`,
  grantAward: `mutation($input: GrantAwardInput!) { grantAward(input: $input) ${RESULT} }`,
  fileComplaint: `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) ${RESULT} }`,
  acceptComplaint: `mutation($complaintId: ID!, $acceptedOn: Date!, $complex: Boolean, $remoteArea: Boolean) { acceptComplaint(complaintId: $complaintId, acceptedOn: $acceptedOn, complex: $complex, remoteArea: $remoteArea) ${RESULT} }`,
  dismissComplaint: `mutation($complaintId: ID!, $reason: String!, $decidedOn: Date!) { dismissComplaint(complaintId: $complaintId, reason: $reason, decidedOn: $decidedOn) ${RESULT} }`,
  resolveComplaint: `mutation($input: ResolveComplaintInput!) { resolveComplaint(input: $input) ${RESULT} }`,
} as const;

// ---------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------

const DAY = 86_400_000;
const MINUTE = 60_000;

function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function ymd(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Nov 20 – Dec 31: the last six weeks of a year. */
export function inLastSixWeeks(ms: number): boolean {
  const d = new Date(ms);
  const month = d.getUTCMonth() + 1;
  return month === 12 || (month === 11 && d.getUTCDate() >= 20);
}

// ---------------------------------------------------------------------------
// The simulation's command transaction: mirrors CommandTransaction
// ---------------------------------------------------------------------------

interface StreamSlot {
  version: number;
  state: unknown;
}

interface Loaded<S> {
  streamId: string;
  id: string;
  state: S;
  version: number;
}

interface QueuedAppend {
  streamId: string;
  decider: Decider<any, any, any>;
  events: DomainEvent[];
  metadata: EventMetadataInput[];
}

class SimTx {
  readonly appends: QueuedAppend[] = [];
  readonly nowIso: string;

  constructor(
    private readonly streams: Map<string, StreamSlot>,
    readonly at: number,
    private readonly actor: Actor,
    private readonly correlationId: string,
    private readonly commandId: string,
  ) {
    this.nowIso = new Date(at).toISOString();
  }

  get today(): string {
    return this.nowIso.slice(0, 10);
  }

  load<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string): Loaded<S> {
    const streamId = streamIdOf(decider.streamType, id);
    const slot = this.streams.get(streamId);
    return { streamId, id, state: slot ? (slot.state as S) : decider.initialState(), version: slot?.version ?? 0 };
  }

  decide<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    loaded: Loaded<S>,
    command: C,
    ruleSetId: string | null = null,
  ): E[] {
    const events = decider.decide(command, loaded.state);
    if (events.length === 0) return events;
    const metadata: EventMetadataInput = {
      actorId: this.actor.actorId,
      role: this.actor.role,
      unitId: this.actor.unitId,
      commandId: this.commandId,
      correlationId: this.correlationId,
      causationId: null,
      recordedAt: this.nowIso,
      ruleSetId,
    };
    let append = this.appends.find((a) => a.streamId === loaded.streamId);
    if (!append) {
      append = { streamId: loaded.streamId, decider, events: [], metadata: [] };
      this.appends.push(append);
    }
    for (const event of events) {
      append.events.push(event);
      append.metadata.push(metadata);
    }
    return events;
  }

  /** Folds the queued events into the streams and returns them as stored events. */
  commit(): GeneratedEvent[] {
    const out: GeneratedEvent[] = [];
    for (const append of this.appends) {
      let slot = this.streams.get(append.streamId);
      if (!slot) {
        slot = { version: 0, state: append.decider.initialState() };
        this.streams.set(append.streamId, slot);
      }
      append.events.forEach((event, i) => {
        slot!.state = append.decider.evolve(slot!.state, event);
        slot!.version += 1;
        out.push({
          streamId: append.streamId,
          streamVersion: slot!.version,
          type: event.type,
          data: event.data as Record<string, unknown>,
          metadata: append.metadata[i],
        });
      });
    }
    return out;
  }
}

// ---------------------------------------------------------------------------
// Scheduling
// ---------------------------------------------------------------------------

interface Scheduled {
  t: number;
  seq: number;
  run: () => Step | void;
}

class MinHeap {
  private readonly items: Scheduled[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: Scheduled): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  pop(): Scheduled | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l], a[m])) m = l;
        if (r < a.length && before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

function before(x: Scheduled, y: Scheduled): boolean {
  return x.t < y.t || (x.t === y.t && x.seq < y.seq);
}

// ---------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------

interface HeldAward extends HeldAwardFact {
  awardId: string;
  unitKey: string;
}

interface RoundDossier {
  dossierId: string;
  council: CouncilInfo;
  issuerUnitId: string;
}

interface YearPlan {
  awCalendar: string[];
  gfCalendar: Set<string>;
  /** Registrants for school-year titles, by school year. */
  awSchool: Map<number, string[]>;
  gfSchool: Map<number, Set<string>>;
  advancedCollective: string[];
  excellentCollective: string[];
  regularMovement: Map<number | 'province', string>;
  thematicMovement: Map<number, string>;
}

const INDIVIDUAL = SubjectKind.INDIVIDUAL;
const COLLECTIVE = SubjectKind.COLLECTIVE;
const CAL = PeriodKind.CALENDAR_YEAR;
const SCHOOL = PeriodKind.SCHOOL_YEAR;
/** How many periods back the handler reads ratings (mirrors eligibilityFacts.ts). */
const RATING_PERIODS = Math.max(
  1,
  ...RULE_SETS.map((set) => set.provincialCertificateForIndividuals?.consecutiveExcellentPeriods ?? 1),
);
const MAX_AGENDA = 60;

const ACHIEVEMENTS = [
  'Hoàn thành xuất sắc nhiệm vụ được giao; chấp hành tốt chủ trương, chính sách của Đảng và pháp luật của Nhà nước.',
  'Tích cực tham gia phong trào thi đua, có tinh thần tự lực, tự cường, đoàn kết, tương trợ.',
  'Có sáng kiến cải tiến quy trình công việc, nâng cao hiệu quả phục vụ người dân.',
  'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 100%, không có hồ sơ quá hạn.',
  'Học sinh khá giỏi tăng so với năm trước; tham gia tích cực hội thi giáo viên dạy giỏi cấp huyện.',
  'Đơn vị hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội, giữ vững an ninh trật tự.',
];
const RETURN_REASONS = [
  'Thiếu bản nhận xét, đánh giá của thủ trưởng đơn vị',
  'Thiếu biên bản họp xét của Hội đồng thi đua cơ sở',
  'Báo cáo thành tích chưa có số liệu minh chứng',
];

export class ProvinceGenerator {
  readonly province: Province;
  readonly stats: GeneratorStats;
  /** Some granted awards (reservoir sample) for the read benchmarks. */
  readonly awardSamples: AwardSample[] = [];

  private readonly rng: Random;
  private readonly streams = new Map<string, StreamSlot>();
  private readonly heap = new MinHeap();
  private seq = 0;
  /** The simulated time of the step running now: nothing may be scheduled before it. */
  private clock = 0;
  private readonly firstYear: number;
  private readonly years: number;
  private readonly prefix: string;
  private awardsSeen = 0;
  private lastSixWeeks = 0;

  // Facts the handlers read from read models, kept as the projections would.
  private readonly awardsBySubject = new Map<string, HeldAward[]>();
  private readonly awardById = new Map<string, HeldAward>();
  private readonly unitAwardCounts = new Map<string, { advancedWorkers: number; grassrootsFighters: number }>();
  private readonly initiativesByAuthor = new Map<string, InitiativeFact[]>();
  private readonly clusterRank = new Map<string, number>();
  private readonly pendingComplaints = new Map<string, number>();
  private readonly decisions = new Map<string, { decidedOn: string; signerName: string }>();
  private readonly decisionSeq = new Map<string, number>();
  private readonly awardsByYear = new Map<number, string[]>();
  private readonly yearPlans = new Map<number, YearPlan>();
  private counters = { dossier: 0, award: 0, session: 0, complaint: 0, initiative: 0, movement: 0 };

  constructor(options: GeneratorOptions = {}) {
    const seed = options.seed ?? DEFAULT_SEED;
    this.firstYear = options.firstYear ?? DEFAULT_FIRST_YEAR;
    this.years = options.years ?? DEFAULT_YEARS;
    this.prefix = options.idPrefix ?? '';
    const scale = scaleFor(options.events ?? 1_000_000, this.years);
    this.province = buildProvince(seed, scale, this.prefix);
    this.rng = new Random(seed);
    this.stats = {
      events: 0,
      commands: 0,
      streams: 0,
      byType: {},
      byCategory: {},
      lastSixWeeksShare: 0,
      firstRecordedAt: null,
      lastRecordedAt: null,
      scale,
      people: this.province.people.length,
      units: this.province.units.length,
      clusters: this.province.clusters.length,
    };
  }

  /** Every command, in simulated time order. */
  *steps(): Generator<Step> {
    this.at(dayStart(ymd(this.firstYear, 1, 1)), () => this.planYear(this.firstYear));
    for (let item = this.heap.pop(); item; item = this.heap.pop()) {
      this.clock = item.t;
      const step = item.run();
      if (!step) continue;
      this.count(step);
      yield step;
    }
    this.stats.streams = this.streams.size;
  }

  /** Every event, in the order the steps appended them. */
  *events(): Generator<GeneratedEvent> {
    for (const step of this.steps()) yield* step.events;
  }

  private count(step: Step): void {
    const s = this.stats;
    s.commands++;
    for (const e of step.events) {
      s.events++;
      s.byType[e.type] = (s.byType[e.type] ?? 0) + 1;
      const category = EVENT_CATEGORY[e.type] ?? 'other';
      s.byCategory[category] = (s.byCategory[category] ?? 0) + 1;
      if (inLastSixWeeks(step.at)) this.lastSixWeeks++;
    }
    const iso = new Date(step.at).toISOString();
    s.firstRecordedAt ??= iso;
    s.lastRecordedAt = iso;
    s.lastSixWeeksShare = s.events === 0 ? 0 : this.lastSixWeeks / s.events;
    s.streams = this.streams.size;
  }

  private at(t: number, run: () => Step | void): void {
    if (t < this.clock)
      throw new Error(`scheduled into the past: ${new Date(t).toISOString()} < ${new Date(this.clock).toISOString()}`);
    this.heap.push({ t, seq: this.seq++, run });
  }

  /** A random instant during office hours (07:30–17:00 in Vietnam, UTC+7) of a day in [from, to]. */
  private officeTime(from: string, to: string = from): number {
    const days = Math.max(0, Math.round((dayStart(to) - dayStart(from)) / DAY));
    return dayStart(from) + this.rng.int(0, days) * DAY + this.rng.int(30, 600) * MINUTE;
  }

  // -------------------------------------------------------------------------
  // Running a command
  // -------------------------------------------------------------------------

  private run(
    at: number,
    actor: Actor,
    name: keyof typeof MUTATIONS,
    variables: () => Record<string, unknown>,
    build: (tx: SimTx) => void,
  ): Step {
    const correlationId = this.rng.uuid();
    const tx = new SimTx(this.streams, at, actor, correlationId, this.rng.uuid());
    build(tx);
    if (tx.appends.length === 0) throw new Error(`${name} decided no events`);
    const events = tx.commit();
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

  private state<S>(decider: Decider<any, any, S>, id: string): S {
    const slot = this.streams.get(streamIdOf(decider.streamType, id));
    return slot ? (slot.state as S) : decider.initialState();
  }

  /** A member of the unit's staff acting in `role` for the unit. */
  private staffOf(unitId: string, role: Role): Actor {
    const unit = this.province.unitById.get(unitId)!;
    return { actorId: unit.people[Math.min(1, unit.people.length - 1)] ?? 'system', role, unitId };
  }

  private officerOf(unitId: string): Actor {
    return this.staffOf(unitId, 'UNIT_OFFICER');
  }

  /** The standing agency acting for the unit: a council's secretariat for its committee, else the unit's own staff. */
  private secretariatOf(unitId: string): Actor {
    const council = [this.province.provinceCouncil, ...this.province.districts.map((d) => d.council)].find(
      (c) => c.unitId === unitId,
    );
    return council?.secretariat ?? this.staffOf(unitId, 'SECRETARIAT');
  }

  private secretariatFor(council: CouncilInfo): Actor {
    return council.secretariat;
  }

  private councilFor(unit: UnitInfo, provinceLevel: boolean): CouncilInfo {
    if (provinceLevel || unit.district === null) return this.province.provinceCouncil;
    return this.province.districts[unit.district].council;
  }

  private subjectOf(
    kind: SubjectKind,
    id: string,
  ): { kind: SubjectKind; id: string; name: string; unitId: string; directWorker: boolean; female: boolean } {
    if (kind === INDIVIDUAL) {
      const person = this.state<PersonState>(personDecider, id);
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
    const unit = this.state<UnitState>(unitDecider, id);
    if (unit.status === 'NONE') throw new Error(`unknown unit ${id}`);
    return { kind, id, name: unit.name, unitId: unit.unitId, directWorker: false, female: false };
  }

  // -------------------------------------------------------------------------
  // The year
  // -------------------------------------------------------------------------

  private planYear(year: number): void {
    const plan: YearPlan = {
      awCalendar: [],
      gfCalendar: new Set(),
      awSchool: new Map(),
      gfSchool: new Map(),
      advancedCollective: [],
      excellentCollective: [],
      regularMovement: new Map(),
      thematicMovement: new Map(),
    };
    this.yearPlans.set(year, plan);
    if (year === this.firstYear) this.planRegistry(year);
    this.planMovements(year, plan);
    this.planPlans(year);
    this.planClusterYear(year);
    this.planRegistrations(year, plan);
    this.planComplaintsAboutAwards(year);
    this.at(dayStart(ymd(year, 5, 1)), () => this.planSchoolYearRound(year, year - 1));
    this.at(dayStart(ymd(year, 8, 20)), () => this.planThematicRound(year));
    this.at(dayStart(ymd(year, 9, 28)), () =>
      this.planInitiatives(year, { kind: CAL, year }, ymd(year, 10, 1), ymd(year, 11, 15)),
    );
    this.at(dayStart(ymd(year, 10, 28)), () => this.planCalendarRatings(year));
    this.at(dayStart(ymd(year, 11, 19)), () => this.planYearEndRound(year));
    this.at(dayStart(ymd(year, 12, 10)), () => this.planClusterAwardRound(year));
    this.at(dayStart(ymd(year, 12, 24)), () =>
      this.planFighterRound({ kind: CAL, year }, ymd(year, 12, 24), ymd(year, 12, 25), ymd(year, 12, 29)),
    );
    this.at(dayStart(ymd(year + 1, 1, 5)), () => this.planProvincialFighterRound(year));
    if (year + 1 < this.firstYear + this.years) this.at(dayStart(ymd(year + 1, 1, 1)), () => this.planYear(year + 1));
  }

  // --- registry ------------------------------------------------------------

  private planRegistry(year: number): void {
    const p = this.province;
    // The administrator keeps the catalogue of units; the province's standing agency registers people and forms clusters.
    const admin: Actor = { actorId: 'bench-admin', role: 'ADMIN', unitId: null };
    const secretariat = p.provinceCouncil.secretariat;
    // Units in tree order (parents first), one after another on Jan 2–5, then people on Jan 6–12.
    let t = dayStart(ymd(year, 1, 2)) + 60 * MINUTE;
    const unitStep = Math.max(1, Math.floor((3 * DAY) / Math.max(1, p.units.length)));
    for (const unit of p.units) {
      this.at(t, () => this.registerUnit(t, admin, unit));
      t += unitStep;
    }
    const from = dayStart(ymd(year, 1, 6));
    const span = 6 * DAY;
    p.people.forEach((person, i) => {
      const at = from + Math.floor((span * i) / p.people.length);
      this.at(at, () => this.registerPerson(at, secretariat, person));
    });
    for (const cluster of p.clusters) {
      const at = this.officeTime(ymd(year, 1, 30), ymd(year, 2, 3));
      this.at(at, () =>
        this.run(
          at,
          secretariat,
          'formCluster',
          () => ({
            input: {
              id: cluster.id,
              name: cluster.name,
              kind: cluster.kind,
              organizerUnitId: cluster.organizerUnitId,
              memberUnitIds: cluster.memberIds,
            },
          }),
          (tx) => {
            const members = cluster.memberIds.map((unitId) => ({
              unitId,
              unitName: this.subjectOf(COLLECTIVE, unitId).name,
            }));
            tx.decide(clusterDecider, tx.load(clusterDecider, cluster.id), {
              type: 'FormCluster',
              data: {
                clusterId: cluster.id,
                name: cluster.name,
                kind: cluster.kind,
                organizerUnitId: cluster.organizerUnitId,
                members,
                unknownUnitIds: [],
              },
            });
          },
        ),
      );
    }
  }

  private registerUnit(at: number, actor: Actor, unit: UnitInfo): Step {
    return this.run(
      at,
      actor,
      'registerUnit',
      () => ({
        input: {
          id: unit.id,
          name: unit.name,
          kind: unit.kind,
          level: unit.level,
          parentUnitId: unit.parentId,
          sector: unit.sector,
          small: unit.small,
        },
      }),
      (tx) => {
        const parent = unit.parentId ? tx.load(unitDecider, unit.parentId).state : null;
        tx.decide(unitDecider, tx.load(unitDecider, unit.id), {
          type: 'RegisterUnit',
          data: {
            unitId: unit.id,
            name: unit.name,
            kind: unit.kind,
            level: unit.level,
            parentUnitId: unit.parentId,
            parentExists: parent !== null && parent.status !== 'NONE',
            parentLevel: parent && parent.status !== 'NONE' ? parent.level : null,
            sector: unit.sector,
            small: unit.small,
          },
        });
      },
    );
  }

  private registerPerson(at: number, actor: Actor, person: Province['people'][number]): Step {
    return this.run(
      at,
      actor,
      'registerPerson',
      () => ({
        input: {
          id: person.id,
          fullName: person.fullName,
          unitId: person.unitId,
          position: person.position,
          directWorker: person.directWorker,
          female: person.female,
        },
      }),
      (tx) => {
        const unit = tx.load(unitDecider, person.unitId).state;
        tx.decide(personDecider, tx.load(personDecider, person.id), {
          type: 'RegisterPerson',
          data: {
            personId: person.id,
            fullName: person.fullName,
            unitId: person.unitId,
            unitExists: unit.status !== 'NONE',
            unitName: unit.status !== 'NONE' ? unit.name : '',
            position: person.position,
            directWorker: person.directWorker,
            female: person.female,
          },
        });
      },
    );
  }

  // --- movements and plans -------------------------------------------------

  private launchMovement(
    year: number,
    launcher: string,
    kind: MovementKind,
    startsOn: string,
    endsOn: string | null,
    theme: string,
    participants: string[],
  ): string {
    const id = `${this.prefix}pt-${year}-${String(++this.counters.movement).padStart(4, '0')}`;
    const criteria = this.rng.sample(
      [
        'Hoàn thành vượt mức chỉ tiêu được giao',
        'Có mô hình, cách làm hay được nhân rộng',
        'Không có vi phạm kỷ luật, kỷ cương hành chính',
        'Ứng dụng công nghệ thông tin trong công việc',
      ],
      this.rng.int(2, 4),
    );
    const name = `${theme} năm ${year}`;
    const at = this.officeTime(startsOn, startsOn);
    const actor = this.secretariatOf(launcher);
    this.at(at - DAY, () =>
      this.run(
        at - DAY,
        actor,
        'launchMovement',
        () => ({
          input: {
            id,
            name,
            kind,
            launchedByUnitId: launcher,
            startsOn,
            endsOn,
            criteria,
            participantUnitIds: participants,
          },
        }),
        (tx) => {
          tx.decide(movementDecider, tx.load(movementDecider, id), {
            type: 'LaunchMovement',
            data: {
              movementId: id,
              name,
              kind,
              launchedByUnitId: launcher,
              startsOn,
              endsOn,
              criteria,
              participantUnitIds: participants,
              unknownUnitIds: [],
            },
          });
        },
      ),
    );
    return id;
  }

  private planMovements(year: number, plan: YearPlan): void {
    const p = this.province;
    plan.regularMovement.set(
      'province',
      this.launchMovement(year, p.provinceUnitId, MovementKind.REGULAR, ymd(year, 1, 12), null, MOVEMENT_THEMES[0], []),
    );
    this.launchMovement(
      year,
      p.provinceUnitId,
      MovementKind.PHASED,
      ymd(year, 2, 15),
      ymd(year, 6, 30),
      MOVEMENT_THEMES[1],
      [],
    );
    this.launchMovement(year, p.provinceUnitId, MovementKind.REGULAR, ymd(year, 3, 2), null, MOVEMENT_THEMES[5], []);
    for (const dept of p.departmentIds) {
      if (this.rng.chance(0.4))
        this.launchMovement(
          year,
          dept,
          MovementKind.REGULAR,
          ymd(year, 1, this.rng.int(13, 28)),
          null,
          this.rng.pick(MOVEMENT_THEMES),
          [],
        );
    }
    for (const d of p.districts) {
      const participants = this.rng.chance(0.3) ? this.rng.sample(d.communeIds, Math.min(6, d.communeIds.length)) : [];
      plan.regularMovement.set(
        d.index,
        this.launchMovement(
          year,
          d.unitId,
          MovementKind.REGULAR,
          ymd(year, 1, this.rng.int(12, 14)),
          null,
          this.rng.pick(MOVEMENT_THEMES.slice(0, 3)),
          participants,
        ),
      );
      plan.thematicMovement.set(
        d.index,
        this.launchMovement(
          year,
          d.unitId,
          MovementKind.THEMATIC,
          ymd(year, 3, this.rng.int(1, 10)),
          ymd(year, 9, 30),
          this.rng.pick(MOVEMENT_THEMES.slice(3)),
          [],
        ),
      );
      for (const c of d.communeIds)
        if (this.rng.chance(0.05))
          this.launchMovement(
            year,
            c,
            MovementKind.REGULAR,
            ymd(year, 2, this.rng.int(1, 25)),
            null,
            MOVEMENT_THEMES[7],
            [],
          );
    }
  }

  private planPlans(year: number): void {
    const p = this.province;
    const issuers: Array<{ id: string; children: string[] }> = [
      { id: p.provinceUnitId, children: p.departmentIds },
      ...p.departmentIds.map((id) => ({ id, children: [] as string[] })),
      ...p.districts.map((d) => ({ id: d.unitId, children: [...d.officeIds, ...d.communeIds] })),
      ...p.districts.flatMap((d) =>
        d.communeIds.map((id) => ({ id, children: d.villageIds.filter((v) => p.unitById.get(v)!.parentId === id) })),
      ),
    ];
    for (const issuer of issuers) {
      const planId = `${this.prefix}kh-${issuer.id}-${year}`;
      const count = this.rng.int(5, 9);
      const chosen = [
        ...this.rng.sample(
          PLAN_TASKS.map((_, i) => i),
          count,
        ),
      ].sort((a, b) => a - b);
      const tasks = chosen.map((i) => {
        const executing =
          issuer.children.length > 0 && this.rng.chance(0.6)
            ? this.rng.sample(issuer.children, this.rng.int(1, 2))
            : [issuer.id];
        const coordinating =
          issuer.children.length > 2 && this.rng.chance(0.3)
            ? this.rng.sample(
                issuer.children.filter((c) => !executing.includes(c)),
                1,
              )
            : [];
        return {
          quarter: Math.min(4, 1 + Math.floor((i * 4) / PLAN_TASKS.length)),
          content: `${PLAN_TASKS[i]} ${year}`,
          directingUnitId: issuer.id,
          executingUnitIds: executing,
          coordinatingUnitIds: coordinating,
        };
      });
      const title = `Kế hoạch công tác thi đua, khen thưởng năm ${year}`;
      const actor = this.secretariatOf(issuer.id);
      const issuedAt =
        year === this.firstYear
          ? this.officeTime(ymd(year, 1, 14), ymd(year, 1, 28))
          : this.officeTime(ymd(year, 1, 5), ymd(year, 1, 25));
      this.at(issuedAt, () =>
        this.run(
          issuedAt,
          actor,
          'issuePlan',
          () => ({ input: { id: planId, year, issuedByUnitId: issuer.id, title, tasks } }),
          (tx) => {
            tx.decide(planDecider, tx.load(planDecider, planId), {
              type: 'IssuePlan',
              data: { planId, year, issuedByUnitId: issuer.id, title, tasks, unknownUnitIds: [] },
            });
          },
        ),
      );
      tasks.forEach((task, index) => {
        const taskNo = index + 1;
        const qStartMonth = (task.quarter - 1) * 3 + 1;
        const reports: Array<{ done: boolean; at: number }> = [];
        const progress = this.rng.weighted([
          [0, 1],
          [1, 3],
          [2, 3],
          [3, 2],
        ] as const);
        for (let r = 0; r < progress; r++)
          reports.push({ done: false, at: this.officeTime(ymd(year, qStartMonth, 1), ymd(year, qStartMonth + 2, 10)) });
        reports.sort((a, b) => a.at - b.at);
        if (this.rng.chance(0.92))
          reports.push({
            done: true,
            at: this.officeTime(ymd(year, qStartMonth + 2, 12), ymd(year, qStartMonth + 2, 28)),
          });
        for (const report of reports) {
          if (report.at <= issuedAt) report.at = issuedAt + (1 + taskNo) * MINUTE;
          const note = report.done ? null : this.rng.chance(0.5) ? 'Đang triển khai thực hiện' : null;
          this.at(report.at, () =>
            this.run(
              report.at,
              actor,
              'reportPlanTask',
              () => ({ planId, taskNo, done: report.done, note }),
              (tx) => {
                tx.decide(planDecider, tx.load(planDecider, planId), {
                  type: 'ReportPlanTask',
                  data: { planId, taskNo, done: report.done, note, reportedOn: tx.today, now: tx.nowIso },
                });
              },
            ),
          );
        }
      });
    }
  }

  // --- clusters ------------------------------------------------------------

  private planClusterYear(year: number): void {
    for (const cluster of this.province.clusters) {
      const organizer = this.secretariatOf(cluster.organizerUnitId);
      const ranked = [...cluster.memberIds].sort((a, b) => cluster.strength.get(b)! - cluster.strength.get(a)!);
      const leader = this.rng.chance(0.7) ? ranked[0] : this.rng.pick(cluster.memberIds);
      const deputy = ranked.find((id) => id !== leader)!;
      const leadAt = this.officeTime(ymd(year, 2, 4), ymd(year, 2, 12));
      this.at(leadAt, () =>
        this.run(
          leadAt,
          organizer,
          'assignClusterLeadership',
          () => ({ clusterId: cluster.id, year, leaderUnitId: leader, deputyUnitId: deputy }),
          (tx) => {
            tx.decide(clusterDecider, tx.load(clusterDecider, cluster.id), {
              type: 'AssignClusterLeadership',
              data: { clusterId: cluster.id, year, leaderUnitId: leader, deputyUnitId: deputy },
            });
          },
        ),
      );
      const scale = this.rng.chance(0.8) ? 100 : 1000;
      const weights = [25, 15, 15, 10, 10, 10, 5, 10];
      const criteria: Array<{ code: string; name: string; maxPoints: number; bonus: boolean }> = CRITERIA.map(
        ([code, name], i) => ({ code, name, maxPoints: (weights[i] * scale) / 100, bonus: false }),
      );
      criteria.push({
        code: 'THUONG',
        name: 'Điểm thưởng: mô hình mới, cách làm hay',
        maxPoints: scale / 20,
        bonus: true,
      });
      criteria.push({ code: 'TRU', name: 'Điểm trừ: vi phạm, chậm báo cáo', maxPoints: -scale / 20, bonus: false });
      const criteriaAt = this.officeTime(ymd(year, 2, 15), ymd(year, 3, 10));
      this.at(criteriaAt, () =>
        this.run(
          criteriaAt,
          organizer,
          'setClusterCriteria',
          () => ({ input: { clusterId: cluster.id, year, criteria } }),
          (tx) => {
            tx.decide(clusterDecider, tx.load(clusterDecider, cluster.id), {
              type: 'SetClusterCriteria',
              data: { clusterId: cluster.id, year, criteria },
            });
          },
        ),
      );
      for (const unitId of cluster.memberIds) {
        const strength = cluster.strength.get(unitId)!;
        const self = this.officerOf(unitId);
        for (const c of criteria) {
          const selfPoints = this.points(c.maxPoints, strength + 0.08);
          const selfAt = this.officeTime(ymd(year, 11, 1), ymd(year, 11, 18));
          this.scheduleScore(selfAt, self, cluster.id, year, unitId, c.code, selfPoints, ScoreKind.SELF, null);
          const assessed = this.points(c.maxPoints, strength);
          const assessedAt = this.officeTime(ymd(year, 11, 21), ymd(year, 12, 4));
          this.scheduleScore(
            assessedAt,
            organizer,
            cluster.id,
            year,
            unitId,
            c.code,
            assessed,
            ScoreKind.ASSESSED,
            this.rng.chance(0.1) ? 'Điều chỉnh theo kết quả kiểm tra thực tế' : null,
          );
          if (this.rng.chance(0.01)) {
            const fixAt = assessedAt + DAY;
            this.scheduleScore(
              fixAt,
              organizer,
              cluster.id,
              year,
              unitId,
              c.code,
              this.points(c.maxPoints, strength),
              ScoreKind.ASSESSED,
              'Đính chính điểm chấm',
            );
          }
        }
      }
      const finalAt = this.officeTime(ymd(year, 12, 7), ymd(year, 12, 9));
      this.at(finalAt, () => {
        const step = this.run(
          finalAt,
          organizer,
          'finalizeClusterRanking',
          () => ({ clusterId: cluster.id, year }),
          (tx) => {
            tx.decide(clusterDecider, tx.load(clusterDecider, cluster.id), {
              type: 'FinalizeClusterRanking',
              data: { clusterId: cluster.id, year, now: tx.nowIso, certificateCount: DEFAULT_CERTIFICATE_COUNT },
            });
          },
        );
        const finalized = step.events[0] as unknown as ClusterRankingFinalized;
        for (const row of finalized.data.rows) {
          const key = `${row.unitId}:${year}`;
          this.clusterRank.set(key, Math.min(this.clusterRank.get(key) ?? Infinity, row.rank));
        }
        return step;
      });
    }
  }

  private points(maxPoints: number, strength: number): number {
    if (maxPoints < 0) return this.rng.chance(0.7) ? 0 : Math.round(maxPoints * this.rng.next() * 0.5 * 2) / 2;
    const share = Math.min(1, Math.max(0, strength * 0.45 + 0.5 + (this.rng.next() - 0.5) * 0.12));
    return Math.round(maxPoints * share * 2) / 2;
  }

  private scheduleScore(
    at: number,
    actor: Actor,
    clusterId: string,
    year: number,
    unitId: string,
    criterionCode: string,
    points: number,
    kind: ScoreKind,
    note: string | null,
  ): void {
    this.at(at, () =>
      this.run(
        at,
        actor,
        'recordClusterScore',
        () => ({ input: { clusterId, year, unitId, criterionCode, points, kind, note } }),
        (tx) => {
          tx.decide(clusterDecider, tx.load(clusterDecider, clusterId), {
            type: 'RecordClusterScore',
            data: { clusterId, year, unitId, criterionCode, points, kind, note, now: tx.nowIso },
          });
        },
      ),
    );
  }

  // --- registrations, ratings, initiatives ----------------------------------

  private districtPeople(predicate: (unit: UnitInfo) => boolean): string[] {
    const out: string[] = [];
    for (const unit of this.province.units) if (unit.district !== null && predicate(unit)) out.push(...unit.people);
    return out;
  }

  /**
   * People who work on the calendar year and whose titles a unit-level or district
   * authority grants: district units other than schools, and the province's public
   * service units (level UNIT: their heads grant the titles).
   */
  private calendarPeople(): string[] {
    const out: string[] = [];
    for (const unit of this.province.units)
      if ((unit.district !== null && unit.role !== 'school') || unit.role === 'deptSub') out.push(...unit.people);
    return out;
  }

  private planRegistrations(year: number, plan: YearPlan): void {
    const p = this.province;
    const calendarPeople = this.calendarPeople();
    const schoolPeople = this.districtPeople((u) => u.role === 'school');
    plan.awCalendar = this.rng.sample(calendarPeople, Math.round(calendarPeople.length * 0.2));
    // Fighters repeat: last year's fighter registrants first, so chains of consecutive years happen.
    const previous = this.yearPlans.get(year - 1)?.gfCalendar ?? new Set<string>();
    const awSet = new Set(plan.awCalendar);
    const repeat = [...previous].filter((id) => awSet.has(id) && this.rng.chance(0.7));
    const gfTarget = Math.round(plan.awCalendar.length * 0.14);
    plan.gfCalendar = new Set(
      [...repeat, ...this.rng.sample(plan.awCalendar, gfTarget)].slice(0, Math.max(gfTarget, repeat.length)),
    );
    const movementFor = (unitId: string): string | null => {
      const unit = p.unitById.get(unitId)!;
      const r = this.rng.next();
      if (r < 0.7 && unit.district !== null) return plan.regularMovement.get(unit.district) ?? null;
      if (r < 0.9) return plan.regularMovement.get('province') ?? null;
      return null;
    };
    const register = (subject: SubjectRef, award: AwardKind, period: Period, from: string, to: string) => {
      const unitId = subject.kind === INDIVIDUAL ? p.personById.get(subject.id)!.unitId : subject.id;
      const movementId = period.kind === CAL ? movementFor(unitId) : null;
      const at = this.officeTime(from, to);
      this.at(at, () => this.registerTitle(at, subject, award, period, movementId));
    };
    const q1 = [ymd(year, 1, 15), ymd(year, 3, 31)] as const;
    for (const id of plan.awCalendar)
      register({ kind: INDIVIDUAL, id }, AwardKind.ADVANCED_WORKER, { kind: CAL, year }, ...q1);
    for (const id of plan.gfCalendar)
      register({ kind: INDIVIDUAL, id }, AwardKind.GRASSROOTS_EMULATION_FIGHTER, { kind: CAL, year }, ...q1);
    // Fighters with two grassroots years behind them aim for the provincial title.
    for (const id of plan.gfCalendar)
      if (this.holds(INDIVIDUAL, id, AwardKind.GRASSROOTS_EMULATION_FIGHTER, { kind: CAL, year: year - 1 }))
        register({ kind: INDIVIDUAL, id }, AwardKind.PROVINCIAL_EMULATION_FIGHTER, { kind: CAL, year }, ...q1);
    const districtUnits = p.units.filter((u) => u.district !== null && u.role !== 'district');
    plan.advancedCollective = this.rng.sample(
      districtUnits.map((u) => u.id),
      Math.round(districtUnits.length * 0.6),
    );
    for (const id of plan.advancedCollective)
      register({ kind: COLLECTIVE, id }, AwardKind.ADVANCED_COLLECTIVE, { kind: CAL, year }, ...q1);
    const allUnits = p.units.filter((u) => u.role !== 'province').map((u) => u.id);
    plan.excellentCollective = this.rng.sample(allUnits, Math.round(allUnits.length * 0.15));
    for (const id of plan.excellentCollective)
      register({ kind: COLLECTIVE, id }, AwardKind.EXCELLENT_COLLECTIVE, { kind: CAL, year }, ...q1);
    for (const cluster of p.clusters) {
      const strongest = [...cluster.memberIds]
        .sort((a, b) => cluster.strength.get(b)! - cluster.strength.get(a)!)
        .slice(0, 3);
      for (const id of strongest)
        register({ kind: COLLECTIVE, id }, AwardKind.PROVINCIAL_EMULATION_FLAG, { kind: CAL, year }, ...q1);
    }
    // School-year titles are registered at the start of the school year (Sep–Oct); the
    // first simulated year also catches up on the school year already running.
    const schoolYears = year === this.firstYear ? [year - 1, year] : [year];
    for (const sy of schoolYears) {
      const aw = this.rng.sample(schoolPeople, Math.round(schoolPeople.length * 0.09));
      const gf = new Set(this.rng.sample(aw, Math.round(aw.length * 0.12)));
      plan.awSchool.set(sy, aw);
      plan.gfSchool.set(sy, gf);
      const [from, to] = sy < year ? [ymd(year, 1, 15), ymd(year, 2, 28)] : [ymd(year, 9, 15), ymd(year, 10, 15)];
      for (const id of aw)
        register({ kind: INDIVIDUAL, id }, AwardKind.ADVANCED_WORKER, { kind: SCHOOL, year: sy }, from, to);
      for (const id of gf)
        register(
          { kind: INDIVIDUAL, id },
          AwardKind.GRASSROOTS_EMULATION_FIGHTER,
          { kind: SCHOOL, year: sy },
          from,
          to,
        );
    }
  }

  private registerTitle(
    at: number,
    subject: SubjectRef,
    award: AwardKind,
    period: Period,
    movementId: string | null,
  ): Step {
    const actor = this.officerOf(
      subject.kind === INDIVIDUAL ? this.province.personById.get(subject.id)!.unitId : subject.id,
    );
    const registrationId = registrationStreamKey(subject, award, period);
    return this.run(
      at,
      actor,
      'registerTitle',
      () => ({ input: { subject: { kind: subject.kind, id: subject.id }, award, period, movementId } }),
      (tx) => {
        const known = this.subjectOf(subject.kind, subject.id);
        tx.decide(registrationDecider, tx.load(registrationDecider, registrationId), {
          type: 'RegisterTitle',
          data: {
            subject: { kind: known.kind, id: known.id, name: known.name },
            subjectUnitId: known.unitId,
            award,
            period,
            movementId,
            now: tx.nowIso,
          },
        });
      },
    );
  }

  private rate(at: number, subject: SubjectRef, period: Period, rating: PerformanceRating): void {
    const ratingId = ratingStreamKey(subject, period);
    this.at(at, () => {
      const current = this.state<RatingState>(ratingDecider, ratingId);
      if (current.status === 'RATED' && current.rating === rating) return undefined; // nothing to correct
      const known = this.subjectOf(subject.kind, subject.id);
      return this.run(
        at,
        this.officerOf(known.unitId),
        'ratePerformance',
        () => ({ input: { subject: { kind: subject.kind, id: subject.id }, period, rating } }),
        (tx) => {
          tx.decide(ratingDecider, tx.load(ratingDecider, ratingId), {
            type: 'RatePerformance',
            data: {
              subject: { kind: known.kind, id: known.id, name: known.name },
              subjectUnitId: known.unitId,
              period,
              rating,
              now: tx.nowIso,
            },
          });
        },
      );
    });
  }

  private ratingFor(fighter: boolean, nominee: boolean): PerformanceRating {
    if (fighter)
      return this.rng.weighted([
        [PerformanceRating.EXCELLENT, 85],
        [PerformanceRating.GOOD, 15],
      ] as const);
    if (nominee)
      return this.rng.weighted([
        [PerformanceRating.EXCELLENT, 20],
        [PerformanceRating.GOOD, 77],
        [PerformanceRating.COMPLETED, 3],
      ] as const);
    return this.rng.weighted([
      [PerformanceRating.EXCELLENT, 15],
      [PerformanceRating.GOOD, 60],
      [PerformanceRating.COMPLETED, 20],
      [PerformanceRating.NOT_COMPLETED, 5],
    ] as const);
  }

  /** Rates the year's nominees (and some other registrants) and remembers who will be proposed. */
  private rateRound(period: Period, registrants: string[], fighters: Set<string>, from: string, to: string): string[] {
    const nominees = registrants.filter((id) => (fighters.has(id) ? this.rng.chance(0.95) : this.rng.chance(0.27)));
    const nomineeSet = new Set(nominees);
    const extras = registrants.filter((id) => !nomineeSet.has(id) && this.rng.chance(0.1));
    for (const id of [...nominees, ...extras]) {
      const rating = this.ratingFor(fighters.has(id), nomineeSet.has(id));
      const at = this.officeTime(from, to);
      this.rate(at, { kind: INDIVIDUAL, id }, period, rating);
      if (this.rng.chance(0.02))
        this.rate(
          at + this.rng.int(1, 3) * DAY,
          { kind: INDIVIDUAL, id },
          period,
          rating === PerformanceRating.GOOD ? PerformanceRating.EXCELLENT : PerformanceRating.GOOD,
        );
    }
    return nominees;
  }

  private readonly nominees = new Map<string, string[]>();

  private planCalendarRatings(year: number): void {
    const plan = this.yearPlans.get(year)!;
    this.nominees.set(
      periodKey({ kind: CAL, year }),
      this.rateRound({ kind: CAL, year }, plan.awCalendar, plan.gfCalendar, ymd(year, 11, 8), ymd(year, 11, 20)),
    );
  }

  private planInitiatives(year: number, period: Period, from: string, to: string): void {
    const p = this.province;
    const plan = this.yearPlans.get(year)!;
    const leads = period.kind === CAL ? [...plan.gfCalendar] : [...(plan.gfSchool.get(period.year) ?? [])];
    const count =
      period.kind === CAL ? Math.round(p.people.length * 0.01 + leads.length * 0.4) : Math.round(leads.length * 0.7);
    const shuffledLeads = this.rng.shuffle([...leads]);
    for (let i = 0; i < count; i++) {
      const lead =
        i < shuffledLeads.length && this.rng.chance(period.kind === CAL ? 0.75 : 1)
          ? shuffledLeads[i]
          : this.rng.pick(p.people).id;
      const unit = p.unitById.get(p.personById.get(lead)!.unitId)!;
      const coauthors = this.rng.sample(
        unit.people.filter((id) => id !== lead),
        this.rng.weighted([
          [0, 6],
          [1, 3],
          [2, 1],
        ] as const),
      );
      const authorIds = [lead, ...coauthors];
      const level = this.rng.weighted([
        [AuthorityLevel.UNIT, 50],
        [AuthorityLevel.DISTRICT, 35],
        [AuthorityLevel.PROVINCE, 15],
      ] as const);
      const id = `${this.prefix}sk-${period.year}-${String(++this.counters.initiative).padStart(5, '0')}`;
      const title = `Sáng kiến ${this.rng.pick(['nâng cao hiệu quả', 'số hóa quy trình', 'cải tiến phương pháp', 'ứng dụng công nghệ trong'])} ${this.rng.pick(['quản lý hồ sơ', 'giảng dạy', 'tiếp công dân', 'sản xuất nông nghiệp', 'thu ngân sách'])} (${id})`;
      const decisionNumber = `${this.rng.int(10, 999)}/QĐ-HĐSK`;
      const at = this.officeTime(from, to);
      const council = this.councilFor(unit, level === AuthorityLevel.PROVINCE);
      this.at(at, () =>
        this.run(
          at,
          this.secretariatFor(council),
          'recognizeInitiative',
          () => ({ input: { id, title, authorIds, level, period, decisionNumber } }),
          (tx) => {
            const authors = authorIds.map((personId) => ({
              personId,
              name: this.subjectOf(INDIVIDUAL, personId).name,
            }));
            tx.decide(initiativeDecider, tx.load(initiativeDecider, id), {
              type: 'RecognizeInitiative',
              data: { initiativeId: id, title, authors, level, period, decisionNumber, now: tx.nowIso },
            });
            for (const personId of authorIds) {
              const list = this.initiativesByAuthor.get(personId) ?? [];
              list.push({ level, period });
              this.initiativesByAuthor.set(personId, list);
            }
          },
        ),
      );
    }
  }

  // --- dossiers ------------------------------------------------------------

  private newDossierId(year: number): string {
    return `${this.prefix}hs-${year}-${String(++this.counters.dossier).padStart(6, '0')}`;
  }

  /**
   * Submits a dossier at a random time in [from, to] (sometimes returned and
   * resubmitted) and appraises it before `appraiseBy`.
   */
  private submitDossier(
    round: RoundDossier[],
    nominee: SubjectRef,
    award: AwardKind,
    period: Period,
    movementId: string | null,
    from: string,
    to: string,
    appraiseBy: string,
    provinceLevel: boolean,
  ): void {
    const p = this.province;
    const unitId = nominee.kind === INDIVIDUAL ? p.personById.get(nominee.id)!.unitId : nominee.id;
    const unit = p.unitById.get(unitId)!;
    const proposingUnitId = nominee.kind === INDIVIDUAL ? unitId : (unit.parentId ?? unitId);
    const council = this.councilFor(unit, provinceLevel);
    // A province public-service unit (level UNIT) grants its own unit-level titles; councils' committees grant the rest.
    const issuerUnitId = !provinceLevel && unit.role === 'deptSub' ? unit.id : council.unitId;
    const dossierId = this.newDossierId(period.year);
    const achievements = this.rng.pick(ACHIEVEMENTS);
    const actor = this.secretariatFor(council);
    let t = this.officeTime(from, to);
    const submittedOn = dateOf(t);
    const submitAt = t;
    this.at(submitAt, () =>
      this.run(
        submitAt,
        actor,
        'submitDossier',
        () => ({
          input: {
            id: dossierId,
            proposingUnitId,
            nominee: { kind: nominee.kind, id: nominee.id },
            award,
            period,
            movementId,
            achievements,
            submittedOn,
          },
        }),
        (tx) => {
          const ruleSet = ruleSetFor(submittedOn);
          const proposing = tx.load(unitDecider, proposingUnitId).state;
          if (proposing.status === 'NONE') throw new Error(`unknown unit ${proposingUnitId}`);
          const known = this.subjectOf(nominee.kind, nominee.id);
          let movementThematic = false;
          if (movementId) {
            const movement = tx.load(movementDecider, movementId).state as MovementState;
            if (movement.status === 'NONE') throw new Error(`unknown movement ${movementId}`);
            movementThematic = movement.kind === MovementKind.THEMATIC;
          }
          tx.decide(
            dossierDecider,
            tx.load(dossierDecider, dossierId),
            {
              type: 'SubmitDossier',
              data: {
                dossierId,
                proposingUnitId,
                proposingUnitName: proposing.name,
                nominee: { kind: known.kind, id: known.id, name: known.name },
                nomineeUnitId: known.unitId,
                award,
                period: { kind: period.kind, year: period.year },
                movementId,
                movementThematic,
                achievements,
                submittedOn,
                ruleSetId: ruleSet.id,
                now: tx.nowIso,
              },
            },
            ruleSet.id,
          );
        },
      ),
    );
    const limit = dayStart(appraiseBy) + 10 * 60 * MINUTE;
    if (this.rng.chance(0.1)) {
      const returnAt = Math.min(t + this.rng.int(1, 3) * DAY, limit - 3 * DAY);
      const resubmitAt = Math.min(returnAt + this.rng.int(1, 3) * DAY, limit - 2 * DAY);
      if (returnAt > t && resubmitAt > returnAt) {
        const reason = this.rng.pick(RETURN_REASONS);
        const more = `${achievements} Đã bổ sung hồ sơ theo yêu cầu.`;
        this.at(returnAt, () =>
          this.run(
            returnAt,
            actor,
            'returnDossier',
            () => ({ dossierId, reason }),
            (tx) => {
              tx.decide(dossierDecider, tx.load(dossierDecider, dossierId), {
                type: 'ReturnDossier',
                data: { dossierId, reason, now: tx.nowIso },
              });
            },
          ),
        );
        this.at(resubmitAt, () =>
          this.run(
            resubmitAt,
            this.officerOf(proposingUnitId),
            'resubmitDossier',
            () => ({ dossierId, achievements: more }),
            (tx) => {
              tx.decide(dossierDecider, tx.load(dossierDecider, dossierId), {
                type: 'ResubmitDossier',
                data: { dossierId, achievements: more, now: tx.nowIso },
              });
            },
          ),
        );
        t = resubmitAt;
      }
    }
    const appraiseAt = Math.min(t + this.rng.int(1, 5) * DAY, limit - this.rng.int(0, 300) * MINUTE);
    const appraisedAt = appraiseAt > t ? appraiseAt : t + 10 * MINUTE;
    const note = this.rng.chance(0.2) ? 'Đã đối chiếu hồ sơ với quy định hiện hành' : null;
    this.at(appraisedAt, () =>
      this.run(
        appraisedAt,
        actor,
        'appraiseDossier',
        () => ({ dossierId, note }),
        (tx) => {
          const dossier = tx.load(dossierDecider, dossierId);
          const state = dossier.state as DossierState;
          if (state.status === 'NONE') throw new Error(`unknown dossier ${dossierId}`);
          const facts = this.eligibilityFacts(state.nominee, state.nomineeUnitId, state.award, state.period);
          tx.decide(
            dossierDecider,
            dossier,
            { type: 'AppraiseDossier', data: { dossierId, note, facts, now: tx.nowIso } },
            state.ruleSetId,
          );
        },
      ),
    );
    round.push({ dossierId, council, issuerUnitId });
  }

  /** The facts the appraisal handler assembles (mirrors src/dossiers/eligibilityFacts.ts). */
  private eligibilityFacts(
    subject: SubjectRef,
    subjectUnitId: string,
    award: AwardKind,
    period: Period,
  ): EligibilityFacts {
    const ratings: RatingFact[] = [];
    for (const ratedPeriod of consecutivePeriods(period, RATING_PERIODS)) {
      const rating = this.state<RatingState>(ratingDecider, ratingStreamKey(subject, ratedPeriod));
      if (rating.status === 'RATED') ratings.push({ period: rating.period, rating: rating.rating });
    }
    const registrations: RegistrationFact[] = [];
    const registration = this.state<RegistrationState>(
      registrationDecider,
      registrationStreamKey(subject, award, period),
    );
    if (registration.status === 'REGISTERED')
      registrations.push({ award: registration.award, period: registration.period });
    const key = subjectKey(subject);
    const individual = subject.kind === INDIVIDUAL;
    return {
      ratings,
      registrations,
      awardsHeld: (this.awardsBySubject.get(key) ?? []).map((a) => ({
        award: a.award,
        period: a.period,
        revoked: a.revoked,
        fromThematicMovement: a.fromThematicMovement,
      })),
      initiatives: individual ? [...(this.initiativesByAuthor.get(subject.id) ?? [])] : [],
      finalizedClusterRank: individual ? null : (this.clusterRank.get(`${subject.id}:${period.year}`) ?? null),
      pendingComplaints: this.pendingComplaints.get(key) ?? 0,
      proposingUnitAwardCounts: {
        ...(this.unitAwardCounts.get(`${subjectUnitId}|${periodKey(period)}`) ?? {
          advancedWorkers: 0,
          grassrootsFighters: 0,
        }),
      },
    };
  }

  private holds(kind: SubjectKind, id: string, award: AwardKind, period: Period, includeThematic = true): boolean {
    return (this.awardsBySubject.get(`${kind}:${id}`) ?? []).some(
      (a) =>
        a.award === award &&
        a.period.kind === period.kind &&
        a.period.year === period.year &&
        !a.revoked &&
        (includeThematic || !a.fromThematicMovement),
    );
  }

  // --- council rounds ------------------------------------------------------

  /**
   * On `sessionDay` each council convenes on its ELIGIBLE dossiers of the round
   * (at most MAX_AGENDA per session, one session a day), members vote, the session
   * closes, and the award decisions follow a few days later.
   */
  private councilRound(round: RoundDossier[], sessionDay: string): void {
    this.at(dayStart(sessionDay), () => {
      const byCouncil = new Map<CouncilInfo, RoundDossier[]>();
      for (const item of round) {
        const state = this.state<DossierState>(dossierDecider, item.dossierId);
        if (state.status !== DossierStatus.ELIGIBLE) continue;
        const list = byCouncil.get(item.council) ?? [];
        list.push(item);
        byCouncil.set(item.council, list);
      }
      for (const [council, items] of byCouncil) {
        for (let k = 0; k * MAX_AGENDA < items.length; k++) {
          this.session(council, items.slice(k * MAX_AGENDA, (k + 1) * MAX_AGENDA), addDays(sessionDay, k));
        }
      }
    });
  }

  private session(council: CouncilInfo, items: RoundDossier[], heldOn: string): void {
    const sessionId = `${this.prefix}phien-${council.code}-${heldOn}-${++this.counters.session}`;
    const secretariat = this.secretariatFor(council);
    const dossierIds = items.map((i) => i.dossierId);
    // Councils meet from 08:00 (Vietnam), staggered; each votes in one secret-ballot round an hour in.
    const convenedAt =
      dayStart(heldOn) + 60 * MINUTE + (council.district === null ? 0 : (council.district + 1) * 17 * MINUTE);
    this.at(convenedAt, () =>
      this.run(
        convenedAt,
        secretariat,
        'conveneCouncilSession',
        () => ({
          input: { id: sessionId, councilUnitId: council.unitId, heldOn, memberIds: council.memberIds, dossierIds },
        }),
        (tx) => {
          const members = council.memberIds.map((personId) => {
            const person = this.subjectOf(INDIVIDUAL, personId);
            return { personId, name: person.name, unitId: person.unitId };
          });
          const agenda: ConveneCouncilSession['data']['agenda'] = dossierIds.map((dossierId) => {
            const dossier = tx.load(dossierDecider, dossierId).state as DossierState;
            if (dossier.status === 'NONE') throw new Error(`unknown dossier ${dossierId}`);
            const threshold = approvalThresholdFor(ruleSetById(dossier.ruleSetId), dossier.award);
            return {
              dossierId,
              award: dossier.award,
              nominee: { kind: dossier.nominee.kind, id: dossier.nominee.id, name: dossier.nominee.name },
              nomineeUnitId: dossier.nomineeUnitId,
              thresholdShare: threshold.share,
              thresholdInclusive: threshold.inclusive,
              dossierStatus: dossier.status,
            };
          });
          tx.decide(councilSessionDecider, tx.load(councilSessionDecider, sessionId), {
            type: 'ConveneCouncilSession',
            data: { sessionId, councilUnitId: council.unitId, heldOn, members, agenda, now: tx.nowIso },
          });
        },
      ),
    );
    // Who is there: an absent member votes in writing (recorded by the secretariat) or not at all.
    const absent = new Set(council.memberIds.filter(() => this.rng.chance(0.08)));
    const written = new Set([...absent].filter(() => this.rng.chance(0.5)));
    const needed = Math.ceil((2 * council.memberIds.length) / 3);
    for (const id of absent) if (council.memberIds.length - absent.size + written.size < needed) written.add(id);
    const ballots: Array<{ dossierId: string; memberId: string; choice: BallotChoice }> = [];
    for (const item of items) {
      const dossier = this.state<DossierState>(dossierDecider, item.dossierId);
      if (dossier.status === 'NONE') continue;
      const controversial = this.rng.chance(0.03);
      for (const memberId of council.memberIds) {
        if (absent.has(memberId) && !written.has(memberId)) continue;
        const member = this.province.personById.get(memberId)!;
        const memberUnit = this.state<PersonState>(personDecider, memberId);
        const memberUnitId = memberUnit.status === 'NONE' ? member.unitId : memberUnit.unitId;
        if (
          (dossier.nominee.kind === INDIVIDUAL && dossier.nominee.id === memberId) ||
          memberUnitId === dossier.nomineeUnitId ||
          (dossier.nominee.kind === COLLECTIVE && memberUnitId === dossier.nominee.id)
        )
          continue;
        const approve = controversial ? 0.35 : 0.93;
        const r = this.rng.next();
        ballots.push({
          dossierId: item.dossierId,
          memberId,
          choice:
            r < approve
              ? BallotChoice.APPROVE
              : r < approve + (1 - approve) / 2
                ? BallotChoice.REJECT
                : BallotChoice.ABSTAIN,
        });
      }
    }
    // A session without a quorum cannot be closed: it stays open and its dossiers wait.
    const quorate = new Set(ballots.map((b) => b.memberId)).size >= needed;
    const voteFrom = convenedAt + 60 * MINUTE;
    const voteSpan = 10 * MINUTE;
    ballots.forEach((ballot, i) => {
      const at = voteFrom + Math.floor((voteSpan * i) / Math.max(1, ballots.length));
      const inPerson = !written.has(ballot.memberId);
      const member = this.province.personById.get(ballot.memberId)!;
      const actor: Actor = inPerson
        ? { actorId: ballot.memberId, role: 'COUNCIL_MEMBER', unitId: member.unitId }
        : secretariat;
      this.at(at, () =>
        this.run(
          at,
          actor,
          'castBallot',
          () => ({
            input: { sessionId, dossierId: ballot.dossierId, memberId: ballot.memberId, choice: ballot.choice },
          }),
          (tx) => {
            const castBy = actor.actorId;
            tx.decide(councilSessionDecider, tx.load(councilSessionDecider, sessionId), {
              type: 'CastBallot',
              data: {
                sessionId,
                dossierId: ballot.dossierId,
                memberId: ballot.memberId,
                choice: ballot.choice,
                castBy,
                writtenBallot: castBy !== ballot.memberId,
                now: tx.nowIso,
              },
            });
          },
        ),
      );
    });
    if (!quorate) return;
    const closeAt = convenedAt + 6 * 60 * MINUTE;
    this.at(closeAt, () =>
      this.run(
        closeAt,
        secretariat,
        'closeCouncilSession',
        () => ({ sessionId }),
        (tx) => {
          const session = tx.load(councilSessionDecider, sessionId);
          const events = tx.decide(councilSessionDecider, session, {
            type: 'CloseCouncilSession',
            data: { sessionId, now: tx.nowIso },
          });
          const closed = events.find((e): e is CouncilSessionClosed => e.type === 'CouncilSessionClosed')!;
          for (const { dossierId, tally } of closed.data.tallies) {
            const dossier = tx.load(dossierDecider, dossierId);
            const state = dossier.state as DossierState;
            if (state.status !== DossierStatus.ELIGIBLE) continue;
            tx.decide(
              dossierDecider,
              dossier,
              { type: 'ResolveDossier', data: { dossierId, sessionId, tally, now: tx.nowIso } },
              state.ruleSetId,
            );
          }
        },
      ),
    );
    // The decision: one number per session and issuer, a few days later.
    const decidedOn = addDays(heldOn, this.rng.int(2, 4));
    this.at(dayStart(decidedOn), () => {
      const approved = items.filter(
        (i) => this.state<DossierState>(dossierDecider, i.dossierId).status === DossierStatus.APPROVED,
      );
      const byIssuer = new Map<string, RoundDossier[]>();
      for (const item of approved) byIssuer.set(item.issuerUnitId, [...(byIssuer.get(item.issuerUnitId) ?? []), item]);
      for (const [issuerUnitId, list] of byIssuer) {
        const next = (this.decisionSeq.get(issuerUnitId) ?? this.rng.int(100, 400)) + this.rng.int(1, 9);
        this.decisionSeq.set(issuerUnitId, next);
        const decisionNumber = `${next}/QĐ-UBND`;
        const signerName = this.signerOf(issuerUnitId, council);
        list.forEach((item, i) => {
          const at = dayStart(decidedOn) + 90 * MINUTE + i * MINUTE;
          this.at(at, () =>
            this.grantAward(at, secretariat, item.dossierId, decisionNumber, decidedOn, issuerUnitId, signerName),
          );
        });
      }
    });
  }

  private signerOf(issuerUnitId: string, council: CouncilInfo): string {
    if (issuerUnitId === council.unitId) return council.signerName;
    const unit = this.province.unitById.get(issuerUnitId)!;
    return this.province.personById.get(unit.people[0])!.fullName;
  }

  private grantAward(
    at: number,
    actor: Actor,
    dossierId: string,
    decisionNumber: string,
    decidedOn: string,
    issuedByUnitId: string,
    signerName: string,
  ): Step {
    const awardId = `${this.prefix}kt-${dossierId.slice(this.prefix.length + 3)}`;
    return this.run(
      at,
      actor,
      'grantAward',
      () => ({ input: { id: awardId, dossierId, decisionNumber, decidedOn, issuedByUnitId, signerName } }),
      (tx) => {
        const dossier = tx.load(dossierDecider, dossierId);
        const d = dossier.state as DossierState;
        if (d.status === 'NONE') throw new Error(`unknown dossier ${dossierId}`);
        const record = {
          type: 'RecordAwardGranted' as const,
          data: { dossierId, awardId, decisionNumber, decidedOn, now: tx.nowIso },
        };
        dossierDecider.decide(record, d);
        const issuer = tx.load(unitDecider, issuedByUnitId).state;
        if (issuer.status === 'NONE') throw new Error(`unknown unit ${issuedByUnitId}`);
        const subject = this.subjectOf(d.nominee.kind, d.nominee.id);
        const held = (this.awardsBySubject.get(subjectKey(d.nominee)) ?? []).filter(
          (a) =>
            a.award === d.award && a.period.kind === d.period.kind && a.period.year === d.period.year && !a.revoked,
        ).length;
        const decisionKey = `${issuedByUnitId}|${decisionNumber}`;
        const decisionFacts = this.decisions.get(decisionKey) ?? null;
        tx.decide(
          awardDecider,
          tx.load(awardDecider, awardId),
          {
            type: 'GrantAward',
            data: {
              awardId,
              dossier: {
                dossierId: d.dossierId,
                status: d.status,
                nominee: d.nominee,
                nomineeUnitId: d.nomineeUnitId,
                award: d.award,
                period: d.period,
                movementId: d.movementId,
                thematic: d.movementThematic,
              },
              subjectFacts: { directWorker: subject.directWorker, female: subject.female },
              issuingUnit: { id: issuedByUnitId, level: issuer.level },
              decisionNumber,
              decidedOn,
              signerName,
              facts: { heldSameKindSamePeriod: held },
              decisionFacts,
              now: tx.nowIso,
            },
          },
          d.ruleSetId,
        );
        tx.decide(dossierDecider, dossier, record, d.ruleSetId);
        if (!decisionFacts) this.decisions.set(decisionKey, { decidedOn, signerName });
        const unitKey = `${d.nomineeUnitId}|${periodKey(d.period)}`;
        const heldAward: HeldAward = {
          awardId,
          award: d.award,
          period: d.period,
          revoked: false,
          fromThematicMovement: d.movementThematic,
          unitKey,
        };
        const key = subjectKey(d.nominee);
        this.awardsBySubject.set(key, [...(this.awardsBySubject.get(key) ?? []), heldAward]);
        this.awardById.set(awardId, heldAward);
        this.countUnitAward(heldAward, 1);
        const yearList = this.awardsByYear.get(d.period.year) ?? [];
        yearList.push(awardId);
        this.awardsByYear.set(d.period.year, yearList);
        this.sampleAward({
          awardId,
          dossierId,
          subject: { kind: d.nominee.kind, id: d.nominee.id, name: d.nominee.name },
        });
      },
    );
  }

  private countUnitAward(award: HeldAward, delta: number): void {
    if (award.award !== AwardKind.ADVANCED_WORKER && award.award !== AwardKind.GRASSROOTS_EMULATION_FIGHTER) return;
    const counts = this.unitAwardCounts.get(award.unitKey) ?? { advancedWorkers: 0, grassrootsFighters: 0 };
    if (award.award === AwardKind.ADVANCED_WORKER) counts.advancedWorkers += delta;
    else counts.grassrootsFighters += delta;
    this.unitAwardCounts.set(award.unitKey, counts);
  }

  private sampleAward(sample: AwardSample): void {
    this.awardsSeen++;
    const capacity = 2_000;
    if (this.awardSamples.length < capacity) this.awardSamples.push(sample);
    else {
      const j = this.rng.int(0, this.awardsSeen - 1);
      if (j < capacity) this.awardSamples[j] = sample;
    }
  }

  // --- the rounds of a year --------------------------------------------------

  private planSchoolYearRound(year: number, schoolYear: number): void {
    const plan = this.yearPlans.get(year)!;
    const registrants = plan.awSchool.get(schoolYear) ?? this.yearPlans.get(year - 1)?.awSchool.get(schoolYear);
    const fighters =
      plan.gfSchool.get(schoolYear) ?? this.yearPlans.get(year - 1)?.gfSchool.get(schoolYear) ?? new Set<string>();
    if (!registrants) return;
    const period = { kind: SCHOOL, year: schoolYear };
    // Initiatives of the school year for the fighters, ratings at the end of the school year.
    const planForInitiatives = this.yearPlans.get(year)!;
    if (!planForInitiatives.gfSchool.has(schoolYear)) planForInitiatives.gfSchool.set(schoolYear, fighters);
    this.planInitiatives(year, period, ymd(year, 5, 5), ymd(year, 5, 18));
    const nominees = this.rateRound(period, registrants, fighters, ymd(year, 5, 20), ymd(year, 5, 31));
    const round: RoundDossier[] = [];
    for (const id of nominees)
      this.submitDossier(
        round,
        { kind: INDIVIDUAL, id },
        AwardKind.ADVANCED_WORKER,
        period,
        null,
        ymd(year, 6, 1),
        ymd(year, 6, 12),
        ymd(year, 6, 28),
        false,
      );
    this.councilRound(round, ymd(year, 7, 1));
    this.at(dayStart(ymd(year, 7, 14)), () =>
      this.planFighterRound(period, ymd(year, 7, 14), ymd(year, 7, 16), ymd(year, 7, 22), fighters),
    );
  }

  private planThematicRound(year: number): void {
    const p = this.province;
    const plan = this.yearPlans.get(year)!;
    const round: RoundDossier[] = [];
    for (const d of p.districts) {
      const movementId = plan.thematicMovement.get(d.index) ?? null;
      const people = this.districtPeople((u) => u.district === d.index);
      for (const id of this.rng.sample(people, Math.round(people.length * 0.0025))) {
        this.submitDossier(
          round,
          { kind: INDIVIDUAL, id },
          AwardKind.CERTIFICATE_OF_MERIT,
          { kind: CAL, year },
          movementId,
          ymd(year, 9, 1),
          ymd(year, 9, 8),
          ymd(year, 9, 18),
          false,
        );
      }
      const units = [...d.communeIds, ...d.villageIds];
      for (const id of this.rng.sample(units, Math.round(units.length * 0.05))) {
        this.submitDossier(
          round,
          { kind: COLLECTIVE, id },
          AwardKind.CERTIFICATE_OF_MERIT,
          { kind: CAL, year },
          movementId,
          ymd(year, 9, 1),
          ymd(year, 9, 8),
          ymd(year, 9, 18),
          false,
        );
      }
    }
    this.councilRound(round, ymd(year, 9, 22));
  }

  private planYearEndRound(year: number): void {
    const p = this.province;
    const plan = this.yearPlans.get(year)!;
    const period = { kind: CAL, year };
    const round: RoundDossier[] = [];
    const window = [ymd(year, 11, 20), ymd(year, 12, 3), ymd(year, 12, 10)] as const;
    const nominees = this.nominees.get(periodKey(period)) ?? [];
    for (const id of nominees)
      this.submitDossier(round, { kind: INDIVIDUAL, id }, AwardKind.ADVANCED_WORKER, period, null, ...window, false);
    // A few proposals without registration (refused under the 2013 rules, fine later).
    const unregistered = new Set(plan.awCalendar);
    const others = this.calendarPeople().filter((id) => !unregistered.has(id));
    for (const id of this.rng.sample(others, Math.round(nominees.length * 0.02))) {
      this.rate(this.officeTime(ymd(year, 11, 19)), { kind: INDIVIDUAL, id }, period, PerformanceRating.GOOD);
      this.submitDossier(round, { kind: INDIVIDUAL, id }, AwardKind.ADVANCED_WORKER, period, null, ...window, false);
    }
    for (const id of plan.advancedCollective)
      if (this.rng.chance(0.35))
        this.submitDossier(
          round,
          { kind: COLLECTIVE, id },
          AwardKind.ADVANCED_COLLECTIVE,
          period,
          null,
          ...window,
          false,
        );
    for (const id of plan.excellentCollective)
      if (this.rng.chance(0.5))
        this.submitDossier(
          round,
          { kind: COLLECTIVE, id },
          AwardKind.EXCELLENT_COLLECTIVE,
          period,
          null,
          ...window,
          true,
        );
    const districtPeople = this.districtPeople(() => true);
    for (const id of this.rng.sample(districtPeople, Math.round(districtPeople.length * 0.003)))
      this.submitDossier(
        round,
        { kind: INDIVIDUAL, id },
        AwardKind.CERTIFICATE_OF_MERIT,
        period,
        null,
        ...window,
        false,
      );
    for (const person of this.rng.sample(p.people, Math.round(p.people.length * 0.0005)))
      this.submitDossier(
        round,
        { kind: INDIVIDUAL, id: person.id },
        AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT,
        period,
        null,
        ...window,
        true,
      );
    for (const person of this.rng.sample(p.people, Math.round(p.people.length * 0.0006)))
      this.submitDossier(
        round,
        { kind: INDIVIDUAL, id: person.id },
        AwardKind.COMMEMORATIVE_MEDAL,
        period,
        null,
        ...window,
        true,
      );
    this.planComplaintsAboutDossiers(year, round);
    this.councilRound(round, ymd(year, 12, 11));
  }

  private planClusterAwardRound(year: number): void {
    const round: RoundDossier[] = [];
    const period = { kind: CAL, year };
    for (const cluster of this.province.clusters) {
      const ranked = [...cluster.memberIds]
        .map((id) => ({ id, rank: this.clusterRank.get(`${id}:${year}`) ?? Infinity }))
        .sort((a, b) => a.rank - b.rank);
      if (ranked.length === 0 || ranked[0].rank === Infinity) continue;
      this.submitDossier(
        round,
        { kind: COLLECTIVE, id: ranked[0].id },
        AwardKind.PROVINCIAL_EMULATION_FLAG,
        period,
        null,
        ymd(year, 12, 10),
        ymd(year, 12, 12),
        ymd(year, 12, 16),
        true,
      );
      for (const next of ranked.slice(1, 1 + DEFAULT_CERTIFICATE_COUNT)) {
        this.submitDossier(
          round,
          { kind: COLLECTIVE, id: next.id },
          AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT,
          period,
          null,
          ymd(year, 12, 10),
          ymd(year, 12, 12),
          ymd(year, 12, 16),
          true,
        );
      }
    }
    this.councilRound(round, ymd(year, 12, 17));
  }

  /**
   * Grassroots emulation fighters: proposed once their ADVANCED_WORKER award for the
   * period is decided, within the unit's cap under the 2013 rules (15% of its advanced workers).
   */
  private planFighterRound(
    period: Period,
    from: string,
    to: string,
    sessionDay: string,
    fightersOverride?: Set<string>,
  ): void {
    const fighters = fightersOverride ?? this.yearPlans.get(period.year)?.gfCalendar ?? new Set<string>();
    const byUnit = new Map<string, string[]>();
    for (const id of fighters) {
      if (!this.holds(INDIVIDUAL, id, AwardKind.ADVANCED_WORKER, period) && !this.rng.chance(0.02)) continue;
      const unitId = this.subjectOf(INDIVIDUAL, id).unitId;
      byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), id]);
    }
    const round: RoundDossier[] = [];
    for (const [unitId, ids] of byUnit) {
      const advanced = this.unitAwardCounts.get(`${unitId}|${periodKey(period)}`)?.advancedWorkers ?? 0;
      const cap = Math.floor(advanced * 0.15 + 1e-9) + (this.rng.chance(0.1) ? 1 : 0);
      const allowed = ruleSetFor(from).grassrootsFighter.ratioCapToAdvancedWorkers === null ? ids.length : cap;
      for (const id of ids.slice(0, allowed))
        this.submitDossier(
          round,
          { kind: INDIVIDUAL, id },
          AwardKind.GRASSROOTS_EMULATION_FIGHTER,
          period,
          null,
          from,
          to,
          addDays(sessionDay, -1),
          false,
        );
    }
    this.councilRound(round, sessionDay);
  }

  /** Provincial emulation fighters: three grassroots years in a row and a province-level initiative. */
  private planProvincialFighterRound(year: number): void {
    const period = { kind: CAL, year };
    const plan = this.yearPlans.get(year);
    if (!plan) return;
    const round: RoundDossier[] = [];
    for (const id of plan.gfCalendar) {
      const chain = consecutivePeriods(period, 3).every((p) =>
        this.holds(INDIVIDUAL, id, AwardKind.GRASSROOTS_EMULATION_FIGHTER, p),
      );
      if (!chain || !this.rng.chance(0.8)) continue;
      this.submitDossier(
        round,
        { kind: INDIVIDUAL, id },
        AwardKind.PROVINCIAL_EMULATION_FIGHTER,
        period,
        null,
        ymd(year + 1, 1, 6),
        ymd(year + 1, 1, 8),
        ymd(year + 1, 1, 14),
        true,
      );
    }
    this.councilRound(round, ymd(year + 1, 1, 16));
  }

  // --- complaints ------------------------------------------------------------

  private planComplaintsAboutAwards(year: number): void {
    const previous = [
      ...(this.awardsByYear.get(year - 1) ?? []),
      ...(this.awardsByYear.get(year - 2) ?? []).filter(() => this.rng.chance(0.1)),
    ];
    const targets = this.rng.sample(previous, Math.round((this.awardsByYear.get(year - 1)?.length ?? 0) * 0.055));
    for (const awardId of targets)
      this.complaint(year, this.officeTime(ymd(year, 1, 10), ymd(year, 3, 31)), { awardId });
    // Petitions about units, with no award behind them.
    const units = this.province.units;
    for (let i = 0; i < Math.round(units.length * 0.01); i++)
      this.complaint(
        year,
        this.officeTime(ymd(year, 2, 1), ymd(year, 10, 31)),
        { subject: { kind: COLLECTIVE, id: this.rng.pick(units).id } },
        ComplaintKind.PETITION,
      );
  }

  private planComplaintsAboutDossiers(year: number, round: RoundDossier[]): void {
    for (const item of this.rng.sample(round, Math.round(round.length * 0.006)))
      this.complaint(
        year,
        this.officeTime(ymd(year, 12, 4), ymd(year, 12, 8)),
        { dossierId: item.dossierId },
        ComplaintKind.DENUNCIATION,
      );
  }

  private complaint(
    year: number,
    receivedAt: number,
    target: { awardId?: string; dossierId?: string; subject?: SubjectRef },
    forcedKind?: ComplaintKind,
  ): void {
    const complaintId = `${this.prefix}kn-${year}-${String(++this.counters.complaint).padStart(5, '0')}`;
    const kind =
      forcedKind ??
      this.rng.weighted([
        [ComplaintKind.COMPLAINT, 60],
        [ComplaintKind.DENUNCIATION, 25],
        [ComplaintKind.PETITION, 15],
      ] as const);
    const complainantName = personName(this.rng, this.rng.chance(0.5));
    const content = this.rng.pick(COMPLAINANTS_NOTE);
    const receivedOn = dateOf(receivedAt);
    const council = this.province.provinceCouncil;
    const officer: Actor = {
      actorId: council.secretariat.actorId,
      role: 'COMPLAINT_OFFICER',
      unitId: council.secretariat.unitId,
    };
    const awardId = target.awardId ?? null;
    const dossierId = target.dossierId ?? null;
    this.at(receivedAt, () =>
      this.run(
        receivedAt,
        officer,
        'fileComplaint',
        () => ({
          input: {
            id: complaintId,
            kind,
            complainantName,
            receivedOn,
            content,
            awardId,
            dossierId,
            subject: target.subject ?? null,
          },
        }),
        (tx) => {
          let subject: { kind: SubjectKind; id: string; name: string } | null = null;
          if (awardId) {
            const award = tx.load(awardDecider, awardId).state as AwardState;
            if (award.status === 'NONE') throw new Error(`unknown award ${awardId}`);
            subject = award.grant.subject;
          }
          if (dossierId && !subject) {
            const dossier = tx.load(dossierDecider, dossierId).state as DossierState;
            if (dossier.status === 'NONE') throw new Error(`unknown dossier ${dossierId}`);
            subject = dossier.nominee;
          }
          if (target.subject) {
            const known = this.subjectOf(target.subject.kind, target.subject.id);
            subject = { kind: known.kind, id: known.id, name: known.name };
          }
          tx.decide(complaintDecider, tx.load(complaintDecider, complaintId), {
            type: 'FileComplaint',
            data: {
              complaintId,
              kind,
              complainantName,
              receivedOn,
              content,
              awardId,
              dossierId,
              subject: subject === null ? null : { kind: subject.kind, id: subject.id, name: subject.name },
              now: tx.nowIso,
            },
          });
          if (subject && (kind === ComplaintKind.COMPLAINT || kind === ComplaintKind.DENUNCIATION))
            this.adjustPending(subjectKey(subject), 1);
        },
      ),
    );
    const subjectKeyOf = (): string | null => {
      const state = this.state<ComplaintState>(complaintDecider, complaintId);
      return state.status === 'NONE' ||
        !state.subject ||
        !(state.kind === ComplaintKind.COMPLAINT || state.kind === ComplaintKind.DENUNCIATION)
        ? null
        : subjectKey(state.subject);
    };
    const r = this.rng.next();
    if (r < 0.1) {
      const decidedOn = addDays(receivedOn, this.rng.int(1, 9));
      const reason = 'Không thuộc thẩm quyền giải quyết; đã hướng dẫn người gửi đơn.';
      const at = this.officeTime(decidedOn);
      this.at(at, () =>
        this.run(
          at,
          officer,
          'dismissComplaint',
          () => ({ complaintId, reason, decidedOn }),
          (tx) => {
            tx.decide(complaintDecider, tx.load(complaintDecider, complaintId), {
              type: 'DismissComplaint',
              data: { complaintId, reason, decidedOn, now: tx.nowIso },
            });
            const key = subjectKeyOf();
            if (key) this.adjustPending(key, -1);
          },
        ),
      );
      return;
    }
    const acceptedOn = addDays(receivedOn, r < 0.95 ? this.rng.int(1, 9) : this.rng.int(12, 20));
    const complex = this.rng.chance(0.2);
    const remoteArea = this.rng.chance(0.15);
    const acceptAt = this.officeTime(acceptedOn);
    this.at(acceptAt, () =>
      this.run(
        acceptAt,
        officer,
        'acceptComplaint',
        () => ({ complaintId, acceptedOn, complex, remoteArea }),
        (tx) => {
          tx.decide(complaintDecider, tx.load(complaintDecider, complaintId), {
            type: 'AcceptComplaint',
            data: { complaintId, acceptedOn, complex, remoteArea, now: tx.nowIso },
          });
        },
      ),
    );
    const decidedOn = addDays(acceptedOn, this.rng.int(15, 55));
    const outcome = this.rng.weighted([
      [ComplaintOutcome.UPHELD, 12],
      [ComplaintOutcome.PARTIALLY_UPHELD, 8],
      [ComplaintOutcome.REJECTED, 80],
    ] as const);
    const wantsRevocation =
      kind !== ComplaintKind.PETITION &&
      (outcome === ComplaintOutcome.UPHELD
        ? this.rng.chance(0.9)
        : outcome === ComplaintOutcome.PARTIALLY_UPHELD && this.rng.chance(0.4));
    const resolution =
      outcome === ComplaintOutcome.REJECTED
        ? 'Nội dung khiếu nại không có cơ sở; giữ nguyên quyết định khen thưởng.'
        : 'Xác minh có cơ sở một phần hoặc toàn bộ; thu hồi theo Điều 93 Luật Thi đua, khen thưởng.';
    const resolveAt = this.officeTime(decidedOn);
    this.at(resolveAt, () => {
      // Revoke only a granted award that still stands.
      let awardIdToRevoke: string | null = null;
      const state = this.state<ComplaintState>(complaintDecider, complaintId);
      if (state.status !== 'NONE') {
        if (state.awardId !== null) awardIdToRevoke = state.awardId;
        else if (state.dossierId !== null) {
          const dossier = this.state<DossierState>(dossierDecider, state.dossierId);
          awardIdToRevoke = dossier.status === 'NONE' ? null : dossier.awardId;
        }
      }
      const revokeAward =
        wantsRevocation && awardIdToRevoke !== null && this.awardById.get(awardIdToRevoke)?.revoked === false;
      const issuer = this.province.provinceUnitId;
      const decisionNumber = revokeAward ? `${(this.decisionSeq.get(issuer) ?? 100) + 1}/QĐ-UBND` : null;
      if (decisionNumber) this.decisionSeq.set(issuer, (this.decisionSeq.get(issuer) ?? 100) + 1);
      return this.run(
        resolveAt,
        officer,
        'resolveComplaint',
        () => ({ input: { complaintId, outcome, resolution, decidedOn, revokeAward, decisionNumber } }),
        (tx) => {
          const complaint = tx.load(complaintDecider, complaintId);
          tx.decide(complaintDecider, complaint, {
            type: 'ResolveComplaint',
            data: {
              complaintId,
              outcome,
              resolution,
              decidedOn,
              revokeAward,
              awardIdToRevoke: revokeAward ? awardIdToRevoke : null,
              now: tx.nowIso,
            },
          });
          if (revokeAward && awardIdToRevoke) {
            tx.decide(awardDecider, tx.load(awardDecider, awardIdToRevoke), {
              type: 'RevokeAward',
              data: {
                awardId: awardIdToRevoke,
                reason: resolution,
                decisionNumber: decisionNumber!,
                complaintId,
                now: tx.nowIso,
              },
            });
            const held = this.awardById.get(awardIdToRevoke)!;
            held.revoked = true;
            this.countUnitAward(held, -1);
          }
          const key = subjectKeyOf();
          if (key) this.adjustPending(key, -1);
        },
      );
    });
  }

  private adjustPending(key: string, delta: number): void {
    const next = (this.pendingComplaints.get(key) ?? 0) + delta;
    if (next <= 0) this.pendingComplaints.delete(key);
    else this.pendingComplaints.set(key, next);
  }
}

/** Folds every stream of `events` through the real deciders' `evolve` (a check for tests). */
export function foldAll(events: Iterable<GeneratedEvent>): Map<string, unknown> {
  const deciders: Record<string, Decider<any, any, any>> = Object.fromEntries(
    [
      unitDecider,
      personDecider,
      clusterDecider,
      movementDecider,
      planDecider,
      registrationDecider,
      ratingDecider,
      initiativeDecider,
      dossierDecider,
      councilSessionDecider,
      awardDecider,
      complaintDecider,
    ].map((d) => [d.streamType, d]),
  );
  const byStream = new Map<string, GeneratedEvent[]>();
  for (const e of events) {
    const list = byStream.get(e.streamId) ?? [];
    if (e.streamVersion !== list.length + 1)
      throw new Error(`${e.streamId}: version ${e.streamVersion} after ${list.length}`);
    list.push(e);
    byStream.set(e.streamId, list);
  }
  const states = new Map<string, unknown>();
  for (const [streamId, list] of byStream) {
    const type = streamId.slice(0, streamId.indexOf('-'));
    const decider = deciders[type];
    if (!decider) throw new Error(`no decider for stream ${streamId}`);
    states.set(streamId, fold(decider, list as unknown as DomainEvent[]));
  }
  return states;
}

export type { ClusterState };
