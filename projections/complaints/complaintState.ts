/**
 * The complaints read model's lifecycle columns, and the fold of a batch's complaint
 * events into them, in log order: a complaint filed, accepted and resolved in one
 * batch ends resolved.
 */
import type { ComplaintFiled } from '../../src/complaints/complaint.events';
import type { RecordedDomainEvent, RecordedOfType } from '../../src/eventStore/recordedDomainEvent';
import { ComplaintStatus } from '../../src/shared/domain';

/** The columns the lifecycle events change, as text where dates are, so a row loaded and written back is unchanged. */
export interface ComplaintState {
  complaint_id: string;
  status: ComplaintStatus;
  accepted_on: string | null;
  complex: boolean;
  remote_area: boolean;
  due_on: string | null;
  extension_count: number;
  extension_days: number;
  resolved_on: string | null;
  outcome: string | null;
  revoked_award_id: string | null;
  updated_position: string;
}

/** The complaints a batch files and changes, starting from the earlier complaints it changes. */
export class ComplaintsFold {
  /** The filings of the batch, by complaint. */
  readonly filed = new Map<string, ComplaintFiled['data']>();
  /** Complaints filed before the batch that it changes. */
  readonly changedEarlier = new Set<string>();

  /** `states`: the complaints filed before the batch that it changes, as loaded; the fold adds and changes rows. */
  constructor(readonly states: Map<string, ComplaintState>) {}

  apply(event: RecordedDomainEvent): void {
    switch (event.type) {
      case 'ComplaintFiled':
        this.file(event);
        return;
      case 'ComplaintAccepted': {
        const d = event.data;
        this.change(event, d.complaintId, {
          status: ComplaintStatus.ACCEPTED,
          accepted_on: d.acceptedOn,
          complex: d.complex,
          remote_area: d.remoteArea,
          due_on: d.dueOn,
        });
        return;
      }
      case 'ComplaintDismissed':
        this.change(event, event.data.complaintId, {
          status: ComplaintStatus.DISMISSED,
          resolved_on: event.data.decidedOn,
        });
        return;
      case 'ComplaintResolved': {
        const d = event.data;
        this.change(event, d.complaintId, {
          status: ComplaintStatus.RESOLVED,
          resolved_on: d.decidedOn,
          outcome: d.outcome,
          revoked_award_id: d.revokedAwardId,
        });
        return;
      }
      case 'DenunciationExtended': {
        const state = this.states.get(event.data.complaintId);
        this.change(event, event.data.complaintId, {
          due_on: event.data.dueOn,
          extension_count: (state?.extension_count ?? 0) + 1,
          extension_days: (state?.extension_days ?? 0) + event.data.days,
        });
        return;
      }
      case 'ComplaintMarkedComplex':
        this.change(event, event.data.complaintId, { complex: true, due_on: event.data.dueOn });
        return;
      default:
        return;
    }
  }

  private file(event: RecordedOfType<'ComplaintFiled'>): void {
    const d = event.data;
    // Filing twice is an error, as the primary key would make it.
    if (this.filed.has(d.complaintId)) throw new Error(`complaint ${d.complaintId} was filed twice`);
    this.filed.set(d.complaintId, d);
    this.states.set(d.complaintId, {
      complaint_id: d.complaintId,
      status: ComplaintStatus.RECEIVED,
      accepted_on: null,
      complex: false,
      remote_area: false,
      due_on: null,
      extension_count: 0,
      extension_days: 0,
      resolved_on: null,
      outcome: null,
      revoked_award_id: null,
      updated_position: event.position,
    });
  }

  private change(event: RecordedDomainEvent, complaintId: string, values: Partial<ComplaintState>): void {
    const state = this.states.get(complaintId);
    if (!state) throw new Error(`complaint ${complaintId} was never filed`);
    Object.assign(state, values, { updated_position: event.position });
    if (!this.filed.has(complaintId)) this.changedEarlier.add(complaintId);
  }
}
