import { appraisalTermApplies, appraisalDueDate } from '../rules/legalTerms';
import type { RuleSetId } from '../rules/ruleSets';
import type { AuthorityLevel, IsoDate } from '../shared/domain';

/** What a dossier's handling term depends on: the day it was received complete, where, under which rules. */
export interface DossierDueDateFacts {
  receivedOn: IsoDate;
  /** The level of the standing agency that received it. */
  handlingLevel: AuthorityLevel;
  /** The rule set the dossier was submitted under. */
  ruleSetId: RuleSetId;
}

/** The day a received dossier's appraisal is due, or null when no term applies. */
export type DossierDueDateRule = (facts: DossierDueDateFacts) => IsoDate | null;

/**
 * The due date of a received dossier's appraisal: the one place the read models take it
 * from. The term is the rule set's appraisal term at the receiving agency's level
 * (src/rules/legalTerms.data.ts); a level the rule set has no term for (the district
 * level under the two-tier government) dates nothing.
 */
export function dossierDueDate(facts: DossierDueDateFacts): IsoDate | null {
  if (!appraisalTermApplies(facts.handlingLevel, facts.ruleSetId)) return null;
  return appraisalDueDate(facts.receivedOn, facts.handlingLevel, facts.ruleSetId);
}
