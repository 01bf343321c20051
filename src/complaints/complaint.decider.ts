import { assertNever, type Decider } from '../shared/decider';
import { ComplaintKind, ComplaintOutcome, ComplaintStatus, type IsoDate, type IsoInstant } from '../shared/domain';
import { InvalidInput, RuleViolation } from '../shared/errors';
import { requireIsoDate, requireText } from '../shared/validation';
import { existing, notBefore } from './complaint.checks';
import { acceptanceDueOn, resolutionDueOn } from './complaint.deadlines';
import {
  evolveExtensions,
  extend,
  markComplex,
  type ExtendDenunciation,
  type MarkComplex,
} from './complaint.extensions';
import type {
  ComplaintAccepted,
  ComplaintDismissed,
  ComplaintEvent,
  ComplaintFiled,
  ComplaintResolved,
  ComplaintSubject,
} from './complaint.events';

const COMPLAINT_STREAM_TYPE = 'complaint';

// ---------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------

export interface FiledComplaint {
  status: ComplaintStatus;
  complaintId: string;
  kind: ComplaintKind;
  complainantName: string;
  receivedOn: IsoDate;
  awardId: string | null;
  dossierId: string | null;
  subject: ComplaintSubject | null;
  acceptanceDueOn: IsoDate;
  acceptedOn: IsoDate | null;
  complex: boolean;
  remoteArea: boolean;
  /** Resolution deadline, once accepted, with any extensions or the complex term. */
  dueOn: IsoDate | null;
  /** A denunciation's extensions so far, in days. */
  extensions: number[];
  /** Date of the resolution or dismissal. */
  resolvedOn: IsoDate | null;
  outcome: ComplaintOutcome | null;
  revokedAwardId: string | null;
}

export type ComplaintState = { status: 'NONE' } | FiledComplaint;

// ---------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------

export interface FileComplaint {
  type: 'FileComplaint';
  data: {
    complaintId: string;
    kind: ComplaintKind;
    complainantName: string;
    receivedOn: IsoDate;
    content: string;
    awardId: string | null;
    dossierId: string | null;
    /** The handler adds the subject's name. */
    subject: ComplaintSubject | null;
    now: IsoInstant;
  };
}

export interface AcceptComplaint {
  type: 'AcceptComplaint';
  data: {
    complaintId: string;
    acceptedOn: IsoDate;
    complex: boolean;
    remoteArea: boolean;
    now: IsoInstant;
  };
}

export interface DismissComplaint {
  type: 'DismissComplaint';
  data: {
    complaintId: string;
    reason: string;
    decidedOn: IsoDate;
    now: IsoInstant;
  };
}

export interface ResolveComplaint {
  type: 'ResolveComplaint';
  data: {
    complaintId: string;
    outcome: ComplaintOutcome;
    resolution: string;
    decidedOn: IsoDate;
    revokeAward: boolean;
    /** The complaint's award, or the award granted from its dossier; null when there is none. */
    awardIdToRevoke: string | null;
    /** The number of the revoking decision, when an award is revoked. */
    revocationDecisionNumber: string | null;
    now: IsoInstant;
  };
}

export type ComplaintCommand =
  FileComplaint | AcceptComplaint | DismissComplaint | ResolveComplaint | ExtendDenunciation | MarkComplex;

// ---------------------------------------------------------------------------
// Evolve
// ---------------------------------------------------------------------------

export function initialComplaintState(): ComplaintState {
  return { status: 'NONE' };
}

export function evolveComplaint(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  switch (event.type) {
    case 'ComplaintFiled': {
      const d = event.data;
      return {
        status: ComplaintStatus.RECEIVED,
        complaintId: d.complaintId,
        kind: d.kind,
        complainantName: d.complainantName,
        receivedOn: d.receivedOn,
        awardId: d.awardId,
        dossierId: d.dossierId,
        subject: d.subject,
        acceptanceDueOn: d.acceptanceDueOn,
        acceptedOn: null,
        complex: false,
        remoteArea: false,
        dueOn: null,
        extensions: [],
        resolvedOn: null,
        outcome: null,
        revokedAwardId: null,
      };
    }
    case 'ComplaintAccepted': {
      if (state.status === 'NONE') return state;
      const { acceptedOn, complex, remoteArea, dueOn } = event.data;
      return { ...state, status: ComplaintStatus.ACCEPTED, acceptedOn, complex, remoteArea, dueOn };
    }
    case 'ComplaintDismissed':
      if (state.status === 'NONE') return state;
      return { ...state, status: ComplaintStatus.DISMISSED, resolvedOn: event.data.decidedOn };
    case 'ComplaintResolved': {
      if (state.status === 'NONE') return state;
      const { decidedOn, outcome, revokedAwardId } = event.data;
      return { ...state, status: ComplaintStatus.RESOLVED, resolvedOn: decidedOn, outcome, revokedAwardId };
    }
    case 'DenunciationExtended':
    case 'ComplaintMarkedComplex':
      return state.status === 'NONE' ? state : evolveExtensions(state, event);
    default:
      return assertNever(event, 'complaint event');
  }
}

// ---------------------------------------------------------------------------
// Decide
// ---------------------------------------------------------------------------

export function decideComplaint(command: ComplaintCommand, state: ComplaintState): ComplaintEvent[] {
  switch (command.type) {
    case 'FileComplaint':
      return file(command.data, state);
    case 'AcceptComplaint':
      return accept(command.data, state);
    case 'DismissComplaint':
      return dismiss(command.data, state);
    case 'ResolveComplaint':
      return resolve(command.data, state);
    case 'ExtendDenunciation':
      return extend(command.data, state);
    case 'MarkComplex':
      return markComplex(command.data, state);
    default:
      return assertNever(command, 'complaint command');
  }
}

function file(data: FileComplaint['data'], state: ComplaintState): ComplaintFiled[] {
  if (state.status !== 'NONE') {
    throw new RuleViolation('ALREADY_EXISTS', `complaint ${state.complaintId} already exists`, {
      complaintId: state.complaintId,
    });
  }
  if (!Object.values(ComplaintKind).includes(data.kind))
    throw new InvalidInput(`unknown complaint kind ${String(data.kind)}`, 'kind');
  requireIsoDate(data.receivedOn, 'receivedOn');
  requireText(data.complainantName, 'complainantName');
  requireText(data.content, 'content');
  if (data.awardId === null && data.dossierId === null && data.subject === null) {
    throw new RuleViolation(
      'COMPLAINT_TARGET_REQUIRED',
      'a complaint must name the award, the dossier or the subject it is about',
    );
  }
  return [
    {
      type: 'ComplaintFiled',
      data: {
        complaintId: data.complaintId,
        kind: data.kind,
        complainantName: data.complainantName,
        receivedOn: data.receivedOn,
        content: data.content,
        awardId: data.awardId,
        dossierId: data.dossierId,
        subject:
          data.subject === null ? null : { kind: data.subject.kind, id: data.subject.id, name: data.subject.name },
        acceptanceDueOn: acceptanceDueOn(data.kind, data.receivedOn),
        filedAt: data.now,
      },
    },
  ];
}

function accept(data: AcceptComplaint['data'], state: ComplaintState): ComplaintAccepted[] {
  const complaint = existing(state, data.complaintId, ComplaintStatus.RECEIVED);
  requireIsoDate(data.acceptedOn, 'acceptedOn');
  notBefore(data.acceptedOn, complaint.receivedOn, 'acceptedOn', 'received');
  if (complaint.kind === ComplaintKind.DENUNCIATION && (data.complex || data.remoteArea)) {
    throw new RuleViolation(
      'DENUNCIATION_TERM_FIXED',
      'a denunciation is resolved within 30 days of acceptance, extended for a complex case (extendDenunciation); it has no complex or remote-area term',
      { complaintId: complaint.complaintId, complex: data.complex, remoteArea: data.remoteArea },
    );
  }
  return [
    {
      type: 'ComplaintAccepted',
      data: {
        complaintId: complaint.complaintId,
        kind: complaint.kind,
        acceptedOn: data.acceptedOn,
        complex: data.complex,
        remoteArea: data.remoteArea,
        dueOn: resolutionDueOn({
          kind: complaint.kind,
          receivedOn: complaint.receivedOn,
          acceptedOn: data.acceptedOn,
          complex: data.complex,
          remoteArea: data.remoteArea,
          extensionDays: 0,
        }),
        acceptedAt: data.now,
      },
    },
  ];
}

function dismiss(data: DismissComplaint['data'], state: ComplaintState): ComplaintDismissed[] {
  const complaint = existing(state, data.complaintId, ComplaintStatus.RECEIVED);
  requireText(data.reason, 'reason');
  requireIsoDate(data.decidedOn, 'decidedOn');
  notBefore(data.decidedOn, complaint.receivedOn, 'decidedOn', 'received');
  return [
    {
      type: 'ComplaintDismissed',
      data: {
        complaintId: complaint.complaintId,
        kind: complaint.kind,
        reason: data.reason,
        decidedOn: data.decidedOn,
        dismissedAt: data.now,
      },
    },
  ];
}

function resolve(data: ResolveComplaint['data'], state: ComplaintState): ComplaintResolved[] {
  const complaint = existing(state, data.complaintId, ComplaintStatus.ACCEPTED);
  if (!Object.values(ComplaintOutcome).includes(data.outcome))
    throw new InvalidInput(`unknown outcome ${String(data.outcome)}`, 'outcome');
  requireText(data.resolution, 'resolution');
  requireIsoDate(data.decidedOn, 'decidedOn');
  notBefore(data.decidedOn, complaint.acceptedOn ?? complaint.receivedOn, 'decidedOn', 'accepted');
  if (data.revokeAward) {
    if (data.outcome === ComplaintOutcome.REJECTED) {
      throw new RuleViolation(
        'REVOCATION_NEEDS_UPHELD',
        'an award can only be revoked when the complaint is upheld or partially upheld',
        {
          outcome: data.outcome,
        },
      );
    }
    if (data.awardIdToRevoke === null) {
      throw new RuleViolation(
        'NO_AWARD_TO_REVOKE',
        `complaint ${complaint.complaintId} names no granted award to revoke`,
        {
          complaintId: complaint.complaintId,
          awardId: complaint.awardId,
          dossierId: complaint.dossierId,
        },
      );
    }
  }
  return [
    {
      type: 'ComplaintResolved',
      data: {
        complaintId: complaint.complaintId,
        kind: complaint.kind,
        outcome: data.outcome,
        resolution: data.resolution,
        decidedOn: data.decidedOn,
        revokeAward: data.revokeAward,
        revokedAwardId: data.revokeAward ? data.awardIdToRevoke : null,
        revocationDecisionNumber: data.revokeAward ? data.revocationDecisionNumber : null,
        awardId: complaint.awardId,
        dossierId: complaint.dossierId,
        resolvedAt: data.now,
      },
    },
  ];
}

export const complaintDecider: Decider<ComplaintCommand, ComplaintEvent, ComplaintState> = {
  streamType: COMPLAINT_STREAM_TYPE,
  initialState: initialComplaintState,
  evolve: evolveComplaint,
  decide: decideComplaint,
};
