import { AWARD_CATALOG, awardDefinition, canBeAwardedTo, mayBeGrantedAt } from '../../src/rules/awardCatalog';
import { AuthorityLevel, AwardCategory, AwardKind, SubjectKind } from '../../src/shared/domain';

const { UNIT, COMMUNE, DISTRICT, PROVINCE, MINISTRY, GOVERNMENT, STATE } = AuthorityLevel;
const { INDIVIDUAL, COLLECTIVE, HOUSEHOLD } = SubjectKind;

describe('award catalog', () => {
  it('defines every award kind with a Vietnamese label, a category, subjects and granting levels', () => {
    for (const kind of Object.values(AwardKind)) {
      const definition = awardDefinition(kind);
      expect(definition.kind).toBe(kind);
      expect(definition.label.length).toBeGreaterThan(0);
      expect(Object.values(AwardCategory)).toContain(definition.category);
      expect(definition.subjects.length).toBeGreaterThan(0);
      expect(definition.grantingLevels.length).toBeGreaterThan(0);
    }
    expect(Object.keys(AWARD_CATALOG).sort()).toEqual(Object.values(AwardKind).sort());
  });

  it.each([
    [AwardKind.ADVANCED_WORKER, 'Lao động tiên tiến', AwardCategory.TITLE, [INDIVIDUAL], [UNIT, COMMUNE, DISTRICT]],
    [
      AwardKind.GRASSROOTS_EMULATION_FIGHTER,
      'Chiến sĩ thi đua cơ sở',
      AwardCategory.TITLE,
      [INDIVIDUAL],
      [UNIT, DISTRICT],
    ],
    [
      AwardKind.PROVINCIAL_EMULATION_FIGHTER,
      'Chiến sĩ thi đua cấp bộ, ngành, tỉnh',
      AwardCategory.TITLE,
      [INDIVIDUAL],
      [PROVINCE, MINISTRY],
    ],
    [
      AwardKind.NATIONAL_EMULATION_FIGHTER,
      'Chiến sĩ thi đua toàn quốc',
      AwardCategory.TITLE,
      [INDIVIDUAL],
      [GOVERNMENT],
    ],
    [AwardKind.ADVANCED_COLLECTIVE, 'Tập thể lao động tiên tiến', AwardCategory.TITLE, [COLLECTIVE], [UNIT, DISTRICT]],
    [
      AwardKind.EXCELLENT_COLLECTIVE,
      'Tập thể lao động xuất sắc',
      AwardCategory.TITLE,
      [COLLECTIVE],
      [PROVINCE, MINISTRY],
    ],
    [
      AwardKind.PROVINCIAL_EMULATION_FLAG,
      'Cờ thi đua của bộ, ngành, tỉnh',
      AwardCategory.TITLE,
      [COLLECTIVE],
      [PROVINCE, MINISTRY],
    ],
    [AwardKind.GOVERNMENT_EMULATION_FLAG, 'Cờ thi đua của Chính phủ', AwardCategory.TITLE, [COLLECTIVE], [GOVERNMENT]],
    [
      AwardKind.CERTIFICATE_OF_MERIT,
      'Giấy khen',
      AwardCategory.COMMENDATION,
      [INDIVIDUAL, COLLECTIVE, HOUSEHOLD],
      [UNIT, COMMUNE, DISTRICT],
    ],
    [
      AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT,
      'Bằng khen của Chủ tịch UBND tỉnh / Bộ trưởng',
      AwardCategory.COMMENDATION,
      [INDIVIDUAL, COLLECTIVE, HOUSEHOLD],
      [PROVINCE, MINISTRY],
    ],
    [
      AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT,
      'Bằng khen của Thủ tướng Chính phủ',
      AwardCategory.COMMENDATION,
      [INDIVIDUAL, COLLECTIVE],
      [GOVERNMENT],
    ],
    [
      AwardKind.LABOR_ORDER_THIRD_CLASS,
      'Huân chương Lao động hạng Ba',
      AwardCategory.COMMENDATION,
      [INDIVIDUAL, COLLECTIVE],
      [STATE],
    ],
    [
      AwardKind.LABOR_ORDER_SECOND_CLASS,
      'Huân chương Lao động hạng Nhì',
      AwardCategory.COMMENDATION,
      [INDIVIDUAL, COLLECTIVE],
      [STATE],
    ],
    [
      AwardKind.LABOR_ORDER_FIRST_CLASS,
      'Huân chương Lao động hạng Nhất',
      AwardCategory.COMMENDATION,
      [INDIVIDUAL, COLLECTIVE],
      [STATE],
    ],
    [AwardKind.COMMEMORATIVE_MEDAL, 'Kỷ niệm chương', AwardCategory.COMMENDATION, [INDIVIDUAL], [PROVINCE, MINISTRY]],
  ])('%s: %s, %s, for %j, granted at %j', (kind, label, category, subjects, levels) => {
    const definition = awardDefinition(kind);
    expect(definition.label).toBe(label);
    expect(definition.category).toBe(category);
    expect([...definition.subjects]).toEqual(subjects);
    expect([...definition.grantingLevels]).toEqual(levels);
    for (const level of Object.values(AuthorityLevel)) {
      expect(mayBeGrantedAt(kind, level)).toBe(levels.includes(level));
    }
    for (const subject of Object.values(SubjectKind)) {
      expect(canBeAwardedTo(kind, subject)).toBe(subjects.includes(subject));
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(AWARD_CATALOG)).toBe(true);
    expect(Object.isFrozen(AWARD_CATALOG.ADVANCED_WORKER.grantingLevels)).toBe(true);
  });
});
