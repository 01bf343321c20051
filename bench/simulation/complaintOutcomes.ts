/**
 * What becomes of a complaint: a tenth are dismissed within days; the rest are accepted
 * and resolved weeks later, and an upheld one may revoke the award it is about.
 */
import { complaintDecider } from '../../src/complaints/complaint.decider';
import { dossierDecider } from '../../src/dossiers/dossier.decider';
import { addDays, ComplaintKind, ComplaintOutcome, subjectKey } from '../../src/shared/domain';
import type { Complaint } from './complaints';
import type { Simulation } from './simulation';
import type { Step } from './types';

interface Resolution {
  outcome: ComplaintOutcome;
  resolution: string;
  decidedOn: string;
  /** Whether the resolution asks for the award to be revoked (done only if it still stands). */
  wantsRevocation: boolean;
}

export function scheduleComplaintOutcome(sim: Simulation, complaint: Complaint): void {
  const r = sim.rng.next();
  if (r < 0.1) {
    scheduleDismissal(sim, complaint);
    return;
  }
  const acceptedOn = addDays(complaint.receivedOn, r < 0.95 ? sim.rng.int(1, 9) : sim.rng.int(12, 20));
  scheduleAcceptance(sim, complaint, acceptedOn);
  const resolution = resolutionOf(sim, complaint, acceptedOn);
  const resolveAt = sim.officeTime(resolution.decidedOn);
  sim.at(resolveAt, () => resolve(sim, complaint, resolution, resolveAt));
}

/** The subject key whose pending complaints this complaint counts in, if it counts. */
function pendingKeyOf(sim: Simulation, complaintId: string): string | null {
  const state = sim.state(complaintDecider, complaintId);
  return state.status === 'NONE' ||
    !state.subject ||
    !(state.kind === ComplaintKind.COMPLAINT || state.kind === ComplaintKind.DENUNCIATION)
    ? null
    : subjectKey(state.subject);
}

function scheduleDismissal(sim: Simulation, complaint: Complaint): void {
  const { complaintId } = complaint;
  const decidedOn = addDays(complaint.receivedOn, sim.rng.int(1, 9));
  const reason = 'Không thuộc thẩm quyền giải quyết; đã hướng dẫn người gửi đơn.';
  const at = sim.officeTime(decidedOn);
  sim.at(at, () =>
    sim.run(
      at,
      complaint.officer,
      'dismissComplaint',
      () => ({ complaintId, reason, decidedOn }),
      (tx) => {
        tx.decide(complaintDecider, tx.load(complaintDecider, complaintId), {
          type: 'DismissComplaint',
          data: { complaintId, reason, decidedOn, now: tx.nowIso },
        });
        const key = pendingKeyOf(sim, complaintId);
        if (key) sim.facts.adjustPending(key, -1);
      },
    ),
  );
}

function scheduleAcceptance(sim: Simulation, complaint: Complaint, acceptedOn: string): void {
  const { complaintId } = complaint;
  // Drawn for every kind, so the rest of the province is the same whatever the kind; a
  // denunciation has one resolution term (Law on Denunciations 2018 Art. 30), with no
  // complex or remote-area variant.
  const termsVary = complaint.kind !== ComplaintKind.DENUNCIATION;
  const complex = sim.rng.chance(0.2) && termsVary;
  const remoteArea = sim.rng.chance(0.15) && termsVary;
  const acceptAt = sim.officeTime(acceptedOn);
  sim.at(acceptAt, () =>
    sim.run(
      acceptAt,
      complaint.officer,
      'acceptComplaint',
      () => ({ complaintId, acceptedOn, complex, remoteArea }),
      (tx) => {
        tx.decide(complaintDecider, tx.load(complaintDecider, complaintId), {
          type: 'AcceptComplaint',
          data: { complaintId, acceptedOn, complex, remoteArea, now: tx.nowIso },
        });
      },
    ),
  );
}

/** Mostly rejected; an upheld complaint or denunciation usually asks for revocation. */
function resolutionOf(sim: Simulation, complaint: Complaint, acceptedOn: string): Resolution {
  const { rng } = sim;
  const decidedOn = addDays(acceptedOn, rng.int(15, 55));
  const outcome = rng.weighted([
    [ComplaintOutcome.UPHELD, 12],
    [ComplaintOutcome.PARTIALLY_UPHELD, 8],
    [ComplaintOutcome.REJECTED, 80],
  ] as const);
  const wantsRevocation =
    complaint.kind !== ComplaintKind.PETITION &&
    (outcome === ComplaintOutcome.UPHELD
      ? rng.chance(0.9)
      : outcome === ComplaintOutcome.PARTIALLY_UPHELD && rng.chance(0.4));
  const resolution =
    outcome === ComplaintOutcome.REJECTED
      ? 'Nội dung khiếu nại không có cơ sở; giữ nguyên quyết định khen thưởng.'
      : 'Xác minh có cơ sở một phần hoặc toàn bộ; thu hồi theo Điều 93 Luật Thi đua, khen thưởng.';
  return { outcome, resolution, decidedOn, wantsRevocation };
}

/** The award the complaint is about (directly or through its dossier), once granted. */
function awardAbout(sim: Simulation, complaintId: string): string | null {
  const state = sim.state(complaintDecider, complaintId);
  if (state.status === 'NONE') return null;
  if (state.awardId !== null) return state.awardId;
  if (state.dossierId === null) return null;
  const dossier = sim.state(dossierDecider, state.dossierId);
  return dossier.status === 'NONE' ? null : dossier.awardId;
}

function resolve(sim: Simulation, complaint: Complaint, resolution: Resolution, resolveAt: number): Step {
  const { complaintId } = complaint;
  const { outcome, decidedOn } = resolution;
  // Revoke only a granted award that still stands, under the province's next decision number.
  const awardIdToRevoke = awardAbout(sim, complaintId);
  const revokeAward = resolution.wantsRevocation && awardIdToRevoke !== null && sim.facts.awardStands(awardIdToRevoke);
  const issuer = sim.province.provinceUnitId;
  const decisionNumber = revokeAward ? `${(sim.decisionSeq.get(issuer) ?? 100) + 1}/QĐ-UBND` : null;
  if (decisionNumber) sim.decisionSeq.set(issuer, (sim.decisionSeq.get(issuer) ?? 100) + 1);
  const text = resolution.resolution;
  return sim.run(
    resolveAt,
    complaint.officer,
    'resolveComplaint',
    () => ({ input: { complaintId, outcome, resolution: text, decidedOn, revokeAward, decisionNumber } }),
    (tx) => {
      tx.decide(complaintDecider, tx.load(complaintDecider, complaintId), {
        type: 'ResolveComplaint',
        data: {
          complaintId,
          outcome,
          resolution: text,
          decidedOn,
          revokeAward,
          awardIdToRevoke: revokeAward ? awardIdToRevoke : null,
          revocationDecisionNumber: decisionNumber,
          now: tx.nowIso,
        },
      });
      // The award's revocation follows from ComplaintResolved (the app's complaint_revocations process manager).
      if (revokeAward && awardIdToRevoke) sim.facts.revokeAward(awardIdToRevoke);
      const key = pendingKeyOf(sim, complaintId);
      if (key) sim.facts.adjustPending(key, -1);
    },
  );
}
