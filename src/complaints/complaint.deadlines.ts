/**
 * A complaint's deadlines: acceptance from receipt, resolution from acceptance (with a
 * complaint's complex term or a denunciation's extensions), from the legal terms and
 * the holiday calendar (src/rules/legalTerms.ts).
 */
import { dueDateFor } from '../rules/legalTerms';
import { ComplaintStatus, type ComplaintKind, type IsoDate } from '../shared/domain';

export function acceptanceDueOn(kind: ComplaintKind, receivedOn: IsoDate): IsoDate {
  return dueDateFor({ item: 'COMPLAINT_ACCEPTANCE', kind, receivedOn }).dueOn;
}

export interface ResolutionFacts {
  kind: ComplaintKind;
  receivedOn: IsoDate;
  acceptedOn: IsoDate;
  complex: boolean;
  remoteArea: boolean;
  /** Days granted by a denunciation's extensions, in total. */
  extensionDays: number;
}

export function resolutionDueOn(facts: ResolutionFacts): IsoDate {
  return dueDateFor({ item: 'COMPLAINT_RESOLUTION', ...facts }).dueOn;
}

/**
 * What `complaintOverdue` needs: the decider's state, or a read-model row with the
 * contract's field names. `acceptedOn` and `resolvedOn` (the date of the resolution or
 * dismissal) are optional: when given, the answer is as of `on` even for a complaint
 * that has moved on since (a complaint resolved later was still open on `on`).
 */
export interface ComplaintDeadlineFacts {
  status: ComplaintStatus | `${ComplaintStatus}`;
  receivedOn: IsoDate;
  acceptanceDueOn: IsoDate;
  dueOn: IsoDate | null;
  acceptedOn?: IsoDate | null;
  resolvedOn?: IsoDate | null;
}

/**
 * Whether a complaint is overdue on the date `on`: still RECEIVED after its acceptance
 * due date (on > acceptanceDueOn), or ACCEPTED past its due date (on > dueOn, extensions
 * included). Resolved and dismissed complaints are not overdue (from their decision date
 * on, when it is known); nor is anything before it was received.
 */
export function complaintOverdue(complaint: ComplaintDeadlineFacts | { status: 'NONE' }, on: IsoDate): boolean {
  if (complaint.status === 'NONE') return false;
  const c = complaint as ComplaintDeadlineFacts;
  if (on < c.receivedOn) return false;
  const closed = c.status === ComplaintStatus.RESOLVED || c.status === ComplaintStatus.DISMISSED;
  if (closed) {
    const closedOn = c.resolvedOn ?? null;
    if (closedOn === null || closedOn <= on) return false;
  }
  const acceptedOn = c.acceptedOn ?? null;
  const acceptedByThen = acceptedOn !== null ? acceptedOn <= on : c.status === ComplaintStatus.ACCEPTED;
  if (acceptedByThen) return c.dueOn !== null && on > c.dueOn;
  return on > c.acceptanceDueOn;
}
