/**
 * The dossiers read model's row, and the pure fold of dossier events into it. The
 * row's keys are the table's columns, so a batch loads rows with `to_jsonb` and writes
 * them back with `jsonb_to_recordset` without any mapping in between.
 */
import type { DossierEvent, RouteStep } from '../../src/dossiers/dossier.events';
import { dossierDueDate, type DossierDueDateRule } from '../../src/dossiers/dossierDueDate';
import type { Recorded, RecordedDomainEvent, RecordedOfType } from '../../src/eventStore/recordedDomainEvent';
import { assertNever } from '../../src/shared/decider';
import {
  DossierProcedure,
  DossierStatus,
  type BallotTally,
  type IsoDate,
  type IsoInstant,
  type RuleCheck,
} from '../../src/shared/domain';

export interface DossierRecord {
  dossier_id: string;
  status: DossierStatus;
  nominee_kind: string;
  nominee_id: string;
  nominee_name: string;
  nominee_unit_id: string;
  award: string;
  period_kind: string;
  period_year: number;
  proposing_unit_id: string;
  proposing_unit_name: string;
  movement_id: string | null;
  submitted_on: IsoDate;
  submitted_at: IsoInstant;
  rule_set_id: string;
  checks: RuleCheck[];
  appraised_at: IsoInstant | null;
  return_count: number;
  session_id: string | null;
  tally: BallotTally | null;
  resolved_on: IsoDate | null;
  award_id: string | null;
  decision_number: string | null;
  decided_on: IsoDate | null;
  withdrawn_at: IsoInstant | null;
  version: number;
  updated_position: string;
  received_on: IsoDate | null;
  receiving_unit_id: string | null;
  handling_level: string | null;
  handling_officer_id: string | null;
  handling_officer_name: string | null;
  assigned_at: IsoInstant | null;
  due_on: IsoDate | null;
  procedure: DossierProcedure;
  achieved_on: IsoDate | null;
  route: RouteStep[];
  handling_unit_id: string | null;
  proposal_id: string | null;
  proposal_number: string | null;
  proposed_on: IsoDate | null;
}

/** Every column with its SQL type, in table order: the shape `jsonb_to_recordset` reads rows back in. */
export const DOSSIER_COLUMNS: ReadonlyArray<readonly [keyof DossierRecord, string]> = [
  ['dossier_id', 'text'],
  ['status', 'text'],
  ['nominee_kind', 'text'],
  ['nominee_id', 'text'],
  ['nominee_name', 'text'],
  ['nominee_unit_id', 'text'],
  ['award', 'text'],
  ['period_kind', 'text'],
  ['period_year', 'integer'],
  ['proposing_unit_id', 'text'],
  ['proposing_unit_name', 'text'],
  ['movement_id', 'text'],
  ['submitted_on', 'date'],
  ['submitted_at', 'timestamptz'],
  ['rule_set_id', 'text'],
  ['checks', 'jsonb'],
  ['appraised_at', 'timestamptz'],
  ['return_count', 'integer'],
  ['session_id', 'text'],
  ['tally', 'jsonb'],
  ['resolved_on', 'date'],
  ['award_id', 'text'],
  ['decision_number', 'text'],
  ['decided_on', 'date'],
  ['withdrawn_at', 'timestamptz'],
  ['version', 'integer'],
  ['updated_position', 'bigint'],
  ['received_on', 'date'],
  ['receiving_unit_id', 'text'],
  ['handling_level', 'text'],
  ['handling_officer_id', 'text'],
  ['handling_officer_name', 'text'],
  ['assigned_at', 'timestamptz'],
  ['due_on', 'date'],
  ['procedure', 'text'],
  ['achieved_on', 'date'],
  ['route', 'jsonb'],
  ['handling_unit_id', 'text'],
  ['proposal_id', 'text'],
  ['proposal_number', 'text'],
  ['proposed_on', 'date'],
];

/** The held-on date of a council session, or null when the read model never saw it convened. */
export type SessionDates = (sessionId: string) => IsoDate | null;

/** The dossier events after the submission: each changes some columns of an existing row. */
type DossierChange = Exclude<Recorded<DossierEvent>, { type: 'DossierSubmitted' }>;

function existing(record: DossierRecord | null, event: DossierChange): DossierRecord {
  if (record === null) {
    throw new Error(`${event.type} for dossier ${event.data.dossierId}, which was never submitted`);
  }
  return record;
}

/** Stream bookkeeping every event updates: the version is the event's place in the dossier stream. */
function touched(record: DossierRecord, event: DossierChange): DossierRecord {
  return { ...record, version: Math.max(record.version, event.streamVersion), updated_position: event.position };
}

function submittedRecord(record: DossierRecord | null, event: RecordedOfType<'DossierSubmitted'>): DossierRecord {
  if (record !== null) throw new Error(`dossier ${record.dossier_id} was submitted twice`);
  const d = event.data;
  return {
    dossier_id: d.dossierId,
    status: DossierStatus.SUBMITTED,
    nominee_kind: d.nominee.kind,
    nominee_id: d.nominee.id,
    nominee_name: d.nominee.name,
    nominee_unit_id: d.nomineeUnitId,
    award: d.award,
    period_kind: d.period.kind,
    period_year: d.period.year,
    proposing_unit_id: d.proposingUnitId,
    proposing_unit_name: d.proposingUnitName,
    movement_id: d.movementId,
    submitted_on: d.submittedOn,
    submitted_at: event.recordedAt,
    rule_set_id: d.ruleSetId,
    checks: [],
    appraised_at: null,
    return_count: 0,
    session_id: null,
    tally: null,
    resolved_on: null,
    award_id: null,
    decision_number: null,
    decided_on: null,
    withdrawn_at: null,
    version: event.streamVersion,
    updated_position: event.position,
    received_on: null,
    receiving_unit_id: null,
    handling_level: null,
    handling_officer_id: null,
    handling_officer_name: null,
    assigned_at: null,
    due_on: null,
    procedure: d.procedure ?? DossierProcedure.STANDARD,
    achieved_on: d.achievedOn ?? null,
    route: [],
    handling_unit_id: null,
    proposal_id: null,
    proposal_number: null,
    proposed_on: null,
  };
}

/** Reception: the facts the due date follows from (the procedure from the submission) and the date the rule gives. */
function reception(
  event: RecordedOfType<'DossierReceived'>,
  procedure: DossierProcedure,
  dueDate: DossierDueDateRule,
): Partial<DossierRecord> {
  const d = event.data;
  return {
    received_on: d.receivedOn,
    receiving_unit_id: d.receivingUnitId,
    handling_unit_id: d.receivingUnitId,
    handling_level: d.handlingLevel,
    due_on: dueDate({ receivedOn: d.receivedOn, handlingLevel: d.handlingLevel, ruleSetId: d.ruleSetId, procedure }),
  };
}

/** The council's vote: resolved on the day the session was held. */
function resolution(event: RecordedOfType<'DossierResolved'>, sessions: SessionDates): Partial<DossierRecord> {
  const d = event.data;
  const heldOn = sessions(d.sessionId);
  if (heldOn === null)
    throw new Error(
      `DossierResolved for dossier ${d.dossierId} names council session ${d.sessionId}, which was never convened`,
    );
  return {
    status: d.approved ? DossierStatus.APPROVED : DossierStatus.REJECTED,
    session_id: d.sessionId,
    tally: d.tally,
    resolved_on: heldOn,
  };
}

/**
 * Forwarding: the route gains a step and the dossier awaits reception at the higher level,
 * with none of that level's handling yet (the lower level's vote stays in the audit trail).
 */
function forwarding(record: DossierRecord, event: RecordedOfType<'DossierForwarded'>): Partial<DossierRecord> {
  const step = event.data.step;
  return {
    status: DossierStatus.SUBMITTED,
    route: [...record.route, step],
    handling_unit_id: step.toUnitId,
    received_on: null,
    receiving_unit_id: null,
    handling_level: step.toLevel,
    handling_officer_id: null,
    handling_officer_name: null,
    assigned_at: null,
    due_on: null,
    checks: [],
    appraised_at: null,
    session_id: null,
    tally: null,
    resolved_on: null,
  };
}

/** The memo (tờ trình) that carries the dossier, once submitted. */
export function carriedBy(record: DossierRecord, event: RecordedOfType<'ProposalSubmitted'>): DossierRecord {
  const d = event.data;
  return { ...record, proposal_id: d.proposalId, proposal_number: d.number, proposed_on: d.proposedOn };
}

/** The columns an event after the submission changes. */
function changesOf(
  record: DossierRecord,
  event: DossierChange,
  sessions: SessionDates,
  dueDate: DossierDueDateRule,
): Partial<DossierRecord> {
  switch (event.type) {
    case 'DossierReceived':
      return reception(event, record.procedure, dueDate);
    case 'DossierAssigned':
      return {
        handling_officer_id: event.data.officerId,
        handling_officer_name: event.data.officerName,
        assigned_at: event.data.assignedAt,
      };
    case 'DossierReturned':
      return { status: DossierStatus.RETURNED, return_count: event.data.returnNo };
    case 'DossierResubmitted':
      return { status: DossierStatus.SUBMITTED };
    case 'DossierWithdrawn':
      return { status: DossierStatus.WITHDRAWN, withdrawn_at: event.data.withdrawnAt };
    case 'DossierAppraised': {
      const d = event.data;
      return {
        status: d.eligible ? DossierStatus.ELIGIBLE : DossierStatus.INELIGIBLE,
        rule_set_id: d.ruleSetId,
        checks: d.checks,
        appraised_at: d.appraisedAt,
      };
    }
    case 'DossierResolved':
      return resolution(event, sessions);
    case 'DocumentAttached':
      // The documents have a table of their own (dossiers.projection.ts); the row counts the event.
      return {};
    case 'DossierGranted': {
      const d = event.data;
      return {
        status: DossierStatus.GRANTED,
        award_id: d.awardId,
        decision_number: d.decisionNumber,
        decided_on: d.decidedOn,
      };
    }
    case 'DossierForwarded':
      return forwarding(record, event);
    default:
      return assertNever(event, 'dossier event');
  }
}

/**
 * One dossier event applied to the dossier's row (null before DossierSubmitted). The
 * statuses follow the dossier decider's evolve: submitted and resubmitted dossiers are
 * SUBMITTED; the appraisal makes them ELIGIBLE or INELIGIBLE, the council's vote
 * APPROVED or REJECTED, the award decision GRANTED. Throws on an event the row cannot
 * take (a dossier event before its submission, a vote in a session never convened):
 * the runner then stops the projection at that event rather than skip it. `dueDate`
 * dates a received dossier's appraisal.
 */
export function foldDossierEvent(
  record: DossierRecord | null,
  event: RecordedDomainEvent,
  sessions: SessionDates,
  dueDate: DossierDueDateRule = dossierDueDate,
): DossierRecord {
  switch (event.type) {
    case 'DossierSubmitted':
      return submittedRecord(record, event);
    case 'DossierReturned':
    case 'DossierResubmitted':
    case 'DossierReceived':
    case 'DossierAssigned':
    case 'DossierWithdrawn':
    case 'DossierAppraised':
    case 'DossierResolved':
    case 'DossierGranted':
    case 'DocumentAttached':
    case 'DossierForwarded': {
      const before = existing(record, event);
      return touched({ ...before, ...changesOf(before, event, sessions, dueDate) }, event);
    }
    default:
      throw new Error(`the dossiers read model does not handle ${event.type}`);
  }
}
