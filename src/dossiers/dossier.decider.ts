import { assertNever, type Decider } from '../shared/decider';
import {
  AwardKind,
  DossierStatus,
  type BallotTally,
  type IsoDate,
  type IsoInstant,
  type Period,
  type RuleCheck,
} from '../shared/domain';
import { NotFound, RuleViolation } from '../shared/errors';
import { canBeAwardedTo } from '../rules/awardCatalog';
import { appraise, type EligibilityFacts } from '../rules/eligibility';
import { ruleSetById, type RuleSetId } from '../rules/ruleSets';
import { requireIsoInstant, type NamedSubject } from '../rules/values';
import { requireIsoDate, requireText } from '../shared/validation';
import type { DossierContext, DossierEvent } from './dossier.events';
import type { AwardGranted } from '../awards/award.events';
import {
  requireAwaitingAppraisal,
  requireConsistentTally,
  requireMayYieldAward,
  requireValidSubmission,
} from './dossier.rules';

const DOSSIER_STREAM_TYPE = 'dossier';

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
  /** How many times the dossier was returned for supplement. */
  returns: number;
  /** Findings of the latest appraisal; empty until appraised. */
  checks: RuleCheck[];
  sessionId: string | null;
  tally: BallotTally | null;
  awardId: string | null;
}

export type DossierState = { status: 'NONE' } | SubmittedDossier;

export interface SubmitDossier {
  type: 'SubmitDossier';
  data: {
    dossierId: string;
    proposingUnitId: string;
    proposingUnitName: string;
    nominee: NamedSubject;
    /** The person's unit, or the collective itself. */
    nomineeUnitId: string;
    award: AwardKind;
    period: Period;
    movementId: string | null;
    movementThematic: boolean;
    achievements: string;
    submittedOn: IsoDate;
    /** `ruleSetFor(submittedOn).id`, chosen by the handler. */
    ruleSetId: RuleSetId;
    now: IsoInstant;
  };
}

export interface ReturnDossier {
  type: 'ReturnDossier';
  data: { dossierId: string; reason: string; now: IsoInstant };
}

export interface ResubmitDossier {
  type: 'ResubmitDossier';
  data: { dossierId: string; achievements: string; now: IsoInstant };
}

export interface WithdrawDossier {
  type: 'WithdrawDossier';
  data: { dossierId: string; reason: string; now: IsoInstant };
}

export interface AppraiseDossier {
  type: 'AppraiseDossier';
  data: { dossierId: string; note: string | null; facts: EligibilityFacts; now: IsoInstant };
}

export interface ResolveDossier {
  type: 'ResolveDossier';
  data: { dossierId: string; sessionId: string; tally: BallotTally; now: IsoInstant };
}

export interface RecordAwardGranted {
  type: 'RecordAwardGranted';
  data: {
    dossierId: string;
    awardId: string;
    decisionNumber: string;
    decidedOn: IsoDate;
    /** The award as the award's rules decided it: the award stream is created from it. */
    grantedAward: AwardGranted['data'];
    now: IsoInstant;
  };
}

export type DossierCommand =
  | SubmitDossier
  | ReturnDossier
  | ResubmitDossier
  | WithdrawDossier
  | AppraiseDossier
  | ResolveDossier
  | RecordAwardGranted;

export function initialDossierState(): DossierState {
  return { status: 'NONE' };
}

function submitted(state: DossierState, eventType: string): SubmittedDossier {
  if (state.status === 'NONE') throw new Error(`dossier stream is corrupt: ${eventType} before DossierSubmitted`);
  return state;
}

export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  switch (event.type) {
    case 'DossierSubmitted': {
      const data = event.data;
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
        returns: 0,
        checks: [],
        sessionId: null,
        tally: null,
        awardId: null,
      };
    }
    case 'DossierReturned': {
      const dossier = submitted(state, event.type);
      return { ...dossier, status: DossierStatus.RETURNED, returns: event.data.returnNo };
    }
    case 'DossierResubmitted': {
      const dossier = submitted(state, event.type);
      return { ...dossier, status: DossierStatus.SUBMITTED, achievements: event.data.achievements };
    }
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
    default:
      return assertNever(event, 'dossier event');
  }
}

function decideDossier(command: DossierCommand, state: DossierState): DossierEvent[] {
  switch (command.type) {
    case 'SubmitDossier':
      return submit(command.data, state);
    case 'ReturnDossier':
      return returnForSupplement(command.data, state);
    case 'ResubmitDossier':
      return resubmit(command.data, state);
    case 'WithdrawDossier':
      return withdraw(command.data, state);
    case 'AppraiseDossier':
      return appraiseDossier(command.data, state);
    case 'ResolveDossier':
      return resolve(command.data, state);
    case 'RecordAwardGranted':
      return recordAwardGranted(command.data, state);
    default:
      return assertNever(command, 'dossier command');
  }
}

function submit(data: SubmitDossier['data'], state: DossierState): DossierEvent[] {
  if (state.status !== 'NONE') {
    throw new RuleViolation('DOSSIER_ALREADY_SUBMITTED', `dossier ${data.dossierId} already exists`);
  }
  requireValidSubmission(data);
  if (!canBeAwardedTo(data.award, data.nominee.kind)) {
    throw new RuleViolation(
      'AWARD_SUBJECT_KIND',
      `${data.award} cannot be awarded to a ${data.nominee.kind.toLowerCase()} subject`,
      {
        award: data.award,
        subjectKind: data.nominee.kind,
      },
    );
  }
  return [
    {
      type: 'DossierSubmitted',
      data: {
        dossierId: data.dossierId,
        proposingUnitId: data.proposingUnitId,
        nominee: { kind: data.nominee.kind, id: data.nominee.id, name: data.nominee.name },
        nomineeUnitId: data.nomineeUnitId,
        award: data.award,
        period: { kind: data.period.kind, year: data.period.year },
        proposingUnitName: data.proposingUnitName,
        movementId: data.movementId,
        movementThematic: data.movementThematic,
        achievements: data.achievements,
        submittedOn: data.submittedOn,
        submittedAt: data.now,
        ruleSetId: data.ruleSetId,
      },
    },
  ];
}

function returnForSupplement(data: ReturnDossier['data'], state: DossierState): DossierEvent[] {
  const { dossierId, reason, now } = data;
  const dossier = existing(state, dossierId);
  requireText(reason, 'reason');
  requireIsoInstant(now, 'now');
  requireAwaitingAppraisal(dossier, 'returned');
  return [
    {
      type: 'DossierReturned',
      data: { ...contextOf(dossier), reason, returnNo: dossier.returns + 1, returnedAt: now },
    },
  ];
}

function resubmit(data: ResubmitDossier['data'], state: DossierState): DossierEvent[] {
  const { dossierId, achievements, now } = data;
  const dossier = existing(state, dossierId);
  requireText(achievements, 'achievements');
  requireIsoInstant(now, 'now');
  if (dossier.status !== DossierStatus.RETURNED) {
    throw new RuleViolation(
      'DOSSIER_NOT_RETURNED',
      `dossier ${dossierId} is ${dossier.status}: only a returned dossier can be resubmitted`,
      { status: dossier.status },
    );
  }
  return [
    {
      type: 'DossierResubmitted',
      data: { ...contextOf(dossier), achievements, returnNo: dossier.returns, resubmittedAt: now },
    },
  ];
}

const RESOLVED_STATUSES: readonly DossierStatus[] = [
  DossierStatus.APPROVED,
  DossierStatus.REJECTED,
  DossierStatus.GRANTED,
];

function withdraw(data: WithdrawDossier['data'], state: DossierState): DossierEvent[] {
  const { dossierId, reason, now } = data;
  const dossier = existing(state, dossierId);
  requireText(reason, 'reason');
  requireIsoInstant(now, 'now');
  if (dossier.status === DossierStatus.WITHDRAWN) {
    throw new RuleViolation('DOSSIER_ALREADY_WITHDRAWN', `dossier ${dossierId} is already withdrawn`);
  }
  if (RESOLVED_STATUSES.includes(dossier.status)) {
    throw new RuleViolation(
      'DOSSIER_ALREADY_RESOLVED',
      `dossier ${dossierId} is ${dossier.status}: a resolved or granted dossier cannot be withdrawn`,
      { status: dossier.status },
    );
  }
  return [
    {
      type: 'DossierWithdrawn',
      data: { ...contextOf(dossier), reason, statusBefore: dossier.status, withdrawnAt: now },
    },
  ];
}

function appraiseDossier(data: AppraiseDossier['data'], state: DossierState): DossierEvent[] {
  const { dossierId, note, facts, now } = data;
  const dossier = existing(state, dossierId);
  requireIsoInstant(now, 'now');
  requireAwaitingAppraisal(dossier, 'appraised');
  // The rule set recorded at submission, not today's: the law in force when the unit proposed.
  const report = appraise({
    subject: dossier.nominee,
    award: dossier.award,
    period: dossier.period,
    ruleSet: ruleSetById(dossier.ruleSetId),
    submittedOn: dossier.submittedOn,
    facts,
  });
  return [
    {
      type: 'DossierAppraised',
      data: {
        ...contextOf(dossier),
        eligible: report.eligible,
        ruleSetId: report.ruleSetId,
        checks: report.checks,
        note,
        appraisedAt: now,
      },
    },
  ];
}

function resolve(data: ResolveDossier['data'], state: DossierState): DossierEvent[] {
  const { dossierId, sessionId, tally, now } = data;
  const dossier = existing(state, dossierId);
  requireText(sessionId, 'sessionId');
  requireIsoInstant(now, 'now');
  if (dossier.status !== DossierStatus.ELIGIBLE) {
    throw new RuleViolation(
      'DOSSIER_NOT_ELIGIBLE',
      `dossier ${dossierId} is ${dossier.status}: only an eligible dossier can be voted on`,
      { status: dossier.status },
    );
  }
  requireConsistentTally(tally, dossier);
  return [
    {
      type: 'DossierResolved',
      data: { ...contextOf(dossier), sessionId, approved: tally.approved, tally, resolvedAt: now },
    },
  ];
}

function recordAwardGranted(data: RecordAwardGranted['data'], state: DossierState): DossierEvent[] {
  const { dossierId, awardId, decisionNumber, decidedOn, grantedAward, now } = data;
  const dossier = existing(state, dossierId);
  requireText(awardId, 'awardId');
  requireText(decisionNumber, 'decisionNumber');
  requireIsoDate(decidedOn, 'decidedOn');
  requireIsoInstant(now, 'now');
  requireMayYieldAward(dossier);
  return [
    {
      type: 'DossierGranted',
      data: { ...contextOf(dossier), awardId, decisionNumber, decidedOn, grantedAward, grantedAt: now },
    },
  ];
}

function existing(state: DossierState, dossierId: string): SubmittedDossier {
  if (state.status === 'NONE') throw new NotFound('Dossier', dossierId);
  return state;
}

function contextOf(dossier: SubmittedDossier): DossierContext {
  return {
    dossierId: dossier.dossierId,
    proposingUnitId: dossier.proposingUnitId,
    nominee: dossier.nominee,
    nomineeUnitId: dossier.nomineeUnitId,
    award: dossier.award,
    period: dossier.period,
  };
}

export const dossierDecider: Decider<DossierCommand, DossierEvent, DossierState> = {
  streamType: DOSSIER_STREAM_TYPE,
  initialState: initialDossierState,
  evolve: evolveDossier,
  decide: decideDossier,
};
