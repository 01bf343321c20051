import { awardDecider } from '../awards/award.decider';
import type { CommandContext, CommandResult } from '../commands/commandHandler';
import { txLoader } from '../commands/stateLoader';
import { dossierDecider } from '../dossiers/dossier.decider';
import { lookUpSubject } from '../people/subject.lookup';
import type { Services } from '../services';
import { newId } from '../shared/ids';
import { subjectKey } from '../shared/domain';
import { InvalidInput, NotFound } from '../shared/errors';
import { complaintDecider } from './complaint.decider';
import type { ComplaintSubject } from './complaint.events';
import type {
  AcceptComplaintArgs,
  DismissComplaintArgs,
  FileComplaintInput,
  ResolveComplaintInput,
} from './complaint.inputs';

/**
 * Records a complaint, denunciation or petition. The award and dossier it names must
 * exist; its subject is the one given (named from the registers) or, when absent, the
 * subject of the award or dossier, so "pending complaints about the subject" finds it.
 */
export async function fileComplaint(
  services: Services,
  context: CommandContext,
  input: FileComplaintInput,
): Promise<CommandResult> {
  const complaintId = newId(input.id);
  return services.commands.execute(context, 'fileComplaint', input, async (tx) => {
    const targets: Array<{ field: string; subject: ComplaintSubject }> = [];
    if (input.awardId) {
      const award = (await tx.load(awardDecider, input.awardId)).state;
      if (award.status === 'NONE') throw new NotFound('Award', input.awardId);
      if (input.dossierId && award.grant.dossierId !== input.dossierId) {
        throw new InvalidInput(
          `award ${input.awardId} was granted on dossier ${award.grant.dossierId}, not ${input.dossierId}`,
          'dossierId',
        );
      }
      targets.push({ field: 'awardId', subject: award.grant.subject });
    }
    if (input.dossierId) {
      const dossier = (await tx.load(dossierDecider, input.dossierId)).state;
      if (dossier.status === 'NONE') throw new NotFound('Dossier', input.dossierId);
      targets.push({ field: 'dossierId', subject: dossier.nominee });
    }
    let subject: ComplaintSubject | null = targets[0]?.subject ?? null;
    if (input.subject) {
      const known = await lookUpSubject(txLoader(tx), input.subject);
      const mismatch = targets.find((t) => subjectKey(t.subject) !== subjectKey(known));
      if (mismatch)
        throw new InvalidInput(
          `the ${mismatch.field} given is about ${subjectKey(mismatch.subject)}, not ${subjectKey(known)}`,
          'subject',
        );
      subject = { kind: known.kind, id: known.id, name: known.name };
    }
    const complaint = await tx.load(complaintDecider, complaintId);
    tx.decide(complaintDecider, complaint, {
      type: 'FileComplaint',
      data: {
        complaintId,
        kind: input.kind,
        complainantName: input.complainantName,
        receivedOn: input.receivedOn,
        content: input.content,
        awardId: input.awardId ?? null,
        dossierId: input.dossierId ?? null,
        subject: subject === null ? null : { kind: subject.kind, id: subject.id, name: subject.name },
        now: tx.nowIso,
      },
    });
  });
}

export async function acceptComplaint(
  services: Services,
  context: CommandContext,
  args: AcceptComplaintArgs,
): Promise<CommandResult> {
  return services.commands.execute(context, 'acceptComplaint', args, async (tx) => {
    const complaint = await tx.load(complaintDecider, args.complaintId);
    tx.decide(complaintDecider, complaint, {
      type: 'AcceptComplaint',
      data: {
        complaintId: args.complaintId,
        acceptedOn: args.acceptedOn,
        complex: args.complex ?? false,
        remoteArea: args.remoteArea ?? false,
        now: tx.nowIso,
      },
    });
  });
}

export async function dismissComplaint(
  services: Services,
  context: CommandContext,
  args: DismissComplaintArgs,
): Promise<CommandResult> {
  return services.commands.execute(context, 'dismissComplaint', args, async (tx) => {
    const complaint = await tx.load(complaintDecider, args.complaintId);
    tx.decide(complaintDecider, complaint, {
      type: 'DismissComplaint',
      data: { complaintId: args.complaintId, reason: args.reason, decidedOn: args.decidedOn, now: tx.nowIso },
    });
  });
}

/** The revoking decision's number when the resolution does not give one. */
export function defaultRevocationDecisionNumber(complaintId: string): string {
  return `complaint-${complaintId}`;
}

/**
 * Resolves the complaint; with `revokeAward` (upheld or partially upheld) it also
 * appends AwardRevoked to the complaint's award, or to the award granted from its
 * dossier, in the same command: the returned position covers both streams.
 */
export async function resolveComplaint(
  services: Services,
  context: CommandContext,
  input: ResolveComplaintInput,
): Promise<CommandResult> {
  return services.commands.execute(context, 'resolveComplaint', input, async (tx) => {
    const complaint = await tx.load(complaintDecider, input.complaintId);
    const revokeAward = input.revokeAward ?? false;
    let awardIdToRevoke: string | null = null;
    if (revokeAward && complaint.state.status !== 'NONE') {
      const { awardId, dossierId } = complaint.state;
      if (awardId !== null) awardIdToRevoke = awardId;
      else if (dossierId !== null) {
        const dossier = (await tx.load(dossierDecider, dossierId)).state;
        awardIdToRevoke = dossier.status === 'NONE' ? null : dossier.awardId;
      }
    }
    tx.decide(complaintDecider, complaint, {
      type: 'ResolveComplaint',
      data: {
        complaintId: input.complaintId,
        outcome: input.outcome,
        resolution: input.resolution,
        decidedOn: input.decidedOn,
        revokeAward,
        awardIdToRevoke,
        now: tx.nowIso,
      },
    });
    if (revokeAward && awardIdToRevoke !== null) {
      const award = await tx.load(awardDecider, awardIdToRevoke);
      tx.decide(awardDecider, award, {
        type: 'RevokeAward',
        data: {
          awardId: awardIdToRevoke,
          reason: input.resolution,
          decisionNumber: input.decisionNumber ?? defaultRevocationDecisionNumber(input.complaintId),
          complaintId: input.complaintId,
          now: tx.nowIso,
        },
      });
    }
  });
}
