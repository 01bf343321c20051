import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents, type RecordedOfType } from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import { copyRows } from '../../src/projections/copyRows';
import type { ProjectionDefinition } from '../../src/projections/projection';

export const COUNCIL_BALLOTS_PROJECTION = 'council_ballots';

type BallotEvent = RecordedOfType<'BallotCast'>;
type CloseEvent = RecordedOfType<'CouncilSessionClosed'>;

/** The closes of the batch, with the ballots each counted. */
async function recordClosings(client: PoolClient, closes: CloseEvent[]): Promise<void> {
  await copyRows(
    client,
    'closed_sessions',
    ['session_id', 'closed_at', 'position'],
    closes.map((e) => [e.data.sessionId, e.data.closedAt, e.position]),
  );
  await copyRows(
    client,
    'counted_ballots',
    ['session_id', 'dossier_id', 'member_id'],
    closes.flatMap((e) => e.data.countedBallots.map((b) => [e.data.sessionId, b.dossierId, b.memberId])),
  );
}

/**
 * The ballots of the batch, each judged against the closes known so far (those of the
 * batch included): open, counted, or late.
 */
async function insertBallots(client: PoolClient, ballots: BallotEvent[]): Promise<void> {
  if (ballots.length === 0) return;
  await client.query(
    `INSERT INTO council_ballots (session_id, dossier_id, member_id, member_name, written_ballot, cast_at, position, counted, late)
     SELECT b.session_id, b.dossier_id, b.member_id, b.member_name, b.written_ballot, b.cast_at, b.position,
            CASE WHEN s.session_id IS NULL THEN NULL ELSE c.session_id IS NOT NULL END,
            s.session_id IS NOT NULL AND c.session_id IS NULL
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::timestamptz[], $7::bigint[])
            AS b(session_id, dossier_id, member_id, member_name, written_ballot, cast_at, position)
     LEFT JOIN closed_sessions s ON s.session_id = b.session_id
     LEFT JOIN counted_ballots c
            ON c.session_id = b.session_id AND c.dossier_id = b.dossier_id AND c.member_id = b.member_id`,
    [
      ballots.map((e) => e.data.sessionId),
      ballots.map((e) => e.data.dossierId),
      ballots.map((e) => e.data.memberId),
      ballots.map((e) => e.data.memberName),
      ballots.map((e) => e.data.writtenBallot),
      ballots.map((e) => e.data.castAt),
      ballots.map((e) => e.position),
    ],
  );
}

/** Every ballot of the sessions the batch closes: counted, or late when its close did not count it. */
async function judgeClosedSessions(client: PoolClient, closes: CloseEvent[]): Promise<void> {
  if (closes.length === 0) return;
  await client.query(
    `UPDATE council_ballots b SET counted = k.counted, late = NOT k.counted
     FROM (SELECT a.session_id, a.dossier_id, a.member_id, c.session_id IS NOT NULL AS counted
           FROM council_ballots a
           LEFT JOIN counted_ballots c
                  ON c.session_id = a.session_id AND c.dossier_id = a.dossier_id AND c.member_id = a.member_id
           WHERE a.session_id = ANY($1::text[])) k
     WHERE b.session_id = k.session_id AND b.dossier_id = k.dossier_id AND b.member_id = k.member_id`,
    [closes.map((e) => e.data.sessionId)],
  );
}

/**
 * Four statements a batch, in an order that makes the events' order within it not matter:
 * the closes first, then the ballots judged against them, then the ballots of earlier
 * batches on the sessions just closed.
 */
async function applyCouncilBallots(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const ballots: BallotEvent[] = [];
  const closes: CloseEvent[] = [];
  for (const event of asRecordedDomainEvents(events)) {
    if (event.type === 'BallotCast') ballots.push(event);
    else if (event.type === 'CouncilSessionClosed') closes.push(event);
  }
  await recordClosings(client, closes);
  await insertBallots(client, ballots);
  await judgeClosedSessions(client, closes);
}

/** The ballots of each council session, who cast them and when, and whether the close counted them; never a choice. */
export const councilBallotsProjection: ProjectionDefinition = {
  name: COUNCIL_BALLOTS_PROJECTION,
  version: 1,
  eventTypes: ['BallotCast', 'CouncilSessionClosed'],
  migrations: loadMigrations(join(projectRoot(), 'projections/councilBallots/migrations')),
  apply: applyCouncilBallots,
};
