import { appraisalTermApplies, appraisalDueDate, computeDueDate } from '../rules/legalTerms';
import type { RuleSetId } from '../rules/ruleSets';
import { simplifiedProcedureOf } from '../rules/simplifiedProcedure';
import { DossierProcedure, type AuthorityLevel, type IsoDate } from '../shared/domain';

/** What a dossier's handling term depends on: the day it was received complete, where, under which rules. */
export interface DossierDueDateFacts {
  receivedOn: IsoDate;
  /** The level of the standing agency that received it. */
  handlingLevel: AuthorityLevel;
  /** The rule set the dossier was submitted under. */
  ruleSetId: RuleSetId;
  /** A SIMPLIFIED dossier is appraised under the simplified procedure's own term. */
  procedure: DossierProcedure;
}

/** The day a received dossier's appraisal is due, or null when no term applies. */
export type DossierDueDateRule = (facts: DossierDueDateFacts) => IsoDate | null;

/**
 * The due date of a received dossier's appraisal: the one place the read models take it
 * from. The term is the rule set's appraisal term at the receiving agency's level
 * (src/rules/legalTerms.data.ts); a level the rule set has no term for (the district
 * level under the two-tier government) dates nothing. A SIMPLIFIED dossier's term is the
 * simplified procedure's (src/rules/simplifiedProcedure.ts), the same at every level.
 */
export function dossierDueDate(facts: DossierDueDateFacts): IsoDate | null {
  if (!appraisalTermApplies(facts.handlingLevel, facts.ruleSetId)) return null;
  if (facts.procedure === DossierProcedure.SIMPLIFIED) {
    const term = simplifiedProcedureOf(facts.ruleSetId).appraisal;
    return computeDueDate(facts.receivedOn, term.days, term.counting);
  }
  return appraisalDueDate(facts.receivedOn, facts.handlingLevel, facts.ruleSetId);
}
