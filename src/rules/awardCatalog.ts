/**
 * The titles and forms of commendation (Law 06/2022/QH15 on Emulation and
 * Commendation, its titles and forms): who may receive each one and which authority
 * levels grant it under the three-tier local government. Granting levels and cash
 * rewards as they change over time are data of the rule sets (grantingLevels.ts,
 * rewardMultiples.ts).
 */
import { AuthorityLevel, AwardCategory, AwardKind, SubjectKind } from '../shared/domain';

export interface AwardDefinition {
  kind: AwardKind;
  /** Vietnamese name, as printed on decisions. */
  label: string;
  category: AwardCategory;
  subjects: readonly SubjectKind[];
  /** The unit head grants at AuthorityLevel.UNIT. */
  grantingLevels: readonly AuthorityLevel[];
}

const { INDIVIDUAL, COLLECTIVE, HOUSEHOLD } = SubjectKind;

/**
 * The forms a household (hộ gia đình) may receive. Households are subjects of the law
 * (Law 06/2022/QH15 Art. 2: "cá nhân, tập thể, hộ gia đình người Việt Nam"; verified). That
 * Giấy khen and the provincial Bằng khen are the forms for households follows the law's
 * articles on those forms (Art. 74 and 75 as read here), which were not verified against
 * the law's text; the commune chairman's Giấy khen for a family is a published
 * administrative procedure (thủ tục 1.000748). The catalog's subject lists below follow it.
 */
export const HOUSEHOLD_AWARDS = Object.freeze({
  awards: Object.freeze([AwardKind.CERTIFICATE_OF_MERIT, AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT]),
  source: 'Law 06/2022/QH15 Art. 2 (verified); Art. 74, 75 (not verified)',
  verified: false,
});
const { UNIT, COMMUNE, DISTRICT, PROVINCE, MINISTRY, GOVERNMENT, STATE } = AuthorityLevel;
const { TITLE, COMMENDATION } = AwardCategory;

function define(
  kind: AwardKind,
  label: string,
  category: AwardCategory,
  subjects: SubjectKind[],
  grantingLevels: AuthorityLevel[],
): AwardDefinition {
  return Object.freeze({
    kind,
    label,
    category,
    subjects: Object.freeze(subjects),
    grantingLevels: Object.freeze(grantingLevels),
  });
}

export const AWARD_CATALOG: Readonly<Record<AwardKind, AwardDefinition>> = Object.freeze({
  [AwardKind.ADVANCED_WORKER]: define(
    AwardKind.ADVANCED_WORKER,
    'Lao động tiên tiến',
    TITLE,
    [INDIVIDUAL],
    [UNIT, COMMUNE, DISTRICT],
  ),
  [AwardKind.GRASSROOTS_EMULATION_FIGHTER]: define(
    AwardKind.GRASSROOTS_EMULATION_FIGHTER,
    'Chiến sĩ thi đua cơ sở',
    TITLE,
    [INDIVIDUAL],
    [UNIT, DISTRICT],
  ),
  [AwardKind.PROVINCIAL_EMULATION_FIGHTER]: define(
    AwardKind.PROVINCIAL_EMULATION_FIGHTER,
    'Chiến sĩ thi đua cấp bộ, ngành, tỉnh',
    TITLE,
    [INDIVIDUAL],
    [PROVINCE, MINISTRY],
  ),
  [AwardKind.NATIONAL_EMULATION_FIGHTER]: define(
    AwardKind.NATIONAL_EMULATION_FIGHTER,
    'Chiến sĩ thi đua toàn quốc',
    TITLE,
    [INDIVIDUAL],
    [GOVERNMENT],
  ),
  [AwardKind.ADVANCED_COLLECTIVE]: define(
    AwardKind.ADVANCED_COLLECTIVE,
    'Tập thể lao động tiên tiến',
    TITLE,
    [COLLECTIVE],
    [UNIT, DISTRICT],
  ),
  [AwardKind.EXCELLENT_COLLECTIVE]: define(
    AwardKind.EXCELLENT_COLLECTIVE,
    'Tập thể lao động xuất sắc',
    TITLE,
    [COLLECTIVE],
    [PROVINCE, MINISTRY],
  ),
  [AwardKind.PROVINCIAL_EMULATION_FLAG]: define(
    AwardKind.PROVINCIAL_EMULATION_FLAG,
    'Cờ thi đua của bộ, ngành, tỉnh',
    TITLE,
    [COLLECTIVE],
    [PROVINCE, MINISTRY],
  ),
  [AwardKind.GOVERNMENT_EMULATION_FLAG]: define(
    AwardKind.GOVERNMENT_EMULATION_FLAG,
    'Cờ thi đua của Chính phủ',
    TITLE,
    [COLLECTIVE],
    [GOVERNMENT],
  ),
  [AwardKind.CERTIFICATE_OF_MERIT]: define(
    AwardKind.CERTIFICATE_OF_MERIT,
    'Giấy khen',
    COMMENDATION,
    [INDIVIDUAL, COLLECTIVE, HOUSEHOLD],
    [UNIT, COMMUNE, DISTRICT],
  ),
  [AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT]: define(
    AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT,
    'Bằng khen của Chủ tịch UBND tỉnh / Bộ trưởng',
    COMMENDATION,
    [INDIVIDUAL, COLLECTIVE, HOUSEHOLD],
    [PROVINCE, MINISTRY],
  ),
  [AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT]: define(
    AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT,
    'Bằng khen của Thủ tướng Chính phủ',
    COMMENDATION,
    [INDIVIDUAL, COLLECTIVE],
    [GOVERNMENT],
  ),
  [AwardKind.LABOR_ORDER_THIRD_CLASS]: define(
    AwardKind.LABOR_ORDER_THIRD_CLASS,
    'Huân chương Lao động hạng Ba',
    COMMENDATION,
    [INDIVIDUAL, COLLECTIVE],
    [STATE],
  ),
  [AwardKind.LABOR_ORDER_SECOND_CLASS]: define(
    AwardKind.LABOR_ORDER_SECOND_CLASS,
    'Huân chương Lao động hạng Nhì',
    COMMENDATION,
    [INDIVIDUAL, COLLECTIVE],
    [STATE],
  ),
  [AwardKind.LABOR_ORDER_FIRST_CLASS]: define(
    AwardKind.LABOR_ORDER_FIRST_CLASS,
    'Huân chương Lao động hạng Nhất',
    COMMENDATION,
    [INDIVIDUAL, COLLECTIVE],
    [STATE],
  ),
  [AwardKind.COMMEMORATIVE_MEDAL]: define(
    AwardKind.COMMEMORATIVE_MEDAL,
    'Kỷ niệm chương',
    COMMENDATION,
    [INDIVIDUAL],
    [PROVINCE, MINISTRY],
  ),
});

export function awardDefinition(kind: AwardKind): AwardDefinition {
  return AWARD_CATALOG[kind];
}

export function awardLabel(kind: AwardKind): string {
  return AWARD_CATALOG[kind].label;
}

export function awardCategory(kind: AwardKind): AwardCategory {
  return AWARD_CATALOG[kind].category;
}

export function canBeAwardedTo(kind: AwardKind, subjectKind: SubjectKind): boolean {
  return AWARD_CATALOG[kind].subjects.includes(subjectKind);
}

export function mayBeGrantedAt(kind: AwardKind, level: AuthorityLevel): boolean {
  return AWARD_CATALOG[kind].grantingLevels.includes(level);
}
