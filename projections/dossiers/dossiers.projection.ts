import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { CouncilSessionConvened } from '../../src/councilSessions/councilSession.events';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import { copyRows } from '../../src/projections/copyRows';
import type { ProjectionDefinition } from '../../src/projections/projection';
import type { IsoDate } from '../../src/shared/domain';
import { DOSSIER_COLUMNS, FOLDED_DOSSIER_EVENTS, foldDossierEvent, type DossierRecord } from './dossierRecord';

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

/**
 * Applies a batch with a fixed number of statements however many events it holds:
 * the sessions it convenes, one read of the rows it touches and of the sessions its
 * votes name, then one COPY of the new rows and one update of the others. Events
 * are folded in memory in log order.
 */
export async function applyDossiers(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const heldOn = new Map<string, IsoDate>();
  const sessionRows: Array<{ session_id: string; council_unit_id: string; held_on: IsoDate }> = [];
  const touchedIds = new Set<string>();
  const sessionsNamed = new Set<string>();
  for (const event of events) {
    if (event.type === 'CouncilSessionConvened') {
      const d = event.data as CouncilSessionConvened['data'];
      heldOn.set(d.sessionId, d.heldOn);
      sessionRows.push({ session_id: d.sessionId, council_unit_id: d.councilUnitId, held_on: d.heldOn });
    } else if ((FOLDED_DOSSIER_EVENTS as readonly string[]).includes(event.type)) {
      const dossierId = String(event.data.dossierId);
      touchedIds.add(dossierId);
      if (event.type === 'DossierResolved') sessionsNamed.add(String(event.data.sessionId));
    }
  }

  if (sessionRows.length > 0) {
    await client.query(
      `INSERT INTO council_sessions (session_id, council_unit_id, held_on)
       SELECT session_id, council_unit_id, held_on FROM jsonb_to_recordset($1::jsonb) AS r(session_id text, council_unit_id text, held_on date)
       ON CONFLICT (session_id) DO UPDATE SET council_unit_id = EXCLUDED.council_unit_id, held_on = EXCLUDED.held_on`,
      [JSON.stringify(sessionRows)],
    );
  }
  if (touchedIds.size === 0) return;

  const records = new Map<string, DossierRecord>();
  // Submissions too: a dossier submitted twice must fail the fold, not overwrite the row.
  const { rows } = await client.query<{ record: DossierRecord }>(
    `SELECT to_jsonb(d) || jsonb_build_object('updated_position', d.updated_position::text) AS record
     FROM dossiers d WHERE d.dossier_id = ANY($1::text[])`,
    [[...touchedIds]],
  );
  for (const { record } of rows) records.set(record.dossier_id, record);
  const existedBefore = new Set(records.keys());
  const sessionsToLoad = [...sessionsNamed].filter((id) => !heldOn.has(id));
  if (sessionsToLoad.length > 0) {
    const { rows } = await client.query<{ session_id: string; held_on: IsoDate }>(
      `SELECT session_id, to_char(held_on, 'YYYY-MM-DD') AS held_on FROM council_sessions WHERE session_id = ANY($1::text[])`,
      [sessionsToLoad],
    );
    for (const row of rows) heldOn.set(row.session_id, row.held_on);
  }

  const sessionDate = (sessionId: string) => heldOn.get(sessionId) ?? null;
  for (const event of events) {
    if (event.type === 'CouncilSessionConvened') continue;
    const dossierId = String(event.data.dossierId);
    records.set(dossierId, foldDossierEvent(records.get(dossierId) ?? null, event, sessionDate));
  }
  const created = [...records.values()].filter((r) => !existedBefore.has(r.dossier_id));
  const changed = [...records.values()].filter((r) => existedBefore.has(r.dossier_id));
  // Dossiers submitted in the batch: a plain COPY.
  await copyRows(client, 'dossiers', COLUMN_NAMES, created.map(copyRow));
  if (changed.length > 0) await client.query(UPDATE_DOSSIERS, [JSON.stringify(changed)]);
}

/** Dossiers with their status, appraisal, tally and award: the `dossier` query's read model. */
export const dossiersProjection: ProjectionDefinition = {
  name: DOSSIERS_PROJECTION,
  version: 1,
  eventTypes: [...FOLDED_DOSSIER_EVENTS, 'CouncilSessionConvened'],
  migrations: loadMigrations(join(projectRoot(), 'projections/dossiers/migrations')),
  apply: applyDossiers,
};
