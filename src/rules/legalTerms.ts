/**
 * Due dates from the legal terms (legalTerms.data.ts) and the holiday calendar
 * (holidays/). Pure: the same inputs and the same data give the same date.
 */
import { addDays, AuthorityLevel, ComplaintKind, type IsoDate } from '../shared/domain';
import { InvalidInput } from '../shared/errors';
import { addWorkingDays, nextWorkingDayFrom, spansProvisionalYear } from './holidays/holidayCalendar';
import {
  APPRAISAL_TERMS,
  COMPLAINT_TERMS,
  DayCount,
  DENUNCIATION_TERMS,
  type ComplaintTerms,
  type DenunciationTerms,
  type LegalTerm,
} from './legalTerms.data';
import { isRuleSetId } from './ruleSets';

export { DayCount, type LegalTerm } from './legalTerms.data';

/**
 * The last day of a term of `days` counted from `start` (the start day not counted):
 * working days, or calendar days where a term ending on a day off ends on the next
 * working day (Civil Code 2015 Art. 147–148, the general rule for counting terms; the
 * article numbers are not verified here).
 */
export function computeDueDate(start: IsoDate, days: number, counting: DayCount): IsoDate {
  if (!Number.isInteger(days) || days < 0) throw new InvalidInput(`a term of ${days} days is not a term`, 'days');
  return counting === DayCount.WORKING ? addWorkingDays(start, days) : nextWorkingDayFrom(addDays(start, days));
}

export interface DueDate {
  dueOn: IsoDate;
  /** The days off of a year between start and due date are not announced yet: the date may move. */
  provisional: boolean;
  term: LegalTerm;
}

function dueAfter(start: IsoDate, term: LegalTerm, extraDays = 0): DueDate {
  const dueOn = computeDueDate(start, term.days + extraDays, term.counting);
  return { dueOn, provisional: spansProvisionalYear(start, dueOn), term };
}

function inForceOn<T extends { effectiveFrom: IsoDate }>(entries: readonly T[], date: IsoDate): T {
  // Items older than the first entry are held to it: the system keeps no earlier terms.
  return entries.filter((e) => e.effectiveFrom <= date).at(-1) ?? entries[0];
}

export function complaintTermsOn(receivedOn: IsoDate): ComplaintTerms {
  return inForceOn(COMPLAINT_TERMS, receivedOn);
}

export function denunciationTermsOn(receivedOn: IsoDate): DenunciationTerms {
  return inForceOn(DENUNCIATION_TERMS, receivedOn);
}

/** Acceptance (thụ lý) term by kind; petitions follow the complaint terms. */
export function acceptanceTerm(kind: ComplaintKind, receivedOn: IsoDate): LegalTerm {
  return kind === ComplaintKind.DENUNCIATION
    ? denunciationTermsOn(receivedOn).acceptance
    : complaintTermsOn(receivedOn).acceptance;
}

export interface ResolutionCase {
  kind: ComplaintKind;
  receivedOn: IsoDate;
  complex: boolean;
  remoteArea: boolean;
}

/** Resolution term from acceptance: complaints and petitions by complexity and remoteness; denunciations 30 days. */
export function resolutionTerm(c: ResolutionCase): LegalTerm {
  if (c.kind === ComplaintKind.DENUNCIATION) return denunciationTermsOn(c.receivedOn).resolution;
  const terms = complaintTermsOn(c.receivedOn);
  if (c.complex && c.remoteArea) return terms.resolutionComplexRemote;
  if (c.complex) return terms.resolutionComplex;
  if (c.remoteArea) return terms.resolutionRemote;
  return terms.resolution;
}

export type DueItem =
  | { item: 'COMPLAINT_ACCEPTANCE'; kind: ComplaintKind; receivedOn: IsoDate }
  | (ResolutionCase & { item: 'COMPLAINT_RESOLUTION'; acceptedOn: IsoDate; extensionDays: number })
  | { item: 'DOSSIER_APPRAISAL'; receivedOn: IsoDate; level: AuthorityLevel; ruleSetId: string }
  | { item: 'RESULT_NOTIFICATION'; decidedOn: IsoDate; ruleSetId: string };

function appraisalTerms(ruleSetId: string) {
  if (!isRuleSetId(ruleSetId)) throw new InvalidInput(`unknown rule set ${ruleSetId}`, 'ruleSetId');
  return APPRAISAL_TERMS[ruleSetId];
}

function appraisalTerm(level: AuthorityLevel, ruleSetId: string): LegalTerm {
  const term = appraisalTerms(ruleSetId).appraisal[level];
  if (!term) throw new InvalidInput(`rule set ${ruleSetId} has no ${level} level`, 'level');
  return term;
}

/** Whether the rule set has an appraisal term at `level`. */
export function appraisalTermApplies(level: AuthorityLevel, ruleSetId: string): boolean {
  return isRuleSetId(ruleSetId) && APPRAISAL_TERMS[ruleSetId].appraisal[level] !== undefined;
}

/** The due date of an item of work, with the term it comes from and whether it is provisional. */
export function dueDateFor(item: DueItem): DueDate {
  switch (item.item) {
    case 'COMPLAINT_ACCEPTANCE':
      return dueAfter(item.receivedOn, acceptanceTerm(item.kind, item.receivedOn));
    case 'COMPLAINT_RESOLUTION':
      return dueAfter(item.acceptedOn, resolutionTerm(item), item.extensionDays);
    case 'DOSSIER_APPRAISAL':
      return dueAfter(item.receivedOn, appraisalTerm(item.level, item.ruleSetId));
    case 'RESULT_NOTIFICATION':
      return dueAfter(item.decidedOn, appraisalTerms(item.ruleSetId).resultNotification);
  }
}

/** The appraisal due date of a dossier received on `receivedOn` at `level` under the rule set. */
export function appraisalDueDate(receivedOn: IsoDate, level: AuthorityLevel, ruleSetId: string): IsoDate {
  return dueDateFor({ item: 'DOSSIER_APPRAISAL', receivedOn, level, ruleSetId }).dueOn;
}

/** Whether a due date running from `start` to `dueOn` crosses a year whose days off are not announced. */
export function dueDateProvisional(start: IsoDate, dueOn: IsoDate): boolean {
  return spansProvisionalYear(start, dueOn);
}
