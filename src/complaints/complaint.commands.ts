import { awardDecider, type RevokeAward } from '../awards/award.decider';
import type { CommandContext, CommandResult } from '../commands/commandHandler';
import type { CommandTransaction } from '../commands/commandTransaction';
import { txLoader } from '../commands/stateLoader';
import { dossierDecider } from '../dossiers/dossier.decider';
import { lookUpSubject } from '../people/subject.lookup';
import type { Services } from '../services';
import { subjectKey } from '../shared/domain';
import { InvalidInput } from '../shared/errors';
import { newId } from '../shared/ids';
import { complaintDecider, type ComplaintState, type ResolveComplaint } from './complaint.decider';
import type { ComplaintSubject } from './complaint.events';
import type {
  AcceptComplaintArgs,
  DismissComplaintArgs,
  ExtendDenunciationInput,
  FileComplaintInput,
  MarkComplexArgs,
  ResolveComplaintInput,
} from './complaint.inputs';

/**
 * Records a complaint, denunciation or petition. The award and dossier it names must
 * exist; its subject is the one given (named from the registers) or, when absent, the
 * subject of the award or dossier, so "pending complaints about the subject" finds it.
 */
export function fileComplaint(
  services: Services,
  context: CommandContext,
  input: FileComplaintInput,
): Promise<CommandResult> {
  const complaintId = newId(input.id);
  return services.commands.on(complaintDecider, complaintId).decide(context, 'fileComplaint', input, async (tx) => {
    const subject = await complaintSubject(tx, input);
    return {
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
    };
  });
}

/** The award and dossier a complaint names (each must exist), with the subject each is about. */
async function namedTargets(
  tx: CommandTransaction,
  input: FileComplaintInput,
): Promise<Array<{ field: string; subject: ComplaintSubject }>> {
  const targets: Array<{ field: string; subject: ComplaintSubject }> = [];
  if (input.awardId) {
    const award = (await tx.loadExisting(awardDecider, input.awardId, 'Award')).state;
    if (input.dossierId && award.grant.dossierId !== input.dossierId) {
      throw new InvalidInput(
        `award ${input.awardId} was granted on dossier ${award.grant.dossierId}, not ${input.dossierId}`,
        'dossierId',
      );
    }
    targets.push({ field: 'awardId', subject: award.grant.subject });
  }
  if (input.dossierId) {
    const dossier = (await tx.loadExisting(dossierDecider, input.dossierId, 'Dossier')).state;
    targets.push({ field: 'dossierId', subject: dossier.nominee });
  }
  return targets;
}

/** The subject given, as the registers name it (it must be the targets' too), or else the first target's. */
async function complaintSubject(tx: CommandTransaction, input: FileComplaintInput): Promise<ComplaintSubject | null> {
  const targets = await namedTargets(tx, input);
  if (!input.subject) return targets[0]?.subject ?? null;
  const known = await lookUpSubject(txLoader(tx), input.subject);
  const mismatch = targets.find((t) => subjectKey(t.subject) !== subjectKey(known));
  if (mismatch)
    throw new InvalidInput(
      `the ${mismatch.field} given is about ${subjectKey(mismatch.subject)}, not ${subjectKey(known)}`,
      'subject',
    );
  return { kind: known.kind, id: known.id, name: known.name };
}

export function acceptComplaint(
  services: Services,
  context: CommandContext,
  args: AcceptComplaintArgs,
): Promise<CommandResult> {
  return services.commands.on(complaintDecider, args.complaintId).decide(context, 'acceptComplaint', args, (tx) => ({
    type: 'AcceptComplaint',
    data: {
      complaintId: args.complaintId,
      acceptedOn: args.acceptedOn,
      complex: args.complex ?? false,
      remoteArea: args.remoteArea ?? false,
      now: tx.nowIso,
    },
  }));
}

export function dismissComplaint(
  services: Services,
  context: CommandContext,
  args: DismissComplaintArgs,
): Promise<CommandResult> {
  return services.commands.on(complaintDecider, args.complaintId).decide(context, 'dismissComplaint', args, (tx) => ({
    type: 'DismissComplaint',
    data: { complaintId: args.complaintId, reason: args.reason, decidedOn: args.decidedOn, now: tx.nowIso },
  }));
}

/** The revoking decision's number when the resolution does not give one. */
function defaultRevocationDecisionNumber(complaintId: string): string {
  return `complaint-${complaintId}`;
}

/** The award a resolution would revoke: the complaint's own, or the one granted from its dossier. */
async function awardOfComplaint(tx: CommandTransaction, complaint: ComplaintState): Promise<string | null> {
  if (complaint.status === 'NONE') return null;
  if (complaint.awardId !== null) return complaint.awardId;
  if (complaint.dossierId === null) return null;
  const dossier = (await tx.load(dossierDecider, complaint.dossierId)).state;
  return dossier.status === 'NONE' ? null : dossier.awardId;
}

/**
 * Resolves the complaint. With `revokeAward` (upheld or partially upheld) it names the
 * award to revoke, the complaint's own or the one granted from its dossier, after the
 * award's rules agree to its revocation; a process manager (`complaintRevocations`)
 * appends AwardRevoked to that award.
 */
export function resolveComplaint(
  services: Services,
  context: CommandContext,
  input: ResolveComplaintInput,
): Promise<CommandResult> {
  return services.commands.execute(context, 'resolveComplaint', input, async (tx) => {
    const complaint = await tx.load(complaintDecider, input.complaintId);
    const revokeAward = input.revokeAward ?? false;
    const awardIdToRevoke = revokeAward ? await awardOfComplaint(tx, complaint.state) : null;
    const revocationDecisionNumber = revokeAward
      ? (input.decisionNumber ?? defaultRevocationDecisionNumber(input.complaintId))
      : null;
    const resolve: ResolveComplaint = {
      type: 'ResolveComplaint',
      data: {
        complaintId: input.complaintId,
        outcome: input.outcome,
        resolution: input.resolution,
        decidedOn: input.decidedOn,
        revokeAward,
        awardIdToRevoke,
        revocationDecisionNumber,
        now: tx.nowIso,
      },
    };
    // The complaint's own refusals first: they name the reason best.
    complaintDecider.decide(resolve, complaint.state);
    if (awardIdToRevoke !== null && revocationDecisionNumber !== null) {
      const award = await tx.load(awardDecider, awardIdToRevoke);
      awardDecider.decide(
        revocationOf(awardIdToRevoke, input.resolution, revocationDecisionNumber, input.complaintId, tx.nowIso),
        award.state,
      );
    }
    tx.decide(complaintDecider, complaint, resolve);
  });
}

/** The award's revocation by a complaint's resolution: what the process manager decides on the award. */
export function revocationOf(
  awardId: string,
  reason: string,
  decisionNumber: string,
  complaintId: string,
  now: string,
): RevokeAward {
  return { type: 'RevokeAward', data: { awardId, reason, decisionNumber, complaintId, now } };
}

/** Extends a denunciation's resolution term (complex: once; especially complex: twice; ≤ 30 days each). */
export function extendDenunciation(
  services: Services,
  context: CommandContext,
  input: ExtendDenunciationInput,
): Promise<CommandResult> {
  return services.commands
    .on(complaintDecider, input.denunciationId)
    .decide(context, 'extendDenunciation', input, (tx) => ({
      type: 'ExtendDenunciation',
      data: {
        complaintId: input.denunciationId,
        days: input.days,
        reason: input.reason,
        complexity: input.complexity,
        extendedOn: input.extendedOn,
        now: tx.nowIso,
      },
    }));
}

/** Moves an accepted complaint or petition to the complex resolution term, once. */
export function markComplex(
  services: Services,
  context: CommandContext,
  args: MarkComplexArgs,
): Promise<CommandResult> {
  return services.commands.on(complaintDecider, args.complaintId).decide(context, 'markComplex', args, (tx) => ({
    type: 'MarkComplex',
    data: { complaintId: args.complaintId, markedOn: args.markedOn, now: tx.nowIso },
  }));
}
