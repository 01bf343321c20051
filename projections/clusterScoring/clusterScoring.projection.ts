import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { ClusterRankingFinalized } from '../../src/clusters/cluster.events';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { applyStandingsInputs, STANDINGS_EVENT_TYPES } from './standings.apply';

export const CLUSTER_SCORING_PROJECTION = 'cluster_scoring';

async function rankingFinalized(event: RecordedEvent, client: PoolClient): Promise<void> {
  const d = event.data as ClusterRankingFinalized['data'];
  // A cluster's year is finalized once; replacing keeps a repeated event harmless.
  await client.query('DELETE FROM final_ranks WHERE cluster_id = $1 AND year = $2', [d.clusterId, d.year]);
  await client.query(
    `INSERT INTO final_ranks (cluster_id, year, unit_id, rank, cluster_name, unit_name, total_points, finalized_at)
     SELECT $1, $2, r.unit_id, r.rank, $3, r.unit_name, r.total_points, $7
     FROM unnest($4::text[], $5::int[], $6::text[], $8::float8[]) AS r(unit_id, rank, unit_name, total_points)`,
    [d.clusterId, d.year, d.clusterName, d.rows.map((r) => r.unitId), d.rows.map((r) => r.rank), d.rows.map((r) => r.unitName), d.finalizedAt, d.rows.map((r) => r.totalPoints)],
  );
}

export async function applyClusterScoring(events: RecordedEvent[], client: PoolClient): Promise<void> {
  await applyStandingsInputs(events, client);
  for (const event of events) {
    if (event.type === 'ClusterRankingFinalized') await rankingFinalized(event, client);
  }
}

/** Cluster scoring: every input of the standings (answered as of any instant) and the finalized ranks. */
export const clusterScoringProjection: ProjectionDefinition = {
  name: CLUSTER_SCORING_PROJECTION,
  version: 2,
  eventTypes: [...STANDINGS_EVENT_TYPES, 'ClusterRankingFinalized'],
  migrations: loadMigrations(join(projectRoot(), 'projections/clusterScoring/migrations')),
  apply: applyClusterScoring,
};
