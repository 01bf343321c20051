/**
 * The council's pure counting rules: the quorum, the tally of one dossier, conflicts of interest.
 *
 * Legal basis. The 90% threshold counts "tổng số thành viên của Hội đồng", absent members
 * voting in writing (Decree 91/2017/ND-CP Art. 45 cl. 8; the matching article of Decree 98/2023
 * was not verified). The law is silent on recusal: a member barred from a dossier for a
 * conflict of interest is left out of that dossier's member count (its denominator) and of its
 * quorum, as otherwise two barred members of ten would make 90% unreachable. The 2/3 quorum:
 * the council of a ministry, sector or locality meets when at least two thirds of its members
 * attend (Circular 08/2017/TT-BNV, on its councils, as the Ministry of Home Affairs' summary of
 * it states; the clause was not verified); the Central Council likewise (Decree 98/2023/ND-CP
 * Art. 47 and Decision 500/QĐ-TTg of 2024 Art. 10, as secondary sources report them). The law
 * counts members attending, the system counts ballots, written ones included.
 */
import { meetsThreshold } from '../rules/ruleSets';
import { assertNever } from '../shared/decider';
import { BallotChoice, SubjectKind, type BallotTally } from '../shared/domain';
import type { AgendaItem, CouncilMember } from './councilSession.events';

/**
 * Ballots a dossier needs before the session can close: at least 2/3 of the members who
 * may vote on it (rounded up), e.g. 6 of 9, 7 of 10, 10 of 15.
 */
export function quorumNeeded(members: number): number {
  return Math.ceil((2 * members) / 3);
}

/**
 * Counts the ballots cast on one dossier against a threshold over the council members who
 * may vote on it (`members`; `barred` more were left out for a conflict of interest):
 * members who did not vote, or abstained, count as members but not as approvals.
 */
export function tallyBallots(
  choices: readonly BallotChoice[],
  members: number,
  thresholdShare: number,
  thresholdInclusive: boolean,
  barred = 0,
): BallotTally {
  let approve = 0;
  let reject = 0;
  let abstain = 0;
  for (const choice of choices) {
    switch (choice) {
      case BallotChoice.APPROVE:
        approve += 1;
        break;
      case BallotChoice.REJECT:
        reject += 1;
        break;
      case BallotChoice.ABSTAIN:
        abstain += 1;
        break;
      default:
        assertNever(choice, 'ballot choice');
    }
  }
  return {
    approve,
    reject,
    abstain,
    members,
    barred,
    thresholdShare,
    thresholdInclusive,
    approved: meetsThreshold(approve, members, { share: thresholdShare, inclusive: thresholdInclusive }),
  };
}

/**
 * Why `member` must not vote on `item`, or null: the member is the (individual) nominee,
 * or belongs to the nominee's unit (for a collective nominee: the nominated unit itself).
 */
export function conflictOfInterest(member: CouncilMember, item: AgendaItem): 'NOMINEE' | 'NOMINEE_UNIT' | null {
  if (item.nominee.kind === SubjectKind.INDIVIDUAL && item.nominee.id === member.personId) return 'NOMINEE';
  if (member.unitId === item.nomineeUnitId) return 'NOMINEE_UNIT';
  if (item.nominee.kind === SubjectKind.COLLECTIVE && member.unitId === item.nominee.id) return 'NOMINEE_UNIT';
  return null;
}

/** The members who may vote on `item`: all but those a conflict of interest bars. */
export function membersVotingOn(members: readonly CouncilMember[], item: AgendaItem): CouncilMember[] {
  return members.filter((member) => conflictOfInterest(member, item) === null);
}
