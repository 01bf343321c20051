import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents } from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import { copyChunks, copyLines, copyText } from '../../src/projections/copyRows';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { periodLabel, type Period } from '../../src/shared/domain';
import { auditRefs } from './auditRefs';
import { fieldOf } from './eventFields';

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

const typeLabels = new Map<string, string>();

/**
 * `DossierSubmitted` → `Dossier Submitted` (a handful of types: computed once each). A pure
 * function of the type name, so every app in the process may share the table.
 */
function typeLabel(type: string): string {
  let label = typeLabels.get(type);
  if (label === undefined) {
    label = type.replace(/([a-z])([A-Z])/g, '$1 $2');
    if (typeLabels.size < 1_000) typeLabels.set(type, label);
  }
  return label;
}

/** A period as the events write one: a kind and a year. */
function isPeriod(value: unknown): value is Period {
  return typeof fieldOf(value, 'kind') === 'string' && typeof fieldOf(value, 'year') === 'number';
}

/** One line an inspector can read: what happened, to whom, under which decision. */
function summarize(event: Pick<RecordedEvent, 'type' | 'streamId' | 'streamVersion' | 'data'>): string {
  const d = redact(event);
  const parts: string[] = [typeLabel(event.type)];
  const name = d.name ?? d.fullName ?? d.title;
  if (typeof name === 'string') parts.push(`"${name}"`);
  const whoName = fieldOf(d.nominee ?? d.subject, 'name');
  if (whoName) parts.push(`for ${whoName}`);
  if (typeof d.award === 'string') parts.push(d.award);
  // An event with a period is labelled by it, never by a year.
  if (d.period && typeof d.period === 'object') {
    if (isPeriod(d.period)) parts.push(periodLabel(d.period));
  } else if (typeof d.year === 'number') parts.push(String(d.year));
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
    const awardId = e.data.awardId;
    if (typeof awardId === 'string') awardIds.add(awardId);
  }
  const complaints = new Map<string, { awardId: string | null; dossierId: string | null }>();
  const awards = new Map<string, string>();
  if (complaintIds.size > 0) {
    const { rows } = await client.query<{ complaint_id: string; award_id: string | null; dossier_id: string | null }>(
      'SELECT complaint_id, award_id, dossier_id FROM complaint_targets WHERE complaint_id = ANY($1)',
      [[...complaintIds]],
    );
    for (const r of rows) {
      complaints.set(r.complaint_id, { awardId: r.award_id, dossierId: r.dossier_id });
      if (r.award_id) awardIds.add(r.award_id); // a later event of a complaint about an award
    }
  }
  if (awardIds.size > 0) {
    const { rows } = await client.query<{ award_id: string; dossier_id: string }>(
      'SELECT award_id, dossier_id FROM award_dossiers WHERE award_id = ANY($1)',
      [[...awardIds]],
    );
    for (const r of rows) awards.set(r.award_id, r.dossier_id);
  }
  return { complaints, awards };
}

const COPY_CHUNK_EVENTS = 500;

function* entryChunks(events: RecordedEvent[]): Generator<string> {
  for (let start = 0; start < events.length; start += COPY_CHUNK_EVENTS) {
    let chunk = '';
    for (const e of events.slice(start, start + COPY_CHUNK_EVENTS)) {
      chunk +=
        `${e.position}\t${copyText(e.streamId)}\t${e.streamVersion}\t${copyText(e.type)}\t${e.recordedAt}\t${copyText(e.metadata.actorId)}\t` +
        `${copyText(summarize(e))}\t${copyText(JSON.stringify(redact(e)))}\t${copyText(e.metadata.prevHash)}\t${copyText(e.metadata.hash)}\n`;
    }
    yield chunk;
  }
}

const ENTRY_COLUMNS = [
  'position',
  'stream_id',
  'stream_version',
  'type',
  'recorded_at',
  'actor_id',
  'summary',
  'data',
  'prev_hash',
  'hash',
] as const;
const REF_COLUMNS = ['ref_kind', 'ref_id', 'position'] as const;

async function applyAuditEntries(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const { complaints, awards } = await loadLookups(events, client);
  const newComplaints: Array<[string, string | null, string | null]> = [];
  const newAwards: Array<[string, string]> = [];
  // Deduped per event, one position per event, and a position is applied once: unique rows.
  const refLines: string[] = [];
  const lookups = {
    complaintTargets: (id: string) => complaints.get(id),
    dossierOfAward: (id: string) => awards.get(id),
  };
  for (const event of asRecordedDomainEvents(events)) {
    if (event.type === 'ComplaintFiled') {
      const d = event.data;
      complaints.set(d.complaintId, { awardId: d.awardId, dossierId: d.dossierId });
      newComplaints.push([d.complaintId, d.awardId, d.dossierId]);
    }
    if (event.type === 'AwardGranted') {
      const d = event.data;
      awards.set(d.awardId, d.dossierId);
      newAwards.push([d.awardId, d.dossierId]);
    }
    for (const ref of auditRefs(event, lookups)) refLines.push(`${ref.kind}\t${copyText(ref.id)}\t${event.position}`);
  }
  // COPY rather than INSERT … unnest: every event lands here, and building and parsing
  // array literals of JSON would be most of the cost of a rebuild. The lines are built a
  // chunk at a time while the server stores the previous chunk (positions, versions and
  // ISO times need no escaping).
  await copyChunks(client, 'entries', ENTRY_COLUMNS, entryChunks(events));
  await copyLines(client, 'entry_refs', REF_COLUMNS, refLines);
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
  // 5: refs to the dossiers of proposal memos and their claims. 4: refs to clusters (a
  // cluster's stream and its year streams). 3: data as json, written by COPY; no refs to
  // council sessions (nothing filters by them); the filters' indexes are built once caught up.
  version: 5,
  eventTypes: null, // every event
  migrations: loadMigrations(join(projectRoot(), 'projections/auditTrail/migrations')),
  // Random-order inserts into these (by stream, by ref) cost more than the rows themselves
  // on a full log; built in one sort once the trail has caught up.
  deferredIndexes: [
    'CREATE INDEX IF NOT EXISTS entries_stream ON entries (stream_id, position)',
    'CREATE INDEX IF NOT EXISTS entries_actor ON entries (actor_id, position)',
    'CREATE INDEX IF NOT EXISTS entries_recorded_at ON entries (recorded_at)',
    'CREATE UNIQUE INDEX IF NOT EXISTS entry_refs_key ON entry_refs (ref_kind, ref_id, position)',
  ],
  apply: applyAuditEntries,
};
