import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { periodLabel, type Period } from '../../src/shared/domain';
import { auditRefs, type AuditRef } from './auditRefs';

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

type Data = Record<string, any>;

/** One line an inspector can read: what happened, to whom, under which decision. */
export function summarize(event: Pick<RecordedEvent, 'type' | 'streamId' | 'streamVersion' | 'data'>): string {
  const d = redact(event) as Data;
  const parts: string[] = [event.type.replace(/([a-z])([A-Z])/g, '$1 $2')];
  const name = d.name ?? d.fullName ?? d.title;
  if (typeof name === 'string') parts.push(`"${name}"`);
  const who = (d.nominee ?? d.subject) as { name?: string } | undefined;
  if (who?.name) parts.push(`for ${who.name}`);
  if (typeof d.award === 'string') parts.push(d.award);
  if (d.period && typeof d.period === 'object') parts.push(periodLabel(d.period as Period));
  else if (typeof d.year === 'number') parts.push(String(d.year));
  if (typeof d.rating === 'string') parts.push(`rated ${d.rating}`);
  if (typeof d.eligible === 'boolean') parts.push(d.eligible ? 'eligible' : 'ineligible');
  if (typeof d.approved === 'boolean') parts.push(d.approved ? 'approved' : 'rejected');
  if (typeof d.outcome === 'string') parts.push(d.outcome);
  if (typeof d.decisionNumber === 'string') parts.push(`decision ${d.decisionNumber}`);
  if (typeof d.memberName === 'string') parts.push(`ballot of ${d.memberName}`);
  return `${parts.join(' · ')} (${event.streamId} #${event.streamVersion})`.slice(0, 500);
}

async function loadLookups(events: RecordedEvent[], client: PoolClient) {
  const complaintIds = new Set<string>();
  const awardIds = new Set<string>();
  for (const e of events) {
    if (e.streamId.startsWith('complaint-')) complaintIds.add(e.streamId.slice('complaint-'.length));
    const awardId = (e.data as Data).awardId;
    if (typeof awardId === 'string') awardIds.add(awardId);
  }
  const complaints = new Map<string, { awardId: string | null; dossierId: string | null }>();
  const awards = new Map<string, string>();
  if (complaintIds.size > 0) {
    const { rows } = await client.query('SELECT complaint_id, award_id, dossier_id FROM complaint_targets WHERE complaint_id = ANY($1)', [[...complaintIds]]);
    for (const r of rows) {
      complaints.set(r.complaint_id, { awardId: r.award_id, dossierId: r.dossier_id });
      if (r.award_id) awardIds.add(r.award_id); // a later event of a complaint about an award
    }
  }
  if (awardIds.size > 0) {
    const { rows } = await client.query('SELECT award_id, dossier_id FROM award_dossiers WHERE award_id = ANY($1)', [[...awardIds]]);
    for (const r of rows) awards.set(r.award_id, r.dossier_id);
  }
  return { complaints, awards };
}

export async function applyAuditEntries(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const { complaints, awards } = await loadLookups(events, client);
  const newComplaints: Array<[string, string | null, string | null]> = [];
  const newAwards: Array<[string, string]> = [];
  const refs: Array<AuditRef & { position: string }> = [];
  for (const event of events) {
    const d = event.data as Data;
    if (event.type === 'ComplaintFiled') {
      complaints.set(d.complaintId, { awardId: d.awardId, dossierId: d.dossierId });
      newComplaints.push([d.complaintId, d.awardId, d.dossierId]);
    }
    if (event.type === 'AwardGranted') {
      awards.set(d.awardId, d.dossierId);
      newAwards.push([d.awardId, d.dossierId]);
    }
    const lookups = { complaintTargets: (id: string) => complaints.get(id), dossierOfAward: (id: string) => awards.get(id) };
    for (const ref of auditRefs(event, lookups)) refs.push({ ...ref, position: event.position });
  }
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
  if (refs.length > 0) {
    await client.query(
      `INSERT INTO entry_refs (ref_kind, ref_id, position) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) ON CONFLICT DO NOTHING`,
      [refs.map((r) => r.kind), refs.map((r) => r.id), refs.map((r) => r.position)],
    );
  }
  if (newComplaints.length > 0) {
    await client.query(
      `INSERT INTO complaint_targets (complaint_id, award_id, dossier_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
      [newComplaints.map((c) => c[0]), newComplaints.map((c) => c[1]), newComplaints.map((c) => c[2])],
    );
  }
  if (newAwards.length > 0) {
    await client.query(
      `INSERT INTO award_dossiers (award_id, dossier_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [newAwards.map((a) => a[0]), newAwards.map((a) => a[1])],
    );
  }
}

export const auditTrailProjection: ProjectionDefinition = {
  name: 'audit_trail',
  version: 2,
  eventTypes: null, // every event
  migrations: loadMigrations(join(projectRoot(), 'projections/auditTrail/migrations')),
  apply: applyAuditEntries,
};
