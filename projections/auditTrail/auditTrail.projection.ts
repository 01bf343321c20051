import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';

/** Fields that would reveal how a council member voted: tallies are public, choices are not. */
const SECRET_FIELDS: Record<string, readonly string[]> = {
  BallotCast: ['choice'],
};

export function redact(event: Pick<RecordedEvent, 'type' | 'data'>): Record<string, unknown> {
  const secret = SECRET_FIELDS[event.type];
  if (!secret) return event.data;
  const copy = { ...event.data };
  for (const field of secret) if (field in copy) copy[field] = 'REDACTED';
  return copy;
}

export function summarize(event: Pick<RecordedEvent, 'type' | 'streamId' | 'streamVersion'>): string {
  const words = event.type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words} (${event.streamId} #${event.streamVersion})`;
}

export async function applyAuditEntries(events: RecordedEvent[], client: PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO entries (position, stream_id, stream_version, type, recorded_at, actor_id, summary, data, prev_hash, hash)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[])`,
    [
      events.map((e) => e.position),
      events.map((e) => e.streamId),
      events.map((e) => e.streamVersion),
      events.map((e) => e.type),
      events.map((e) => e.recordedAt),
      events.map((e) => e.metadata.actorId ?? null),
      events.map((e) => summarize(e)),
      events.map((e) => JSON.stringify(redact(e))),
      events.map((e) => e.metadata.prevHash),
      events.map((e) => e.metadata.hash),
    ],
  );
}

export const auditTrailProjection: ProjectionDefinition = {
  name: 'audit_trail',
  version: 1,
  eventTypes: null, // every event
  migrations: loadMigrations(join(projectRoot(), 'projections/auditTrail/migrations')),
  apply: applyAuditEntries,
};
