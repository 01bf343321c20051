import type { DecisionSigned } from '../decisions/decision.events';
import { dossierDecider } from '../dossiers/dossier.decider';
import { DossierStatus } from '../shared/domain';
import { consequence, type ProcessManager } from './processManager';

/**
 * A decision signed in the system records each entry's grant on its dossier, as
 * grantAward does for a decision signed on paper; `awardIssuance` then creates the award.
 * A dossier that yielded an award some other way since the signing keeps it.
 */
export const decisionGrants: ProcessManager = {
  name: 'decision_grants',
  eventTypes: ['DecisionSigned'],
  targetStreamTypes: [dossierDecider.streamType],
  consequencesOf(event) {
    const { grants, number, decidedOn } = (event as unknown as DecisionSigned).data;
    return grants.map(({ dossierId, awardId, grantedAward }) =>
      consequence(dossierDecider, dossierId, (dossier) =>
        dossier.status === DossierStatus.APPROVED
          ? {
              command: {
                type: 'RecordAwardGranted' as const,
                data: {
                  dossierId,
                  awardId,
                  decisionNumber: number,
                  decidedOn,
                  grantedAward,
                  now: event.metadata.recordedAt,
                },
              },
              ruleSetId: dossier.ruleSetId,
            }
          : null,
      ),
    );
  },
};
