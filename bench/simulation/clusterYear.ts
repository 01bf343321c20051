/**
 * A cluster's year: leadership assigned and criteria set in February, every member's
 * self-score and the organizer's assessed score per criterion in November, the ranking
 * finalized in December.
 */
import { clusterDecider } from '../../src/clusters/cluster.decider';
import { clusterFactsOf, type ClusterFacts } from '../../src/clusters/cluster.state';
import { clusterYearDecider, clusterYearKey, type ClusterYearCommand } from '../../src/clusters/clusterYear.decider';
import type { ClusterRankingFinalized } from '../../src/clusters/clusterYear.events';
import { DEFAULT_CERTIFICATE_COUNT } from '../../src/clusters/standings';
import { ScoreKind } from '../../src/shared/domain';
import type { Actor, ClusterInfo } from '../province';
import { CRITERIA } from '../names';
import { DAY, ymd } from './calendar';
import type { Simulation } from './simulation';
import type { SimTransaction } from './transaction';

interface Criterion {
  code: string;
  name: string;
  maxPoints: number;
  bonus: boolean;
}

interface Score {
  at: number;
  actor: Actor;
  clusterId: string;
  year: number;
  unitId: string;
  criterionCode: string;
  points: number;
  kind: ScoreKind;
  note: string | null;
}

const CRITERIA_WEIGHTS = [25, 15, 15, 10, 10, 10, 5, 10];

/**
 * A year command as the handler runs it: the cluster's facts read from its own stream,
 * the decision appended to the cluster's year stream.
 */
function decideOnYear(
  tx: SimTransaction,
  clusterId: string,
  year: number,
  command: (cluster: ClusterFacts | null) => ClusterYearCommand,
): void {
  const cluster = clusterFactsOf(tx.load(clusterDecider, clusterId).state);
  tx.decide(clusterYearDecider, tx.load(clusterYearDecider, clusterYearKey(clusterId, year)), command(cluster));
}

export function planClusterYear(sim: Simulation, year: number): void {
  for (const cluster of sim.province.clusters) {
    const organizer = sim.secretariatOf(cluster.organizerUnitId);
    scheduleLeadership(sim, cluster, organizer, year);
    const criteria = scheduleCriteria(sim, cluster, organizer, year);
    for (const unitId of cluster.memberIds) scheduleMemberScores(sim, cluster, organizer, year, unitId, criteria);
    scheduleRanking(sim, cluster, organizer, year);
  }
}

/** Mostly the strongest member leads, the next strongest deputises. */
function scheduleLeadership(sim: Simulation, cluster: ClusterInfo, organizer: Actor, year: number): void {
  const ranked = [...cluster.memberIds].sort((a, b) => cluster.strength.get(b)! - cluster.strength.get(a)!);
  const leader = sim.rng.chance(0.7) ? ranked[0] : sim.rng.pick(cluster.memberIds);
  const deputy = ranked.find((id) => id !== leader)!;
  const leadAt = sim.officeTime(ymd(year, 2, 4), ymd(year, 2, 12));
  sim.at(leadAt, () =>
    sim.run(
      leadAt,
      organizer,
      'assignClusterLeadership',
      () => ({ clusterId: cluster.id, year, leaderUnitId: leader, deputyUnitId: deputy }),
      (tx) => {
        decideOnYear(tx, cluster.id, year, (facts) => ({
          type: 'AssignClusterLeadership',
          data: { clusterId: cluster.id, year, leaderUnitId: leader, deputyUnitId: deputy, cluster: facts },
        }));
      },
    ),
  );
}

/** The year's criteria on a 100- or 1,000-point scale, with a bonus and a deduction; returns them. */
function scheduleCriteria(sim: Simulation, cluster: ClusterInfo, organizer: Actor, year: number): Criterion[] {
  const scale = sim.rng.chance(0.8) ? 100 : 1000;
  const criteria: Criterion[] = CRITERIA.map(([code, name], i) => ({
    code,
    name,
    maxPoints: (CRITERIA_WEIGHTS[i] * scale) / 100,
    bonus: false,
  }));
  criteria.push({ code: 'THUONG', name: 'Điểm thưởng: mô hình mới, cách làm hay', maxPoints: scale / 20, bonus: true });
  criteria.push({ code: 'TRU', name: 'Điểm trừ: vi phạm, chậm báo cáo', maxPoints: -scale / 20, bonus: false });
  const criteriaAt = sim.officeTime(ymd(year, 2, 15), ymd(year, 3, 10));
  sim.at(criteriaAt, () =>
    sim.run(
      criteriaAt,
      organizer,
      'setClusterCriteria',
      () => ({ input: { clusterId: cluster.id, year, criteria } }),
      (tx) => {
        decideOnYear(tx, cluster.id, year, (facts) => ({
          type: 'SetClusterCriteria',
          data: { clusterId: cluster.id, year, criteria, cluster: facts },
        }));
      },
    ),
  );
  return criteria;
}

/** A member's self-score on every criterion, the organizer's assessment, and now and then a correction. */
function scheduleMemberScores(
  sim: Simulation,
  cluster: ClusterInfo,
  organizer: Actor,
  year: number,
  unitId: string,
  criteria: Criterion[],
): void {
  const { rng } = sim;
  const strength = cluster.strength.get(unitId)!;
  const self = sim.officerOf(unitId);
  for (const c of criteria) {
    const score = { clusterId: cluster.id, year, unitId, criterionCode: c.code };
    const selfPoints = points(sim, c.maxPoints, strength + 0.08);
    const selfAt = sim.officeTime(ymd(year, 11, 1), ymd(year, 11, 18));
    scheduleScore(sim, { ...score, at: selfAt, actor: self, points: selfPoints, kind: ScoreKind.SELF, note: null });
    const assessed = points(sim, c.maxPoints, strength);
    const assessedAt = sim.officeTime(ymd(year, 11, 21), ymd(year, 12, 4));
    const note = rng.chance(0.1) ? 'Điều chỉnh theo kết quả kiểm tra thực tế' : null;
    scheduleScore(sim, {
      ...score,
      at: assessedAt,
      actor: organizer,
      points: assessed,
      kind: ScoreKind.ASSESSED,
      note,
    });
    if (rng.chance(0.01)) {
      const fixed = points(sim, c.maxPoints, strength);
      const correction = 'Đính chính điểm chấm';
      scheduleScore(sim, {
        ...score,
        at: assessedAt + DAY,
        actor: organizer,
        points: fixed,
        kind: ScoreKind.ASSESSED,
        note: correction,
      });
    }
  }
}

/** Points near the member's strength (a deduction is mostly none). */
function points(sim: Simulation, maxPoints: number, strength: number): number {
  const { rng } = sim;
  if (maxPoints < 0) return rng.chance(0.7) ? 0 : Math.round(maxPoints * rng.next() * 0.5 * 2) / 2;
  const share = Math.min(1, Math.max(0, strength * 0.45 + 0.5 + (rng.next() - 0.5) * 0.12));
  return Math.round(maxPoints * share * 2) / 2;
}

function scheduleScore(sim: Simulation, score: Score): void {
  const { at, actor, clusterId, year, unitId, criterionCode, points, kind, note } = score;
  sim.at(at, () =>
    sim.run(
      at,
      actor,
      'recordClusterScore',
      () => ({ input: { clusterId, year, unitId, criterionCode, points, kind, note } }),
      (tx) => {
        decideOnYear(tx, clusterId, year, (facts) => ({
          type: 'RecordClusterScore',
          data: { clusterId, year, unitId, criterionCode, points, kind, note, now: tx.nowIso, cluster: facts },
        }));
      },
    ),
  );
}

/** The finalized ranking; its ranks are the facts the year's cluster awards rest on. */
function scheduleRanking(sim: Simulation, cluster: ClusterInfo, organizer: Actor, year: number): void {
  const finalAt = sim.officeTime(ymd(year, 12, 7), ymd(year, 12, 9));
  sim.at(finalAt, () => {
    const step = sim.run(
      finalAt,
      organizer,
      'finalizeClusterRanking',
      () => ({ clusterId: cluster.id, year }),
      (tx) => {
        decideOnYear(tx, cluster.id, year, (facts) => ({
          type: 'FinalizeClusterRanking',
          data: {
            clusterId: cluster.id,
            year,
            now: tx.nowIso,
            certificateCount: DEFAULT_CERTIFICATE_COUNT,
            cluster: facts,
          },
        }));
      },
    );
    const finalized = step.events[0] as unknown as ClusterRankingFinalized;
    for (const row of finalized.data.rows) sim.facts.recordClusterRank(row.unitId, year, row.rank);
    return step;
  });
}
