import { AwardKind, DossierStatus, SubjectKind, addDays, type BallotTally } from '../shared/domain';
import { InvalidInput, RuleViolation } from '../shared/errors';
import {
  approvalThresholdFor,
  isAtLeastAsStrict,
  isRuleSetId,
  meetsThreshold,
  ruleSetById,
  ruleSetFor,
} from '../rules/ruleSets';
import { dateOfInstant, requireCount, requireIsoInstant, requireNamedSubject, requirePeriod } from '../rules/values';
import { requireIsoDate, requireText } from '../shared/validation';
import type { SubmitDossier, SubmittedDossier } from './dossier.decider';
import { grantableWithoutCouncil, requireCouncilWhereRequired, requireProcedureFits } from './suddenAward.rules';

// Checks behind the dossier decisions: a submission's own input, the status an appraisal needs, a tally's consistency.

/** Checks a submission's own input: its fields, their agreement with each other, the rule set in force. */
export function requireValidSubmission(data: SubmitDossier['data']): void {
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
  requireProcedureFits(data);
}

/** SUBMITTED covers both a fresh dossier and a resubmitted one. */
export function requireAwaitingAppraisal(dossier: SubmittedDossier, action: string): void {
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
export function requireConsistentTally(tally: BallotTally, dossier: SubmittedDossier): void {
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

/**
 * An award may be issued on an approved dossier that has yielded none yet, or on an
 * eligible SIMPLIFIED one whose award the rule set lets the head decide without the council.
 */
export function requireMayYieldAward(dossier: SubmittedDossier): void {
  if (dossier.status === DossierStatus.GRANTED) {
    throw new RuleViolation(
      'DOSSIER_ALREADY_GRANTED',
      `dossier ${dossier.dossierId} already yielded award ${dossier.awardId}`,
      { awardId: dossier.awardId },
    );
  }
  requireCouncilWhereRequired(dossier);
  if (dossier.status === DossierStatus.ELIGIBLE && grantableWithoutCouncil(dossier)) return;
  if (dossier.status !== DossierStatus.APPROVED) {
    throw new RuleViolation(
      'DOSSIER_NOT_APPROVED',
      `dossier ${dossier.dossierId} is ${dossier.status}: only an approved dossier can yield an award`,
      { status: dossier.status },
    );
  }
}
