import type { HeadCount, WorkforceFigures } from '../workforceReports/workforceReport.events';
import { CIRCULAR_02_2023, type StatisticsForm } from './statisticsForm';

type Figures = readonly WorkforceFigures[];
const sumOf = (figures: Figures, pick: (f: WorkforceFigures) => number) => figures.reduce((s, f) => s + pick(f), 0);

/** Rows 02–05 of form 0604 (Circular 02/2023/TT-BNV, biểu 0604.N/BNV-TĐKT), with their measure. */
const ORGANISATION_ROWS: Array<[string, string, string, keyof WorkforceFigures['organisations']]> = [
  [
    '02',
    'Chia theo cơ cấu tổ chức bộ máy: - Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương',
    'Vụ',
    'ministryDepartments',
  ],
  ['03', '- Cấp phòng, ban hoặc bộ phận thuộc Vụ', 'Phòng', 'departmentDivisions'],
  ['04', '- Cấp ban thuộc Sở Nội vụ', 'Ban', 'homeAffairsBoards'],
  ['05', '- Cấp phòng thuộc Sở Nội vụ', 'Phòng', 'homeAffairsDivisions'],
];

/** Form 0604.N/BNV-TĐKT, organisations doing emulation and commendation work, from the units' workforce reports. */
export function organisationsForm(figures: Figures): StatisticsForm {
  const rows = ORGANISATION_ROWS.map(([code, label, measure, key]) => ({
    code,
    label,
    measure,
    values: [sumOf(figures, (f) => f.organisations[key])],
  }));
  return {
    code: '0604.N/BNV-TĐKT',
    title:
      'SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
    source: `${CIRCULAR_02_2023}, biểu số 0604.N/BNV-TĐKT`,
    measure: null,
    columns: [{ code: '1', label: 'Số lượng', group: null }],
    rows: [
      { code: '01', label: 'Tổng số', measure: 'Tổ chức', values: [rows.reduce((s, r) => s + r.values[0], 0)] },
      ...rows,
    ],
  };
}

type Group = 'byAge' | 'byTraining' | 'bySeniority';

/**
 * Rows of form 0605 (Circular 02/2023/TT-BNV, biểu 0605.N/BNV-TĐKT). The last seniority
 * row is numbered 15 here: the layout we could read numbers it 14 twice.
 */
const PEOPLE_ROWS: Array<[string, string, Group, string]> = [
  ['02', '1. Chia theo độ tuổi: - Từ 30 trở xuống', 'byAge', 'upTo30'],
  ['03', '- Từ 31 đến 40', 'byAge', 'from31To40'],
  ['04', '- Từ 41 đến 50', 'byAge', 'from41To50'],
  ['05', '- Từ 51 đến 55', 'byAge', 'from51To55'],
  ['06', '- Từ 56 đến 60', 'byAge', 'from56To60'],
  ['07', '- Trên 60 tuổi', 'byAge', 'over60'],
  ['08', '2. Chia theo trình độ đào tạo: - Sơ cấp', 'byTraining', 'elementary'],
  ['09', '- Trung cấp', 'byTraining', 'intermediate'],
  ['10', '- Cao đẳng', 'byTraining', 'college'],
  ['11', '- Đại học', 'byTraining', 'university'],
  ['12', '- Trên đại học', 'byTraining', 'postgraduate'],
  [
    '13',
    '3. Chia theo thâm niên công tác trong lĩnh vực thi đua, khen thưởng: - Dưới 5 năm',
    'bySeniority',
    'under5Years',
  ],
  ['14', '- Từ 5 đến 10 năm', 'bySeniority', 'from5To10Years'],
  ['15', '- Từ 10 năm trở lên', 'bySeniority', 'over10Years'],
];

const countOf = (f: WorkforceFigures, group: Group, key: string): HeadCount =>
  (f[group] as Record<string, HeadCount>)[key];

/** Form 0605.N/BNV-TĐKT, people doing emulation and commendation work, from the units' workforce reports. */
export function peopleForm(figures: Figures): StatisticsForm {
  const ageKeys = PEOPLE_ROWS.filter(([, , group]) => group === 'byAge').map(([, , , key]) => key);
  const total = (field: keyof HeadCount) =>
    sumOf(figures, (f) => ageKeys.reduce((s, key) => s + countOf(f, 'byAge', key)[field], 0));
  return {
    code: '0605.N/BNV-TĐKT',
    title: 'SỐ LƯỢNG NGƯỜI LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG',
    source: `${CIRCULAR_02_2023}, biểu số 0605.N/BNV-TĐKT`,
    measure: 'Người',
    columns: [
      { code: '1', label: 'Tổng số', group: 'Số lượng (Người)' },
      { code: '2', label: 'Trong đó: Nữ', group: 'Số lượng (Người)' },
    ],
    rows: [
      { code: '01', label: 'Tổng số', measure: null, values: [total('total'), total('women')] },
      ...PEOPLE_ROWS.map(([code, label, group, key]) => ({
        code,
        label,
        measure: null,
        values: [
          sumOf(figures, (f) => countOf(f, group, key).total),
          sumOf(figures, (f) => countOf(f, group, key).women),
        ],
      })),
    ],
  };
}
