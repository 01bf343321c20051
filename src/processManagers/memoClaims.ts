import { memoClaimDecider, memoClaimId } from '../memoClaims/memoClaim.decider';
import type { SecondMemoFound } from '../memoClaims/memoClaim.events';
import { proposalDecider } from '../proposals/proposal.decider';
import type { ProposalContext, ProposalSentBack, ProposalSubmitted } from '../proposals/proposal.events';
import { consequence, type Cause, type Consequence, type ProcessManager } from './processManager';

/** The memo's claim on each dossier it lists: taken when submitted, released when sent back. */
function claimsOf(memo: ProposalContext, command: 'ClaimForMemo' | 'ReleaseForMemo'): Consequence[] {
  return memo.dossierIds.map((dossierId) => {
    const key = { unitId: memo.unitId, dossierId };
    return consequence(memoClaimDecider, memoClaimId(key), () =>
      command === 'ClaimForMemo'
        ? { type: command, data: { ...key, proposalId: memo.proposalId, number: memo.number } }
        : { type: command, data: { ...key, proposalId: memo.proposalId } },
    );
  });
}

function sendBack(event: Cause): Consequence {
  const { proposalId, dossierId, carriedBy } = (event as unknown as SecondMemoFound).data;
  return consequence(proposalDecider, proposalId, () => ({
    type: 'SendBackProposal' as const,
    data: { proposalId, dossierId, carriedBy, now: event.metadata.recordedAt },
  }));
}

/**
 * A unit proposes a dossier in one memo, also when two of its memos are submitted at the
 * same moment: each submitted memo claims its dossiers, in log order; a memo found
 * listing a dossier an earlier one carries is sent back, and its claims released, so the
 * unit can propose those dossiers again in a corrected memo.
 */
export const memoClaims: ProcessManager = {
  name: 'memo_claims',
  eventTypes: ['ProposalSubmitted', 'SecondMemoFound', 'ProposalSentBack'],
  targetStreamTypes: [memoClaimDecider.streamType, proposalDecider.streamType],
  consequencesOf(event) {
    switch (event.type) {
      case 'ProposalSubmitted':
        return claimsOf((event as unknown as ProposalSubmitted).data, 'ClaimForMemo');
      case 'SecondMemoFound':
        return [sendBack(event)];
      case 'ProposalSentBack':
        return claimsOf((event as unknown as ProposalSentBack).data, 'ReleaseForMemo');
      default:
        return [];
    }
  },
};
