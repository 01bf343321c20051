/**
 * Cluster standings (bình xét, xếp hạng cụm/khối thi đua), pure: used by the cluster
 * decider when a ranking is finalized and by the cluster-scoring read model.
 *
 * Rules:
 * - For each unit and criterion the latest ASSESSED score counts; without one, the
 *   latest SELF score. "Latest" is the order of `scores` (stream order), so a later score
 *   of the same kind corrects an earlier one, and an ASSESSED score wins over a SELF score
 *   recorded after it.
 * - A unit with no counting score for a criterion gets 0 points there (`basis: null`).
 * - Scores for units that are not members, or criteria that are not listed, are ignored.
 * - Order: higher total first; ties are broken by higher points on the criteria in their
 *   listed order, then by unit name (`localeCompare(…, 'vi')`), and finally by unit id so
 *   the order is always total. Ranks are therefore 1, 2, 3 … without gaps or shared ranks.
 * - Totals are rounded to 6 decimal places before comparing, so 0.1 + 0.2 ties with 0.3.
 * - Rank 1 is proposed for the Emulation Flag; the next `certificateCount` ranks
 *   (default 2: ranks 2 and 3) for the certificate of merit (Bằng khen).
 */
import { ScoreKind } from '../shared/domain';

export interface StandingCriterion {
  code: string;
  name: string;
  maxPoints: number;
}

export interface StandingMember {
  unitId: string;
  unitName: string;
}

export interface StandingScore {
  unitId: string;
  criterionCode: string;
  points: number;
  kind: ScoreKind;
}

export interface CriterionPoints {
  code: string;
  name: string;
  maxPoints: number;
  /** The counting score, 0 when there is none. */
  points: number;
  /** Which kind of score counts; `null` when the unit has no score for the criterion. */
  basis: ScoreKind | null;
}

export interface ClusterStandingRow {
  rank: number;
  unitId: string;
  unitName: string;
  totalPoints: number;
  /** One entry per criterion, in the criteria's listed order. */
  scores: CriterionPoints[];
  proposedForFlag: boolean;
  proposedForCertificate: boolean;
}

export interface StandingsOptions {
  /** How many units after rank 1 are proposed for the certificate of merit (default 2). */
  certificateCount?: number;
}

export const DEFAULT_CERTIFICATE_COUNT = 2;

export interface MissingScore {
  unitId: string;
  unitName: string;
  criterionCode: string;
}

/** The score that counts for one unit and criterion, or `undefined` when there is none. */
export function countingScore(
  scores: readonly StandingScore[],
  unitId: string,
  criterionCode: string,
): StandingScore | undefined {
  let self: StandingScore | undefined;
  let assessed: StandingScore | undefined;
  for (const s of scores) {
    if (s.unitId !== unitId || s.criterionCode !== criterionCode) continue;
    if (s.kind === ScoreKind.ASSESSED) assessed = s;
    else self = s;
  }
  return assessed ?? self;
}

/** Every (member, criterion) pair without any score, members first, criteria in listed order. */
export function missingScores(
  criteria: readonly StandingCriterion[],
  members: readonly StandingMember[],
  scores: readonly StandingScore[],
): MissingScore[] {
  const have = new Set(scores.map((s) => pairKey(s.unitId, s.criterionCode)));
  const missing: MissingScore[] = [];
  for (const m of members) {
    for (const c of criteria) {
      if (!have.has(pairKey(m.unitId, c.code)))
        missing.push({ unitId: m.unitId, unitName: m.unitName, criterionCode: c.code });
    }
  }
  return missing;
}

export function computeClusterStandings(
  criteria: readonly StandingCriterion[],
  members: readonly StandingMember[],
  scores: readonly StandingScore[],
  options: StandingsOptions = {},
): ClusterStandingRow[] {
  const certificateCount = options.certificateCount ?? DEFAULT_CERTIFICATE_COUNT;
  if (!Number.isInteger(certificateCount) || certificateCount < 0) {
    throw new RangeError(`certificateCount must be a non-negative whole number, got ${certificateCount}`);
  }

  // Latest score per (unit, criterion) and kind, in one pass.
  const latest = new Map<string, { self?: StandingScore; assessed?: StandingScore }>();
  for (const s of scores) {
    const key = pairKey(s.unitId, s.criterionCode);
    const entry = latest.get(key) ?? {};
    if (s.kind === ScoreKind.ASSESSED) entry.assessed = s;
    else entry.self = s;
    latest.set(key, entry);
  }

  const unranked = members.map((m) => {
    const rowScores: CriterionPoints[] = criteria.map((c) => {
      const entry = latest.get(pairKey(m.unitId, c.code));
      const counting = entry?.assessed ?? entry?.self;
      return {
        code: c.code,
        name: c.name,
        maxPoints: c.maxPoints,
        points: counting ? counting.points : 0,
        basis: counting ? counting.kind : null,
      };
    });
    const totalPoints = round6(rowScores.reduce((sum, s) => sum + s.points, 0));
    return { unitId: m.unitId, unitName: m.unitName, totalPoints, scores: rowScores };
  });

  unranked.sort(compareRows);

  return unranked.map((row, i) => ({
    rank: i + 1,
    unitId: row.unitId,
    unitName: row.unitName,
    totalPoints: row.totalPoints,
    scores: row.scores,
    proposedForFlag: i === 0,
    proposedForCertificate: i >= 1 && i <= certificateCount,
  }));
}

type UnrankedRow = Pick<ClusterStandingRow, 'unitId' | 'unitName' | 'totalPoints' | 'scores'>;

function compareRows(a: UnrankedRow, b: UnrankedRow): number {
  if (a.totalPoints !== b.totalPoints) return b.totalPoints - a.totalPoints;
  for (let i = 0; i < a.scores.length; i++) {
    const pa = round6(a.scores[i].points);
    const pb = round6(b.scores[i].points);
    if (pa !== pb) return pb - pa;
  }
  const byName = a.unitName.localeCompare(b.unitName, 'vi');
  if (byName !== 0) return byName;
  return a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
}

function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

function pairKey(unitId: string, criterionCode: string): string {
  return JSON.stringify([unitId, criterionCode]);
}
