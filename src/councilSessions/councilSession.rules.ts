/** The council's pure counting rules: the quorum, the tally of one dossier, conflicts of interest. */
import { meetsThreshold } from '../rules/ruleSets';
import { assertNever } from '../shared/decider';
import { BallotChoice, SubjectKind, type BallotTally } from '../shared/domain';
import type { AgendaItem, CouncilMember } from './councilSession.events';

/**
 * Ballots needed to close a session: at least 2/3 of the members (rounded up),
 * e.g. 6 of 9, 7 of 10, 10 of 15.
 */
export function quorumNeeded(members: number): number {
  return Math.ceil((2 * members) / 3);
}

/**
 * Counts the ballots cast on one dossier against a threshold over ALL council members:
 * members who did not vote, or abstained, count as members but not as approvals.
 */
export function tallyBallots(
  choices: readonly BallotChoice[],
  members: number,
  thresholdShare: number,
  thresholdInclusive: boolean,
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
