/** Questions asked of the council ballots read model (schema `council_ballots`). */
import type { Queryable } from '../../src/infra/db';

/** A ballot as the read model shows it: who cast it, when, and whether it was counted; never its choice. */
export interface CouncilBallotView {
  sessionId: string;
  dossierId: string;
  memberId: string;
  memberName: string;
  writtenBallot: boolean;
  castAt: string;
  /** The BallotCast event's position in the log. */
  position: string;
  /** Null while the session is open; once closed, whether its close counted the ballot. */
  counted: boolean | null;
  /** The session is closed and its close did not count the ballot. */
  late: boolean;
}

/** Every ballot of a session, in the order they were cast (none for an unknown session). */
export async function getBallotsOfSession(db: Queryable, sessionId: string): Promise<CouncilBallotView[]> {
  const { rows } = await db.query<{
    session_id: string;
    dossier_id: string;
    member_id: string;
    member_name: string;
    written_ballot: boolean;
    cast_at: Date;
    position: string;
    counted: boolean | null;
    late: boolean;
  }>(
    `SELECT session_id, dossier_id, member_id, member_name, written_ballot, cast_at, position::text AS position, counted, late
     FROM council_ballots.council_ballots WHERE session_id = $1 ORDER BY council_ballots.position`,
    [sessionId],
  );
  return rows.map((row) => ({
    sessionId: row.session_id,
    dossierId: row.dossier_id,
    memberId: row.member_id,
    memberName: row.member_name,
    writtenBallot: row.written_ballot,
    castAt: row.cast_at.toISOString(),
    position: row.position,
    counted: row.counted,
    late: row.late,
  }));
}
