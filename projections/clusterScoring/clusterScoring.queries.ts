/** Questions asked of the cluster-scoring read model (schema `cluster_scoring`). */
import type { Queryable } from '../awards/awards.queries';

/**
 * The unit's rank in its cluster's finalized ranking for the year; null when no ranking
 * that lists it has been finalized. A unit in several clusters gets its best rank.
 */
export async function getFinalizedClusterRank(db: Queryable, unitId: string, year: number): Promise<number | null> {
  const { rows } = await db.query<{ rank: number | null }>(
    'SELECT min(rank)::int AS rank FROM cluster_scoring.final_ranks WHERE unit_id = $1 AND year = $2',
    [unitId, year],
  );
  return rows[0].rank ?? null;
}
