import { assertNever, type Decider } from '../shared/decider';
import {
  AwardKind,
  DossierStatus,
  SubjectKind,
  addDays,
  type BallotTally,
  type IsoDate,
  type IsoInstant,
  type Period,
  type RuleCheck,
} from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { canBeAwardedTo } from '../rules/awardCatalog';
import { appraise, type EligibilityFacts } from '../rules/eligibility';
import {
  approvalThresholdFor,
  isAtLeastAsStrict,
  isRuleSetId,
  meetsThreshold,
  ruleSetById,
  ruleSetFor,
  type RuleSetId,
} from '../rules/ruleSets';
import {
  dateOfInstant,
  requireCount,
  requireIsoInstant,
  requireNamedSubject,
  requirePeriod,
  type NamedSubject,
} from '../rules/values';
import { requireIsoDate, requireText } from '../shared/validation';
import type { DossierContext, DossierEvent } from './dossier.events';

export const DOSSIER_STREAM_TYPE = 'dossier';

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
  data: { dossierId: string; awardId: string; decisionNumber: string; decidedOn: IsoDate; now: IsoInstant };
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

export function decideDossier(command: DossierCommand, state: DossierState): DossierEvent[] {
  switch (command.type) {
    case 'SubmitDossier':
      return submit(command.data, state);
    case 'ReturnDossier': {
      const { dossierId, reason, now } = command.data;
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
    case 'ResubmitDossier': {
      const { dossierId, achievements, now } = command.data;
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
    case 'WithdrawDossier': {
      const { dossierId, reason, now } = command.data;
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
    case 'AppraiseDossier': {
      const { dossierId, note, facts, now } = command.data;
      const dossier = existing(state, dossierId);
      requireIsoInstant(now, 'now');
      requireAwaitingAppraisal(dossier, 'appraised');
      // The rule set recorded at submission, not today's: the law in force when the unit proposed.
      const report = appraise({
        subject: dossier.nominee,
        award: dossier.award,
        period: dossier.period,
        ruleSet: ruleSetById(dossier.ruleSetId),
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
    case 'ResolveDossier': {
      const { dossierId, sessionId, tally, now } = command.data;
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
    case 'RecordAwardGranted': {
      const { dossierId, awardId, decisionNumber, decidedOn, now } = command.data;
      const dossier = existing(state, dossierId);
      requireText(awardId, 'awardId');
      requireText(decisionNumber, 'decisionNumber');
      requireIsoDate(decidedOn, 'decidedOn');
      requireIsoInstant(now, 'now');
      if (dossier.status === DossierStatus.GRANTED) {
        throw new RuleViolation(
          'DOSSIER_ALREADY_GRANTED',
          `dossier ${dossierId} already yielded award ${dossier.awardId}`,
          { awardId: dossier.awardId },
        );
      }
      if (dossier.status !== DossierStatus.APPROVED) {
        throw new RuleViolation(
          'DOSSIER_NOT_APPROVED',
          `dossier ${dossierId} is ${dossier.status}: only an approved dossier can yield an award`,
          { status: dossier.status },
        );
      }
      return [
        { type: 'DossierGranted', data: { ...contextOf(dossier), awardId, decisionNumber, decidedOn, grantedAt: now } },
      ];
    }
    default:
      return assertNever(command, 'dossier command');
  }
}

const RESOLVED_STATUSES: readonly DossierStatus[] = [
  DossierStatus.APPROVED,
  DossierStatus.REJECTED,
  DossierStatus.GRANTED,
];

function submit(data: SubmitDossier['data'], state: DossierState): DossierEvent[] {
  if (state.status !== 'NONE') {
    throw new RuleViolation('DOSSIER_ALREADY_SUBMITTED', `dossier ${data.dossierId} already exists`);
  }
  requireText(data.dossierId, 'dossierId');
  requireText(data.proposingUnitId, 'proposingUnitId');
  requireText(data.proposingUnitName, 'proposingUnitName');
  requireNamedSubject(data.nominee, 'nominee');
  requireText(data.nomineeUnitId, 'nomineeUnitId');
  requirePeriod(data.period, 'period');
  requireText(data.achievements, 'achievements');
  requireIsoDate(data.submittedOn, 'submittedOn');
  requireIsoInstant(data.now, 'now');
  if (!Object.values(AwardKind).includes(data.award)) {
    throw new InvalidInput(`unknown award kind ${JSON.stringify(data.award)}`, 'award');
  }
  if (data.nominee.kind === SubjectKind.COLLECTIVE && data.nomineeUnitId !== data.nominee.id) {
    throw new InvalidInput('for a collective nominee, nomineeUnitId is the collective itself', 'nomineeUnitId');
  }
  if (data.movementId === null && data.movementThematic) {
    throw new InvalidInput('only a dossier under a movement can come from a thematic movement', 'movementThematic');
  }
  if (data.movementId !== null) requireText(data.movementId, 'movementId');
  // One day of slack: the submitter's calendar (UTC+7) may be a day ahead of UTC.
  if (data.submittedOn > addDays(dateOfInstant(data.now), 1)) {
    throw new InvalidInput(`submittedOn ${data.submittedOn} lies in the future`, 'submittedOn');
  }
  if (!isRuleSetId(data.ruleSetId) || ruleSetFor(data.submittedOn).id !== data.ruleSetId) {
    throw new InvalidInput(
      `rule set ${data.ruleSetId} is not the one in force on ${data.submittedOn} (${ruleSetFor(data.submittedOn).id})`,
      'ruleSetId',
    );
  }
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

function existing(state: DossierState, dossierId: string): SubmittedDossier {
  if (state.status === 'NONE') throw new NotFound('Dossier', dossierId);
  return state;
}

/** SUBMITTED covers both a fresh dossier and a resubmitted one. */
function requireAwaitingAppraisal(dossier: SubmittedDossier, action: string): void {
  if (dossier.status !== DossierStatus.SUBMITTED) {
    throw new RuleViolation(
      'DOSSIER_NOT_AWAITING_APPRAISAL',
      `dossier ${dossier.dossierId} is ${dossier.status}: only a submitted or resubmitted dossier awaiting appraisal can be ${action}`,
      { status: dossier.status },
    );
  }
}

/**
 * The session tallies; this guards the dossier against a tally that does not add up or
 * uses a threshold weaker than the dossier's rule set demands. Quorum is the session's
 * rule (members barred from one dossier still count toward it), so it is not checked here.
 */
function requireConsistentTally(tally: BallotTally, dossier: SubmittedDossier): void {
  requireCount(tally.approve, 'tally.approve');
  requireCount(tally.reject, 'tally.reject');
  requireCount(tally.abstain, 'tally.abstain');
  requireCount(tally.members, 'tally.members');
  const ballots = tally.approve + tally.reject + tally.abstain;
  if (tally.members === 0 || ballots > tally.members) {
    throw new InvalidInput(`tally counts ${ballots} ballots for ${tally.members} members`, 'tally');
  }
  if (!(tally.thresholdShare > 0 && tally.thresholdShare <= 1)) {
    throw new InvalidInput(`tally threshold share ${tally.thresholdShare} must be in (0, 1]`, 'tally.thresholdShare');
  }
  const threshold = { share: tally.thresholdShare, inclusive: tally.thresholdInclusive };
  if (meetsThreshold(tally.approve, tally.members, threshold) !== tally.approved) {
    throw new InvalidInput(
      `tally says approved=${tally.approved}, but ${tally.approve} of ${tally.members} does not agree with its threshold`,
      'tally.approved',
    );
  }
  const required = approvalThresholdFor(ruleSetById(dossier.ruleSetId), dossier.award);
  if (!isAtLeastAsStrict(threshold, required)) {
    throw new RuleViolation(
      'APPROVAL_THRESHOLD',
      `${dossier.award} needs approvals ${required.inclusive ? '>=' : '>'} ${required.share} of all members under ${dossier.ruleSetId}; the tally used ${threshold.inclusive ? '>=' : '>'} ${threshold.share}`,
      { required, used: threshold },
    );
  }
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
