import type { RecordedEvent } from '../../src/eventStore/eventStore.port';

export type RefKind = 'subject' | 'dossier' | 'award' | 'complaint' | 'decision';
export interface AuditRef {
  kind: RefKind;
  id: string;
}

export interface RefLookups {
  complaintTargets(complaintId: string): { awardId: string | null; dossierId: string | null } | undefined;
  dossierOfAward(awardId: string): string | undefined;
}

type Data = Record<string, any>;

function subjectRef(value: unknown): AuditRef | null {
  const subject = value as { kind?: string; id?: string } | null;
  return subject && typeof subject.kind === 'string' && typeof subject.id === 'string'
    ? { kind: 'subject', id: `${subject.kind}:${subject.id}` }
    : null;
}

/**
 * What an event names, so that an inspector's filter finds it. An event is in a
 * dossier's trail when it names the dossier: its own stream, the sessions' agenda and
 * ballots on it, the award granted from it, the revocation, complaints about it or its award.
 */
export function auditRefs(event: Pick<RecordedEvent, 'type' | 'streamId' | 'data'>, lookups: RefLookups): AuditRef[] {
  const refs: AuditRef[] = [];
  const add = (kind: RefKind, id: unknown) => {
    if (typeof id === 'string' && id !== '') refs.push({ kind, id });
  };
  const d = event.data as Data;
  const [category] = event.streamId.split('-', 1);
  const ownId = event.streamId.slice(category.length + 1);
  switch (category) {
    case 'dossier':
      add('dossier', ownId);
      add('award', d.awardId);
      break;
    case 'award':
      add('award', ownId);
      add('dossier', d.dossierId);
      break;
    case 'complaint': {
      add('complaint', ownId);
      const targets = lookups.complaintTargets(ownId);
      const awardId = d.awardId ?? targets?.awardId ?? null;
      add('award', awardId);
      add('dossier', d.dossierId ?? targets?.dossierId ?? (awardId ? lookups.dossierOfAward(awardId) : undefined));
      add('award', d.revokedAwardId);
      break;
    }
    case 'council_session':
      // No session ref: no filter asks for one (a session's own events are its stream).
      add('dossier', d.dossierId);
      for (const item of (d.agenda ?? []) as Data[]) {
        add('dossier', item.dossierId);
        const nominee = subjectRef(item.nominee);
        if (nominee) refs.push(nominee);
      }
      for (const item of (d.tallies ?? []) as Data[]) add('dossier', item.dossierId);
      break;
    case 'person':
      add('subject', `INDIVIDUAL:${ownId}`);
      break;
    case 'cluster':
      // A unit's history includes how its cluster scored and ranked it.
      add('subject', typeof d.unitId === 'string' ? `COLLECTIVE:${d.unitId}` : undefined);
      for (const row of (d.rows ?? []) as Data[]) add('subject', `COLLECTIVE:${row.unitId}`);
      break;
    case 'unit':
      add('subject', `COLLECTIVE:${ownId}`);
      break;
    default:
      break;
  }
  for (const key of ['subject', 'nominee']) {
    const ref = subjectRef(d[key]);
    if (ref) refs.push(ref);
  }
  for (const author of (Array.isArray(d.authors) ? d.authors : []) as Data[])
    add('subject', author.personId ? `INDIVIDUAL:${author.personId}` : undefined);
  if (event.type === 'UnitMerged') add('subject', `COLLECTIVE:${d.intoUnitId}`);
  if (event.type === 'PersonTransferred') add('subject', `INDIVIDUAL:${d.personId}`);
  add('decision', d.decisionNumber);
  // Dedupe: an event that names the same thing twice is listed once.
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.kind}\u0000${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
