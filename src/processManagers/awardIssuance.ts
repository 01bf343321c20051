import { awardDecider } from '../awards/award.decider';
import type { DossierGranted } from '../dossiers/dossier.events';
import { consequence, type ProcessManager } from './processManager';

/** A grant recorded on its dossier creates the award stream, as the grant decided it. */
export const awardIssuance: ProcessManager = {
  name: 'award_issuance',
  eventTypes: ['DossierGranted'],
  targetStreamTypes: [awardDecider.streamType],
  consequencesOf(event) {
    const { grantedAward } = (event as unknown as DossierGranted).data;
    return [
      consequence(awardDecider, grantedAward.awardId, () => ({
        command: { type: 'IssueGrantedAward' as const, data: { granted: grantedAward } },
        ruleSetId: event.metadata.ruleSetId,
      })),
    ];
  },
};
