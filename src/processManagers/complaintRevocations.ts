import { awardDecider } from '../awards/award.decider';
import { revocationOf } from '../complaints/complaint.commands';
import type { ComplaintResolved } from '../complaints/complaint.events';
import { consequence, type ProcessManager } from './processManager';

/** A complaint resolved with a revocation revokes the award it names. */
export const complaintRevocations: ProcessManager = {
  name: 'complaint_revocations',
  eventTypes: ['ComplaintResolved'],
  targetStreamTypes: [awardDecider.streamType],
  consequencesOf(event) {
    const { complaintId, resolution, revokedAwardId, revocationDecisionNumber } = (
      event as unknown as ComplaintResolved
    ).data;
    if (revokedAwardId === null || revocationDecisionNumber === null) return [];
    return [
      consequence(awardDecider, revokedAwardId, () =>
        revocationOf(revokedAwardId, resolution, revocationDecisionNumber, complaintId, event.metadata.recordedAt),
      ),
    ];
  },
};
