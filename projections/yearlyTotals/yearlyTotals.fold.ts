import type { ComplaintFiled } from '../../src/complaints/complaint.events';
import type { RecordedDomainEvent, RecordedOfType } from '../../src/eventStore/recordedDomainEvent';
import { assertNever } from '../../src/shared/decider';
import { ComplaintOutcome, ComplaintStatus, daysBetween, SubjectKind } from '../../src/shared/domain';
import {
  awardMethodOf,
  type AwardRow,
  type ComplaintRow,
  type DossierRow,
  type YearlyTotalsBatch,
} from './yearlyTotals.rows';

type AwardEventType = 'AwardGranted' | 'AwardRevoked';
type DossierEventType =
  | 'DossierSubmitted'
  | 'DossierReturned'
  | 'DossierWithdrawn'
  | 'DossierAppraised'
  | 'DossierResolved'
  | 'DossierGranted';
type ComplaintEventType =
  | 'ComplaintFiled'
  | 'ComplaintAccepted'
  | 'ComplaintDismissed'
  | 'ComplaintResolved'
  | 'DenunciationExtended'
  | 'ComplaintMarkedComplex';

function award(batch: YearlyTotalsBatch, event: RecordedDomainEvent, awardId: string): AwardRow {
  const tracked = batch.awards.get(awardId);
  if (!tracked) throw new Error(`${event.type} for award ${awardId}, which was never granted`);
  return tracked.row;
}

function dossier(batch: YearlyTotalsBatch, event: RecordedDomainEvent, dossierId: string): DossierRow {
  const tracked = batch.dossiers.get(dossierId);
  if (!tracked) throw new Error(`${event.type} for dossier ${dossierId}, which was never submitted`);
  return tracked.row;
}

function complaint(batch: YearlyTotalsBatch, event: RecordedDomainEvent, complaintId: string): ComplaintRow {
  const tracked = batch.complaints.get(complaintId);
  if (!tracked) throw new Error(`${event.type} for complaint ${complaintId}, which was never filed`);
  return tracked.row;
}

/**
 * The unit of the complaint's subject: the collective itself, the person's unit now, or
 * the award's / dossier's subject unit. A household's commune is not kept here: a
 * complaint naming a household directly counts for no unit.
 */
function complaintUnit(batch: YearlyTotalsBatch, c: ComplaintFiled['data']): string | null {
  if (c.subject)
    switch (c.subject.kind) {
      case SubjectKind.COLLECTIVE:
        return c.subject.id;
      case SubjectKind.INDIVIDUAL:
        return batch.people.get(c.subject.id) ?? null;
      default:
        return null;
    }
  if (c.awardId) return batch.awards.get(c.awardId)?.row.unitId ?? null;
  if (c.dossierId) return batch.dossiers.get(c.dossierId)?.row.unitId ?? null;
  return null;
}

function applyAwardEvent(batch: YearlyTotalsBatch, event: RecordedOfType<AwardEventType>): void {
  if (event.type === 'AwardRevoked') {
    award(batch, event, event.data.awardId).revoked = true;
    return;
  }
  const a = event.data;
  const individual = a.subject.kind === SubjectKind.INDIVIDUAL;
  batch.awards.set(a.awardId, {
    before: null,
    row: {
      awardId: a.awardId,
      periodKind: a.period.kind,
      periodYear: a.period.year,
      unitId: a.subjectUnitId,
      award: a.award,
      individual,
      directWorker: individual && a.directWorker,
      female: individual && a.female,
      revoked: false,
      rewardVnd: a.rewardVnd ?? null,
      method: awardMethodOf(a),
      issuedByLevel: a.issuedByLevel,
    },
  });
}

function submitDossier(batch: YearlyTotalsBatch, { data: s }: RecordedOfType<'DossierSubmitted'>): void {
  batch.dossiers.set(s.dossierId, {
    before: null,
    row: {
      dossierId: s.dossierId,
      periodKind: s.period.kind,
      periodYear: s.period.year,
      unitId: s.nomineeUnitId,
      submittedOn: s.submittedOn,
      returned: false,
      eligible: null,
      approved: null,
      decisionDays: null,
      granted: false,
      withdrawn: false,
    },
  });
}

/** The council's vote, with the days from submission to the session that held it. */
function resolveDossier(batch: YearlyTotalsBatch, event: RecordedOfType<'DossierResolved'>): void {
  const r = event.data;
  const row = dossier(batch, event, r.dossierId);
  const heldOn = batch.sessions.get(r.sessionId);
  if (heldOn === undefined)
    throw new Error(
      `DossierResolved for dossier ${r.dossierId} names session ${r.sessionId}, which was never convened`,
    );
  row.approved = r.approved;
  row.decisionDays = daysBetween(row.submittedOn, heldOn);
}

function applyDossierEvent(batch: YearlyTotalsBatch, event: RecordedOfType<DossierEventType>): void {
  switch (event.type) {
    case 'DossierSubmitted':
      return submitDossier(batch, event);
    case 'DossierReturned':
      dossier(batch, event, event.data.dossierId).returned = true;
      return;
    case 'DossierWithdrawn':
      dossier(batch, event, event.data.dossierId).withdrawn = true;
      return;
    case 'DossierAppraised':
      dossier(batch, event, event.data.dossierId).eligible = event.data.eligible;
      return;
    case 'DossierResolved':
      return resolveDossier(batch, event);
    case 'DossierGranted':
      dossier(batch, event, event.data.dossierId).granted = true;
      return;
    default:
      return assertNever(event, 'dossier event');
  }
}

function fileComplaint(batch: YearlyTotalsBatch, { data: c }: RecordedOfType<'ComplaintFiled'>): void {
  batch.complaints.set(c.complaintId, {
    before: null,
    row: {
      complaintId: c.complaintId,
      unitId: complaintUnit(batch, c),
      kind: c.kind,
      receivedOn: c.receivedOn,
      acceptanceDueOn: c.acceptanceDueOn,
      acceptedOn: null,
      dueOn: null,
      closedOn: null,
      status: ComplaintStatus.RECEIVED,
      upheld: false,
    },
  });
}

function applyComplaintEvent(batch: YearlyTotalsBatch, event: RecordedOfType<ComplaintEventType>): void {
  switch (event.type) {
    case 'ComplaintFiled':
      return fileComplaint(batch, event);
    case 'ComplaintAccepted': {
      const c = event.data;
      const row = complaint(batch, event, c.complaintId);
      Object.assign(row, { status: ComplaintStatus.ACCEPTED, acceptedOn: c.acceptedOn, dueOn: c.dueOn });
      return;
    }
    case 'ComplaintDismissed':
      Object.assign(complaint(batch, event, event.data.complaintId), {
        status: ComplaintStatus.DISMISSED,
        closedOn: event.data.decidedOn,
      });
      return;
    case 'ComplaintResolved': {
      const c = event.data;
      Object.assign(complaint(batch, event, c.complaintId), {
        status: ComplaintStatus.RESOLVED,
        closedOn: c.decidedOn,
        upheld: c.outcome === ComplaintOutcome.UPHELD || c.outcome === ComplaintOutcome.PARTIALLY_UPHELD,
      });
      return;
    }
    case 'DenunciationExtended':
    case 'ComplaintMarkedComplex':
      complaint(batch, event, event.data.complaintId).dueOn = event.data.dueOn;
      return;
    default:
      return assertNever(event, 'complaint event');
  }
}

/** One event applied to the batch's rows, in log order. */
export function applyYearlyTotalsEvent(batch: YearlyTotalsBatch, event: RecordedDomainEvent): void {
  switch (event.type) {
    case 'UnitRegistered':
      batch.units.set(event.data.unitId, event.data.parentUnitId);
      batch.unitLevels.set(event.data.unitId, event.data.level);
      return;
    case 'UnitMerged':
      batch.mergedInto.set(event.data.unitId, event.data.intoUnitId);
      return;
    case 'WorkforceReported': {
      const { unitId, year, figures } = event.data;
      batch.workforce.set(`${unitId}:${year}`, { unitId, year, figures });
      return;
    }
    case 'MovementLaunched': {
      const m = event.data;
      batch.movements.set(m.movementId, {
        movementId: m.movementId,
        launchedByUnitId: m.launchedByUnitId,
        kind: m.kind,
        startsOn: m.startsOn,
        endsOn: m.endsOn,
      });
      return;
    }
    case 'PersonRegistered':
      batch.people.set(event.data.personId, event.data.unitId);
      batch.changedPeople.add(event.data.personId);
      return;
    case 'PersonTransferred':
      batch.people.set(event.data.personId, event.data.toUnitId);
      batch.changedPeople.add(event.data.personId);
      return;
    case 'CouncilSessionConvened':
      batch.sessions.set(event.data.sessionId, event.data.heldOn);
      batch.newSessions.add(event.data.sessionId);
      return;
    case 'AwardGranted':
    case 'AwardRevoked':
      return applyAwardEvent(batch, event);
    case 'DossierSubmitted':
    case 'DossierReturned':
    case 'DossierWithdrawn':
    case 'DossierAppraised':
    case 'DossierResolved':
    case 'DossierGranted':
      return applyDossierEvent(batch, event);
    case 'ComplaintFiled':
    case 'ComplaintAccepted':
    case 'ComplaintDismissed':
    case 'ComplaintResolved':
    case 'DenunciationExtended':
    case 'ComplaintMarkedComplex':
      return applyComplaintEvent(batch, event);
    default:
      return;
  }
}
