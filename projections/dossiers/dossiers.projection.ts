import { join } from 'node:path';
import type { PoolClient } from 'pg';
import { DOSSIER_EVENT_TYPES } from '../../src/dossiers/dossier.events';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents, type RecordedDomainEvent } from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import { copyRows } from '../../src/projections/copyRows';
import type { ProjectionDefinition } from '../../src/projections/projection';
import type { IsoDate } from '../../src/shared/domain';
import { dossierDueDate, type DossierDueDateRule } from '../../src/dossiers/dossierDueDate';
import { DOSSIER_COLUMNS, carriedBy, foldDossierEvent, type DossierRecord } from './dossierRecord';
import { showRemainingMemos, writeMemos, writeProposals } from './dossierMemos';

export const DOSSIERS_PROJECTION = 'dossiers';

const RECORD_SHAPE = DOSSIER_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');

const COLUMN_NAMES = DOSSIER_COLUMNS.map(([name]) => name);
const JSON_COLUMNS = new Set(DOSSIER_COLUMNS.filter(([, type]) => type === 'jsonb').map(([name]) => name));

/** A row as COPY takes it: jsonb columns as JSON text. */
function copyRow(record: DossierRecord): unknown[] {
  return COLUMN_NAMES.map((name) =>
    JSON_COLUMNS.has(name) && record[name] !== null ? JSON.stringify(record[name]) : record[name],
  );
}

/** Dossiers submitted before the batch: one update (the rows travel as one jsonb parameter). */
const UPDATE_DOSSIERS = `UPDATE dossiers d SET ${DOSSIER_COLUMNS.filter(([name]) => name !== 'dossier_id')
  .map(([name]) => `${name} = r.${name}`)
  .join(', ')}
  FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_SHAPE}) WHERE d.dossier_id = r.dossier_id`;

interface SessionRow {
  session_id: string;
  council_unit_id: string;
  held_on: IsoDate;
}

/** What a batch refers to: the sessions it convenes, the dossiers its events touch, the sessions its votes name. */
function referencesOf(events: RecordedDomainEvent[]): {
  unitRows: UnitRow[];
  sessionRows: SessionRow[];
  touchedIds: Set<string>;
  sessionsNamed: Set<string>;
} {
  const unitRows: UnitRow[] = [];
  const sessionRows: SessionRow[] = [];
  const touchedIds = new Set<string>();
  const sessionsNamed = new Set<string>();
  for (const event of events) {
    switch (event.type) {
      case 'UnitRegistered':
        unitRows.push({ unit_id: event.data.unitId, parent_unit_id: event.data.parentUnitId });
        break;
      case 'CouncilSessionConvened': {
        const d = event.data;
        sessionRows.push({ session_id: d.sessionId, council_unit_id: d.councilUnitId, held_on: d.heldOn });
        break;
      }
      case 'DossierResolved':
        touchedIds.add(event.data.dossierId);
        sessionsNamed.add(event.data.sessionId);
        break;
      case 'DossierSubmitted':
      case 'DossierReturned':
      case 'DossierResubmitted':
      case 'DossierReceived':
      case 'DossierAssigned':
      case 'DossierWithdrawn':
      case 'DossierAppraised':
      case 'DossierGranted':
      case 'DocumentAttached':
      case 'DossierForwarded':
        touchedIds.add(event.data.dossierId);
        break;
      case 'ProposalSubmitted':
        for (const dossierId of event.data.dossierIds) touchedIds.add(dossierId);
        break;
      default:
        break;
    }
  }
  return { unitRows, sessionRows, touchedIds, sessionsNamed };
}

interface UnitRow {
  unit_id: string;
  parent_unit_id: string | null;
}

/** The unit tree the queue's proposing-unit filter walks (a unit's parent never changes). */
async function insertUnits(client: PoolClient, unitRows: UnitRow[]): Promise<void> {
  if (unitRows.length === 0) return;
  await client.query(
    `INSERT INTO units (unit_id, parent_unit_id)
     SELECT unit_id, parent_unit_id FROM jsonb_to_recordset($1::jsonb) AS r(unit_id text, parent_unit_id text)
     ON CONFLICT (unit_id) DO NOTHING`,
    [JSON.stringify(unitRows)],
  );
}

async function upsertSessions(client: PoolClient, sessionRows: SessionRow[]): Promise<void> {
  if (sessionRows.length === 0) return;
  await client.query(
    `INSERT INTO council_sessions (session_id, council_unit_id, held_on)
     SELECT session_id, council_unit_id, held_on FROM jsonb_to_recordset($1::jsonb) AS r(session_id text, council_unit_id text, held_on date)
     ON CONFLICT (session_id) DO UPDATE SET council_unit_id = EXCLUDED.council_unit_id, held_on = EXCLUDED.held_on`,
    [JSON.stringify(sessionRows)],
  );
}

/** The documents the batch attaches, in one statement (a replayed attachment is kept once). */
async function insertDocuments(client: PoolClient, events: RecordedDomainEvent[]): Promise<void> {
  const rows = events.flatMap((event) =>
    event.type === 'DocumentAttached'
      ? [
          {
            dossier_id: event.data.dossierId,
            sha256: event.data.sha256,
            kind: event.data.kind,
            file_name: event.data.fileName,
            size: event.data.size,
            content_type: event.data.contentType,
            attached_by: event.data.attachedBy,
            attached_at: event.data.attachedAt,
            version: event.streamVersion,
          },
        ]
      : [],
  );
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO dossier_documents (dossier_id, sha256, kind, file_name, size, content_type, attached_by, attached_at, version)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(dossier_id text, sha256 text, kind text, file_name text, size bigint,
       content_type text, attached_by text, attached_at timestamptz, version integer)
     ON CONFLICT (dossier_id, sha256) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/** The rows of the dossiers the batch touches. */
async function loadDossiers(client: PoolClient, ids: Set<string>): Promise<Map<string, DossierRecord>> {
  const records = new Map<string, DossierRecord>();
  // Submissions too: a dossier submitted twice must fail the fold, not overwrite the row.
  const { rows } = await client.query<{ record: DossierRecord }>(
    `SELECT to_jsonb(d) || jsonb_build_object('updated_position', d.updated_position::text) AS record
     FROM dossiers d WHERE d.dossier_id = ANY($1::text[])`,
    [[...ids]],
  );
  for (const { record } of rows) records.set(record.dossier_id, record);
  return records;
}

/** Adds to `heldOn` the dates of the sessions convened before the batch that its votes name. */
async function loadSessionDates(client: PoolClient, named: Set<string>, heldOn: Map<string, IsoDate>): Promise<void> {
  const sessionsToLoad = [...named].filter((id) => !heldOn.has(id));
  if (sessionsToLoad.length === 0) return;
  const { rows } = await client.query<{ session_id: string; held_on: IsoDate }>(
    `SELECT session_id, to_char(held_on, 'YYYY-MM-DD') AS held_on FROM council_sessions WHERE session_id = ANY($1::text[])`,
    [sessionsToLoad],
  );
  for (const row of rows) heldOn.set(row.session_id, row.held_on);
}

/** One COPY of the dossiers submitted in the batch and one update of the others. */
async function writeDossiers(
  client: PoolClient,
  records: Map<string, DossierRecord>,
  existedBefore: Set<string>,
): Promise<void> {
  const created = [...records.values()].filter((r) => !existedBefore.has(r.dossier_id));
  const changed = [...records.values()].filter((r) => existedBefore.has(r.dossier_id));
  // Dossiers submitted in the batch: a plain COPY.
  await copyRows(client, 'dossiers', COLUMN_NAMES, created.map(copyRow));
  if (changed.length > 0) await client.query(UPDATE_DOSSIERS, [JSON.stringify(changed)]);
}

/** Events of the batch that change no dossier row as it is folded: their tables are written apart. */
const NOT_FOLDED = new Set(['CouncilSessionConvened', 'UnitRegistered', 'ProposalDrafted', 'ProposalSentBack']);

/**
 * Folds the batch's events into the rows of the dossiers they touch, in log order: one
 * read of those rows and of the sessions its votes name, then one COPY of the new rows
 * and one update of the others.
 */
async function foldDossiers(
  client: PoolClient,
  events: RecordedDomainEvent[],
  { sessionRows, touchedIds, sessionsNamed }: ReturnType<typeof referencesOf>,
  dueDate: DossierDueDateRule,
): Promise<void> {
  const records = await loadDossiers(client, touchedIds);
  const existedBefore = new Set(records.keys());
  const heldOn = new Map(sessionRows.map((row) => [row.session_id, row.held_on]));
  await loadSessionDates(client, sessionsNamed, heldOn);

  const sessionDate = (sessionId: string) => heldOn.get(sessionId) ?? null;
  for (const event of events) {
    if (NOT_FOLDED.has(event.type)) continue;
    if (event.type === 'ProposalSubmitted') {
      // The proposal's handler found every dossier it lists: each has its row.
      for (const dossierId of event.data.dossierIds) {
        const record = records.get(dossierId);
        if (record !== undefined) records.set(dossierId, carriedBy(record, event));
      }
      continue;
    }
    // Any other event is a dossier's: the runner reads only these types, and the fold refuses the rest.
    const dossierId = String(event.data.dossierId);
    records.set(dossierId, foldDossierEvent(records.get(dossierId) ?? null, event, sessionDate, dueDate));
  }
  await writeDossiers(client, records, existedBefore);
}

/**
 * Applies a batch with a fixed number of statements however many events it holds:
 * the units it registers, the sessions it convenes, its memos, then the dossier rows it
 * touches (`foldDossiers`). Memos add a statement per run of submitted or sent back ones,
 * and one for the dossiers of those sent back, once their rows are written.
 */
async function applyDossiers(
  recorded: RecordedEvent[],
  client: PoolClient,
  dueDate: DossierDueDateRule,
): Promise<void> {
  const events = asRecordedDomainEvents(recorded);
  const references = referencesOf(events);
  await insertUnits(client, references.unitRows);
  await upsertSessions(client, references.sessionRows);
  await insertDocuments(client, events);
  await writeProposals(client, events);
  await writeMemos(client, events);
  if (references.touchedIds.size > 0) await foldDossiers(client, events, references, dueDate);
  await showRemainingMemos(client, events);
}

/**
 * Dossiers with their status, reception, handling officer, appraisal, tally, award, route
 * and proposal memos:
 * the read model of the `dossier` and `dossiers` queries. `dueDate` dates a received
 * dossier's appraisal (the app's is `dossierDueDate`).
 */
export function dossiersProjectionWith(dueDate: DossierDueDateRule): ProjectionDefinition {
  return {
    name: DOSSIERS_PROJECTION,
    version: 6,
    eventTypes: [
      ...DOSSIER_EVENT_TYPES,
      'CouncilSessionConvened',
      'UnitRegistered',
      'ProposalDrafted',
      'ProposalSubmitted',
      'ProposalSentBack',
    ],
    migrations: loadMigrations(join(projectRoot(), 'projections/dossiers/migrations')),
    apply: (events, client) => applyDossiers(events, client, dueDate),
  };
}

export const dossiersProjection: ProjectionDefinition = dossiersProjectionWith(dossierDueDate);
