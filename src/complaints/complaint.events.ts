import type { DomainEvent } from '../shared/decider';
import type { ComplaintKind, ComplaintOutcome, IsoDate, IsoInstant, SubjectKind } from '../shared/domain';

/** How complex a denunciation is: a complex one may be extended once, an especially complex one twice. */
export enum DenunciationComplexity {
  COMPLEX = 'COMPLEX',
  ESPECIALLY_COMPLEX = 'ESPECIALLY_COMPLEX',
}

export interface ComplaintSubject {
  kind: SubjectKind;
  id: string;
  name: string;
}

/**
 * A complaint (khiếu nại), denunciation (tố cáo) or petition (kiến nghị) was received.
 * It targets an award, a dossier and/or a subject (at least one). It must be accepted
 * or dismissed by `acceptanceDueOn`: 10 days for a complaint or petition, 7 working days
 * for a denunciation (src/rules/legalTerms.data.ts).
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
 * Accepted for handling; it must be resolved by `dueOn`: a complaint or petition
 * acceptedOn + 30 days, 45 if complex, 45 in a remote area, 60 if both; a denunciation
 * acceptedOn + 30 days (never complex or remote here: it is extended instead).
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

/**
 * A denunciation's resolution term extended by `days` (at most 30) because the case is
 * complex (once) or especially complex (twice): Law on Denunciations 2018 Art. 30(1).
 * `dueOn` is the new deadline: 30 days from acceptance plus every extension so far.
 */
export interface DenunciationExtended extends DomainEvent<
  'DenunciationExtended',
  {
    complaintId: string;
    kind: ComplaintKind;
    days: number;
    reason: string;
    complexity: DenunciationComplexity;
    /** 1 for the first extension, 2 for the second. */
    extensionNumber: number;
    extendedOn: IsoDate;
    previousDueOn: IsoDate;
    dueOn: IsoDate;
    extendedAt: IsoInstant;
  }
> {}

/**
 * An accepted complaint or petition found complex: its resolution term becomes the
 * complex one (45 days, 60 in a remote area; Law on Complaints 2011 Art. 28), once.
 */
export interface ComplaintMarkedComplex extends DomainEvent<
  'ComplaintMarkedComplex',
  {
    complaintId: string;
    kind: ComplaintKind;
    markedOn: IsoDate;
    previousDueOn: IsoDate;
    dueOn: IsoDate;
    markedAt: IsoInstant;
  }
> {}

export type ComplaintEvent =
  | ComplaintFiled
  | ComplaintAccepted
  | ComplaintDismissed
  | ComplaintResolved
  | DenunciationExtended
  | ComplaintMarkedComplex;
