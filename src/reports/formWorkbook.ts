import ExcelJS from 'exceljs';
import type { Period } from '../shared/domain';
import type { StatisticsForm } from './statisticsForm';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The two header rows: a column's group merged over its neighbours, a column without one over both rows. */
function writeHeader(sheet: ExcelJS.Worksheet, form: StatisticsForm, top: number, first: number): void {
  const fixed = ['Chỉ tiêu', 'Mã số', 'Đơn vị tính'];
  fixed.forEach((label, i) => {
    sheet.getCell(top, i + 1).value = label;
    sheet.mergeCells(top, i + 1, top + 1, i + 1);
  });
  form.columns.forEach((column, i) => {
    const col = first + i;
    if (column.group === null) {
      sheet.getCell(top, col).value = column.label;
      sheet.mergeCells(top, col, top + 1, col);
      return;
    }
    sheet.getCell(top + 1, col).value = column.label;
    if (i > 0 && form.columns[i - 1].group === column.group) return;
    let last = i;
    while (last + 1 < form.columns.length && form.columns[last + 1].group === column.group) last++;
    sheet.getCell(top, col).value = column.group;
    if (last > i) sheet.mergeCells(top, col, top, first + last);
  });
  const letters = ['A', 'B', 'C', ...form.columns.map((c) => c.code)];
  sheet.getRow(top + 2).values = letters;
}

/** The form laid out like the official one: its code and source, title, merged headings, coded rows. */
export function formWorkbook(form: StatisticsForm, period: Period, reportingUnit: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(form.code.slice(0, 4));
  const first = 4;
  const width = first + form.columns.length - 1;
  sheet.getCell(1, 1).value = `Biểu số: ${form.code}`;
  sheet.getCell(2, 1).value = `Ban hành theo ${form.source}`;
  sheet.getCell(1, width).value = `Đơn vị báo cáo: ${reportingUnit}`;
  sheet.getCell(4, 1).value = form.title;
  sheet.mergeCells(4, 1, 4, width);
  sheet.getCell(5, 1).value = `Năm báo cáo: ${period.year}${form.measure ? ` — Đơn vị tính: ${form.measure}` : ''}`;
  sheet.mergeCells(5, 1, 5, width);
  writeHeader(sheet, form, 7, first);
  form.rows.forEach((row, i) => {
    sheet.getRow(10 + i).values = [row.label, row.code, row.measure ?? '', ...row.values.map((v) => v ?? '')];
  });
  for (let r = 7; r < 10 + form.rows.length; r++)
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: c === 1 && r >= 10 ? 'left' : 'center' };
      if (r < 10) cell.font = { bold: true };
    }
  sheet.getCell(4, 1).font = { bold: true, size: 13 };
  sheet.getCell(4, 1).alignment = { horizontal: 'center' };
  sheet.getColumn(1).width = 60;
  for (let c = 2; c <= width; c++) sheet.getColumn(c).width = c < first ? 10 : 14;
  return workbook;
}
