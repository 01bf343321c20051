/**
 * The documents a dossier must hold before its appraisal, per award kind, as dated data:
 * each rule set names its list and its source. Pure.
 */
import { AwardKind, type IsoDate } from '../shared/domain';
import { DocumentKind } from '../documents/documentKinds';

export interface DossierDocumentRule {
  /** Every award kind needs these. */
  always: readonly DocumentKind[];
  /** Further documents for some award kinds. */
  byAward: Partial<Record<AwardKind, readonly DocumentKind[]>>;
  source: string;
  verified: boolean;
}

/**
 * Documents are checked for dossiers submitted from this date on, when the province's
 * dossiers are submitted online with their files; a dossier submitted earlier was
 * filed on paper and entered without them. This is the system's start of online
 * submission, not a date of the law.
 */
export const DOCUMENTS_CHECKED_FROM: IsoDate = '2026-01-01';

const BASE: readonly DocumentKind[] = [
  DocumentKind.PROPOSAL_MEMO,
  DocumentKind.ACHIEVEMENT_REPORT,
  DocumentKind.MINUTES,
];
const WITH_INITIATIVE: readonly DocumentKind[] = [DocumentKind.INITIATIVE_RECOGNITION];

/**
 * Law 15/2003 as amended in 2013 (its article on the dossier, Art. 84): a proposal (văn
 * bản đề nghị), the achievement report, the minutes of the review, and the competent
 * body's certificate of the initiative for the grassroots, ministerial/provincial and
 * national emulation fighters. Decree 91/2017/NĐ-CP Art. 49(2) lists the same four for
 * the national emulation fighter (tờ trình, báo cáo thành tích, biên bản họp và kết quả
 * bỏ phiếu kín, chứng nhận sáng kiến). The list was checked against published quotations
 * of both texts; the law's article number against none.
 */
export const DECREE_91_2017_DOCUMENTS: DossierDocumentRule = Object.freeze({
  always: BASE,
  byAward: Object.freeze({
    [AwardKind.GRASSROOTS_EMULATION_FIGHTER]: WITH_INITIATIVE,
    [AwardKind.PROVINCIAL_EMULATION_FIGHTER]: WITH_INITIATIVE,
    [AwardKind.NATIONAL_EMULATION_FIGHTER]: WITH_INITIATIVE,
  }),
  source: 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) Art. 84; Nghị định 91/2017/NĐ-CP Art. 49(2)',
  verified: true,
});

/**
 * Law 06/2022/QH15 Art. 84 and Decree 98/2023/NĐ-CP (the articles on the dossier of each
 * title and award): the proposal memo, the achievement report and the council's minutes;
 * the initiative's recognition for the provincial and national emulation fighters. A
 * grassroots fighter may instead rest on an EXCELLENT rating (Law 06/2022), so no
 * recognition is required for it. The article numbers and this list were not verified
 * against the texts.
 */
export const DECREE_98_2023_DOCUMENTS: DossierDocumentRule = Object.freeze({
  always: BASE,
  byAward: Object.freeze({
    [AwardKind.PROVINCIAL_EMULATION_FIGHTER]: WITH_INITIATIVE,
    [AwardKind.NATIONAL_EMULATION_FIGHTER]: WITH_INITIATIVE,
  }),
  source: 'Luật Thi đua, khen thưởng 06/2022/QH15 Art. 84; Nghị định 98/2023/NĐ-CP (dossier articles)',
  verified: false,
});

/** Decree 152/2025/NĐ-CP, taken to keep Decree 98/2023's dossier contents; not verified against its text. */
export const DECREE_152_2025_DOCUMENTS: DossierDocumentRule = Object.freeze({
  ...DECREE_98_2023_DOCUMENTS,
  source: 'Luật Thi đua, khen thưởng 06/2022/QH15 Art. 84; Nghị định 152/2025/NĐ-CP (dossier articles)',
  verified: false,
});

/** The kinds a dossier for `award` must hold under `rule`, in the order of the list. */
export function requiredDocumentKinds(rule: DossierDocumentRule, award: AwardKind): DocumentKind[] {
  return [...rule.always, ...(rule.byAward[award] ?? [])];
}

/** Whether documents are checked for a dossier submitted on `submittedOn`. */
export function documentsChecked(submittedOn: IsoDate): boolean {
  return submittedOn >= DOCUMENTS_CHECKED_FROM;
}
