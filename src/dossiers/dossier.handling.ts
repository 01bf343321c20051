/**
 * Reception (tiếp nhận) and assignment to a handling officer (cán bộ thụ lý): the
 * standing agency's decisions on a dossier before its appraisal.
 */
import { AuthorityLevel, DossierStatus, addDays, type IsoDate, type IsoInstant } from '../shared/domain';
import { InvalidInput, RuleViolation } from '../shared/errors';
import { dateOfInstant, requireIsoInstant } from '../rules/values';
import { requireIsoDate, requireText } from '../shared/validation';
import type { DossierEvent } from './dossier.events';
import { contextOf, existing, type DossierState, type SubmittedDossier } from './dossier.state';

export interface ReceiveDossier {
  type: 'ReceiveDossier';
  data: {
    dossierId: string;
    receivedOn: IsoDate;
    /** The standing agency's unit, looked up by the handler: its level is the handling level. */
    receivingUnit: { id: string; name: string; level: AuthorityLevel };
    now: IsoInstant;
  };
}

export interface AssignDossier {
  type: 'AssignDossier';
  data: {
    dossierId: string;
    /** A registered person, looked up by the handler. */
    officer: { id: string; name: string };
    now: IsoInstant;
  };
}

/** Statuses after which the standing agency has nothing left to handle. */
const HANDLING_ENDED: readonly DossierStatus[] = [
  DossierStatus.INELIGIBLE,
  DossierStatus.REJECTED,
  DossierStatus.GRANTED,
  DossierStatus.WITHDRAWN,
];

/** Whether the standing agency still has the dossier in hand: not withdrawn, refused or granted. */
export function stillInHandling(status: DossierStatus): boolean {
  return !HANDLING_ENDED.includes(status);
}

function requireReceivable(dossier: SubmittedDossier, receivedOn: IsoDate, now: IsoInstant): void {
  if (dossier.receivedOn !== null) {
    throw new RuleViolation(
      'DOSSIER_ALREADY_RECEIVED',
      `dossier ${dossier.dossierId} was received on ${dossier.receivedOn}`,
      { receivedOn: dossier.receivedOn },
    );
  }
  if (dossier.status !== DossierStatus.SUBMITTED) {
    throw new RuleViolation(
      'DOSSIER_NOT_AWAITING_RECEPTION',
      `dossier ${dossier.dossierId} is ${dossier.status}: only a submitted dossier can be received`,
      { status: dossier.status },
    );
  }
  if (receivedOn < dossier.submittedOn) {
    throw new RuleViolation(
      'RECEIVED_BEFORE_SUBMISSION',
      `receivedOn ${receivedOn} is before the submission on ${dossier.submittedOn}`,
      { submittedOn: dossier.submittedOn },
    );
  }
  // One day of slack, as for submissions: the agency's calendar (UTC+7) may be a day ahead of UTC.
  if (receivedOn > addDays(dateOfInstant(now), 1)) {
    throw new RuleViolation('RECEIVED_IN_FUTURE', `receivedOn ${receivedOn} lies in the future`);
  }
}

export function receive(data: ReceiveDossier['data'], state: DossierState): DossierEvent[] {
  const { dossierId, receivedOn, receivingUnit, now } = data;
  const dossier = existing(state, dossierId);
  requireIsoDate(receivedOn, 'receivedOn');
  requireIsoInstant(now, 'now');
  requireText(receivingUnit.id, 'receivingUnitId');
  requireText(receivingUnit.name, 'receivingUnitName');
  if (!Object.values(AuthorityLevel).includes(receivingUnit.level)) {
    throw new InvalidInput(`unknown authority level ${JSON.stringify(receivingUnit.level)}`, 'receivingUnitId');
  }
  requireReceivable(dossier, receivedOn, now);
  return [
    {
      type: 'DossierReceived',
      data: {
        ...contextOf(dossier),
        receivedOn,
        receivingUnitId: receivingUnit.id,
        receivingUnitName: receivingUnit.name,
        handlingLevel: receivingUnit.level,
        ruleSetId: dossier.ruleSetId,
        receivedAt: now,
      },
    },
  ];
}

export function assign(data: AssignDossier['data'], state: DossierState): DossierEvent[] {
  const { dossierId, officer, now } = data;
  const dossier = existing(state, dossierId);
  requireText(officer.id, 'officerId');
  requireText(officer.name, 'officerName');
  requireIsoInstant(now, 'now');
  if (dossier.receivedOn === null) {
    throw new RuleViolation(
      'DOSSIER_NOT_RECEIVED',
      `dossier ${dossierId} has not been received: only a received dossier is assigned`,
    );
  }
  if (!stillInHandling(dossier.status)) {
    throw new RuleViolation(
      'DOSSIER_NOT_IN_HANDLING',
      `dossier ${dossierId} is ${dossier.status}: its handling has ended`,
      { status: dossier.status },
    );
  }
  if (dossier.handlingOfficerId === officer.id) {
    throw new RuleViolation('OFFICER_ALREADY_ASSIGNED', `dossier ${dossierId} is already assigned to ${officer.id}`, {
      officerId: officer.id,
    });
  }
  return [
    {
      type: 'DossierAssigned',
      data: {
        ...contextOf(dossier),
        officerId: officer.id,
        officerName: officer.name,
        previousOfficerId: dossier.handlingOfficerId,
        assignedAt: now,
      },
    },
  ];
}
