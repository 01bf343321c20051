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
 * from. No appraisal term is configured in the rule sets, so no dossier is due on a date
 * (and none is overdue) until one is.
 */
export function dossierDueDate(_facts: DossierDueDateFacts): IsoDate | null {
  return null;
}
