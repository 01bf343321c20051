/** Questions asked of the complaints read model (schema `complaints`). */
import { ComplaintKind, ComplaintStatus, type SubjectRef } from '../../src/shared/domain';
import type { Queryable } from '../awards/awards.queries';

/**
 * Complaints and denunciations about the subject that are still open (RECEIVED or
 * ACCEPTED): the 2025 rule set allows no award while one is pending. Petitions do not count.
 */
export async function countPendingComplaintsAbout(db: Queryable, subject: SubjectRef): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM complaints.complaints
     WHERE subject_kind = $1 AND subject_id = $2 AND status = ANY($3::text[]) AND kind = ANY($4::text[])`,
    [subject.kind, subject.id, [ComplaintStatus.RECEIVED, ComplaintStatus.ACCEPTED], [ComplaintKind.COMPLAINT, ComplaintKind.DENUNCIATION]],
  );
  return rows[0].n;
}
