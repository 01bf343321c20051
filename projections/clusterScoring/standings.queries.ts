import type { Pool } from 'pg';
import {
  computeClusterStandings,
  type ClusterStandingRow,
  type StandingCriterion,
  type StandingMember,
} from '../../src/clusters/standings';
import type { PreparedStatements } from '../../src/infra/preparedQuery';
import type { ScoreKind } from '../../src/shared/domain';

export interface ClusterStandingsView {
  clusterId: string;
  clusterName: string;
  year: number;
  finalized: boolean;
  leaderUnitId: string | null;
  rows: ClusterStandingRow[];
}

/**
 * The cluster's standings for a year as they were at `asOf` (now when null), by event
 * record time: the criteria then in force, every score recorded by then (the latest
 * assessed score counts, else the latest self-score), ties broken as the domain says.
 * Rank 1 is proposed for the flag only once the ranking is finalized.
 */
export async function getClusterStandings(
  pool: Pool,
  statements: PreparedStatements,
  clusterId: string,
  year: number,
  asOf: Date | null,
): Promise<ClusterStandingsView | null> {
  const at = asOf ?? new Date('9999-12-31T00:00:00Z');
  const cluster = await statements.query<{ name: string; members: StandingMember[] }>(
    pool,
    'SELECT name, members FROM cluster_scoring.clusters WHERE cluster_id = $1',
    [clusterId],
  );
  if (cluster.rows.length === 0) return null;
  const [criteria, scores, leadership, finalized] = await Promise.all([
    statements.query<{ criteria: StandingCriterion[] }>(
      pool,
      'SELECT criteria FROM cluster_scoring.criteria_sets WHERE cluster_id = $1 AND year = $2 AND recorded_at <= $3 ORDER BY position DESC LIMIT 1',
      [clusterId, year, at],
    ),
    statements.query<{ unitId: string; criterionCode: string; points: number; kind: ScoreKind }>(
      pool,
      `SELECT unit_id AS "unitId", criterion_code AS "criterionCode", points, kind FROM cluster_scoring.scores
       WHERE cluster_id = $1 AND year = $2 AND recorded_at <= $3 ORDER BY position`,
      [clusterId, year, at],
    ),
    statements.query<{ leader_unit_id: string }>(
      pool,
      'SELECT leader_unit_id FROM cluster_scoring.leadership WHERE cluster_id = $1 AND year = $2 AND recorded_at <= $3 ORDER BY position DESC LIMIT 1',
      [clusterId, year, at],
    ),
    statements.query(
      pool,
      'SELECT 1 FROM cluster_scoring.final_ranks WHERE cluster_id = $1 AND year = $2 AND finalized_at <= $3 LIMIT 1',
      [clusterId, year, at],
    ),
  ]);
  const isFinalized = finalized.rows.length > 0;
  const rows = computeClusterStandings(criteria.rows[0]?.criteria ?? [], cluster.rows[0].members, scores.rows).map(
    (row) => ({
      ...row,
      proposedForFlag: isFinalized && row.proposedForFlag,
      proposedForCertificate: isFinalized && row.proposedForCertificate,
    }),
  );
  return {
    clusterId,
    clusterName: cluster.rows[0].name,
    year,
    finalized: isFinalized,
    leaderUnitId: leadership.rows[0]?.leader_unit_id ?? null,
    rows,
  };
}
