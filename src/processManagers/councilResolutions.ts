import type { CouncilSessionClosed } from '../councilSessions/councilSession.events';
import { dossierDecider } from '../dossiers/dossier.decider';
import { DossierStatus } from '../shared/domain';
import { consequence, type ProcessManager } from './processManager';

/**
 * A closed session resolves each agenda dossier with its tally. A dossier that has left the
 * council's hands since it was put on the agenda (withdrawn, or resolved by another
 * session) keeps its state: its tally stays on record in CouncilSessionClosed only.
 */
export const councilResolutions: ProcessManager = {
  name: 'council_resolutions',
  eventTypes: ['CouncilSessionClosed'],
  targetStreamTypes: [dossierDecider.streamType],
  consequencesOf(event) {
    const { sessionId, tallies } = (event as unknown as CouncilSessionClosed).data;
    return tallies.map(({ dossierId, tally }) =>
      consequence(dossierDecider, dossierId, (dossier) =>
        dossier.status === DossierStatus.ELIGIBLE
          ? {
              command: {
                type: 'ResolveDossier' as const,
                data: { dossierId, sessionId, tally, now: event.metadata.recordedAt },
              },
              ruleSetId: dossier.ruleSetId,
            }
          : null,
      ),
    );
  },
};
