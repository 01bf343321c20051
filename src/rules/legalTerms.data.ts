/**
 * Legal time limits as dated data: each entry applies to items that start on or after
 * its `effectiveFrom` (the receipt of a complaint, the receipt of a dossier), until the
 * next entry. Every figure names its source; `verified: false` marks one that could not
 * be checked against the published text and awaits confirmation.
 */
import { AuthorityLevel, type IsoDate } from '../shared/domain';
import type { RuleSetId } from './ruleSets';

export enum DayCount {
  /** Calendar days; a term ending on a day off ends on the next working day. */
  CALENDAR = 'CALENDAR',
  /** Working days (Monday–Friday less holidays and announced days off). */
  WORKING = 'WORKING',
}

export interface LegalTerm {
  days: number;
  counting: DayCount;
  source: string;
  verified: boolean;
}

export interface ComplaintTerms {
  effectiveFrom: IsoDate;
  basis: string;
  acceptance: LegalTerm;
  resolution: LegalTerm;
  resolutionComplex: LegalTerm;
  resolutionRemote: LegalTerm;
  resolutionComplexRemote: LegalTerm;
}

export interface DenunciationTerms {
  effectiveFrom: IsoDate;
  basis: string;
  acceptance: LegalTerm;
  resolution: LegalTerm;
  /** Each extension: at most this many days, once for a complex case, twice for an especially complex one. */
  extension: LegalTerm;
  maxExtensions: { COMPLEX: number; ESPECIALLY_COMPLEX: number };
}

const calendar = (days: number, source: string, verified = true): LegalTerm => ({
  days,
  counting: DayCount.CALENDAR,
  source,
  verified,
});
const working = (days: number, source: string, verified = true): LegalTerm => ({
  days,
  counting: DayCount.WORKING,
  source,
  verified,
});

/** Law on Complaints 2011 (02/2011/QH13), in force from 2012-07-01; "days" there are calendar days. */
export const COMPLAINT_TERMS: readonly ComplaintTerms[] = [
  {
    effectiveFrom: '2012-07-01',
    basis: 'Luật Khiếu nại 2011 (02/2011/QH13)',
    acceptance: calendar(10, 'Luật Khiếu nại 2011 Art. 27'),
    resolution: calendar(30, 'Luật Khiếu nại 2011 Art. 28'),
    resolutionComplex: calendar(45, 'Luật Khiếu nại 2011 Art. 28'),
    resolutionRemote: calendar(45, 'Luật Khiếu nại 2011 Art. 28 (vùng sâu, vùng xa đi lại khó khăn)'),
    resolutionComplexRemote: calendar(60, 'Luật Khiếu nại 2011 Art. 28 (vùng sâu, vùng xa, phức tạp)'),
  },
];

/**
 * Law on Denunciations 2018 (25/2018/QH14), in force from 2019-01-01; before it the Law
 * on Denunciations 2011 (03/2011/QH13, Art. 20–21), whose figures are not verified here.
 */
export const DENUNCIATION_TERMS: readonly DenunciationTerms[] = [
  {
    effectiveFrom: '2012-07-01',
    basis: 'Luật Tố cáo 2011 (03/2011/QH13)',
    acceptance: calendar(10, 'Luật Tố cáo 2011 Art. 20', false),
    resolution: calendar(60, 'Luật Tố cáo 2011 Art. 21', false),
    extension: calendar(30, 'Luật Tố cáo 2011 Art. 21', false),
    maxExtensions: { COMPLEX: 1, ESPECIALLY_COMPLEX: 1 },
  },
  {
    effectiveFrom: '2019-01-01',
    basis: 'Luật Tố cáo 2018 (25/2018/QH14)',
    acceptance: working(7, 'Luật Tố cáo 2018 Art. 29 (with Art. 24(1))'),
    resolution: calendar(30, 'Luật Tố cáo 2018 Art. 30(1)'),
    extension: calendar(30, 'Luật Tố cáo 2018 Art. 30(1)'),
    maxExtensions: { COMPLEX: 1, ESPECIALLY_COMPLEX: 2 },
  },
];

export interface AppraisalTerms {
  ruleSetId: RuleSetId;
  basis: string;
  /** The standing agency's appraisal at each level, from receipt of a complete dossier; absent: no such level. */
  appraisal: Partial<Record<AuthorityLevel, LegalTerm>>;
  /** Notifying the proposing unit of the result, from the decision. */
  resultNotification: LegalTerm;
}

function appraisalAtEveryLevel(
  levels: readonly AuthorityLevel[],
  term: LegalTerm,
): Partial<Record<AuthorityLevel, LegalTerm>> {
  return Object.fromEntries(levels.map((level) => [level, term]));
}

const ALL_LEVELS = Object.values(AuthorityLevel);
const TWO_TIER_LEVELS = ALL_LEVELS.filter((level) => level !== AuthorityLevel.DISTRICT);

/**
 * Appraisal and notification terms per rule set.
 *
 * 2013 set: Decree 91/2017 Art. 48(2) sets the appraisal term (Circular 57/2020/TT-BQP
 * Art. 22(3) refers to it). Its figure, 10 working days from receipt of a complete dossier
 * at the commune, district and provincial levels and at the Central Emulation and
 * Commendation Committee (20 where other agencies must be consulted), is the one the
 * published administrative procedures under Decree 91/2017 state and the Central
 * Committee's table of terms repeats. The figure for unit-level awards and the
 * notification term (10 working days after the decision, as Circular 57/2020 Art. 22(4)(a)
 * repeats for State awards) are not confirmed for every level: recorded as unverified.
 *
 * 2022 and 2025 sets: the figures (20 working days to appraise, 10 to notify) could not be
 * checked against the text of Decree 98/2023 or Decree 152/2025, nor which article sets them.
 */
export const APPRAISAL_TERMS: Readonly<Record<RuleSetId, AppraisalTerms>> = {
  'tdkt-2013': {
    ruleSetId: 'tdkt-2013',
    basis: 'Nghị định 91/2017/NĐ-CP',
    appraisal: {
      ...appraisalAtEveryLevel(ALL_LEVELS, working(10, 'Nghị định 91/2017/NĐ-CP Art. 48(2)')),
      [AuthorityLevel.UNIT]: working(10, 'Nghị định 91/2017/NĐ-CP Art. 48(2) (unit level unconfirmed)', false),
    },
    resultNotification: working(10, 'Nghị định 91/2017/NĐ-CP Art. 48 (notification term unconfirmed)', false),
  },
  'tdkt-2022': {
    ruleSetId: 'tdkt-2022',
    basis: 'Nghị định 98/2023/NĐ-CP',
    appraisal: appraisalAtEveryLevel(ALL_LEVELS, working(20, 'Nghị định 98/2023/NĐ-CP (article unverified)', false)),
    resultNotification: working(10, 'Nghị định 98/2023/NĐ-CP (article unverified)', false),
  },
  'tdkt-2025': {
    ruleSetId: 'tdkt-2025',
    basis: 'Nghị định 152/2025/NĐ-CP (two-tier local government: no district level)',
    appraisal: appraisalAtEveryLevel(
      TWO_TIER_LEVELS,
      working(20, 'Nghị định 152/2025/NĐ-CP (article unverified)', false),
    ),
    resultNotification: working(10, 'Nghị định 152/2025/NĐ-CP (article unverified)', false),
  },
};
