import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents, eventsOfType } from '../../src/eventStore/recordedDomainEvent';
import { copyRows } from '../../src/projections/copyRows';

export const STANDINGS_EVENT_TYPES = [
  'ClusterFormed',
  'ClusterLeadershipAssigned',
  'ClusterCriteriaSet',
  'ClusterScoreRecorded',
] as const;

/**
 * Keeps every input of the standings (not the standings themselves): they are computed
 * per question, as of any instant.
 */
export async function applyStandingsInputs(recorded: RecordedEvent[], client: PoolClient): Promise<void> {
  const events = asRecordedDomainEvents(recorded);
  // Scores are the bulk of a cluster's events: one COPY per batch.
  const scores = eventsOfType(events, 'ClusterScoreRecorded');
  await copyRows(
    client,
    'scores',
    ['cluster_id', 'year', 'position', 'recorded_at', 'unit_id', 'criterion_code', 'kind', 'points'],
    scores.map((e) => {
      const d = e.data;
      return [d.clusterId, d.year, e.position, e.recordedAt, d.unitId, d.criterionCode, d.kind, d.points];
    }),
  );
  const formed = eventsOfType(events, 'ClusterFormed').map((e) => e.data);
  if (formed.length > 0) {
    await client.query(
      'INSERT INTO clusters (cluster_id, name, members) SELECT c.id, c.name, c.members::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS c(id, name, members)',
      [formed.map((d) => d.clusterId), formed.map((d) => d.name), formed.map((d) => JSON.stringify(d.members))],
    );
  }
  const criteria = eventsOfType(events, 'ClusterCriteriaSet');
  if (criteria.length > 0) {
    await client.query(
      `INSERT INTO criteria_sets (cluster_id, year, position, recorded_at, criteria)
       SELECT c.id, c.year, c.position, c.recorded_at, c.criteria::jsonb FROM unnest($1::text[], $2::int[], $3::bigint[], $4::timestamptz[], $5::text[]) AS c(id, year, position, recorded_at, criteria)`,
      [
        criteria.map((e) => e.data.clusterId),
        criteria.map((e) => e.data.year),
        criteria.map((e) => e.position),
        criteria.map((e) => e.recordedAt),
        criteria.map((e) => JSON.stringify(e.data.criteria)),
      ],
    );
  }
  const leadership = eventsOfType(events, 'ClusterLeadershipAssigned');
  if (leadership.length > 0) {
    await client.query(
      `INSERT INTO leadership (cluster_id, year, position, recorded_at, leader_unit_id, deputy_unit_id)
       SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::timestamptz[], $5::text[], $6::text[])`,
      [
        leadership.map((e) => e.data.clusterId),
        leadership.map((e) => e.data.year),
        leadership.map((e) => e.position),
        leadership.map((e) => e.recordedAt),
        leadership.map((e) => e.data.leaderUnitId),
        leadership.map((e) => e.data.deputyUnitId),
      ],
    );
  }
}
