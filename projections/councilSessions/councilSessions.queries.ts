/** Questions asked of the council sessions read model (schema `council_sessions`). */
import type { Queryable } from '../../src/infra/db';
import type { AuthorityLevel, AwardKind, BallotTally, IsoDate, SubjectKind } from '../../src/shared/domain';

export type SessionStatus = 'OPEN' | 'CLOSED';

export interface SessionMemberView {
  personId: string;
  name: string;
  unitId: string;
  /** Ballots the member cast in the session, in person or in writing; never their choices. */
  ballotsCast: number;
  writtenBallots: number;
}

export interface AgendaItemView {
  itemNo: number;
  dossierId: string;
  award: AwardKind;
  nominee: { kind: SubjectKind; id: string; name: string };
  nomineeUnitId: string;
  thresholdShare: number;
  thresholdInclusive: boolean;
  /** Null while the session is open. */
  tally: BallotTally | null;
}

export interface CouncilSessionView {
  id: string;
  councilUnitId: string;
  /** Null when the read model has not seen the council's unit registered. */
  level: AuthorityLevel | null;
  heldOn: IsoDate;
  status: SessionStatus;
  memberCount: number;
  membersVoted: number | null;
  convenedAt: Date;
  closedAt: Date | null;
  members: SessionMemberView[];
  agenda: AgendaItemView[];
}

export interface CouncilSessionFilter {
  status: SessionStatus | null;
  heldFrom: IsoDate | null;
  heldTo: IsoDate | null;
  level: AuthorityLevel | null;
  /** Sessions this person sits on. */
  memberId: string | null;
}

/** A session's place in the list's order. */
export interface SessionKey {
  heldOn: IsoDate;
  id: string;
}

/** Each session row with its members (and their attendance) and agenda, aggregated in the same statement. */
const SELECT_SESSION = `SELECT s.session_id AS id, s.council_unit_id AS "councilUnitId", u.level,
    to_char(s.held_on, 'YYYY-MM-DD') AS "heldOn", s.status, s.member_count AS "memberCount",
    s.members_voted AS "membersVoted", s.convened_at AS "convenedAt", s.closed_at AS "closedAt",
    (SELECT coalesce(json_agg(json_build_object('personId', m.person_id, 'name', m.name, 'unitId', m.unit_id,
              'ballotsCast', coalesce(a.ballots, 0), 'writtenBallots', coalesce(a.written_ballots, 0)) ORDER BY m.seat), '[]')
       FROM council_sessions.session_members m
       LEFT JOIN council_sessions.attendance a ON a.session_id = m.session_id AND a.member_id = m.person_id
       WHERE m.session_id = s.session_id) AS members,
    (SELECT coalesce(json_agg(json_build_object('itemNo', i.item_no, 'dossierId', i.dossier_id, 'award', i.award,
              'nominee', json_build_object('kind', i.nominee_kind, 'id', i.nominee_id, 'name', i.nominee_name),
              'nomineeUnitId', i.nominee_unit_id, 'thresholdShare', i.threshold_share,
              'thresholdInclusive', i.threshold_inclusive, 'tally', i.tally) ORDER BY i.item_no), '[]')
       FROM council_sessions.agenda_items i WHERE i.session_id = s.session_id) AS agenda
  FROM council_sessions.sessions s
  LEFT JOIN council_sessions.units u ON u.unit_id = s.council_unit_id`;

/** One session; null when none was convened (or the read model has not seen it yet). */
export async function getCouncilSession(db: Queryable, sessionId: string): Promise<CouncilSessionView | null> {
  const { rows } = await db.query<CouncilSessionView>(`${SELECT_SESSION} WHERE s.session_id = $1`, [sessionId]);
  return rows[0] ?? null;
}

/**
 * One page of sessions in the order held_on then session_id, after `after`, under the
 * filter (heldFrom and heldTo inclusive), and whether more follow.
 */
export async function getCouncilSessionsPage(
  db: Queryable,
  request: { filter: CouncilSessionFilter; after: SessionKey | null; first: number },
): Promise<{ sessions: CouncilSessionView[]; hasNextPage: boolean }> {
  const { filter, after } = request;
  const values: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.status !== null) where.push(`s.status = ${bind(filter.status)}`);
  if (filter.heldFrom !== null) where.push(`s.held_on >= ${bind(filter.heldFrom)}::date`);
  if (filter.heldTo !== null) where.push(`s.held_on <= ${bind(filter.heldTo)}::date`);
  if (filter.level !== null) where.push(`u.level = ${bind(filter.level)}`);
  if (filter.memberId !== null)
    where.push(`EXISTS (SELECT 1 FROM council_sessions.session_members sm
        WHERE sm.session_id = s.session_id AND sm.person_id = ${bind(filter.memberId)})`);
  if (after !== null) where.push(`(s.held_on, s.session_id) > (${bind(after.heldOn)}::date, ${bind(after.id)}::text)`);
  const { rows } = await db.query<CouncilSessionView>(
    `${SELECT_SESSION} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY s.held_on, s.session_id LIMIT ${bind(request.first + 1)}`,
    values,
  );
  return { sessions: rows.slice(0, request.first), hasNextPage: rows.length > request.first };
}
