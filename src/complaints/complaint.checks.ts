/** Checks every complaint command makes: the complaint exists in the status it needs; dates keep their order. */
import type { ComplaintStatus, IsoDate } from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import type { ComplaintState, FiledComplaint } from './complaint.decider';

export function existing(state: ComplaintState, complaintId: string, required: ComplaintStatus): FiledComplaint {
  if (state.status === 'NONE') throw new NotFound('Complaint', complaintId);
  if (state.status !== required) {
    throw new RuleViolation(
      'COMPLAINT_STATUS',
      `complaint ${state.complaintId} is ${state.status}; this needs it ${required}`,
      {
        complaintId: state.complaintId,
        status: state.status,
        required,
      },
    );
  }
  return state;
}

export function notBefore(date: IsoDate, earliest: IsoDate, field: string, what: string): void {
  if (date < earliest)
    throw new InvalidInput(`${field} ${date} is before the complaint was ${what} (${earliest})`, field);
}
