/**
 * Longer resolution terms for hard cases. A denunciation is extended (Law on
 * Denunciations 2018 Art. 30(1): up to 30 days each time, once for a complex case, twice
 * for an especially complex one); a complaint or petition has no extension but moves to
 * the complex term once (Law on Complaints 2011 Art. 28).
 */
import { denunciationTermsOn } from '../rules/legalTerms';
import { ComplaintKind, ComplaintStatus, type IsoDate, type IsoInstant } from '../shared/domain';
import { InvalidInput, RuleViolation } from '../shared/errors';
import { requireIsoDate, requireText } from '../shared/validation';
import { existing, notBefore } from './complaint.checks';
import { resolutionDueOn } from './complaint.deadlines';
import type { ComplaintState, FiledComplaint } from './complaint.decider';
import { DenunciationComplexity, type ComplaintMarkedComplex, type DenunciationExtended } from './complaint.events';

export interface ExtendDenunciation {
  type: 'ExtendDenunciation';
  data: {
    complaintId: string;
    days: number;
    reason: string;
    complexity: DenunciationComplexity;
    extendedOn: IsoDate;
    now: IsoInstant;
  };
}

export interface MarkComplex {
  type: 'MarkComplex';
  data: { complaintId: string; markedOn: IsoDate; now: IsoInstant };
}

export function evolveExtensions(
  state: FiledComplaint,
  event: DenunciationExtended | ComplaintMarkedComplex,
): FiledComplaint {
  if (event.type === 'DenunciationExtended')
    return { ...state, extensions: [...state.extensions, event.data.days], dueOn: event.data.dueOn };
  return { ...state, complex: true, dueOn: event.data.dueOn };
}

function totalDays(extensions: readonly number[]): number {
  return extensions.reduce((sum, days) => sum + days, 0);
}

/** The term can only be lengthened while it runs: on or before the current due date. */
function withinTerm(complaint: FiledComplaint & { dueOn: IsoDate }, on: IsoDate, field: string): void {
  notBefore(on, complaint.acceptedOn ?? complaint.receivedOn, field, 'accepted');
  if (on > complaint.dueOn) {
    throw new RuleViolation(
      'TERM_ALREADY_EXPIRED',
      `the resolution term of ${complaint.complaintId} ended on ${complaint.dueOn}; it can no longer be lengthened`,
      { complaintId: complaint.complaintId, dueOn: complaint.dueOn, [field]: on },
    );
  }
}

function accepted(
  state: ComplaintState,
  complaintId: string,
): FiledComplaint & { dueOn: IsoDate; acceptedOn: IsoDate } {
  const complaint = existing(state, complaintId, ComplaintStatus.ACCEPTED);
  return complaint as FiledComplaint & { dueOn: IsoDate; acceptedOn: IsoDate };
}

function checkExtension(complaint: FiledComplaint, data: ExtendDenunciation['data']): number {
  if (complaint.kind !== ComplaintKind.DENUNCIATION) {
    throw new RuleViolation(
      'EXTENSION_ONLY_FOR_DENUNCIATIONS',
      `${complaint.complaintId} is a ${complaint.kind}: the Law on Complaints has no extension (use markComplex)`,
      { complaintId: complaint.complaintId, kind: complaint.kind },
    );
  }
  if (!Object.values(DenunciationComplexity).includes(data.complexity))
    throw new InvalidInput(`unknown complexity ${String(data.complexity)}`, 'complexity');
  if (!Number.isInteger(data.days) || data.days < 1) throw new InvalidInput('days must be a whole number ≥ 1', 'days');
  const terms = denunciationTermsOn(complaint.receivedOn);
  if (data.days > terms.extension.days) {
    throw new RuleViolation(
      'EXTENSION_TOO_LONG',
      `an extension is at most ${terms.extension.days} days (${terms.extension.source})`,
      { days: data.days, maxDays: terms.extension.days },
    );
  }
  const allowed = terms.maxExtensions[data.complexity];
  if (complaint.extensions.length >= allowed) {
    throw new RuleViolation(
      'EXTENSION_LIMIT_REACHED',
      `a ${data.complexity} denunciation may be extended ${allowed === 1 ? 'once' : `${allowed} times`}; ${complaint.complaintId} has been extended ${complaint.extensions.length} time(s)`,
      {
        complaintId: complaint.complaintId,
        complexity: data.complexity,
        extensions: complaint.extensions.length,
        allowed,
      },
    );
  }
  return complaint.extensions.length + 1;
}

export function extend(data: ExtendDenunciation['data'], state: ComplaintState): DenunciationExtended[] {
  const complaint = accepted(state, data.complaintId);
  const extensionNumber = checkExtension(complaint, data);
  requireText(data.reason, 'reason');
  requireIsoDate(data.extendedOn, 'extendedOn');
  withinTerm(complaint, data.extendedOn, 'extendedOn');
  const dueOn = resolutionDueOn({
    kind: complaint.kind,
    receivedOn: complaint.receivedOn,
    acceptedOn: complaint.acceptedOn,
    complex: false,
    remoteArea: false,
    extensionDays: totalDays(complaint.extensions) + data.days,
  });
  return [
    {
      type: 'DenunciationExtended',
      data: {
        complaintId: complaint.complaintId,
        kind: complaint.kind,
        days: data.days,
        reason: data.reason,
        complexity: data.complexity,
        extensionNumber,
        extendedOn: data.extendedOn,
        previousDueOn: complaint.dueOn,
        dueOn,
        extendedAt: data.now,
      },
    },
  ];
}

export function markComplex(data: MarkComplex['data'], state: ComplaintState): ComplaintMarkedComplex[] {
  const complaint = accepted(state, data.complaintId);
  if (complaint.kind === ComplaintKind.DENUNCIATION) {
    throw new RuleViolation(
      'COMPLEX_TERM_NOT_FOR_DENUNCIATIONS',
      `${complaint.complaintId} is a denunciation: a complex one is extended (extendDenunciation)`,
      { complaintId: complaint.complaintId },
    );
  }
  if (complaint.complex) {
    throw new RuleViolation('ALREADY_COMPLEX', `${complaint.complaintId} already has the complex term`, {
      complaintId: complaint.complaintId,
      dueOn: complaint.dueOn,
    });
  }
  requireIsoDate(data.markedOn, 'markedOn');
  withinTerm(complaint, data.markedOn, 'markedOn');
  const dueOn = resolutionDueOn({
    kind: complaint.kind,
    receivedOn: complaint.receivedOn,
    acceptedOn: complaint.acceptedOn,
    complex: true,
    remoteArea: complaint.remoteArea,
    extensionDays: 0,
  });
  return [
    {
      type: 'ComplaintMarkedComplex',
      data: {
        complaintId: complaint.complaintId,
        kind: complaint.kind,
        markedOn: data.markedOn,
        previousDueOn: complaint.dueOn,
        dueOn,
        markedAt: data.now,
      },
    },
  ];
}
