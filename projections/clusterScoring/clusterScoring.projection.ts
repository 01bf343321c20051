import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { ClusterRankingFinalized } from '../../src/clusters/clusterYear.events';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents } from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { applyStandingsInputs, STANDINGS_EVENT_TYPES } from './standings.apply';

export const CLUSTER_SCORING_PROJECTION = 'cluster_scoring';

/**
 * A cluster's year is finalized once; replacing keeps a repeated event harmless. Within
 * a batch the last finalization of a cluster and year wins, as it would event by event:
 * one delete of the years finalized, one insert of their rows.
 */
async function rankingsFinalized(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const latest = new Map<string, ClusterRankingFinalized['data']>();
  for (const event of asRecordedDomainEvents(events)) {
    if (event.type !== 'ClusterRankingFinalized') continue;
    const d = event.data;
    const key = JSON.stringify([d.clusterId, d.year]);
    latest.set(key, d);
  }
  if (latest.size === 0) return;
  const finalized = [...latest.values()];
  await client.query(
    'DELETE FROM final_ranks f USING unnest($1::text[], $2::int[]) AS k(cluster_id, year) WHERE f.cluster_id = k.cluster_id AND f.year = k.year',
    [finalized.map((d) => d.clusterId), finalized.map((d) => d.year)],
  );
  const rows = finalized.flatMap((d) => d.rows.map((r) => ({ d, r })));
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO final_ranks (cluster_id, year, unit_id, rank, cluster_name, unit_name, total_points, finalized_at)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::float8[], $8::timestamptz[])`,
    [
      rows.map(({ d }) => d.clusterId),
      rows.map(({ d }) => d.year),
      rows.map(({ r }) => r.unitId),
      rows.map(({ r }) => r.rank),
      rows.map(({ d }) => d.clusterName),
      rows.map(({ r }) => r.unitName),
      rows.map(({ r }) => r.totalPoints),
      rows.map(({ d }) => d.finalizedAt),
    ],
  );
}

async function applyClusterScoring(events: RecordedEvent[], client: PoolClient): Promise<void> {
  await applyStandingsInputs(events, client);
  await rankingsFinalized(events, client);
}

/** Cluster scoring: every input of the standings (answered as of any instant) and the finalized ranks. */
export const clusterScoringProjection: ProjectionDefinition = {
  name: CLUSTER_SCORING_PROJECTION,
  version: 2,
  eventTypes: [...STANDINGS_EVENT_TYPES, 'ClusterRankingFinalized'],
  migrations: loadMigrations(join(projectRoot(), 'projections/clusterScoring/migrations')),
  apply: applyClusterScoring,
};
