/**
 * The workbooks of the import: the template (data sheet with the template's headers, instructions, catalogues
 * of the importer's units, bodies, titles, ethnic groups and labels) and the errors file (the submitted values
 * with an error column), streamed.
 */
import {
  ETHNIC_GROUPS,
  GENDER_LABELS,
  Labels,
  POLITICAL_THEORY_LEVEL_LABELS,
  QUALIFICATION_LEVEL_LABELS,
  RECORD_KIND_LABELS,
  STAFF_CATEGORY_LABELS,
  UNIT_KIND_LABELS,
  UnitKind,
} from '@canbo/shared';
import * as ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { Cell, DATA_SHEET_NAME, ERROR_COLUMN_HEADER, IMPORT_COLUMNS, ImportField } from './import-parse';

export interface TemplateCatalog {
  units: { name: string; kind: UnitKind; bodies: string[] }[];
  titles: string[];
}

const vi = <E extends string>(l: Labels<E>) => Object.values<Record<'vi' | 'en', string>>(l).map((x) => x.vi);
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };
const OPTIONAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const DATE_FORMAT = 'dd/mm/yyyy';
/** rows of the data sheet that carry the lists of allowed values */
const VALIDATED_ROWS = 5000;

const LISTS: Partial<Record<ImportField, string[]>> = {
  gender: vi(GENDER_LABELS),
  staffCategory: vi(STAFF_CATEGORY_LABELS),
  qualificationLevel: vi(QUALIFICATION_LEVEL_LABELS),
  politicalTheoryLevel: vi(POLITICAL_THEORY_LEVEL_LABELS),
  kind: vi(RECORD_KIND_LABELS),
};

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The template: "Danh sách" (headers only), "Hướng dẫn" (column by column), "Danh mục" (allowed names). */
export async function buildTemplate(catalog: TemplateCatalog): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'canbo';
  wb.created = new Date();

  const data = wb.addWorksheet(DATA_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.text ? { numFmt: '@' } : c.date ? { numFmt: DATE_FORMAT } : {},
  }));
  const header = data.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 32;
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = c.required ? HEADER_FILL : OPTIONAL_FILL;
    cell.note = `${c.required ? 'Bắt buộc. ' : ''}${c.help}`;
  });
  const validations = (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  IMPORT_COLUMNS.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${VALIDATED_ROWS}`;
    const list = LISTS[c.key];
    if (list) {
      validations.add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `Chọn một trong: ${list.join(', ')}`,
      });
    }
    if (c.key === 'unit' && catalog.units.length) {
      validations.add(range, {
        type: 'list',
        allowBlank: false,
        formulae: [`'Danh mục'!$A$2:$A$${catalog.units.length + 1}`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: c.header,
        error: 'Tên đơn vị phải đúng như trong trang "Danh mục"',
      });
    }
  });

  const help = wb.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'header', width: 32 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Cách ghi', key: 'help', width: 90 },
    { header: 'Ví dụ', key: 'example', width: 30 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) {
    const row = help.addRow({ header: c.header, required: c.required ? 'Có' : '', help: c.help, example: c.example });
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  help.addRow([]);
  const notes = [
    'Nhập dữ liệu vào trang "Danh sách": dòng 1 là tên cột (giữ nguyên), mỗi người một dòng từ dòng 2. Không gộp ô, không dùng công thức, không ẩn trang tính.',
    'Ngày ghi dạng dd/mm/yyyy (ví dụ 05/03/1990) hoặc dùng ô ngày của Excel. Số định danh và điện thoại: định dạng ô là Văn bản để giữ số 0 ở đầu.',
    'Cả tệp được kiểm tra trước khi ghi: nếu có dù chỉ một lỗi thì không dòng nào được nhập; danh sách lỗi (dòng, cột, nội dung) hiện trên màn hình và tải được dạng Excel để sửa rồi tải lên lại.',
    'Nhập lại tệp: người đã có hồ sơ được nhận ra theo số định danh; chỉ thông tin khác với hồ sơ mới được ghi, từ "Ngày hiệu lực" (để trống: ngày nhập). Thông tin không đổi giữ nguyên; không tạo trùng.',
    'Ô để trống ở các cột không bắt buộc: giữ nguyên thông tin đã có (không xóa).',
    '"Loại cập nhật" = Thay đổi: thông tin cũ kết thúc trước ngày hiệu lực, thông tin mới bắt đầu từ ngày đó. = Đính chính: sửa bản ghi đang hiệu lực vào ngày hiệu lực (thông tin cũ nhập sai), được đánh dấu là đính chính.',
    'Người có số định danh đã thuộc đơn vị ngoài phạm vi của bạn sẽ bị báo lỗi (không hiện thông tin của người đó): hãy liên hệ Sở Nội vụ hoặc Ban Tổ chức Tỉnh ủy.',
    'Cũng nhận tệp CSV (mã UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy) với đúng các tên cột trên.',
  ];
  for (const n of notes) {
    const row = help.addRow(['', '', n]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  const lists = wb.addWorksheet('Danh mục');
  lists.columns = [
    { header: 'Đơn vị', key: 'unit', width: 32 },
    { header: 'Loại đơn vị', key: 'kind', width: 18 },
    { header: 'Cơ quan, tổ chức của đơn vị', key: 'bodies', width: 70 },
    { header: 'Chức danh', key: 'title', width: 40 },
    { header: 'Mã dân tộc', key: 'code', width: 10 },
    { header: 'Dân tộc', key: 'ethnic', width: 18 },
    { header: 'Loại cán bộ', key: 'category', width: 20 },
    { header: 'Trình độ chuyên môn', key: 'qualification', width: 20 },
    { header: 'Lý luận chính trị', key: 'theory', width: 20 },
  ];
  lists.getRow(1).font = { bold: true };
  const height = Math.max(catalog.units.length, catalog.titles.length, ETHNIC_GROUPS.length, 6);
  const category = vi(STAFF_CATEGORY_LABELS);
  const qualification = vi(QUALIFICATION_LEVEL_LABELS);
  const theory = vi(POLITICAL_THEORY_LEVEL_LABELS);
  for (let i = 0; i < height; i++) {
    const u = catalog.units[i];
    lists.addRow({
      unit: u?.name ?? null,
      kind: u ? UNIT_KIND_LABELS[u.kind].vi : null,
      bodies: u ? u.bodies.join('; ') : null,
      title: catalog.titles[i] ?? null,
      code: ETHNIC_GROUPS[i]?.code ?? null,
      ethnic: ETHNIC_GROUPS[i]?.name ?? null,
      category: category[i] ?? null,
      qualification: qualification[i] ?? null,
      theory: theory[i] ?? null,
    });
  }
  lists.getColumn('code').numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The CSV template: the header line (UTF-8 with a BOM, so Excel opens it with the right letters). */
export function buildCsvTemplate(): Buffer {
  const line = IMPORT_COLUMNS.map((c) => (/[",;\n]/u.test(c.header) ? `"${c.header.replace(/"/g, '""')}"` : c.header)).join(',');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${line}\r\n`, 'utf8')]);
}

/** A submitted cell as it goes back into the errors file (formulas as their result: they were refused). */
function outValue(cell: Cell): ExcelJS.CellValue {
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'text':
      return cell.text;
    case 'number':
      return cell.value;
    case 'date':
      return cell.value;
    case 'boolean':
      return cell.value;
    case 'formula':
      return (cell.result as ExcelJS.CellValue) ?? null;
    case 'error':
      return `#${cell.code}`;
  }
}

/**
 * Writes the errors file: the submitted header and rows (values as submitted) with a last column "Lỗi" that
 * lists each row's errors (the cells named in them shaded). Rows come from `rows`, errors from `errorsOf`.
 */
export async function writeErrorsWorkbook(
  out: Writable,
  header: Cell[] | null,
  rows: AsyncIterable<{ number: number; cells: Cell[] }>,
  errorsOf: (rowNumber: number) => Promise<{ column: string | null; message: string }[]>,
  fileErrors: string[],
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(DATA_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headerCells = (header ?? IMPORT_COLUMNS.map((c) => ({ kind: 'text', text: c.header }) as Cell)).map(outValue);
  const width = headerCells.length;
  ws.columns = [...headerCells.map((h) => ({ width: Math.min(40, Math.max(12, String(h ?? '').length + 4)) })), { width: 70 }];
  const headerRow = ws.addRow([...headerCells, ERROR_COLUMN_HEADER]);
  headerRow.font = { bold: true };
  if (fileErrors.length) {
    const cell = headerRow.getCell(width + 1);
    cell.value = `${ERROR_COLUMN_HEADER}: ${fileErrors.join('\n')}`;
    cell.fill = ERROR_FILL;
    cell.alignment = { wrapText: true, vertical: 'top' };
  }
  headerRow.commit();
  const positions = new Map<string, number>();
  headerCells.forEach((h, i) => positions.set(String(h ?? '').trim().toLocaleLowerCase('vi'), i + 1));
  for await (const r of rows) {
    const errors = await errorsOf(r.number);
    const values = r.cells.slice(0, width).map(outValue);
    const row = ws.addRow([...values, ...Array(Math.max(0, width - values.length)).fill(null), errors.map((e) => e.message).join('\n') || null]);
    r.cells.slice(0, width).forEach((c, i) => {
      if (c.kind === 'date') row.getCell(i + 1).numFmt = DATE_FORMAT;
      if (c.kind === 'text') row.getCell(i + 1).numFmt = '@';
    });
    if (errors.length) {
      const last = row.getCell(width + 1);
      last.fill = ERROR_FILL;
      last.alignment = { wrapText: true, vertical: 'top' };
      for (const e of errors) {
        const at = e.column ? positions.get(e.column.trim().toLocaleLowerCase('vi')) : undefined;
        if (at) row.getCell(at).fill = ERROR_FILL;
      }
    }
    row.commit();
  }
  await ws.commit();
  await wb.commit();
}
