import { assertNever, type Decider } from '../shared/decider';
import {
  AuthorityLevel,
  DossierStatus,
  SubjectKind,
  authorityRank,
  periodLabel,
  type AwardKind,
  type IsoDate,
  type IsoInstant,
  type Period,
} from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { awardDefinition, canBeAwardedTo, type AwardDefinition } from '../rules/awardCatalog';
import { baseSalaryOn } from '../rules/baseSalary';
import { rewardAmountVnd, rewardMultiple } from '../rules/rewardMultiples';
import { ruleSetFor, type RuleSet } from '../rules/ruleSets';
import {
  requireCount,
  requireIsoInstant,
  requireNamedSubject,
  requirePeriod,
  sameWrittenName,
  type NamedSubject,
} from '../rules/values';
import { requireIsoDate, requireText } from '../shared/validation';
import type { AwardEvent, AwardGranted } from './award.events';

const AWARD_STREAM_TYPE = 'award';

export interface AwardRevocation {
  reason: string;
  decisionNumber: string;
  complaintId: string | null;
  revokedAt: IsoInstant;
}

export type AwardState =
  | { status: 'NONE' }
  | { status: 'GRANTED'; grant: AwardGranted['data']; revocation: null }
  | { status: 'REVOKED'; grant: AwardGranted['data']; revocation: AwardRevocation };

/** The dossier the award is issued on, as the handler read it from the dossier stream. */
export interface AwardDossierFacts {
  dossierId: string;
  status: DossierStatus;
  nominee: NamedSubject;
  /** The person's unit, or the collective itself. */
  nomineeUnitId: string;
  award: AwardKind;
  period: Period;
  movementId: string | null;
  thematic: boolean;
  /** A SIMPLIFIED dossier the rule set lets the head decide on its appraisal, without the council's vote. */
  grantableWithoutCouncil: boolean;
  /** The level of the council whose session approved the dossier; null where no council voted on it. */
  approvedAtLevel: AuthorityLevel | null;
}

export interface GrantAward {
  type: 'GrantAward';
  data: {
    awardId: string;
    dossier: AwardDossierFacts;
    /** From the person's record; both false for collectives. */
    subjectFacts: { directWorker: boolean; female: boolean };
    issuingUnit: { id: string; level: AuthorityLevel };
    decisionNumber: string;
    decidedOn: IsoDate;
    signerName: string;
    /** Non-revoked awards of the same kind for the same subject and period. */
    facts: { heldSameKindSamePeriod: number };
    /** An award already issued under this decision number by this unit, if any: its date and signer. */
    decisionFacts: { decidedOn: IsoDate; signerName: string } | null;
    now: IsoInstant;
  };
}

export interface RevokeAward {
  type: 'RevokeAward';
  data: {
    awardId: string;
    reason: string;
    /** The number of the revoking decision. */
    decisionNumber: string;
    complaintId: string | null;
    now: IsoInstant;
  };
}

/**
 * Creates the award stream from the grant its dossier recorded (DossierGranted): the
 * award's rules were checked when the grant was decided, so the award is as recorded.
 */
export interface IssueGrantedAward {
  type: 'IssueGrantedAward';
  data: { granted: AwardGranted['data'] };
}

export type AwardCommand = GrantAward | RevokeAward | IssueGrantedAward;

function initialAwardState(): AwardState {
  return { status: 'NONE' };
}

function evolveAward(state: AwardState, event: AwardEvent): AwardState {
  switch (event.type) {
    case 'AwardGranted':
      return { status: 'GRANTED', grant: event.data, revocation: null };
    case 'AwardRevoked': {
      if (state.status === 'NONE') throw new Error('award stream is corrupt: AwardRevoked before AwardGranted');
      const { reason, decisionNumber, complaintId, revokedAt } = event.data;
      return { status: 'REVOKED', grant: state.grant, revocation: { reason, decisionNumber, complaintId, revokedAt } };
    }
    default:
      return assertNever(event, 'award event');
  }
}

function decideAward(command: AwardCommand, state: AwardState): AwardEvent[] {
  switch (command.type) {
    case 'GrantAward':
      return grant(command.data, state);
    case 'RevokeAward':
      return revoke(command.data, state);
    case 'IssueGrantedAward':
      return issueGranted(command.data, state);
    default:
      return assertNever(command, 'award command');
  }
}

function grant(data: GrantAward['data'], state: AwardState): AwardEvent[] {
  if (state.status !== 'NONE') throw new RuleViolation('AWARD_ALREADY_GRANTED', `award ${data.awardId} already exists`);
  requireValidGrantInput(data);
  const { dossier } = data;
  const decidedOnAppraisal = dossier.status === DossierStatus.ELIGIBLE && dossier.grantableWithoutCouncil;
  if (dossier.status !== DossierStatus.APPROVED && !decidedOnAppraisal) {
    throw new RuleViolation(
      'DOSSIER_NOT_APPROVED',
      `dossier ${dossier.dossierId} is ${dossier.status}: an award needs an approved dossier`,
      {
        dossierId: dossier.dossierId,
        status: dossier.status,
      },
    );
  }
  const definition = awardDefinition(dossier.award);
  // Who may grant and how much it pays follow the law in force on the decision date.
  const ruleSetOfDecision = ruleSetFor(data.decidedOn);
  requireGrantAllowed(data, ruleSetOfDecision);
  requireSameDecision(data);
  return [awardGranted(data, definition, ruleSetOfDecision)];
}

function issueGranted(data: IssueGrantedAward['data'], state: AwardState): AwardGranted[] {
  if (state.status !== 'NONE') {
    throw new RuleViolation('AWARD_ALREADY_GRANTED', `award ${data.granted.awardId} already exists`, {
      dossierId: state.grant.dossierId,
    });
  }
  return [{ type: 'AwardGranted', data: data.granted }];
}

function requireValidGrantInput(data: GrantAward['data']): void {
  const { dossier, subjectFacts, issuingUnit } = data;
  requireText(data.awardId, 'awardId');
  requireText(dossier.dossierId, 'dossier.dossierId');
  requireNamedSubject(dossier.nominee, 'dossier.nominee');
  requireText(dossier.nomineeUnitId, 'dossier.nomineeUnitId');
  requirePeriod(dossier.period, 'dossier.period');
  requireText(issuingUnit.id, 'issuingUnit.id');
  if (!Object.values(AuthorityLevel).includes(issuingUnit.level)) {
    throw new InvalidInput(`unknown authority level ${JSON.stringify(issuingUnit.level)}`, 'issuingUnit.level');
  }
  requireText(data.decisionNumber, 'decisionNumber');
  requireIsoDate(data.decidedOn, 'decidedOn');
  requireText(data.signerName, 'signerName');
  requireCount(data.facts.heldSameKindSamePeriod, 'facts.heldSameKindSamePeriod');
  requireIsoInstant(data.now, 'now');
  if (dossier.nominee.kind !== SubjectKind.INDIVIDUAL && (subjectFacts.directWorker || subjectFacts.female)) {
    throw new InvalidInput('a collective or household is neither a direct worker nor female', 'subjectFacts');
  }
}

/** The award's own rules: who may receive it, who may grant it on the decision date, once per achievement. */
function requireGrantAllowed(data: GrantAward['data'], ruleSetOfDecision: RuleSet): void {
  const { dossier } = data;
  if (!canBeAwardedTo(dossier.award, dossier.nominee.kind)) {
    throw new RuleViolation(
      'AWARD_SUBJECT_KIND',
      `${dossier.award} cannot be awarded to a ${dossier.nominee.kind.toLowerCase()} subject`,
    );
  }
  requireIssuerLevel(data, ruleSetOfDecision);
  requireSupportAtIssuerLevel(data);
  if (data.facts.heldSameKindSamePeriod > 0) {
    throw new RuleViolation(
      'ONE_AWARD_PER_ACHIEVEMENT',
      `${dossier.nominee.name} already holds ${dossier.award} for ${periodLabel(dossier.period)}`,
      {
        held: data.facts.heldSameKindSamePeriod,
      },
    );
  }
}

/** The issuing unit's level exists on the decision date and may grant the award kind. */
function requireIssuerLevel(data: GrantAward['data'], ruleSetOfDecision: RuleSet): void {
  const { dossier, issuingUnit } = data;
  if (ruleSetOfDecision.abolishedAuthorityLevels.includes(issuingUnit.level)) {
    throw new RuleViolation(
      'AUTHORITY_LEVEL_ABOLISHED',
      `the ${issuingUnit.level} level no longer grants awards on ${data.decidedOn} (${ruleSetOfDecision.id}: ${ruleSetOfDecision.legalBasis})`,
      { issuingLevel: issuingUnit.level, decidedOn: data.decidedOn, ruleSetId: ruleSetOfDecision.id },
    );
  }
  const allowedLevels = ruleSetOfDecision.grantingLevels[dossier.award];
  if (!allowedLevels.includes(issuingUnit.level)) {
    throw new RuleViolation(
      'ISSUER_LEVEL',
      `${dossier.award} is granted at ${allowedLevels.join(' or ')} level, not by a ${issuingUnit.level} unit`,
      { award: dossier.award, issuingLevel: issuingUnit.level, allowedLevels, ruleSetId: ruleSetOfDecision.id },
    );
  }
}

/**
 * A higher level decides only on what its own council supported: a dossier a lower
 * council approved goes up by forwarding (khen cao, `forwardDossier`), is appraised there
 * and put to that level's council, as Law 06/2022/QH15 Chapter IV has each level propose
 * to the one above the awards it may not grant. A grant from a lower level (a unit's head
 * deciding on what its superior's council supported) is allowed.
 */
function requireSupportAtIssuerLevel(data: GrantAward['data']): void {
  const { dossier, issuingUnit } = data;
  const approvedAt = dossier.approvedAtLevel;
  if (approvedAt === null || authorityRank(issuingUnit.level) <= authorityRank(approvedAt)) return;
  throw new RuleViolation(
    'FORWARDING_REQUIRED',
    `dossier ${dossier.dossierId} was supported by a ${approvedAt} council: forward it to the ${issuingUnit.level} level, whose council decides on it, before a ${issuingUnit.level} unit grants ${dossier.award}`,
    { dossierId: dossier.dossierId, approvedAtLevel: approvedAt, issuingLevel: issuingUnit.level },
  );
}

/** Awards issued under one decision number by one unit share its date and signer. */
function requireSameDecision(data: GrantAward['data']): void {
  const decision = data.decisionFacts;
  if (
    decision !== null &&
    (decision.decidedOn !== data.decidedOn || !sameWrittenName(decision.signerName, data.signerName))
  ) {
    throw new RuleViolation(
      'DECISION_MISMATCH',
      `decision ${data.decisionNumber} was issued on ${decision.decidedOn} signed by ${decision.signerName}; this award says ${data.decidedOn}, ${data.signerName}`,
      {
        decisionNumber: data.decisionNumber,
        recorded: decision,
        given: { decidedOn: data.decidedOn, signerName: data.signerName },
      },
    );
  }
}

/** The cash reward on the decision date: multiple, base salary and amount (VND), null where none is fixed. */
export function cashRewardOn(
  ruleSetOfDecision: RuleSet,
  award: AwardKind,
  subjectKind: SubjectKind,
  decidedOn: IsoDate,
): Pick<AwardGranted['data'], 'cashMultiple' | 'baseSalaryVnd' | 'rewardVnd'> {
  const cashMultiple = rewardMultiple(ruleSetOfDecision.rewards, award, subjectKind);
  const baseSalaryVnd = baseSalaryOn(decidedOn)?.vndPerMonth ?? null;
  const rewardVnd =
    cashMultiple === null || baseSalaryVnd === null
      ? null
      : rewardAmountVnd(ruleSetOfDecision.rewards, cashMultiple, baseSalaryVnd);
  return { cashMultiple, baseSalaryVnd, rewardVnd };
}

function awardGranted(data: GrantAward['data'], definition: AwardDefinition, ruleSetOfDecision: RuleSet): AwardGranted {
  const { dossier, subjectFacts, issuingUnit } = data;
  const isIndividual = dossier.nominee.kind === SubjectKind.INDIVIDUAL;
  return {
    type: 'AwardGranted',
    data: {
      awardId: data.awardId,
      dossierId: dossier.dossierId,
      award: dossier.award,
      category: definition.category,
      label: definition.label,
      subject: { kind: dossier.nominee.kind, id: dossier.nominee.id, name: dossier.nominee.name },
      subjectUnitId: dossier.nomineeUnitId,
      period: { kind: dossier.period.kind, year: dossier.period.year },
      decisionNumber: data.decisionNumber,
      decidedOn: data.decidedOn,
      issuedByUnitId: issuingUnit.id,
      issuedByLevel: issuingUnit.level,
      signerName: data.signerName,
      ...cashRewardOn(ruleSetOfDecision, dossier.award, dossier.nominee.kind, data.decidedOn),
      directWorker: isIndividual && subjectFacts.directWorker,
      female: isIndividual && subjectFacts.female,
      movementId: dossier.movementId,
      thematic: dossier.thematic,
      grantedAt: data.now,
    },
  };
}

function revoke(data: RevokeAward['data'], state: AwardState): AwardEvent[] {
  const { awardId, reason, decisionNumber, complaintId, now } = data;
  if (state.status === 'NONE') throw new NotFound('Award', awardId);
  requireText(reason, 'reason');
  requireText(decisionNumber, 'decisionNumber');
  if (complaintId !== null) requireText(complaintId, 'complaintId');
  requireIsoInstant(now, 'now');
  if (state.status === 'REVOKED') {
    throw new RuleViolation(
      'AWARD_ALREADY_REVOKED',
      `award ${awardId} was already revoked by decision ${state.revocation.decisionNumber}`,
      {
        revokedBy: state.revocation.decisionNumber,
      },
    );
  }
  const granted = state.grant;
  return [
    {
      type: 'AwardRevoked',
      data: {
        awardId: granted.awardId,
        dossierId: granted.dossierId,
        subject: granted.subject,
        subjectUnitId: granted.subjectUnitId,
        award: granted.award,
        period: granted.period,
        reason,
        decisionNumber,
        complaintId,
        revokedAt: now,
      },
    },
  ];
}

export const awardDecider: Decider<AwardCommand, AwardEvent, AwardState> = {
  streamType: AWARD_STREAM_TYPE,
  initialState: initialAwardState,
  evolve: evolveAward,
  decide: decideAward,
};
