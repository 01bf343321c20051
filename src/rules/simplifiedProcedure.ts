/**
 * Sudden-achievement awards (khen thưởng đột xuất) by the simplified procedure (thủ tục
 * đơn giản), as dated data per rule set: which award kinds may be proposed that way, the
 * appraisal term, whether the award may be decided without the council's vote, and how
 * old the achievement may be. Every figure names its source; `verified: false` marks one
 * that could not be checked against the published text.
 *
 * Law 06/2022/QH15 Art. 8 defines sudden awards as timely awards to individuals,
 * collectives and households for an unexpected outstanding achievement (checked against
 * the article as LawNet's English summary quotes it). Decree 98/2023/NĐ-CP lists Art. 85(2)
 * of the law among the clauses it details (its preamble, checked); Art. 85 is the
 * simplified procedure: used where the achievement is urgent, outstanding and clear, in
 * combat, work, production or study, with a dossier of a proposal memo (tờ trình) and a
 * brief summary of the achievement. That reading of Art. 85, the Decree's article on it and
 * its figures were not checked against the text.
 *
 * The 2013 set had the procedure too: the Central Emulation and Commendation Board's list
 * of dossier contents under Decree 91/2017 names "hồ sơ theo thủ tục đơn giản" (checked);
 * the published district procedures for a sudden-achievement Giấy khen under Decree
 * 91/2017 give the ordinary 10-working-day appraisal term (Quảng Ninh, Cẩm Phả; Hà Nam
 * publishes 8). Law 15/2003 Art. 85 and Decree 91/2017 Art. 55 as its articles are not verified.
 */
import { AwardKind, type IsoDate } from '../shared/domain';
import { DayCount, type LegalTerm } from './legalTerms.data';
import type { RuleSetId } from './ruleSets';

export interface SimplifiedProcedureRule {
  ruleSetId: RuleSetId;
  basis: string;
  /**
   * Forms of commendation a sudden achievement may be proposed for by this procedure.
   * Emulation titles rest on a whole period's record (and, under the 2013 set, a
   * registration), so none is among them.
   */
  awards: readonly AwardKind[];
  /** The standing agency's appraisal, from receipt of the complete dossier, at every level. */
  appraisal: LegalTerm;
  /** Awards the competent head may decide on the appraisal alone, without the council's vote. */
  grantableWithoutCouncil: readonly AwardKind[];
  /** Days after the achievement within which it may still be proposed this way; null: the law sets no limit. */
  achievementMaxAgeDays: number | null;
  source: string;
  verified: boolean;
}

const working = (days: number, source: string, verified: boolean): LegalTerm => ({
  days,
  counting: DayCount.WORKING,
  source,
  verified,
});

const SUDDEN_AWARDS: readonly AwardKind[] = Object.freeze([
  AwardKind.CERTIFICATE_OF_MERIT,
  AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT,
  AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT,
  AwardKind.LABOR_ORDER_THIRD_CLASS,
]);

/** Awards the unit head, commune, district or province decides: its head may decide them on the appraisal. */
const DECIDED_LOCALLY: readonly AwardKind[] = Object.freeze([
  AwardKind.CERTIFICATE_OF_MERIT,
  AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT,
]);

export const SIMPLIFIED_PROCEDURES: Readonly<Record<RuleSetId, SimplifiedProcedureRule>> = Object.freeze({
  'tdkt-2013': Object.freeze({
    ruleSetId: 'tdkt-2013',
    basis: 'Luật Thi đua, khen thưởng 15/2003/QH11 (sửa đổi 2013) Art. 85; Nghị định 91/2017/NĐ-CP Art. 55',
    awards: SUDDEN_AWARDS,
    appraisal: working(10, 'Nghị định 91/2017/NĐ-CP (published district procedures for thành tích đột xuất)', true),
    // Whether Decree 91/2017 let the council's vote be skipped was not verified: the council votes.
    grantableWithoutCouncil: Object.freeze([]),
    achievementMaxAgeDays: null,
    source: 'Luật 15/2003/QH11 Art. 85, Nghị định 91/2017/NĐ-CP Art. 55 (articles unverified)',
    verified: false,
  }),
  'tdkt-2022': Object.freeze({
    ruleSetId: 'tdkt-2022',
    basis: 'Luật Thi đua, khen thưởng 06/2022/QH15 Art. 8, Art. 85; Nghị định 98/2023/NĐ-CP',
    awards: SUDDEN_AWARDS,
    appraisal: working(
      10,
      'Nghị định 98/2023/NĐ-CP, detailing Luật 06/2022/QH15 Art. 85(2) (figure unverified)',
      false,
    ),
    grantableWithoutCouncil: DECIDED_LOCALLY,
    achievementMaxAgeDays: null,
    source: 'Luật 06/2022/QH15 Art. 85; Nghị định 98/2023/NĐ-CP (article and figures unverified)',
    verified: false,
  }),
  'tdkt-2025': Object.freeze({
    ruleSetId: 'tdkt-2025',
    basis: 'Luật Thi đua, khen thưởng 06/2022/QH15 Art. 8, Art. 85; Nghị định 152/2025/NĐ-CP',
    awards: SUDDEN_AWARDS,
    appraisal: working(
      10,
      'Nghị định 152/2025/NĐ-CP, detailing Luật 06/2022/QH15 Art. 85(2) (figure unverified)',
      false,
    ),
    grantableWithoutCouncil: DECIDED_LOCALLY,
    achievementMaxAgeDays: null,
    source: 'Luật 06/2022/QH15 Art. 85; Nghị định 152/2025/NĐ-CP (article and figures unverified)',
    verified: false,
  }),
});

export function simplifiedProcedureOf(ruleSetId: RuleSetId): SimplifiedProcedureRule {
  return SIMPLIFIED_PROCEDURES[ruleSetId];
}

export function mayBeProposedBySimplifiedProcedure(rule: SimplifiedProcedureRule, award: AwardKind): boolean {
  return rule.awards.includes(award);
}

export function mayBeGrantedWithoutCouncil(rule: SimplifiedProcedureRule, award: AwardKind): boolean {
  return rule.grantableWithoutCouncil.includes(award);
}

/** Whether an achievement of `achievedOn` is too old to propose on `submittedOn` under the rule. */
export function achievementTooOld(rule: SimplifiedProcedureRule, achievedOn: IsoDate, submittedOn: IsoDate): boolean {
  if (rule.achievementMaxAgeDays === null) return false;
  const ageDays = (Date.parse(submittedOn) - Date.parse(achievedOn)) / 86_400_000;
  return ageDays > rule.achievementMaxAgeDays;
}
