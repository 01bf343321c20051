import { assertNever, type Decider } from '../shared/decider';
import {
  AwardKind,
  DossierProcedure,
  DossierStatus,
  type BallotTally,
  type IsoDate,
  type IsoInstant,
  type Period,
} from '../shared/domain';
import { RuleViolation } from '../shared/errors';
import { canBeAwardedTo } from '../rules/awardCatalog';
import { appraise, type EligibilityFacts } from '../rules/eligibility';
import { ruleSetById, type RuleSetId } from '../rules/ruleSets';
import { requireIsoInstant, type NamedSubject } from '../rules/values';
import { requireIsoDate, requireText } from '../shared/validation';
import type { DossierEvent } from './dossier.events';
import type { AwardGranted } from '../awards/award.events';
import {
  requireAwaitingAppraisal,
  requireConsistentTally,
  requireMayYieldAward,
  requireValidSubmission,
} from './dossier.rules';
import { attachDocument, requireCompleteDocuments, type AttachDocument } from './dossier.documents';
import { assign, receive, type AssignDossier, type ReceiveDossier } from './dossier.handling';
import { forward, type ForwardDossier } from './dossierForwarding';
import { contextOf, evolveDossier, existing, initialDossierState, type DossierState } from './dossier.state';

const DOSSIER_STREAM_TYPE = 'dossier';

export type { DossierState, SubmittedDossier } from './dossier.state';
export { evolveDossier, initialDossierState } from './dossier.state';

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
    procedure: DossierProcedure;
    /** The sudden achievement's date: required for SIMPLIFIED, null for STANDARD. */
    achievedOn: IsoDate | null;
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

export type { AssignDossier, ReceiveDossier } from './dossier.handling';
export type { AttachDocument } from './dossier.documents';
export type { ForwardDossier } from './dossierForwarding';

export type DossierCommand =
  | SubmitDossier
  | ReturnDossier
  | ResubmitDossier
  | ReceiveDossier
  | AssignDossier
  | WithdrawDossier
  | AppraiseDossier
  | ResolveDossier
  | RecordAwardGranted
  | AttachDocument
  | ForwardDossier;

function decideDossier(command: DossierCommand, state: DossierState): DossierEvent[] {
  switch (command.type) {
    case 'SubmitDossier':
      return submit(command.data, state);
    case 'ReturnDossier':
      return returnForSupplement(command.data, state);
    case 'ResubmitDossier':
      return resubmit(command.data, state);
    case 'ReceiveDossier':
      return receive(command.data, state);
    case 'AssignDossier':
      return assign(command.data, state);
    case 'WithdrawDossier':
      return withdraw(command.data, state);
    case 'AppraiseDossier':
      return appraiseDossier(command.data, state);
    case 'ResolveDossier':
      return resolve(command.data, state);
    case 'RecordAwardGranted':
      return recordAwardGranted(command.data, state);
    case 'AttachDocument':
      return attachDocument(command.data, state);
    case 'ForwardDossier':
      return forward(command.data, state);
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
        procedure: data.procedure,
        achievedOn: data.achievedOn,
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
  requireCompleteDocuments(dossier);
  // The rule set recorded at submission, not today's: the law in force when the unit proposed.
  const report = appraise({
    subject: dossier.nominee,
    award: dossier.award,
    period: dossier.period,
    ruleSet: ruleSetById(dossier.ruleSetId),
    submittedOn: dossier.submittedOn,
    facts,
    suddenAchievement:
      dossier.procedure === DossierProcedure.SIMPLIFIED && dossier.achievedOn !== null
        ? { achievedOn: dossier.achievedOn }
        : null,
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
  // Only an eligible simplified dossier reaches here without the council's approval.
  const withoutCouncil = dossier.status === DossierStatus.ELIGIBLE;
  return [
    {
      type: 'DossierGranted',
      data: { ...contextOf(dossier), awardId, decisionNumber, decidedOn, grantedAward, withoutCouncil, grantedAt: now },
    },
  ];
}

export const dossierDecider: Decider<DossierCommand, DossierEvent, DossierState> = {
  streamType: DOSSIER_STREAM_TYPE,
  initialState: initialDossierState,
  evolve: evolveDossier,
  decide: decideDossier,
};
