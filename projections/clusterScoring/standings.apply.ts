import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';

type Data = Record<string, any>;

export const STANDINGS_EVENT_TYPES = ['ClusterFormed', 'ClusterLeadershipAssigned', 'ClusterCriteriaSet', 'ClusterScoreRecorded'] as const;

/** Keeps every input of the standings (not the standings themselves): they are computed per question, as of any instant. */
export async function applyStandingsInputs(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const scores = events.filter((e) => e.type === 'ClusterScoreRecorded');
  if (scores.length > 0) {
    // Scores are the bulk of a cluster's events: one statement per batch.
    await client.query(
      `INSERT INTO scores (cluster_id, year, position, recorded_at, unit_id, criterion_code, kind, points)
       SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::float8[])`,
      [
        scores.map((e) => (e.data as Data).clusterId),
        scores.map((e) => (e.data as Data).year),
        scores.map((e) => e.position),
        scores.map((e) => e.recordedAt),
        scores.map((e) => (e.data as Data).unitId),
        scores.map((e) => (e.data as Data).criterionCode),
        scores.map((e) => (e.data as Data).kind),
        scores.map((e) => (e.data as Data).points),
      ],
    );
  }
  for (const event of events) {
    const d = event.data as Data;
    switch (event.type) {
      case 'ClusterFormed':
        await client.query('INSERT INTO clusters (cluster_id, name, members) VALUES ($1, $2, $3)', [d.clusterId, d.name, JSON.stringify(d.members)]);
        break;
      case 'ClusterCriteriaSet':
        await client.query('INSERT INTO criteria_sets (cluster_id, year, position, recorded_at, criteria) VALUES ($1, $2, $3, $4, $5)', [
          d.clusterId, d.year, event.position, event.recordedAt, JSON.stringify(d.criteria),
        ]);
        break;
      case 'ClusterLeadershipAssigned':
        await client.query('INSERT INTO leadership (cluster_id, year, position, recorded_at, leader_unit_id, deputy_unit_id) VALUES ($1, $2, $3, $4, $5, $6)', [
          d.clusterId, d.year, event.position, event.recordedAt, d.leaderUnitId, d.deputyUnitId,
        ]);
        break;
      default:
        break;
    }
  }
}
