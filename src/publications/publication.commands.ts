import type { CommandContext, CommandResult } from '../commands/commandHandler';
import { dossierDecider } from '../dossiers/dossier.decider';
import { publicationWindowDays } from '../rules/publicationRules';
import { ruleSetFor } from '../rules/ruleSets';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { requireIsoDate } from '../shared/validation';
import { publicationDecider, type NomineeToPublish } from './publication.decider';
import type { PublishNomineesInput, RecordPublicationCommentInput } from './publication.inputs';

/**
 * Publishes the nominees of the dossiers listed. The comment window is that of the rule set
 * in force on `fromDate` (src/rules/publicationRules.ts).
 */
export function publishNominees(
  services: Services,
  context: CommandContext,
  input: PublishNomineesInput,
): Promise<CommandResult> {
  const publicationId = newId(input.id);
  return services.commands
    .on(publicationDecider, publicationId)
    .decide(context, 'publishNominees', input, async (tx) => {
      const nominees: NomineeToPublish[] = [];
      for (const dossierId of input.dossierIds) {
        const dossier = (await tx.loadExisting(dossierDecider, dossierId, 'Dossier')).state;
        nominees.push({
          dossierId,
          award: dossier.award,
          nominee: { kind: dossier.nominee.kind, id: dossier.nominee.id, name: dossier.nominee.name },
          dossierStatus: dossier.status,
        });
      }
      const fromDate = requireIsoDate(input.fromDate, 'fromDate');
      return {
        type: 'PublishNominees',
        data: {
          publicationId,
          nominees,
          channels: input.channels,
          location: input.location,
          fromDate,
          windowWorkingDays: publicationWindowDays(ruleSetFor(fromDate).publicationBeforeCouncil),
          today: tx.today,
          now: tx.nowIso,
        },
      };
    });
}

/**
 * Records a comment received during the window. One that opens a complaint names it in
 * the event; the process manager `publication_complaints` files it on its own stream.
 */
export function recordPublicationComment(
  services: Services,
  context: CommandContext,
  input: RecordPublicationCommentInput,
): Promise<CommandResult> {
  return services.commands
    .on(publicationDecider, input.publicationId)
    .decide(context, 'recordPublicationComment', input, (tx) => ({
      type: 'RecordPublicationComment',
      data: {
        publicationId: input.publicationId,
        commenterName: input.commenterName,
        content: input.content,
        receivedOn: input.receivedOn,
        dossierId: input.dossierId ?? null,
        opensComplaint: input.opensComplaint ?? null,
        today: tx.today,
        now: tx.nowIso,
      },
    }));
}
