/**
 * Checks behind sudden awards (khen thưởng đột xuất) by the simplified procedure. A
 * simplified dossier is a dossier of the same stream with a procedure, an achievement
 * date and a brief summary: it is received, returned, appraised and withdrawn as any
 * other, so one lifecycle and one guard of "one award per dossier" serve both; only its
 * submission, its appraisal term and its way to the award differ.
 */
import { DossierProcedure, DossierStatus, type AwardKind, type IsoDate } from '../shared/domain';
import { InvalidInput, RuleViolation } from '../shared/errors';
import type { RuleSetId } from '../rules/ruleSets';
import {
  achievementTooOld,
  mayBeGrantedWithoutCouncil,
  mayBeProposedBySimplifiedProcedure,
  simplifiedProcedureOf,
} from '../rules/simplifiedProcedure';
import { requireIsoDate } from '../shared/validation';
import type { SubmittedDossier } from './dossier.state';

export interface ProcedureOfSubmission {
  procedure: DossierProcedure;
  achievedOn: IsoDate | null;
  award: AwardKind;
  submittedOn: IsoDate;
  ruleSetId: RuleSetId;
}

/** A STANDARD dossier names no achievement date; a SIMPLIFIED one names one the rule set accepts. */
export function requireProcedureFits(data: ProcedureOfSubmission): void {
  if (!Object.values(DossierProcedure).includes(data.procedure)) {
    throw new InvalidInput(`unknown procedure ${JSON.stringify(data.procedure)}`, 'procedure');
  }
  if (data.procedure === DossierProcedure.STANDARD) {
    if (data.achievedOn !== null) {
      throw new InvalidInput('achievedOn dates a sudden achievement: only a SIMPLIFIED dossier has one', 'achievedOn');
    }
    return;
  }
  if (data.achievedOn === null) {
    throw new InvalidInput('a SIMPLIFIED dossier needs the date of the sudden achievement', 'achievedOn');
  }
  requireIsoDate(data.achievedOn, 'achievedOn');
  const rule = simplifiedProcedureOf(data.ruleSetId);
  if (!mayBeProposedBySimplifiedProcedure(rule, data.award)) {
    throw new RuleViolation(
      'SIMPLIFIED_PROCEDURE_AWARD',
      `${data.award} cannot be proposed by the simplified procedure under ${data.ruleSetId} (${rule.source})`,
      { award: data.award, allowed: [...rule.awards] },
    );
  }
  if (data.achievedOn > data.submittedOn) {
    throw new RuleViolation(
      'ACHIEVEMENT_IN_FUTURE',
      `the achievement of ${data.achievedOn} lies after the submission on ${data.submittedOn}`,
      { achievedOn: data.achievedOn, submittedOn: data.submittedOn },
    );
  }
  if (achievementTooOld(rule, data.achievedOn, data.submittedOn)) {
    throw new RuleViolation(
      'ACHIEVEMENT_TOO_OLD',
      `the achievement of ${data.achievedOn} is more than ${rule.achievementMaxAgeDays} days before the submission`,
      { achievedOn: data.achievedOn, maxAgeDays: rule.achievementMaxAgeDays },
    );
  }
}

/** Whether the dossier may yield its award on the appraisal alone, without the council's vote. */
export function grantableWithoutCouncil(dossier: SubmittedDossier): boolean {
  return (
    dossier.procedure === DossierProcedure.SIMPLIFIED &&
    mayBeGrantedWithoutCouncil(simplifiedProcedureOf(dossier.ruleSetId), dossier.award)
  );
}

/**
 * An eligible SIMPLIFIED dossier whose award the rule set leaves to the council: the
 * refusal names the council rather than a bare "not approved".
 */
export function requireCouncilWhereRequired(dossier: SubmittedDossier): void {
  if (
    dossier.status === DossierStatus.ELIGIBLE &&
    dossier.procedure === DossierProcedure.SIMPLIFIED &&
    !grantableWithoutCouncil(dossier)
  ) {
    throw new RuleViolation(
      'COUNCIL_VOTE_REQUIRED',
      `${dossier.award} by the simplified procedure under ${dossier.ruleSetId} still needs the council's vote`,
      { award: dossier.award, ruleSetId: dossier.ruleSetId },
    );
  }
}
