/** A dossier's state, folded from its own stream: where it stands and what the next decision needs. */
import { assertNever } from '../shared/decider';
import {
  DossierProcedure,
  DossierStatus,
  type AwardKind,
  type BallotTally,
  type IsoDate,
  type IsoInstant,
  type Period,
  type RuleCheck,
} from '../shared/domain';
import type { RuleSetId } from '../rules/ruleSets';
import type { NamedSubject } from '../rules/values';
import { NotFound } from '../shared/errors';
import type { DocumentKind } from '../documents/documentKinds';
import type { DossierContext, DossierEvent, DossierSubmitted, RouteStep } from './dossier.events';
import { forwardedState } from './dossierForwarding';

export interface SubmittedDossier {
  status: DossierStatus;
  dossierId: string;
  proposingUnitId: string;
  proposingUnitName: string;
  nominee: NamedSubject;
  nomineeUnitId: string;
  award: AwardKind;
  period: Period;
  movementId: string | null;
  movementThematic: boolean;
  achievements: string;
  submittedOn: IsoDate;
  submittedAt: IsoInstant;
  ruleSetId: RuleSetId;
  procedure: DossierProcedure;
  /** The sudden achievement's date (SIMPLIFIED dossiers); null otherwise. */
  achievedOn: IsoDate | null;
  /** How many times the dossier was returned for supplement. */
  returns: number;
  /** The day the standing agency received it as complete; null until then. */
  receivedOn: IsoDate | null;
  /** The officer handling it (cán bộ thụ lý); null until one is assigned. */
  handlingOfficerId: string | null;
  /** Findings of the latest appraisal; empty until appraised. */
  checks: RuleCheck[];
  sessionId: string | null;
  tally: BallotTally | null;
  awardId: string | null;
  /** The documents attached so far, in order. */
  documents: Array<{ kind: DocumentKind; sha256: string }>;
  /** The levels it was forwarded to after a lower council's support, in order; empty while at its first level. */
  route: RouteStep[];
}

export type DossierState = { status: 'NONE' } | SubmittedDossier;

export function initialDossierState(): DossierState {
  return { status: 'NONE' };
}

function submitted(state: DossierState, eventType: string): SubmittedDossier {
  if (state.status === 'NONE') throw new Error(`dossier stream is corrupt: ${eventType} before DossierSubmitted`);
  return state;
}

function submittedState(data: DossierSubmitted['data']): SubmittedDossier {
  return {
    status: DossierStatus.SUBMITTED,
    dossierId: data.dossierId,
    proposingUnitId: data.proposingUnitId,
    proposingUnitName: data.proposingUnitName,
    nominee: data.nominee,
    nomineeUnitId: data.nomineeUnitId,
    award: data.award,
    period: data.period,
    movementId: data.movementId,
    movementThematic: data.movementThematic,
    achievements: data.achievements,
    submittedOn: data.submittedOn,
    submittedAt: data.submittedAt,
    ruleSetId: data.ruleSetId,
    procedure: data.procedure ?? DossierProcedure.STANDARD,
    achievedOn: data.achievedOn ?? null,
    returns: 0,
    receivedOn: null,
    handlingOfficerId: null,
    checks: [],
    sessionId: null,
    tally: null,
    awardId: null,
    documents: [],
    route: [],
  };
}

export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  switch (event.type) {
    case 'DossierSubmitted':
      return submittedState(event.data);
    case 'DossierReturned': {
      const dossier = submitted(state, event.type);
      return { ...dossier, status: DossierStatus.RETURNED, returns: event.data.returnNo };
    }
    case 'DossierResubmitted': {
      const dossier = submitted(state, event.type);
      return { ...dossier, status: DossierStatus.SUBMITTED, achievements: event.data.achievements };
    }
    case 'DossierReceived':
      return { ...submitted(state, event.type), receivedOn: event.data.receivedOn };
    case 'DossierAssigned':
      return { ...submitted(state, event.type), handlingOfficerId: event.data.officerId };
    case 'DossierWithdrawn':
      return { ...submitted(state, event.type), status: DossierStatus.WITHDRAWN };
    case 'DossierAppraised': {
      const dossier = submitted(state, event.type);
      return {
        ...dossier,
        status: event.data.eligible ? DossierStatus.ELIGIBLE : DossierStatus.INELIGIBLE,
        ruleSetId: event.data.ruleSetId,
        checks: event.data.checks,
      };
    }
    case 'DossierResolved': {
      const dossier = submitted(state, event.type);
      return {
        ...dossier,
        status: event.data.approved ? DossierStatus.APPROVED : DossierStatus.REJECTED,
        sessionId: event.data.sessionId,
        tally: event.data.tally,
      };
    }
    case 'DossierGranted':
      return { ...submitted(state, event.type), status: DossierStatus.GRANTED, awardId: event.data.awardId };
    case 'DocumentAttached': {
      const dossier = submitted(state, event.type);
      return { ...dossier, documents: [...dossier.documents, { kind: event.data.kind, sha256: event.data.sha256 }] };
    }
    case 'DossierForwarded':
      return forwardedState(submitted(state, event.type), event);
    default:
      return assertNever(event, 'dossier event');
  }
}

/** The dossier a command names, which must have been submitted. */
export function existing(state: DossierState, dossierId: string): SubmittedDossier {
  if (state.status === 'NONE') throw new NotFound('Dossier', dossierId);
  return state;
}

/** What every dossier event repeats. */
export function contextOf(dossier: SubmittedDossier): DossierContext {
  return {
    dossierId: dossier.dossierId,
    proposingUnitId: dossier.proposingUnitId,
    nominee: dossier.nominee,
    nomineeUnitId: dossier.nomineeUnitId,
    award: dossier.award,
    period: dossier.period,
  };
}
