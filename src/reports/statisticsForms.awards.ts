import type { AwardShapeCount } from '../../projections/yearlyTotals/reportForms.queries';
import { AwardKind } from '../shared/domain';
import { CIRCULAR_02_2023, countWhere, type FormColumn, type FormRow, type StatisticsForm } from './statisticsForm';

type Award = AwardShapeCount;
type Keep = (a: Award) => boolean;

const COLLECTIVE = 'Tập thể';
const INDIVIDUAL = 'Cá nhân';
const LABOR_ORDERS: string[] = [
  AwardKind.LABOR_ORDER_THIRD_CLASS,
  AwardKind.LABOR_ORDER_SECOND_CLASS,
  AwardKind.LABOR_ORDER_FIRST_CLASS,
];

/** A column counting kinds of award, for collectives, individuals or both. */
function column(code: string, group: string | null, label: string, kinds: string[], individual?: boolean) {
  const keep: Keep = (a) => kinds.includes(a.award) && (individual === undefined || a.individual === individual);
  return { code, label, group, keep };
}

/**
 * Rows shared by forms 0602 and 0603 (Circular 02/2023/TT-BNV): subjects and methods.
 * The log holds no enterprise flag and no leadership post, so those rows are null; it
 * holds no household subjects (0), and every award is regular, thematic or sudden, so
 * the foreign-relations, dedication, seniority and resistance rows are 0.
 */
function subjectAndMethodRows(
  codes: string[],
): Array<{ code: string; label: string; measure: string; keep: Keep | null }> {
  const none: Keep = () => false;
  const rows = [
    { label: '- Tập thể', measure: COLLECTIVE, keep: (a: Award) => !a.individual },
    { label: 'Trong đó: Doanh nghiệp', measure: 'Doanh nghiệp', keep: null },
    { label: '- Hộ gia đình', measure: 'Hộ', keep: none },
    { label: '- Cá nhân', measure: 'Người', keep: (a: Award) => a.individual },
    { label: '+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên', measure: 'Người', keep: null },
    { label: '+ Lãnh đạo cấp vụ, sở, ngành và tương đương', measure: 'Người', keep: null },
    { label: '+ Doanh nhân', measure: 'Người', keep: null },
    { label: '+ Các cấp lãnh đạo khác từ phó phòng trở lên', measure: 'Người', keep: null },
    {
      label: '+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân,...)',
      measure: 'Người',
      keep: (a: Award) => a.directWorker,
    },
    { label: '- Thường xuyên', measure: '', keep: (a: Award) => a.method === 'REGULAR' },
    { label: '- Chuyên đề', measure: '', keep: (a: Award) => a.method === 'THEMATIC' },
    { label: '- Đột xuất', measure: '', keep: (a: Award) => a.method === 'SUDDEN' },
    { label: '- Đối ngoại', measure: '', keep: none },
    { label: '- Cống hiến', measure: '', keep: none },
    { label: '- Niên hạn', measure: '', keep: none },
    { label: '- Kháng chiến', measure: '', keep: none },
  ];
  return rows.map((row, i) => ({ ...row, code: codes[i] }));
}

function fill(
  awards: readonly Award[],
  columns: Array<FormColumn & { keep: Keep }>,
  rows: Array<{ code: string; label: string; measure: string; keep: Keep | null }>,
): FormRow[] {
  const total: Keep = (a) => columns.some((c) => c.code !== '1' && c.keep(a));
  return rows.map((row) => ({
    code: row.code,
    label: row.label,
    measure: row.measure === '' ? null : row.measure,
    values: columns.map((c) =>
      row.keep === null ? null : countWhere(awards, (a) => row.keep!(a) && (c.code === '1' ? total(a) : c.keep(a))),
    ),
  }));
}

const STATE_GROUP = 'Chia ra';
/** Columns of form 0602 (biểu 0602.N/BNV-TĐKT): state-level awards by kind and subject. */
const STATE_COLUMNS = [
  { code: '1', label: 'Tổng số', group: null, keep: () => true },
  column('2', 'Các loại huân chương, huy chương', COLLECTIVE, LABOR_ORDERS, false),
  column('3', 'Các loại huân chương, huy chương', INDIVIDUAL, LABOR_ORDERS, true),
  column('4', 'Giải thưởng Hồ Chí Minh', INDIVIDUAL, [], true),
  column('5', 'Giải thưởng Nhà nước', INDIVIDUAL, [], true),
  column('6', 'Danh hiệu vinh dự nhà nước', COLLECTIVE, [], false),
  column('7', 'Danh hiệu vinh dự nhà nước', INDIVIDUAL, [], true),
  column('8', STATE_GROUP, 'Cờ thi đua của Chính phủ', [AwardKind.GOVERNMENT_EMULATION_FLAG], false),
  column('9', 'Bằng khen của Thủ tướng Chính phủ', COLLECTIVE, [AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT], false),
  column('10', 'Bằng khen của Thủ tướng Chính phủ', INDIVIDUAL, [AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT], true),
  column('11', STATE_GROUP, 'Chiến sĩ thi đua toàn quốc', [AwardKind.NATIONAL_EMULATION_FIGHTER], true),
];

/**
 * Form 0602.N/BNV-TĐKT, "Số lượng khen thưởng cấp Nhà nước" (Circular 02/2023/TT-BNV).
 * Rows 02–03 divide by who submitted to the Prime Minister: this system serves one
 * province, so its submissions are the province's (row 03). Row codes as the form numbers them.
 */
export function stateAwardsForm(awards: readonly Award[]): StatisticsForm {
  const rows = [
    { code: '01', label: 'Tổng số', measure: '', keep: () => true },
    {
      code: '02',
      label:
        '1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng: - Bộ, ban, ngành, đoàn thể Trung ương',
      measure: 'Bộ, ngành',
      keep: () => false,
    },
    { code: '03', label: '- Tỉnh, thành phố trực thuộc Trung ương', measure: 'Tỉnh, TP', keep: () => true },
    ...subjectAndMethodRows([
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
      '17',
      '18',
      '19',
      '20',
      '21',
    ]),
  ];
  return {
    code: '0602.N/BNV-TĐKT',
    title: 'SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC',
    source: `${CIRCULAR_02_2023}, biểu số 0602.N/BNV-TĐKT`,
    measure: null,
    columns: STATE_COLUMNS.map(({ code, label, group }) => ({ code, label, group })),
    rows: fill(awards, STATE_COLUMNS, rows),
  };
}

/** Columns of form 0603 (biểu 0603.N/BNV-TĐKT): ministry- and province-level awards by kind. */
const PROVINCIAL_COLUMNS = [
  { code: '1', label: 'Tổng số', group: null, keep: () => true },
  column('2', STATE_GROUP, 'Bằng khen', [AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT]),
  column('3', STATE_GROUP, 'Chiến sĩ thi đua cấp bộ, cấp tỉnh', [AwardKind.PROVINCIAL_EMULATION_FIGHTER]),
  column(
    '4',
    STATE_GROUP,
    'Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương',
    [AwardKind.PROVINCIAL_EMULATION_FLAG],
  ),
  column(
    '5',
    STATE_GROUP,
    'Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương',
    [AwardKind.COMMEMORATIVE_MEDAL],
  ),
];

/** Form 0603.N/BNV-TĐKT, ministry- and province-level awards (Circular 02/2023/TT-BNV). */
export function provincialAwardsForm(awards: readonly Award[]): StatisticsForm {
  const rows = [
    { code: '01', label: 'Tổng số', measure: '', keep: () => true },
    ...subjectAndMethodRows([
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
      '17',
    ]),
  ];
  rows[1] = { ...rows[1], label: `1. Chia theo đối tượng khen thưởng: ${rows[1].label}` };
  rows[10] = { ...rows[10], label: `2. Chia theo phương thức khen thưởng: ${rows[10].label}` };
  return {
    code: '0603.N/BNV-TĐKT',
    title: 'SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
    source: `${CIRCULAR_02_2023}, biểu số 0603.N/BNV-TĐKT`,
    measure: null,
    columns: PROVINCIAL_COLUMNS.map(({ code, label, group }) => ({ code, label, group })),
    rows: fill(awards, PROVINCIAL_COLUMNS, rows),
  };
}
