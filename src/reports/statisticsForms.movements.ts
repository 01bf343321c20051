import type { MovementShapeCount } from '../../projections/yearlyTotals/reportForms.queries';
import { CIRCULAR_02_2023, countWhere, type FormColumn, type FormRow, type StatisticsForm } from './statisticsForm';

type Movement = MovementShapeCount;
type Keep = (m: Movement) => boolean;

const CENTRAL_LEVELS = ['GOVERNMENT', 'STATE'];
const MINISTRY_OR_PROVINCE = ['MINISTRY', 'PROVINCE'];
/** Local government below the province launches for its locality ("địa phương"). */
const LOCALITY_LEVELS = ['MINISTRY', 'PROVINCE', 'DISTRICT', 'COMMUNE'];

/** Columns of form 0601 (Circular 02/2023/TT-BNV, biểu 0601.N/BNV-TĐKT): the level that launched the movement. */
const COLUMNS: Array<FormColumn & { keep: Keep }> = [
  { code: '1', label: 'Tổng số', group: null, keep: () => true },
  {
    code: '2',
    label: 'Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)',
    group: 'Số phong trào thi đua chia theo cấp chủ trì phát động thi đua',
    keep: (m) => CENTRAL_LEVELS.includes(m.level),
  },
  {
    code: '3',
    label: 'Cấp bộ, ban, ngành, đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương',
    group: 'Số phong trào thi đua chia theo cấp chủ trì phát động thi đua',
    keep: (m) => MINISTRY_OR_PROVINCE.includes(m.level),
  },
  {
    code: '4',
    label: 'Cơ quan, tổ chức, đơn vị',
    group: 'Số phong trào thi đua chia theo cấp chủ trì phát động thi đua',
    keep: (m) => ![...CENTRAL_LEVELS, ...MINISTRY_OR_PROVINCE].includes(m.level),
  },
];

/** An open-ended regular movement runs year by year: it counts as a one-year movement. */
const termMonths = (m: Movement): number => m.months ?? 12;

/**
 * Rows of form 0601 (Circular 02/2023/TT-BNV, biểu 0601.N/BNV-TĐKT). Movements are not
 * launched by clusters in this system (row 04 is always 0). Row 11 counts thematic and
 * phased movements: Law 06/2022/QH15 Art. 11 names regular and thematic emulation only.
 */
const ROWS: Array<{ code: string; label: string; keep: Keep }> = [
  { code: '01', label: 'Tổng số', keep: () => true },
  {
    code: '02',
    label: '1. Chia theo phạm vi tổ chức thi đua: - Toàn quốc',
    keep: (m) => CENTRAL_LEVELS.includes(m.level),
  },
  {
    code: '03',
    label: '- Bộ, ban, ngành đoàn thể, địa phương',
    keep: (m) => LOCALITY_LEVELS.includes(m.level),
  },
  { code: '04', label: '- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức', keep: () => false },
  {
    code: '05',
    label: '- Cơ quan, tổ chức, đơn vị',
    keep: (m) => ![...CENTRAL_LEVELS, ...LOCALITY_LEVELS].includes(m.level),
  },
  { code: '06', label: '2. Chia theo thời hạn thi đua: - Dưới 1 năm', keep: (m) => termMonths(m) < 12 },
  { code: '07', label: '- 1 năm', keep: (m) => termMonths(m) === 12 },
  { code: '08', label: '- Từ 1 năm đến dưới 3 năm', keep: (m) => termMonths(m) > 12 && termMonths(m) < 36 },
  { code: '09', label: '- Từ 3 năm đến dưới 5 năm', keep: (m) => termMonths(m) >= 36 && termMonths(m) < 60 },
  { code: '10', label: '- Từ 5 năm trở lên', keep: (m) => termMonths(m) >= 60 },
  {
    code: '11',
    label: '3. Chia theo phương thức tổ chức phong trào thi đua: - Thi đua theo chuyên đề',
    keep: (m) => m.kind !== 'REGULAR',
  },
  { code: '12', label: '- Thi đua thường xuyên hàng năm', keep: (m) => m.kind === 'REGULAR' },
];

/** Form 0601.N/BNV-TĐKT, "Số phong trào thi đua", from the movements launched in the period. */
export function movementsForm(movements: readonly Movement[]): StatisticsForm {
  return {
    code: '0601.N/BNV-TĐKT',
    title: 'SỐ PHONG TRÀO THI ĐUA',
    source: `${CIRCULAR_02_2023}, biểu số 0601.N/BNV-TĐKT`,
    measure: 'Phong trào',
    columns: COLUMNS.map(({ code, label, group }) => ({ code, label, group })),
    rows: ROWS.map((row): FormRow => ({
      code: row.code,
      label: row.label,
      measure: null,
      values: COLUMNS.map((column) => countWhere(movements, (m) => row.keep(m) && column.keep(m))),
    })),
  };
}
