import { complaintDecider } from '../complaints/complaint.decider';
import type { PublicationCommentRecorded } from '../publications/publication.events';
import { consequence, type ProcessManager } from './processManager';

/**
 * A publication comment that opens a complaint files it, about the commented dossier and
 * its nominee, under the id the comment names; once filed it is left as it is.
 */
export const publicationComplaints: ProcessManager = {
  name: 'publication_complaints',
  eventTypes: ['PublicationCommentRecorded'],
  targetStreamTypes: [complaintDecider.streamType],
  consequencesOf(event) {
    const { complaint, commenterName, content, receivedOn, dossierId, nominee } = (
      event as unknown as PublicationCommentRecorded
    ).data;
    if (complaint === null) return [];
    return [
      consequence(complaintDecider, complaint.complaintId, (state) =>
        state.status === 'NONE'
          ? {
              type: 'FileComplaint' as const,
              data: {
                complaintId: complaint.complaintId,
                kind: complaint.kind,
                complainantName: commenterName,
                receivedOn,
                content,
                awardId: null,
                dossierId,
                subject: nominee,
                now: event.metadata.recordedAt,
              },
            }
          : null,
      ),
    ];
  },
};
