import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents, eventsOfType, type RecordedOfType } from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import { copyRows } from '../../src/projections/copyRows';
import type { ProjectionDefinition } from '../../src/projections/projection';

export const COUNCIL_SESSIONS_PROJECTION = 'council_sessions';

type ConveneEvent = RecordedOfType<'CouncilSessionConvened'>;
type CloseEvent = RecordedOfType<'CouncilSessionClosed'>;
type BallotEvent = RecordedOfType<'BallotCast'>;

async function insertUnits(client: PoolClient, units: Array<RecordedOfType<'UnitRegistered'>>): Promise<void> {
  await copyRows(
    client,
    'units',
    ['unit_id', 'level'],
    units.map((e) => [e.data.unitId, e.data.level]),
  );
}

/** The sessions convened in the batch, with their members and agendas. */
async function insertSessions(client: PoolClient, convened: ConveneEvent[]): Promise<void> {
  await copyRows(
    client,
    'sessions',
    ['session_id', 'council_unit_id', 'held_on', 'status', 'member_count', 'convened_at'],
    convened.map((e) => [
      e.data.sessionId,
      e.data.councilUnitId,
      e.data.heldOn,
      'OPEN',
      e.data.members.length,
      e.data.convenedAt,
    ]),
  );
  await copyRows(
    client,
    'session_members',
    ['session_id', 'person_id', 'name', 'unit_id', 'seat'],
    convened.flatMap((e) => e.data.members.map((m, i) => [e.data.sessionId, m.personId, m.name, m.unitId, i + 1])),
  );
  await copyRows(
    client,
    'agenda_items',
    [
      'session_id',
      'dossier_id',
      'item_no',
      'award',
      'nominee_kind',
      'nominee_id',
      'nominee_name',
      'nominee_unit_id',
      'threshold_share',
      'threshold_inclusive',
    ],
    convened.flatMap((e) =>
      e.data.agenda.map((a, i) => [
        e.data.sessionId,
        a.dossierId,
        i + 1,
        a.award,
        a.nominee.kind,
        a.nominee.id,
        a.nominee.name,
        a.nomineeUnitId,
        a.thresholdShare,
        a.thresholdInclusive,
      ]),
    ),
  );
}

/** Ballots of the batch counted per session and member, added to what earlier batches counted. */
async function addAttendance(client: PoolClient, ballots: BallotEvent[]): Promise<void> {
  if (ballots.length === 0) return;
  await client.query(
    `INSERT INTO attendance (session_id, member_id, ballots, written_ballots)
     SELECT session_id, member_id, count(*)::int, count(*) FILTER (WHERE written)::int
     FROM unnest($1::text[], $2::text[], $3::boolean[]) AS b(session_id, member_id, written)
     GROUP BY session_id, member_id
     ON CONFLICT (session_id, member_id) DO UPDATE
       SET ballots = attendance.ballots + EXCLUDED.ballots,
           written_ballots = attendance.written_ballots + EXCLUDED.written_ballots`,
    [
      ballots.map((e) => e.data.sessionId),
      ballots.map((e) => e.data.memberId),
      ballots.map((e) => e.data.writtenBallot),
    ],
  );
}

/** The closes of the batch: the session's status and quorum count, and each agenda dossier's tally. */
async function recordCloses(client: PoolClient, closes: CloseEvent[]): Promise<void> {
  if (closes.length === 0) return;
  await client.query(
    `UPDATE sessions s SET status = 'CLOSED', closed_at = c.closed_at, members_voted = c.members_voted
     FROM jsonb_to_recordset($1::jsonb) AS c(session_id text, closed_at timestamptz, members_voted integer)
     WHERE s.session_id = c.session_id`,
    [
      JSON.stringify(
        closes.map((e) => ({
          session_id: e.data.sessionId,
          closed_at: e.data.closedAt,
          members_voted: e.data.membersVoted,
        })),
      ),
    ],
  );
  await client.query(
    `UPDATE agenda_items i SET tally = t.tally
     FROM jsonb_to_recordset($1::jsonb) AS t(session_id text, dossier_id text, tally jsonb)
     WHERE i.session_id = t.session_id AND i.dossier_id = t.dossier_id`,
    [
      JSON.stringify(
        closes.flatMap((e) =>
          e.data.tallies.map((t) => ({ session_id: e.data.sessionId, dossier_id: t.dossierId, tally: t.tally })),
        ),
      ),
    ],
  );
}

/**
 * A fixed number of statements a batch, in an order that holds for any batch: units and
 * convened sessions first, then ballots, then closes (a session is convened before any
 * ballot or close names it, so its rows exist by then).
 */
async function applyCouncilSessions(recorded: RecordedEvent[], client: PoolClient): Promise<void> {
  const events = asRecordedDomainEvents(recorded);
  await insertUnits(client, eventsOfType(events, 'UnitRegistered'));
  await insertSessions(client, eventsOfType(events, 'CouncilSessionConvened'));
  await addAttendance(client, eventsOfType(events, 'BallotCast'));
  await recordCloses(client, eventsOfType(events, 'CouncilSessionClosed'));
}

/** Council sessions with members, agenda, attendance and (once closed) tallies; never a ballot's choice. */
export const councilSessionsProjection: ProjectionDefinition = {
  name: COUNCIL_SESSIONS_PROJECTION,
  version: 1,
  eventTypes: ['UnitRegistered', 'CouncilSessionConvened', 'BallotCast', 'CouncilSessionClosed'],
  migrations: loadMigrations(join(projectRoot(), 'projections/councilSessions/migrations')),
  apply: applyCouncilSessions,
};
