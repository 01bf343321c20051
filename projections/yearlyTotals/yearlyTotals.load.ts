import type { PoolClient } from 'pg';
import type { RecordedDomainEvent } from '../../src/eventStore/recordedDomainEvent';
import { SubjectKind, type ComplaintKind, type ComplaintStatus } from '../../src/shared/domain';
import {
  emptyYearlyTotalsBatch,
  type AwardMethod,
  type AwardRow,
  type ComplaintRow,
  type DossierRow,
  type YearlyTotalsBatch,
} from './yearlyTotals.rows';

/** The tables whose earlier rows a batch may need. */
type Loaded = 'awards' | 'dossiers' | 'complaints' | 'sessions' | 'people';
type IdsByTable = Record<Loaded, Set<string>>;

const noIds = (): IdsByTable => ({
  awards: new Set(),
  dossiers: new Set(),
  complaints: new Set(),
  sessions: new Set(),
  people: new Set(),
});

/**
 * What the batch's events create, and what they refer to (a complaint's subject: the
 * person, else the award or dossier).
 */
function referencedIds(events: RecordedDomainEvent[]): { created: IdsByTable; wanted: IdsByTable } {
  const created = noIds();
  const wanted = noIds();
  for (const event of events) {
    switch (event.type) {
      case 'PersonRegistered':
        created.people.add(event.data.personId);
        break;
      case 'CouncilSessionConvened':
        created.sessions.add(event.data.sessionId);
        break;
      case 'AwardGranted':
        created.awards.add(event.data.awardId);
        break;
      case 'AwardRevoked':
        wanted.awards.add(event.data.awardId);
        break;
      case 'DossierSubmitted':
        created.dossiers.add(event.data.dossierId);
        break;
      case 'DossierReturned':
      case 'DossierWithdrawn':
      case 'DossierAppraised':
      case 'DossierGranted':
        wanted.dossiers.add(event.data.dossierId);
        break;
      case 'DossierResolved':
        wanted.dossiers.add(event.data.dossierId);
        wanted.sessions.add(event.data.sessionId);
        break;
      case 'ComplaintFiled': {
        const d = event.data;
        created.complaints.add(d.complaintId);
        if (d.subject?.kind === SubjectKind.INDIVIDUAL) wanted.people.add(d.subject.id);
        else if (d.subject === null && d.awardId) wanted.awards.add(d.awardId);
        else if (d.subject === null && d.dossierId) wanted.dossiers.add(d.dossierId);
        break;
      }
      case 'ComplaintAccepted':
      case 'ComplaintDismissed':
      case 'ComplaintResolved':
      case 'DenunciationExtended':
      case 'ComplaintMarkedComplex':
        wanted.complaints.add(event.data.complaintId);
        break;
      default:
        break;
    }
  }
  return { created, wanted };
}

async function loadAwards(client: PoolClient, batch: YearlyTotalsBatch, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const { rows } = await client.query<{
    award_id: string;
    period_kind: string;
    period_year: number;
    unit_id: string;
    award: string;
    individual: boolean;
    direct_worker: boolean;
    female: boolean;
    revoked: boolean;
    reward_vnd: string | null;
    method: AwardMethod;
    issued_by_level: string | null;
  }>(
    `SELECT award_id, period_kind, period_year, unit_id, award, individual, direct_worker, female, revoked, reward_vnd,
            method, issued_by_level
     FROM awards WHERE award_id = ANY($1::text[])`,
    [ids],
  );
  for (const r of rows) {
    const row: AwardRow = {
      awardId: r.award_id,
      periodKind: r.period_kind,
      periodYear: r.period_year,
      unitId: r.unit_id,
      award: r.award,
      individual: r.individual,
      directWorker: r.direct_worker,
      female: r.female,
      revoked: r.revoked,
      // bigint arrives as text; amounts stay far below 2^53.
      rewardVnd: r.reward_vnd === null ? null : Number(r.reward_vnd),
      method: r.method,
      issuedByLevel: r.issued_by_level,
    };
    batch.awards.set(row.awardId, { before: { ...row }, row });
  }
}

async function loadDossiers(client: PoolClient, batch: YearlyTotalsBatch, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const { rows } = await client.query<{
    dossier_id: string;
    period_kind: string;
    period_year: number;
    unit_id: string;
    submitted_on: string;
    returned: boolean;
    eligible: boolean | null;
    approved: boolean | null;
    decision_days: number | null;
    granted: boolean;
    withdrawn: boolean;
  }>(
    `SELECT dossier_id, period_kind, period_year, unit_id, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on, returned, eligible, approved,
            decision_days, granted, withdrawn
     FROM dossiers WHERE dossier_id = ANY($1::text[])`,
    [ids],
  );
  for (const r of rows) {
    const row: DossierRow = {
      dossierId: r.dossier_id,
      periodKind: r.period_kind,
      periodYear: r.period_year,
      unitId: r.unit_id,
      submittedOn: r.submitted_on,
      returned: r.returned,
      eligible: r.eligible,
      approved: r.approved,
      decisionDays: r.decision_days,
      granted: r.granted,
      withdrawn: r.withdrawn,
    };
    batch.dossiers.set(row.dossierId, { before: { ...row }, row });
  }
}

async function loadComplaints(client: PoolClient, batch: YearlyTotalsBatch, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const { rows } = await client.query<{
    complaint_id: string;
    unit_id: string | null;
    kind: ComplaintKind;
    received_on: string;
    acceptance_due_on: string;
    accepted_on: string | null;
    due_on: string | null;
    closed_on: string | null;
    status: ComplaintStatus;
    upheld: boolean;
  }>(
    `SELECT complaint_id, unit_id, kind, to_char(received_on, 'YYYY-MM-DD') AS received_on,
            to_char(acceptance_due_on, 'YYYY-MM-DD') AS acceptance_due_on, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on,
            to_char(due_on, 'YYYY-MM-DD') AS due_on, to_char(closed_on, 'YYYY-MM-DD') AS closed_on, status, upheld
     FROM complaints WHERE complaint_id = ANY($1::text[])`,
    [ids],
  );
  for (const r of rows) {
    const row: ComplaintRow = {
      complaintId: r.complaint_id,
      unitId: r.unit_id,
      kind: r.kind,
      receivedOn: r.received_on,
      acceptanceDueOn: r.acceptance_due_on,
      acceptedOn: r.accepted_on,
      dueOn: r.due_on,
      closedOn: r.closed_on,
      status: r.status,
      upheld: r.upheld,
    };
    batch.complaints.set(row.complaintId, { before: { ...row }, row });
  }
}

async function loadSessions(client: PoolClient, batch: YearlyTotalsBatch, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const { rows } = await client.query<{ session_id: string; held_on: string }>(
    `SELECT session_id, to_char(held_on, 'YYYY-MM-DD') AS held_on FROM sessions WHERE session_id = ANY($1::text[])`,
    [ids],
  );
  for (const r of rows) batch.sessions.set(r.session_id, r.held_on);
}

async function loadPeople(client: PoolClient, batch: YearlyTotalsBatch, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const { rows } = await client.query<{ person_id: string; unit_id: string }>(
    `SELECT person_id, unit_id FROM people WHERE person_id = ANY($1::text[])`,
    [ids],
  );
  for (const r of rows) batch.people.set(r.person_id, r.unit_id);
}

/** Loads, with one query per table, the earlier state of everything the batch refers to. */
export async function loadYearlyTotalsBatch(
  client: PoolClient,
  events: RecordedDomainEvent[],
): Promise<YearlyTotalsBatch> {
  const batch = emptyYearlyTotalsBatch();
  const { created, wanted } = referencedIds(events);
  const earlier = (table: Loaded) => [...wanted[table]].filter((id) => !created[table].has(id));
  await loadAwards(client, batch, earlier('awards'));
  await loadDossiers(client, batch, earlier('dossiers'));
  await loadComplaints(client, batch, earlier('complaints'));
  await loadSessions(client, batch, earlier('sessions'));
  await loadPeople(client, batch, earlier('people'));
  return batch;
}
