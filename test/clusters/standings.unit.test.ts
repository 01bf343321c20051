import {
  computeClusterStandings,
  countingScore,
  missingScores,
  type StandingScore,
} from '../../src/clusters/standings';
import { ScoreKind } from '../../src/shared/domain';

const criteria = [
  { code: 'A', name: 'Chuyên môn', maxPoints: 60 },
  { code: 'B', name: 'Thi đua', maxPoints: 40 },
  { code: 'P', name: 'Điểm trừ', maxPoints: -5 },
];
const members = [
  { unitId: 'u-1', unitName: 'Xã Tân Phú' },
  { unitId: 'u-2', unitName: 'Xã An Bình' },
  { unitId: 'u-3', unitName: 'Xã Đông Hòa' },
  { unitId: 'u-4', unitName: 'Xã Bình Minh' },
];
const s = (unitId: string, criterionCode: string, points: number, kind = ScoreKind.ASSESSED): StandingScore => ({
  unitId,
  criterionCode,
  points,
  kind,
});

describe('computeClusterStandings', () => {
  it('given self then assessed scores, the assessed one counts', () => {
    const rows = computeClusterStandings(criteria, members.slice(0, 1), [
      s('u-1', 'A', 50, ScoreKind.SELF),
      s('u-1', 'A', 45),
    ]);
    expect(rows[0].scores[0]).toMatchObject({ points: 45, basis: ScoreKind.ASSESSED });
  });

  it('given an assessed score and a later self-score, the assessed one still counts', () => {
    const rows = computeClusterStandings(criteria, members.slice(0, 1), [
      s('u-1', 'A', 45),
      s('u-1', 'A', 60, ScoreKind.SELF),
    ]);
    expect(rows[0].scores[0]).toMatchObject({ points: 45, basis: ScoreKind.ASSESSED });
    expect(countingScore([s('u-1', 'A', 45), s('u-1', 'A', 60, ScoreKind.SELF)], 'u-1', 'A')).toMatchObject({
      points: 45,
    });
  });

  it('given two self-scores, the later corrects the earlier', () => {
    const rows = computeClusterStandings(criteria, members.slice(0, 1), [
      s('u-1', 'A', 50, ScoreKind.SELF),
      s('u-1', 'A', 40, ScoreKind.SELF),
    ]);
    expect(rows[0].scores[0]).toMatchObject({ points: 40, basis: ScoreKind.SELF });
  });

  it('given two assessed scores, the later corrects the earlier even when lower', () => {
    const rows = computeClusterStandings(criteria, members.slice(0, 1), [s('u-1', 'A', 58), s('u-1', 'A', 30)]);
    expect(rows[0].scores[0].points).toBe(30);
  });

  it('adds penalties (negative points) into the total', () => {
    const rows = computeClusterStandings(criteria, members.slice(0, 1), [
      s('u-1', 'A', 50),
      s('u-1', 'B', 30),
      s('u-1', 'P', -3),
    ]);
    expect(rows[0].totalPoints).toBe(77);
  });

  it('counts a missing score as 0 with basis null', () => {
    const rows = computeClusterStandings(criteria, members.slice(0, 1), []);
    expect(rows[0]).toMatchObject({
      totalPoints: 0,
      scores: [
        { points: 0, basis: null },
        { points: 0, basis: null },
        { points: 0, basis: null },
      ],
    });
  });

  it('ignores scores of non-members and unknown criteria', () => {
    const rows = computeClusterStandings(criteria, members.slice(0, 1), [
      s('u-9', 'A', 50),
      s('u-1', 'Z', 50),
      s('u-1', 'A', 10),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].totalPoints).toBe(10);
  });

  it('breaks a tie on the total by the first criterion', () => {
    const rows = computeClusterStandings(criteria, members.slice(0, 2), [
      s('u-1', 'A', 40),
      s('u-1', 'B', 40),
      s('u-2', 'A', 50),
      s('u-2', 'B', 30),
    ]);
    expect(rows.map((r) => [r.rank, r.unitId, r.totalPoints])).toEqual([
      [1, 'u-2', 80],
      [2, 'u-1', 80],
    ]);
  });

  it('breaks a tie on the first criterion by the next one in listed order (penalty included)', () => {
    const rows = computeClusterStandings(criteria, members.slice(0, 2), [
      s('u-1', 'A', 50),
      s('u-1', 'B', 32),
      s('u-1', 'P', -2),
      s('u-2', 'A', 50),
      s('u-2', 'B', 30),
      s('u-2', 'P', 0),
    ]);
    expect(rows.map((r) => r.unitId)).toEqual(['u-1', 'u-2']);
  });

  it('breaks a full tie on points by unit name in Vietnamese order', () => {
    const scores = members.flatMap((m) => [s(m.unitId, 'A', 50), s(m.unitId, 'B', 30)]);
    const rows = computeClusterStandings(criteria, members, scores);
    // An Bình < Bình Minh < Đông Hòa (Đ sorts after D) < Tân Phú
    expect(rows.map((r) => r.unitName)).toEqual(['Xã An Bình', 'Xã Bình Minh', 'Xã Đông Hòa', 'Xã Tân Phú']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it('sorts Đ between D and E, the Vietnamese way', () => {
    const two = [
      { unitId: 'u-d', unitName: 'Đồng Xoài' },
      { unitId: 'u-e', unitName: 'Eakar' },
      { unitId: 'u-dd', unitName: 'Dương Minh Châu' },
    ];
    const rows = computeClusterStandings([{ code: 'A', name: 'A', maxPoints: 100 }], two, []);
    expect(rows.map((r) => r.unitName)).toEqual(['Dương Minh Châu', 'Đồng Xoài', 'Eakar']);
  });

  it('treats float sums equal to 6 decimals as a tie (0.1 + 0.2 = 0.3)', () => {
    const crit = [
      { code: 'A', name: 'A', maxPoints: 50 },
      { code: 'B', name: 'B', maxPoints: 50 },
    ];
    const rows = computeClusterStandings(crit, members.slice(0, 2), [
      s('u-1', 'A', 0.1),
      s('u-1', 'B', 0.2),
      s('u-2', 'A', 0.1),
      s('u-2', 'B', 0.2),
    ]);
    expect(rows[0].totalPoints).toBe(0.3);
    expect(rows.map((r) => r.unitName)).toEqual(['Xã An Bình', 'Xã Tân Phú']);
  });

  it('proposes rank 1 for the flag and ranks 2–3 for the certificate by default', () => {
    const scores = members.flatMap((m, i) => [s(m.unitId, 'A', 50 - i)]);
    const rows = computeClusterStandings(criteria, members, scores);
    expect(rows.map((r) => [r.rank, r.proposedForFlag, r.proposedForCertificate])).toEqual([
      [1, true, false],
      [2, false, true],
      [3, false, true],
      [4, false, false],
    ]);
  });

  it('takes a configurable certificate count', () => {
    const rows = computeClusterStandings(criteria, members, [], { certificateCount: 1 });
    expect(rows.filter((r) => r.proposedForCertificate).map((r) => r.rank)).toEqual([2]);
    expect(() => computeClusterStandings(criteria, members, [], { certificateCount: -1 })).toThrow(RangeError);
  });

  it('returns no rows for no members', () => {
    expect(computeClusterStandings(criteria, [], [])).toEqual([]);
  });
});

describe('missingScores', () => {
  it('lists every member and criterion without any score; a self-score is enough', () => {
    const missing = missingScores(criteria.slice(0, 2), members.slice(0, 2), [
      s('u-1', 'A', 1, ScoreKind.SELF),
      s('u-1', 'B', 1),
      s('u-2', 'B', 1),
    ]);
    expect(missing).toEqual([{ unitId: 'u-2', unitName: 'Xã An Bình', criterionCode: 'A' }]);
  });
});
