/**
 * Load against the running app over HTTP (127.0.0.1 only, bounded loops):
 *  - command throughput: 32 concurrent clients sending realistic mutations on the
 *    generated province (castBallot, recordClusterScore, registerTitle, ratePerformance),
 *    after a set-up slice that goes through the same GraphQL path (criteria, ratings,
 *    dossiers, appraisal, council sessions);
 *  - query latency at fixed request rates (open loop) and at saturation (closed loop)
 *    for three users: a dashboard, an inspector, a complaint desk;
 *  - live projection lag at a steady append rate, read through projectionsCaughtUp.
 */
import { Expected, type NewEvent } from '../src/eventStore/eventStore.port';
import { PostgresEventStore } from '../src/eventStore/postgres/postgresEventStore';
import { createPool } from '../src/infra/db';
import { AwardKind, PerformanceRating, PeriodKind, ScoreKind, SubjectKind } from '../src/shared/domain';
import { CRITERIA, withoutDiacritics } from './names';
import { runsOfStreams } from './appends';
import { MUTATIONS, ProvinceGenerator, type AwardSample, type GeneratedEvent, type GraphQLOp } from './generator';
import { GraphQLClient } from './http';
import { latencySummary, nowMs, sleep } from './lib';
import type { Actor, ClusterInfo, Province } from './province';
import { authorizationOf } from './auth';
import { Random } from './random';

// ---------------------------------------------------------------------------
// Running operations
// ---------------------------------------------------------------------------

export interface OpsResult {
  ops: number;
  ms: number;
  opsPerSec: number;
  latency: { p50: number; p99: number; max: number; count: number };
  errors: number;
  errorSamples: string[];
  byName: Record<string, { ops: number; p50: number; p99: number; errors: number }>;
}

/** Runs `ops` with `clients` concurrent clients (closed loop), each taking the next op when done, for at most `maxMs`. */
export async function runOps(
  client: GraphQLClient,
  ops: GraphQLOp[],
  clients: number,
  maxMs = Infinity,
): Promise<OpsResult> {
  const latencies: number[] = [];
  const byName = new Map<string, { lat: number[]; errors: number }>();
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const start = nowMs();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < ops.length && nowMs() - start < maxMs) {
        const op = ops[next++];
        const entry = byName.get(op.name) ?? { lat: [], errors: 0 };
        byName.set(op.name, entry);
        try {
          const res = await client.request(op.query, op.variables, {
            ...op.headers,
            ...(await authorizationOf(op.actor)),
          });
          latencies.push(res.ms);
          entry.lat.push(res.ms);
          if (res.status !== 200 || res.body.errors?.length) {
            errors++;
            entry.errors++;
            if (errorSamples.length < 5)
              errorSamples.push(
                `${op.name}: ${res.status} ${JSON.stringify(res.body.errors?.[0] ?? res.body).slice(0, 300)}`,
              );
          }
        } catch (error) {
          errors++;
          entry.errors++;
          if (errorSamples.length < 5) errorSamples.push(`${op.name}: ${String(error)}`);
        }
      }
    }),
  );
  const ms = nowMs() - start;
  const done = Math.min(next, ops.length);
  return {
    ops: done,
    ms: Math.round(ms),
    opsPerSec: Math.round((done / ms) * 1000),
    latency: latencySummary(latencies),
    errors,
    errorSamples,
    byName: Object.fromEntries(
      [...byName].map(([name, e]) => {
        const s = latencySummary(e.lat);
        return [name, { ops: e.lat.length, p50: s.p50, p99: s.p99, errors: e.errors }];
      }),
    ),
  };
}

// ---------------------------------------------------------------------------
// The command slice
// ---------------------------------------------------------------------------

export interface CommandSlice {
  /** Phases run one after the other; the ops of a phase are independent. */
  setup: GraphQLOp[][];
  /** One list of independent ops per measured run. */
  runs: GraphQLOp[][];
  mix: Record<string, number>;
}

export interface CommandSliceOptions {
  year: number;
  runs: number;
  opsPerRun: number;
  seed?: number;
}

/**
 * Each unit's own officer sends its unit's commands (ratings, dossiers, scores, title
 * registrations), as in the field, and a council's secretariat only appraises and
 * convenes: the app limits mutations per caller (600 a minute), and one caller sending
 * for every unit at the benchmark's rate would be refused.
 */
function officerOf(unitId: string, role: Actor['role'] = 'UNIT_OFFICER'): Actor {
  return { actorId: `bench-officer-${unitId}`, role, unitId };
}

function op(name: keyof typeof MUTATIONS, variables: Record<string, unknown>, actor: Actor): GraphQLOp {
  return { name, query: MUTATIONS[name], variables, actor, headers: {} };
}

function criteriaFor(): Array<{ code: string; name: string; maxPoints: number; bonus: boolean }> {
  const weights = [25, 15, 15, 10, 10, 10, 5, 10];
  return [
    ...CRITERIA.map(([code, name], i) => ({ code, name, maxPoints: weights[i], bonus: false })),
    { code: 'THUONG', name: 'Điểm thưởng: mô hình mới, cách làm hay', maxPoints: 5, bonus: true },
    { code: 'TRU', name: 'Điểm trừ: vi phạm, chậm báo cáo', maxPoints: -5, bonus: false },
  ];
}

/**
 * The GraphQL slice for year `year` (after the generated years): set-up, then runs of
 * 30% ballots, 25% cluster scores, 25% title registrations, 20% ratings, all valid.
 */
export function planCommandSlice(province: Province, options: CommandSliceOptions): CommandSlice {
  const rng = new Random((options.seed ?? 7) ^ 0xc0ffee);
  const { year } = options;
  const total = options.runs * options.opsPerRun;
  const wanted = {
    castBallot: Math.round(total * 0.3),
    recordClusterScore: Math.round(total * 0.25),
    registerTitle: Math.round(total * 0.25),
    ratePerformance: 0,
  };
  wanted.ratePerformance = total - wanted.castBallot - wanted.recordClusterScore - wanted.registerTitle;

  // Council sessions: each district council votes on dossiers of its own district.
  const districts = province.districts.filter((d) => d.council.memberIds.length >= 3);
  const agendaSize = Math.max(4, Math.min(40, Math.ceil(wanted.castBallot / 10)));
  const used = new Set<string>();
  const sessions: Array<{
    id: string;
    council: Province['districts'][number]['council'];
    nominees: string[];
    dossierIds: string[];
  }> = [];
  let ballotsPlanned = 0;
  for (let s = 0; ballotsPlanned < wanted.castBallot && s < 400 && districts.length > 0; s++) {
    const d = districts[s % districts.length];
    const pool = [...d.communeIds, ...d.villageIds, ...d.officeIds]
      .flatMap((id) => province.unitById.get(id)!.people)
      .filter((id) => !used.has(id) && !d.council.memberIds.includes(id));
    const nominees = rng.sample(pool, agendaSize);
    if (nominees.length === 0) break;
    nominees.forEach((id) => used.add(id));
    const id = `${province.prefix}bench-phien-${year}-${s + 1}`;
    sessions.push({
      id,
      council: d.council,
      nominees,
      dossierIds: nominees.map((n) => `${province.prefix}bench-hs-${year}-${n}`),
    });
    ballotsPlanned += nominees.length * (d.council.memberIds.length - 2);
  }
  const setupRatings: GraphQLOp[] = [];
  const setupSubmits: GraphQLOp[] = [];
  const setupAppraisals: GraphQLOp[] = [];
  const setupSessions: GraphQLOp[] = [];
  const ballots: GraphQLOp[] = [];
  for (const session of sessions) {
    const secretariat = session.council.secretariat;
    session.nominees.forEach((personId, i) => {
      const person = province.personById.get(personId)!;
      const dossierId = session.dossierIds[i];
      setupRatings.push(
        op(
          'ratePerformance',
          {
            input: {
              subject: { kind: SubjectKind.INDIVIDUAL, id: personId },
              period: { kind: PeriodKind.CALENDAR_YEAR, year },
              rating: PerformanceRating.GOOD,
            },
          },
          officerOf(person.unitId),
        ),
      );
      setupSubmits.push(
        op(
          'submitDossier',
          {
            input: {
              id: dossierId,
              proposingUnitId: person.unitId,
              nominee: { kind: SubjectKind.INDIVIDUAL, id: personId },
              award: AwardKind.ADVANCED_WORKER,
              period: { kind: PeriodKind.CALENDAR_YEAR, year },
              achievements: 'Hoàn thành tốt nhiệm vụ được giao.',
            },
          },
          officerOf(person.unitId),
        ),
      );
      setupAppraisals.push(op('appraiseDossier', { dossierId, note: null }, secretariat));
      for (const memberId of session.council.memberIds) {
        const member = province.personById.get(memberId)!;
        if (memberId === personId || member.unitId === person.unitId) continue;
        ballots.push(
          op(
            'castBallot',
            { input: { sessionId: session.id, dossierId, memberId, choice: rng.chance(0.92) ? 'APPROVE' : 'ABSTAIN' } },
            { actorId: memberId, role: 'COUNCIL_MEMBER', unitId: member.unitId },
          ),
        );
      }
    });
    setupSessions.push(
      op(
        'conveneCouncilSession',
        {
          input: {
            id: session.id,
            councilUnitId: session.council.unitId,
            heldOn: `${year}-12-10`,
            memberIds: session.council.memberIds,
            dossierIds: session.dossierIds,
          },
        },
        secretariat,
      ),
    );
  }
  rng.shuffle(ballots);

  // Cluster scores for the year: criteria first (set-up), then scores in the runs.
  const clusters: ClusterInfo[] = province.clusters.slice(0, 20);
  const criteria = criteriaFor();
  const setupCriteria = clusters.map((c) =>
    op(
      'setClusterCriteria',
      { input: { clusterId: c.id, year, criteria } },
      officerOf(c.organizerUnitId, 'SECRETARIAT'),
    ),
  );
  const scoreOp = (): GraphQLOp => {
    const cluster = rng.pick(clusters);
    const unitId = rng.pick(cluster.memberIds);
    const criterion = rng.pick(criteria);
    const points =
      criterion.maxPoints < 0 ? -rng.int(0, 5) : Math.round(criterion.maxPoints * (0.6 + 0.4 * rng.next()) * 2) / 2;
    // A member unit records its self-score; the organizer's standing agency the assessed one.
    const kind = rng.chance(0.5) ? ScoreKind.SELF : ScoreKind.ASSESSED;
    return op(
      'recordClusterScore',
      { input: { clusterId: cluster.id, year, unitId, criterionCode: criterion.code, points, kind, note: null } },
      kind === ScoreKind.SELF ? officerOf(unitId) : officerOf(cluster.organizerUnitId, 'SECRETARIAT'),
    );
  };

  // Registrations and ratings of people not in the sessions.
  const others = rng.shuffle(province.people.map((p) => p.id).filter((id) => !used.has(id)));
  // Every run rates people nobody rated yet in the year (first ratings), so a run cut short by its time limit leaves no trap for the next.
  const ratersPerRun = Math.max(1, Math.ceil(wanted.ratePerformance / Math.max(1, options.runs)));
  const raters = others.slice(0, ratersPerRun * options.runs);
  const registrants = others.slice(raters.length);
  const titles: Array<[AwardKind, PeriodKind]> = [
    [AwardKind.ADVANCED_WORKER, PeriodKind.CALENDAR_YEAR],
    [AwardKind.ADVANCED_WORKER, PeriodKind.SCHOOL_YEAR],
    [AwardKind.GRASSROOTS_EMULATION_FIGHTER, PeriodKind.CALENDAR_YEAR],
    [AwardKind.GRASSROOTS_EMULATION_FIGHTER, PeriodKind.SCHOOL_YEAR],
  ];
  let registration = 0;
  const registrationOp = (): GraphQLOp | null => {
    if (registrants.length === 0) return null;
    const round = Math.floor(registration / Math.max(1, registrants.length));
    if (round >= titles.length) return null;
    const personId = registrants[registration % registrants.length];
    registration++;
    const [award, kind] = titles[round];
    const person = province.personById.get(personId)!;
    return op(
      'registerTitle',
      {
        input: {
          subject: { kind: SubjectKind.INDIVIDUAL, id: personId },
          award,
          period: { kind, year },
          movementId: null,
        },
      },
      officerOf(person.unitId),
    );
  };

  const runs: GraphQLOp[][] = [];
  const perRun = (n: number) => Math.floor(n / options.runs);
  for (let r = 0; r < options.runs; r++) {
    const list: GraphQLOp[] = [];
    list.push(
      ...ballots
        .slice(r * perRun(ballots.length), (r + 1) * perRun(ballots.length))
        .slice(0, perRun(wanted.castBallot)),
    );
    for (let i = 0; i < perRun(wanted.recordClusterScore) && clusters.length > 0; i++) list.push(scoreOp());
    for (let i = 0; i < perRun(wanted.registerTitle); i++) {
      const next = registrationOp();
      if (next) list.push(next);
    }
    const rating = r % 2 === 0 ? PerformanceRating.EXCELLENT : PerformanceRating.GOOD;
    for (const personId of raters.slice(r * ratersPerRun, r * ratersPerRun + perRun(wanted.ratePerformance))) {
      const person = province.personById.get(personId)!;
      list.push(
        op(
          'ratePerformance',
          {
            input: {
              subject: { kind: SubjectKind.INDIVIDUAL, id: personId },
              period: { kind: PeriodKind.CALENDAR_YEAR, year },
              rating,
            },
          },
          officerOf(person.unitId),
        ),
      );
    }
    runs.push(rng.shuffle(list));
  }
  const mix: Record<string, number> = {};
  for (const o of runs.flat()) mix[o.name] = (mix[o.name] ?? 0) + 1;
  return { setup: [setupCriteria, [...setupRatings, ...setupSubmits], setupAppraisals, setupSessions], runs, mix };
}

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

export type UserName = 'dashboard' | 'inspector' | 'complaint desk';

export interface ReadUser {
  name: UserName;
  /** HTTP requests one action makes. */
  requestsPerAction: number;
  description: string;
  action(client: GraphQLClient, rng: Random): Promise<void>;
  /** Steady state before measuring: each sample once (e.g. the app's chain-verification memory). */
  warmUp?(client: GraphQLClient): Promise<void>;
}

/** Runs `work` over `items` with `concurrency` at a time. */
async function eachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

export class QueryError extends Error {}

/** The headers that say who sends a request (by default its bearer token). */
export type Credentials = (actor: Actor) => Promise<Record<string, string>>;

async function must(
  client: GraphQLClient,
  query: string,
  variables: Record<string, unknown>,
  actor: Actor,
  credentials: Credentials,
) {
  const res = await client.request(query, variables, await credentials(actor));
  if (res.status !== 200 || res.body.errors?.length)
    throw new QueryError(`${res.status} ${JSON.stringify(res.body.errors?.[0] ?? '').slice(0, 200)}`);
  return res.body.data!;
}

/** Readers of one kind: 64 people, so per-actor limits and caches see realistic traffic. */
const READERS_PER_KIND = 64;

function actorsOf(prefix: string, role: Actor['role']): Actor[] {
  return Array.from({ length: READERS_PER_KIND }, (_, i) => ({ actorId: `${prefix}-${i + 1}`, role, unitId: null }));
}

/** The queries the readers send (also checked against the query limits by the tests). */
export const READ_QUERIES = {
  dashboard: `query($c: ID!, $y: Int!, $from: Int!, $to: Int!) { clusterStandings(clusterId: $c, year: $y) { clusterName finalized rows { rank unitName totalPoints } }
         yearlyTotalsSeries(kind: CALENDAR_YEAR, fromYear: $from, toYear: $to) { period { year } awards { award count revoked } dossiers { submitted granted } complaints { filed overdue } } }`,
  standings: `query($c: ID!, $y: Int!) { clusterStandings(clusterId: $c, year: $y) { clusterName finalized rows { rank unitName totalPoints } } }`,
  auditTrail: `query($d: ID!) { auditTrail(filter: { dossierId: $d }, first: 50) { entries { position recordedAt streamId type actorId summary hash } hasNextPage chainVerified } }`,
  search: `query($t: String!) { searchSubjects(text: $t, first: 10) { subject { kind id name } unitName score } }`,
  awardHistory: `query($s: SubjectInput!) { awardHistory(subject: $s) { id award label period { year label } decisionNumber decidedOn revoked } }`,
} as const;

export function readUsers(
  province: Province,
  awards: AwardSample[],
  fields: Set<string>,
  years: { first: number; last: number },
  credentials: Credentials = authorizationOf,
): { users: ReadUser[]; notes: string[] } {
  const notes: string[] = [];
  const users: ReadUser[] = [];
  // Each request comes from one of many people of its kind, each with a token of its own.
  const analysts = actorsOf('bench-analyst', 'ANALYST');
  const inspectors = actorsOf('bench-inspector', 'INSPECTOR');
  const desks = actorsOf('bench-desk', 'COMPLAINT_OFFICER');
  if (fields.has('clusterStandings')) {
    const series = fields.has('yearlyTotalsSeries');
    if (!series)
      notes.push('dashboard: yearlyTotalsSeries is not in the schema; the dashboard reads clusterStandings only');
    const query = series ? READ_QUERIES.dashboard : READ_QUERIES.standings;
    users.push({
      name: 'dashboard',
      requestsPerAction: 1,
      description: series ? 'clusterStandings + yearlyTotalsSeries in one request' : 'clusterStandings',
      action: async (client, rng) => {
        const cluster = rng.pick(province.clusters);
        await must(
          client,
          query,
          { c: cluster.id, y: rng.int(years.first, years.last), from: years.first, to: years.last },
          rng.pick(analysts),
          credentials,
        );
      },
    });
  } else notes.push('dashboard: clusterStandings is not in the schema; skipped');
  if (fields.has('auditTrail') && awards.length > 0) {
    const query = READ_QUERIES.auditTrail;
    users.push({
      name: 'inspector',
      requestsPerAction: 1,
      description: "auditTrail of one award's dossier, 50 entries, chain verified",
      action: async (client, rng) => {
        await must(client, query, { d: rng.pick(awards).dossierId }, rng.pick(inspectors), credentials);
      },
      // The first check of a stream recomputes its whole chain; later ones only what was appended since.
      warmUp: (client) =>
        eachConcurrently(
          [...new Set(awards.map((a) => a.dossierId))],
          8,
          async (d) => void (await must(client, query, { d }, inspectors[0], credentials)),
        ),
    });
  } else notes.push('inspector: auditTrail is not in the schema (or no award was generated); skipped');
  if (fields.has('searchSubjects') && awards.length > 0) {
    const history = fields.has('awardHistory');
    if (!history) notes.push('complaint desk: awardHistory is not in the schema; the desk only searches');
    const { search, awardHistory: awardsOf } = READ_QUERIES;
    users.push({
      name: 'complaint desk',
      requestsPerAction: history ? 2 : 1,
      description: history
        ? 'searchSubjects by a name typed without diacritics, then awardHistory of the top hit'
        : 'searchSubjects without diacritics',
      action: async (client, rng) => {
        const award = rng.pick(awards);
        const desk = rng.pick(desks);
        const data = await must(
          client,
          search,
          { t: withoutDiacritics(award.subject.name).toLowerCase() },
          desk,
          credentials,
        );
        const top = (data.searchSubjects as Array<{ subject: { kind: string; id: string } }>)[0];
        if (history && top)
          await must(client, awardsOf, { s: { kind: top.subject.kind, id: top.subject.id } }, desk, credentials);
      },
    });
  } else notes.push('complaint desk: searchSubjects is not in the schema (or no award was generated); skipped');
  return { users, notes };
}

export interface RatePoint {
  /** Actions per second offered (each action is requestsPerAction HTTP requests). */
  offered: number;
  /** HTTP requests per second completed. */
  achievedRequestsPerSec: number;
  actions: number;
  p50: number;
  p99: number;
  errors: number;
  /** Actions not started because too many were already in flight (the server fell behind). */
  shed: number;
}

/** Open loop: starts `rate` actions per second for `durationMs` regardless of responses (at most `maxInflight` in flight). */
export async function openLoop(
  client: GraphQLClient,
  user: ReadUser,
  rate: number,
  durationMs: number,
  rng: Random,
  maxInflight = 256,
): Promise<RatePoint> {
  const latencies: number[] = [];
  let errors = 0;
  let shed = 0;
  let inflight = 0;
  let started = 0;
  const pending = new Set<Promise<void>>();
  const start = nowMs();
  const total = Math.min(Math.round((rate * durationMs) / 1000), 1_000_000);
  while (started < total) {
    const due = Math.min(total, Math.floor(((nowMs() - start) * rate) / 1000) + 1);
    while (started < due) {
      started++;
      if (inflight >= maxInflight) {
        shed++;
        continue;
      }
      inflight++;
      const t0 = nowMs();
      const p = user
        .action(client, rng)
        .then(() => {
          latencies.push(nowMs() - t0);
        })
        .catch(() => {
          errors++;
        })
        .finally(() => {
          inflight--;
          pending.delete(p);
        });
      pending.add(p);
    }
    await sleep(2);
  }
  await Promise.all([...pending]);
  const elapsed = nowMs() - start;
  const s = latencySummary(latencies);
  return {
    offered: rate,
    achievedRequestsPerSec: Math.round(((latencies.length * user.requestsPerAction) / elapsed) * 1000),
    actions: latencies.length,
    p50: s.p50,
    p99: s.p99,
    errors,
    shed,
  };
}

/** Closed loop: `clients` users acting back to back for `durationMs`: the saturation throughput. */
export async function closedLoop(
  client: GraphQLClient,
  user: ReadUser,
  clients: number,
  durationMs: number,
  rng: Random,
): Promise<RatePoint> {
  const latencies: number[] = [];
  let errors = 0;
  const start = nowMs();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (nowMs() < end) {
        const t0 = nowMs();
        try {
          await user.action(client, rng);
          latencies.push(nowMs() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = nowMs() - start;
  const s = latencySummary(latencies);
  return {
    offered: NaN,
    achievedRequestsPerSec: Math.round(((latencies.length * user.requestsPerAction) / elapsed) * 1000),
    actions: latencies.length,
    p50: s.p50,
    p99: s.p99,
    errors,
    shed: 0,
  };
}

// ---------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------

/** A query of `levels` fragments, each spreading the next twice: 2^levels paths in ~40 bytes a level. */
export function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `query Bomb { ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { __typename }`;
}

export interface RefusalResult {
  levels: number;
  bytes: number;
  requests: number;
  /** Answered with HTTP 400 and an error code. */
  refused: number;
  codes: string[];
  p50: number;
  max: number;
}

/** Sends a fragment bomb `requests` times, one at a time: how long the server takes to refuse it. */
export async function timeBombRefusals(
  client: GraphQLClient,
  levels: number,
  requests: number,
): Promise<RefusalResult> {
  const query = fragmentBomb(levels);
  const latencies: number[] = [];
  const codes = new Set<string>();
  let refused = 0;
  // An authenticated caller: an anonymous one is turned away before the query is read.
  const headers = await authorizationOf({ actorId: 'bench-bomber', role: 'INSPECTOR', unitId: null });
  for (let i = 0; i < requests; i++) {
    const res = await client.request(query, {}, headers);
    latencies.push(res.ms);
    const code = res.body.errors?.[0]?.extensions?.code;
    if (res.status === 400 && typeof code === 'string') {
      refused++;
      codes.add(code);
    }
  }
  const { p50, max } = latencySummary(latencies);
  return { levels, bytes: Buffer.byteLength(query), requests, refused, codes: [...codes], p50, max };
}

// ---------------------------------------------------------------------------
// Live lag
// ---------------------------------------------------------------------------

export interface LagResult {
  targetRate: number;
  achievedRate: number;
  seconds: number;
  appended: number;
  samples: number;
  p50: number;
  p99: number;
  max: number;
  timeouts: number;
}

/**
 * Appends a second, independent generated province ("live-") at a steady `rate` events
 * per second: whatever is due every few milliseconds goes in one append (runs of
 * streams in log order, one transaction), and about every `sampleEveryMs` the server is
 * asked (projectionsCaughtUp) when every read model has applied the newest position.
 * The lag is the time from the append's commit to that answer.
 */
export async function measureLag(
  databaseUrl: string,
  client: GraphQLClient,
  options: { rate: number; seconds: number; seed: number; sampleEveryMs?: number },
): Promise<LagResult> {
  const lagProbe = await authorizationOf({ actorId: 'bench-lag-probe', role: 'INSPECTOR', unitId: null });
  const pool = createPool(databaseUrl, { max: 4, applicationName: 'bench-lag' });
  const store = new PostgresEventStore(pool);
  const generator = new ProvinceGenerator({
    events: Math.max(5_000, Math.ceil(options.rate * options.seconds * 1.3)),
    seed: options.seed,
    idPrefix: `live${options.seed % 1000}-`,
  });
  const events = generator.events()[Symbol.iterator]();
  const sampleEveryMs = options.sampleEveryMs ?? 50;
  const lags: number[] = [];
  let timeouts = 0;
  let appended = 0;
  const checks: Promise<void>[] = [];
  const start = nowMs();
  const end = start + options.seconds * 1000;
  let lastSample = 0;
  try {
    while (nowMs() < end) {
      const due = Math.floor(((nowMs() - start) * options.rate) / 1000) - appended;
      if (due <= 0) {
        await sleep(1);
        continue;
      }
      const batch: GeneratedEvent[] = [];
      while (batch.length < due) {
        const next = events.next();
        if (next.done) break;
        batch.push(next.value);
      }
      if (batch.length === 0) break;
      const results = await store.appendToStreams(
        runsOfStreams(batch).map((group) => ({
          streamId: group[0].streamId,
          expected: Expected.version(group[0].streamVersion - 1),
          events: group.map((e): NewEvent => ({ type: e.type, data: e.data, metadata: e.metadata })),
        })),
      );
      const committedAt = nowMs();
      appended += batch.length;
      if (committedAt - lastSample >= sampleEveryMs) {
        lastSample = committedAt;
        const position = results[results.length - 1].position;
        checks.push(
          client
            .request(
              'query($p: String!) { projectionsCaughtUp(position: $p, timeoutMs: 15000) }',
              { p: position },
              lagProbe,
            )
            .then((res) => {
              if (res.body.data?.projectionsCaughtUp === true) lags.push(nowMs() - committedAt);
              else timeouts++;
            })
            .catch(() => {
              timeouts++;
            }),
        );
      }
    }
    await Promise.all(checks);
  } finally {
    await store.close();
    await pool.end();
  }
  const elapsed = (nowMs() - start) / 1000;
  const s = latencySummary(lags);
  return {
    targetRate: options.rate,
    achievedRate: Math.round(appended / Math.min(elapsed, options.seconds)),
    seconds: Math.round(elapsed),
    appended,
    samples: lags.length,
    p50: s.p50,
    p99: s.p99,
    max: s.max,
    timeouts,
  };
}
