/** A statutory statistics form as the read models fill it: its header and its coded rows. */
export interface FormColumn {
  /** The column's number on the official form (1 = Tổng số). */
  code: string;
  label: string;
  /** The merged heading over this column and its neighbours with the same group; null for none. */
  group: string | null;
}

export interface FormRow {
  /** Mã số: the row's code on the official form. */
  code: string;
  label: string;
  /** Đơn vị tính, where the form names one per row. */
  measure: string | null;
  /** One value per column; null where the log does not record what the row counts. */
  values: Array<number | null>;
}

export interface StatisticsForm {
  /** e.g. 0601.N/BNV-TĐKT */
  code: string;
  title: string;
  /** The legal source of the layout. */
  source: string;
  /** What the whole form counts in (Đơn vị tính), when one measure holds for every row. */
  measure: string | null;
  columns: FormColumn[];
  rows: FormRow[];
}

/** The circular that lays out forms 0601–0605 (Bộ Nội vụ, 23/3/2023: chế độ báo cáo thống kê ngành Nội vụ). */
export const CIRCULAR_02_2023 = 'Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ';

/** Sums `count` over the items a predicate keeps. */
export function countWhere<T extends { count: number }>(items: readonly T[], keep: (item: T) => boolean): number {
  return items.reduce((sum, item) => (keep(item) ? sum + item.count : sum), 0);
}
