import { formatDate } from '@canbo/shared';
import ExcelJS from 'exceljs';
import { definitionOf, FigureGroup, groupFigures, groupOf, FIGURE_GROUPS } from './figure-groups';
import { NARRATIVE_TITLE } from './narrative';

/**
 * The situation report as a workbook, one sheet per table: "Tổng hợp" (every figure), "Theo đơn vị" (a row per
 * commune-level unit, count / base / percent per figure), one sheet per group of figures (figure-groups.ts) and
 * "Thông tin" (scope, date, who exported, the rule versions). Numbers are stored as numbers, percents as ratios
 * shown through a percent format (Excel shows the decimal separator of its locale); a figure without a base leaves
 * its base and percent empty.
 */

export interface XlsxFigure {
  metricId: string;
  name: string;
  kind: string;
  count: number;
  base: number | null;
  percent: number | null;
}

export interface XlsxUnitRow {
  unitId: string;
  unitName: string;
  figures: { metricId: string; count: number; base: number | null; percent: number | null }[];
}

export interface SituationWorkbookData {
  asOf: string;
  scopeLabel: string;
  scopeNote: string | null;
  figures: XlsxFigure[];
  units: XlsxUnitRow[];
  /** the rule versions used, one line each (narrative.ts ruleLines) */
  rules: string[];
  exportedBy: string;
  exportedAt: Date;
}

export const SUMMARY_SHEET = 'Tổng hợp';
export const BY_UNIT_SHEET = 'Theo đơn vị';
export const INFO_SHEET = 'Thông tin';

const INTEGER = '#,##0';
const PERCENT = '0.0%';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const KIND_LABELS: Record<string, string> = { units: 'Đơn vị', people: 'Người', seats: 'Ghế, chức danh' };

const ratio = (percent: number | null) => (percent === null ? undefined : percent / 100);
const num = (v: number | null) => (v === null ? undefined : v);

/** Title rows (report title, scope and date, a note) above a table; returns the next free row number. */
function titleRows(sheet: ExcelJS.Worksheet, title: string, data: SituationWorkbookData, lastColumn: number): number {
  const rows = [
    { text: title, font: { bold: true, size: 14 } as Partial<ExcelJS.Font> },
    { text: `${data.scopeLabel} — số liệu tại ngày ${formatDate(data.asOf)}`, font: { italic: true } as Partial<ExcelJS.Font> },
    { text: data.scopeNote ?? '', font: { italic: true } as Partial<ExcelJS.Font> },
  ];
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = r.text;
    row.getCell(1).font = r.font;
    row.getCell(1).alignment = { vertical: 'middle', horizontal: 'left' };
    if (lastColumn > 1) sheet.mergeCells(i + 1, 1, i + 1, Math.min(lastColumn, 12));
  });
  sheet.getRow(1).height = 22;
  return rows.length + 1;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
}

interface Column {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
  value: (f: XlsxFigure, index: number) => string | number | undefined;
}

/** A table of figures (one row each) under the title rows, header frozen. */
function figureTable(sheet: ExcelJS.Worksheet, title: string, data: SituationWorkbookData, figures: XlsxFigure[], columns: Column[]): void {
  columns.forEach((c, j) => (sheet.getColumn(j + 1).width = c.width));
  const headerAt = titleRows(sheet, title, data, columns.length);
  const header = sheet.getRow(headerAt);
  header.values = columns.map((c) => c.header);
  header.height = 30;
  styleHeader(header);
  figures.forEach((f, i) => {
    const row = sheet.getRow(headerAt + 1 + i);
    columns.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.value = c.value(f, i) ?? null;
      if (c.numFmt) cell.numFmt = c.numFmt;
      cell.alignment = { vertical: 'top', wrapText: c.wrap ?? false };
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: headerAt, xSplit: 0, topLeftCell: `A${headerAt + 1}` }];
  sheet.autoFilter = { from: { row: headerAt, column: 1 }, to: { row: headerAt, column: columns.length } };
}

const groupTitle = (f: XlsxFigure) => FIGURE_GROUPS.find((g) => g.key === groupOf(definitionOf(f.metricId)))!.title;

const COLUMNS = {
  index: { header: 'STT', width: 6, numFmt: '0', value: (_f: XlsxFigure, i: number) => i + 1 },
  name: { header: 'Chỉ tiêu', width: 60, wrap: true, value: (f: XlsxFigure) => f.name },
  group: { header: 'Nhóm chỉ tiêu', width: 30, wrap: true, value: groupTitle },
  kind: { header: 'Đơn vị tính', width: 14, value: (f: XlsxFigure) => KIND_LABELS[f.kind] ?? f.kind },
  count: { header: 'Số lượng', width: 12, numFmt: INTEGER, value: (f: XlsxFigure) => f.count },
  base: { header: 'Trên tổng số', width: 13, numFmt: INTEGER, value: (f: XlsxFigure) => num(f.base) },
  percent: { header: 'Tỷ lệ', width: 10, numFmt: PERCENT, value: (f: XlsxFigure) => ratio(f.percent) },
  description: { header: 'Cách tính', width: 70, wrap: true, value: (f: XlsxFigure) => definitionOf(f.metricId)?.description.vi },
  id: { header: 'Mã chỉ tiêu', width: 30, value: (f: XlsxFigure) => f.metricId },
} satisfies Record<string, Column>;

/** "Theo đơn vị": a row per unit, for each figure its count, base and percent (a plain count: its count only). */
function byUnitSheet(workbook: ExcelJS.Workbook, data: SituationWorkbookData): void {
  const sheet = workbook.addWorksheet(BY_UNIT_SHEET);
  // the count of units per unit is always 1: left out
  const figures = data.figures.filter((f) => definitionOf(f.metricId)?.population.of !== 'units');
  const spans = figures.map((f) => (definitionOf(f.metricId)?.base === null ? 1 : 3));
  const lastColumn = 2 + spans.reduce((s, n) => s + n, 0);
  const top = titleRows(sheet, 'SỐ LIỆU THEO ĐƠN VỊ HÀNH CHÍNH CẤP XÃ', data, lastColumn);
  const names = sheet.getRow(top);
  const subs = sheet.getRow(top + 1);
  names.getCell(1).value = 'STT';
  names.getCell(2).value = 'Đơn vị';
  sheet.mergeCells(top, 1, top + 1, 1);
  sheet.mergeCells(top, 2, top + 1, 2);
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 26;
  let col = 3;
  const at = new Map<string, number>();
  figures.forEach((f, i) => {
    at.set(f.metricId, col);
    names.getCell(col).value = f.name;
    if (spans[i] === 1) {
      subs.getCell(col).value = 'Số lượng';
      sheet.getColumn(col).width = 14;
    } else {
      sheet.mergeCells(top, col, top, col + 2);
      subs.getCell(col).value = 'Số lượng';
      subs.getCell(col + 1).value = 'Trên tổng số';
      subs.getCell(col + 2).value = 'Tỷ lệ';
      sheet.getColumn(col).width = 10;
      sheet.getColumn(col + 1).width = 11;
      sheet.getColumn(col + 2).width = 9;
    }
    col += spans[i];
  });
  names.height = 75;
  styleHeader(names);
  styleHeader(subs);

  const write = (row: ExcelJS.Row, values: Map<string, { count: number; base: number | null; percent: number | null }>) => {
    figures.forEach((f, i) => {
      const v = values.get(f.metricId);
      const c = at.get(f.metricId)!;
      if (!v) return;
      row.getCell(c).value = v.count;
      row.getCell(c).numFmt = INTEGER;
      if (spans[i] === 3) {
        row.getCell(c + 1).value = num(v.base) ?? null;
        row.getCell(c + 1).numFmt = INTEGER;
        row.getCell(c + 2).value = ratio(v.percent) ?? null;
        row.getCell(c + 2).numFmt = PERCENT;
      }
    });
  };
  data.units.forEach((u, i) => {
    const row = sheet.getRow(top + 2 + i);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = u.unitName;
    write(row, new Map(u.figures.map((f) => [f.metricId, f])));
  });
  if (data.units.length > 1) {
    const total = sheet.getRow(top + 2 + data.units.length);
    total.getCell(2).value = 'Tổng cộng';
    write(total, new Map(data.figures.map((f) => [f.metricId, f])));
    total.font = { bold: true };
    total.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));
  }
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: top + 1, topLeftCell: `C${top + 2}` }];
}

function infoSheet(workbook: ExcelJS.Workbook, data: SituationWorkbookData): void {
  const sheet = workbook.addWorksheet(INFO_SHEET);
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 90;
  const title = sheet.addRow([NARRATIVE_TITLE]);
  title.font = { bold: true, size: 14 };
  const add = (name: string, value: string | number | Date, numFmt?: string) => {
    const row = sheet.addRow([name, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    if (numFmt) row.getCell(2).numFmt = numFmt;
  };
  const [y, m, d] = data.asOf.split('-').map(Number);
  add('Phạm vi', data.scopeLabel);
  if (data.scopeNote) add('Giới hạn phạm vi', data.scopeNote);
  add('Số liệu tại ngày', new Date(Date.UTC(y, m - 1, d)), 'dd/mm/yyyy');
  add('Thời điểm xuất (giờ Việt Nam)', new Date(data.exportedAt.getTime() + 7 * 3600_000), 'dd/mm/yyyy hh:mm');
  add('Người xuất', data.exportedBy);
  add('Số đơn vị', data.units.length, INTEGER);
  add('Quy định áp dụng', data.rules.length ? data.rules.join('\n') : 'Không có');
  add(
    'Ghi chú',
    'Tỷ lệ = Số lượng / Trên tổng số. Ô để trống: chưa có số liệu (không có mẫu số). Định nghĩa từng chỉ tiêu: cột "Cách tính" của trang "Tổng hợp".',
  );
}

/** The workbook of a situation report. */
export function buildSituationWorkbook(data: SituationWorkbookData): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'canbo';
  workbook.created = data.exportedAt;
  workbook.title = NARRATIVE_TITLE;
  const c = COLUMNS;
  figureTable(workbook.addWorksheet(SUMMARY_SHEET), NARRATIVE_TITLE, data, data.figures, [c.index, c.group, c.name, c.kind, c.count, c.base, c.percent, c.description, c.id]);
  byUnitSheet(workbook, data);
  for (const { group, figures } of groupFigures(data.figures)) {
    figureTable(workbook.addWorksheet(sheetName(group)), group.title.toLocaleUpperCase('vi'), data, figures, [c.index, c.name, c.kind, c.count, c.base, c.percent, c.description]);
  }
  infoSheet(workbook, data);
  return workbook;
}

function sheetName(group: FigureGroup): string {
  return group.sheet.slice(0, 31);
}
