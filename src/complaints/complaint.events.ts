import type { DomainEvent } from '../shared/decider';
import type { ComplaintKind, ComplaintOutcome, IsoDate, IsoInstant, SubjectKind } from '../shared/domain';

export interface ComplaintSubject {
  kind: SubjectKind;
  id: string;
  name: string;
}

/**
 * A complaint (khiếu nại), denunciation (tố cáo) or petition (kiến nghị) was received.
 * It targets an award, a dossier and/or a subject (at least one). It must be accepted
 * or dismissed by `acceptanceDueOn` (= receivedOn + 10 days).
 */
export interface ComplaintFiled extends DomainEvent<
  'ComplaintFiled',
  {
    complaintId: string;
    kind: ComplaintKind;
    complainantName: string;
    receivedOn: IsoDate;
    content: string;
    awardId: string | null;
    dossierId: string | null;
    subject: ComplaintSubject | null;
    acceptanceDueOn: IsoDate;
    filedAt: IsoInstant;
  }
> {}

/**
 * Accepted for handling; it must be resolved by `dueOn`: acceptedOn + 30 days, 45 if
 * complex, 45 in a remote area, 60 if both.
 */
export interface ComplaintAccepted extends DomainEvent<
  'ComplaintAccepted',
  {
    complaintId: string;
    kind: ComplaintKind;
    acceptedOn: IsoDate;
    complex: boolean;
    remoteArea: boolean;
    dueOn: IsoDate;
    acceptedAt: IsoInstant;
  }
> {}

/** Refused for processing (not accepted). */
export interface ComplaintDismissed extends DomainEvent<
  'ComplaintDismissed',
  {
    complaintId: string;
    kind: ComplaintKind;
    reason: string;
    decidedOn: IsoDate;
    dismissedAt: IsoInstant;
  }
> {}

/**
 * Resolved on the merits. With `revokeAward` the handler appends AwardRevoked to the
 * award `revokedAwardId` in the same command; otherwise `revokedAwardId` is null.
 */
export interface ComplaintResolved extends DomainEvent<
  'ComplaintResolved',
  {
    complaintId: string;
    kind: ComplaintKind;
    outcome: ComplaintOutcome;
    resolution: string;
    decidedOn: IsoDate;
    revokeAward: boolean;
    /** The award the resolution revokes: a process manager appends AwardRevoked to it. */
    revokedAwardId: string | null;
    /** The revoking decision's number, with `revokedAwardId`. */
    revocationDecisionNumber: string | null;
    awardId: string | null;
    dossierId: string | null;
    resolvedAt: IsoInstant;
  }
> {}

export type ComplaintEvent = ComplaintFiled | ComplaintAccepted | ComplaintDismissed | ComplaintResolved;
