/**
 * The titles and forms of commendation (Law 06/2022/QH15 on Emulation and
 * Commendation, its titles and forms): who may
 * receive each one, which authority levels may grant it, and its cash reward as a
 * multiple of the base salary in force on the decision date (null where none is set).
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
  cashMultiple: number | null;
}

const { INDIVIDUAL, COLLECTIVE } = SubjectKind;
const { UNIT, COMMUNE, DISTRICT, PROVINCE, MINISTRY, GOVERNMENT, STATE } = AuthorityLevel;
const { TITLE, COMMENDATION } = AwardCategory;

function define(
  kind: AwardKind,
  label: string,
  category: AwardCategory,
  subjects: SubjectKind[],
  grantingLevels: AuthorityLevel[],
  cashMultiple: number | null,
): AwardDefinition {
  return Object.freeze({
    kind,
    label,
    category,
    subjects: Object.freeze(subjects),
    grantingLevels: Object.freeze(grantingLevels),
    cashMultiple,
  });
}

export const AWARD_CATALOG: Readonly<Record<AwardKind, AwardDefinition>> = Object.freeze({
  [AwardKind.ADVANCED_WORKER]: define(
    AwardKind.ADVANCED_WORKER,
    'Lao động tiên tiến',
    TITLE,
    [INDIVIDUAL],
    [UNIT, COMMUNE, DISTRICT],
    0.3,
  ),
  [AwardKind.GRASSROOTS_EMULATION_FIGHTER]: define(
    AwardKind.GRASSROOTS_EMULATION_FIGHTER,
    'Chiến sĩ thi đua cơ sở',
    TITLE,
    [INDIVIDUAL],
    [UNIT, DISTRICT],
    1,
  ),
  [AwardKind.PROVINCIAL_EMULATION_FIGHTER]: define(
    AwardKind.PROVINCIAL_EMULATION_FIGHTER,
    'Chiến sĩ thi đua cấp bộ, ngành, tỉnh',
    TITLE,
    [INDIVIDUAL],
    [PROVINCE, MINISTRY],
    3,
  ),
  [AwardKind.NATIONAL_EMULATION_FIGHTER]: define(
    AwardKind.NATIONAL_EMULATION_FIGHTER,
    'Chiến sĩ thi đua toàn quốc',
    TITLE,
    [INDIVIDUAL],
    [GOVERNMENT],
    4.5,
  ),
  [AwardKind.ADVANCED_COLLECTIVE]: define(
    AwardKind.ADVANCED_COLLECTIVE,
    'Tập thể lao động tiên tiến',
    TITLE,
    [COLLECTIVE],
    [UNIT, DISTRICT],
    null,
  ),
  [AwardKind.EXCELLENT_COLLECTIVE]: define(
    AwardKind.EXCELLENT_COLLECTIVE,
    'Tập thể lao động xuất sắc',
    TITLE,
    [COLLECTIVE],
    [PROVINCE, MINISTRY],
    1.5,
  ),
  [AwardKind.PROVINCIAL_EMULATION_FLAG]: define(
    AwardKind.PROVINCIAL_EMULATION_FLAG,
    'Cờ thi đua của bộ, ngành, tỉnh',
    TITLE,
    [COLLECTIVE],
    [PROVINCE, MINISTRY],
    null,
  ),
  [AwardKind.GOVERNMENT_EMULATION_FLAG]: define(
    AwardKind.GOVERNMENT_EMULATION_FLAG,
    'Cờ thi đua của Chính phủ',
    TITLE,
    [COLLECTIVE],
    [GOVERNMENT],
    null,
  ),
  [AwardKind.CERTIFICATE_OF_MERIT]: define(
    AwardKind.CERTIFICATE_OF_MERIT,
    'Giấy khen',
    COMMENDATION,
    [INDIVIDUAL, COLLECTIVE],
    [UNIT, COMMUNE, DISTRICT],
    null,
  ),
  [AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT]: define(
    AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT,
    'Bằng khen của Chủ tịch UBND tỉnh / Bộ trưởng',
    COMMENDATION,
    [INDIVIDUAL, COLLECTIVE],
    [PROVINCE, MINISTRY],
    1.5,
  ),
  [AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT]: define(
    AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT,
    'Bằng khen của Thủ tướng Chính phủ',
    COMMENDATION,
    [INDIVIDUAL, COLLECTIVE],
    [GOVERNMENT],
    3.5,
  ),
  [AwardKind.LABOR_ORDER_THIRD_CLASS]: define(
    AwardKind.LABOR_ORDER_THIRD_CLASS,
    'Huân chương Lao động hạng Ba',
    COMMENDATION,
    [INDIVIDUAL, COLLECTIVE],
    [STATE],
    null,
  ),
  [AwardKind.LABOR_ORDER_SECOND_CLASS]: define(
    AwardKind.LABOR_ORDER_SECOND_CLASS,
    'Huân chương Lao động hạng Nhì',
    COMMENDATION,
    [INDIVIDUAL, COLLECTIVE],
    [STATE],
    null,
  ),
  [AwardKind.LABOR_ORDER_FIRST_CLASS]: define(
    AwardKind.LABOR_ORDER_FIRST_CLASS,
    'Huân chương Lao động hạng Nhất',
    COMMENDATION,
    [INDIVIDUAL, COLLECTIVE],
    [STATE],
    null,
  ),
  [AwardKind.COMMEMORATIVE_MEDAL]: define(
    AwardKind.COMMEMORATIVE_MEDAL,
    'Kỷ niệm chương',
    COMMENDATION,
    [INDIVIDUAL],
    [PROVINCE, MINISTRY],
    null,
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
