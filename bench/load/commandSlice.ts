/**
 * The GraphQL command slice for a year after the generated ones: a set-up that goes
 * through the same GraphQL path (criteria, ratings, dossiers, appraisal, council
 * sessions), then runs of 30% ballots, 25% cluster scores, 25% title registrations and
 * 20% ratings, all valid.
 */
import { AwardKind, PerformanceRating, PeriodKind, ScoreKind, SubjectKind } from '../../src/shared/domain';
import type { GraphQLOp } from '../generator';
import { CRITERIA } from '../names';
import type { ClusterInfo, Province } from '../province';
import { Random } from '../random';
import { planSessionSlice, type SliceDocument } from './sessionSlice';
import { officerOf, op } from './sliceOps';

export interface CommandSlice {
  /**
   * Files the set-up uploads once its phase `afterPhase` (the submissions) is done: an
   * officer uploads for a dossier that exists. A later phase attaches them by hash.
   */
  documents: { afterPhase: number; files: SliceDocument[] };
  /** Phases run one after the other; the ops of a phase are independent. */
  setup: GraphQLOp[][];
  /** One list of independent ops per measured run. */
  runs: GraphQLOp[][];
  mix: Record<string, number>;
}

export interface CommandSliceOptions {
  year: number;
  /** The app's today: the dossiers' submission date. */
  today: string;
  /** How many commands each measured run sends, in order (each run's commands are its own). */
  runSizes: number[];
  seed?: number;
}

interface Criterion {
  code: string;
  name: string;
  maxPoints: number;
  bonus: boolean;
}

type Mix = Record<'castBallot' | 'recordClusterScore' | 'registerTitle' | 'ratePerformance', number>;

/** The next score to record. */
type NextScore = () => GraphQLOp;
/** The next title registration (null when every registrant has registered for every title). */
type NextRegistration = () => GraphQLOp | null;

function criteriaFor(): Criterion[] {
  const weights = [25, 15, 15, 10, 10, 10, 5, 10];
  return [
    ...CRITERIA.map(([code, name], i) => ({ code, name, maxPoints: weights[i], bonus: false })),
    { code: 'THUONG', name: 'Điểm thưởng: mô hình mới, cách làm hay', maxPoints: 5, bonus: true },
    { code: 'TRU', name: 'Điểm trừ: vi phạm, chậm báo cáo', maxPoints: -5, bonus: false },
  ];
}

function wantedMix(total: number): Mix {
  const castBallot = Math.round(total * 0.3);
  const recordClusterScore = Math.round(total * 0.25);
  const registerTitle = Math.round(total * 0.25);
  return {
    castBallot,
    recordClusterScore,
    registerTitle,
    ratePerformance: total - castBallot - recordClusterScore - registerTitle,
  };
}

export function planCommandSlice(province: Province, options: CommandSliceOptions): CommandSlice {
  const rng = new Random((options.seed ?? 7) ^ 0xc0ffee);
  const { year, today, runSizes } = options;
  const total = runSizes.reduce((sum, size) => sum + size, 0);
  const mixWanted = wantedMix(total);
  const sessions = planSessionSlice(province, rng, mixWanted.castBallot, year, today);
  // Cluster scores for the year: criteria first (set-up; they open each cluster's year
  // stream, where the year's scores go), then scores in the runs.
  const clusters: ClusterInfo[] = province.clusters.slice(0, 20);
  const criteria = criteriaFor();
  const setupCriteria = clusters.map((c) =>
    op(
      'setClusterCriteria',
      { input: { clusterId: c.id, year, criteria } },
      officerOf(c.organizerUnitId, 'SECRETARIAT'),
    ),
  );
  // Registrations and ratings of people not in the sessions.
  const others = rng.shuffle(province.people.map((p) => p.id).filter((id) => !sessions.nominees.has(id)));
  const shares = runShares(runSizes, total);
  // Every run rates people nobody rated yet in the year (first ratings), so a run cut
  // short by its time limit leaves no trap for the next.
  // A small province has fewer people than the runs ask for: half of them rate, half register.
  const wanted = { ...mixWanted, ratePerformance: Math.min(mixWanted.ratePerformance, Math.floor(others.length / 2)) };
  const raters = shares(wanted.ratePerformance).map(([from, to]) => others.slice(from, to));
  const registrants = others.slice(raters.flat().length);
  wanted.registerTitle = Math.min(wanted.registerTitle, registrants.length * TITLES.length);
  const next = {
    score: scoreOps(rng, clusters, criteria, year),
    registration: registrationOps(province, registrants, year),
  };
  const ballotShares = shares(sessions.ballots.length);
  const castShares = shares(wanted.castBallot);
  const runs = runSizes.map((_, r) => {
    const [from, to] = ballotShares[r];
    const ballots = sessions.ballots.slice(from, to).slice(0, castShares[r][1] - castShares[r][0]);
    const list = [...ballots, ...runScoresAndRegistrations(shares, r, wanted, next, clusters.length > 0)];
    const rating = r % 2 === 0 ? PerformanceRating.EXCELLENT : PerformanceRating.GOOD;
    for (const personId of raters[r]) list.push(ratingOp(province, personId, year, rating));
    return rng.shuffle(list);
  });
  const mix: Record<string, number> = {};
  for (const o of runs.flat()) mix[o.name] = (mix[o.name] ?? 0) + 1;
  const { ratings, submits, documents, attachments, appraisals, convenings } = sessions;
  return {
    documents: { afterPhase: 1, files: documents },
    setup: [setupCriteria, [...ratings, ...submits], attachments, appraisals, convenings],
    runs,
    mix,
  };
}

/** Each run's [from, to) share of `n` things, in proportion to its size. */
type Shares = (n: number) => Array<[number, number]>;

function runShares(runSizes: number[], total: number): Shares {
  return (n) => {
    let from = 0;
    return runSizes.map((size) => {
      const share = Math.floor((n * size) / Math.max(1, total));
      from += share;
      return [from - share, from];
    });
  };
}

/** Run `r`'s scores and registrations. */
function runScoresAndRegistrations(
  shares: Shares,
  r: number,
  wanted: Mix,
  next: { score: NextScore; registration: NextRegistration },
  withScores: boolean,
): GraphQLOp[] {
  const count = (n: number) => shares(n)[r][1] - shares(n)[r][0];
  const list: GraphQLOp[] = [];
  for (let i = 0; i < count(wanted.recordClusterScore) && withScores; i++) list.push(next.score());
  for (let i = 0; i < count(wanted.registerTitle); i++) {
    const registration = next.registration();
    if (registration) list.push(registration);
  }
  return list;
}

/** Scores of random members on random criteria: a member's self-score or the organizer's assessment. */
function scoreOps(rng: Random, clusters: ClusterInfo[], criteria: Criterion[], year: number): NextScore {
  return () => {
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
}

/** The titles registered for, each by every registrant in turn. */
const TITLES: Array<[AwardKind, PeriodKind]> = [
  [AwardKind.ADVANCED_WORKER, PeriodKind.CALENDAR_YEAR],
  [AwardKind.ADVANCED_WORKER, PeriodKind.SCHOOL_YEAR],
  [AwardKind.GRASSROOTS_EMULATION_FIGHTER, PeriodKind.CALENDAR_YEAR],
  [AwardKind.GRASSROOTS_EMULATION_FIGHTER, PeriodKind.SCHOOL_YEAR],
];

/** Each registrant for one title after another, until every title has had every registrant. */
function registrationOps(province: Province, registrants: string[], year: number): NextRegistration {
  let registration = 0;
  return () => {
    if (registrants.length === 0) return null;
    const round = Math.floor(registration / Math.max(1, registrants.length));
    if (round >= TITLES.length) return null;
    const personId = registrants[registration % registrants.length];
    registration++;
    const [award, kind] = TITLES[round];
    const person = province.personById.get(personId)!;
    const subject = { kind: SubjectKind.INDIVIDUAL, id: personId };
    return op(
      'registerTitle',
      { input: { subject, award, period: { kind, year }, movementId: null } },
      officerOf(person.unitId),
    );
  };
}

function ratingOp(province: Province, personId: string, year: number, rating: PerformanceRating): GraphQLOp {
  const person = province.personById.get(personId)!;
  const subject = { kind: SubjectKind.INDIVIDUAL, id: personId };
  return op(
    'ratePerformance',
    { input: { subject, period: { kind: PeriodKind.CALENDAR_YEAR, year }, rating } },
    officerOf(person.unitId),
  );
}
