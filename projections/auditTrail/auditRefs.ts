import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { fieldOf, itemsOf } from './eventFields';

export type RefKind = 'subject' | 'dossier' | 'award' | 'complaint' | 'decision' | 'cluster';
export interface AuditRef {
  kind: RefKind;
  id: string;
}

export interface RefLookups {
  complaintTargets(complaintId: string): { awardId: string | null; dossierId: string | null } | undefined;
  dossierOfAward(awardId: string): string | undefined;
}

type EventData = RecordedEvent['data'];

function subjectRef(value: unknown): AuditRef | null {
  const kind = fieldOf(value, 'kind');
  const id = fieldOf(value, 'id');
  return typeof kind === 'string' && typeof id === 'string' ? { kind: 'subject', id: `${kind}:${id}` } : null;
}

/** The refs of one event, in the order named; an event that names the same thing twice is listed once. */
class RefList {
  private readonly refs: AuditRef[] = [];

  add(kind: RefKind, id: unknown): void {
    if (typeof id === 'string' && id !== '') this.refs.push({ kind, id });
  }

  addSubject(value: unknown): void {
    const ref = subjectRef(value);
    if (ref) this.refs.push(ref);
  }

  distinct(): AuditRef[] {
    const seen = new Set<string>();
    return this.refs.filter((r) => {
      const key = `${r.kind}\u0000${r.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}

/** A complaint names its award and dossier, also on later events that repeat neither (from the lookups). */
function addComplaintRefs(refs: RefList, complaintId: string, d: EventData, lookups: RefLookups): void {
  refs.add('complaint', complaintId);
  const targets = lookups.complaintTargets(complaintId);
  const awardId = d.awardId ?? targets?.awardId ?? null;
  refs.add('award', awardId);
  const dossierOfAward = () =>
    typeof awardId === 'string' && awardId !== '' ? lookups.dossierOfAward(awardId) : undefined;
  refs.add('dossier', d.dossierId ?? targets?.dossierId ?? dossierOfAward());
  refs.add('award', d.revokedAwardId);
}

/** A council session's events name the dossiers on its agenda and their nominees, and the dossiers it tallied. */
function addSessionRefs(refs: RefList, d: EventData): void {
  // No session ref: no filter asks for one (a session's own events are its stream).
  for (const item of itemsOf(d.agenda)) {
    refs.add('dossier', fieldOf(item, 'dossierId'));
    refs.addSubject(fieldOf(item, 'nominee'));
  }
  for (const item of itemsOf(d.tallies)) refs.add('dossier', fieldOf(item, 'dossierId'));
}

/** What an event names by the stream it belongs to. */
function addStreamRefs(refs: RefList, streamId: string, d: EventData, lookups: RefLookups): void {
  const [category] = streamId.split('-', 1);
  const ownId = streamId.slice(category.length + 1);
  switch (category) {
    case 'dossier':
      refs.add('dossier', ownId);
      refs.add('award', d.awardId);
      break;
    case 'award':
      refs.add('award', ownId);
      refs.add('dossier', d.dossierId);
      break;
    case 'complaint':
      addComplaintRefs(refs, ownId, d, lookups);
      break;
    case 'council_session':
      addSessionRefs(refs, d);
      break;
    case 'ballot':
    case 'memo_claim':
      refs.add('dossier', d.dossierId);
      break;
    case 'proposal':
      // A dossier's trail shows the memos (tờ trình) that proposed it, and one sent back.
      for (const dossierId of itemsOf(d.dossierIds)) refs.add('dossier', dossierId);
      break;
    case 'person':
      refs.add('subject', `INDIVIDUAL:${ownId}`);
      break;
    case 'household':
      refs.add('subject', `HOUSEHOLD:${ownId}`);
      break;
    case 'cluster':
      refs.add('cluster', ownId);
      break;
    case 'cluster_year':
      // A cluster's history includes its years; a unit's, how its cluster scored and ranked it.
      refs.add('cluster', d.clusterId);
      refs.add('subject', typeof d.unitId === 'string' ? `COLLECTIVE:${d.unitId}` : undefined);
      for (const row of itemsOf(d.rows)) refs.add('subject', `COLLECTIVE:${fieldOf(row, 'unitId')}`);
      break;
    case 'unit':
      refs.add('subject', `COLLECTIVE:${ownId}`);
      break;
    default:
      break;
  }
}

/** What an event names in any stream: its subject or nominee, authors, the units and people it moves, its decision. */
function addNamedRefs(refs: RefList, type: string, d: EventData): void {
  refs.addSubject(d.subject);
  refs.addSubject(d.nominee);
  for (const author of itemsOf(d.authors)) {
    const personId = fieldOf(author, 'personId');
    refs.add('subject', personId ? `INDIVIDUAL:${personId}` : undefined);
  }
  if (type === 'UnitMerged') refs.add('subject', `COLLECTIVE:${d.intoUnitId}`);
  if (type === 'PersonTransferred') refs.add('subject', `INDIVIDUAL:${d.personId}`);
  refs.add('decision', d.decisionNumber);
}

/**
 * What an event names, so that an inspector's filter finds it. An event is in a
 * dossier's trail when it names the dossier: its own stream, the sessions' agenda and
 * ballots on it, the award granted from it, the revocation, complaints about it or its award.
 */
export function auditRefs(event: Pick<RecordedEvent, 'type' | 'streamId' | 'data'>, lookups: RefLookups): AuditRef[] {
  const refs = new RefList();
  addStreamRefs(refs, event.streamId, event.data, lookups);
  addNamedRefs(refs, event.type, event.data);
  return refs.distinct();
}
