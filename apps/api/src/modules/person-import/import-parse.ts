/**
 * The import file's rows, without a database: the template's columns, header matching, the reading of cells
 * (text, Excel dates and serial numbers, dd/mm/yyyy text, Vietnamese labels of enums, national IDs) and a
 * streaming CSV reader. Every problem is a RowError naming its row and column, in Vietnamese.
 */
import {
  ETHNIC_GROUPS,
  foldForSearch,
  Gender,
  GENDER_LABELS,
  isDateInRange,
  isValidIsoDate,
  Labels,
  LIMITS,
  NAME_PATTERN,
  normalizeText,
  POLITICAL_THEORY_LEVEL_LABELS,
  PoliticalTheoryLevel,
  QUALIFICATION_LEVEL_LABELS,
  QualificationLevel,
  RECORD_KIND_LABELS,
  RecordKind,
  STAFF_CATEGORY_LABELS,
  StaffCategory,
} from '@canbo/shared';
import { isEmail } from 'class-validator';
import { RowMessages } from './person-import.errors';

export type ImportField =
  | 'fullName'
  | 'otherNames'
  | 'gender'
  | 'birthDate'
  | 'nationalId'
  | 'ethnicity'
  | 'religion'
  | 'hometown'
  | 'permanentResidence'
  | 'phone'
  | 'email'
  | 'unit'
  | 'body'
  | 'staffCategory'
  | 'jobPosition'
  | 'title'
  | 'qualificationLevel'
  | 'politicalTheoryLevel'
  | 'startDate'
  | 'effectiveDate'
  | 'kind'
  | 'reason';

export interface ImportColumn {
  key: ImportField;
  /** the header in the template (Vietnamese) */
  header: string;
  required: boolean;
  /** what to write, for the instructions sheet and docs/import-template.md */
  help: string;
  example: string;
  /** column width in the template */
  width: number;
  /** the template formats the column as text (keeps leading zeros) */
  text?: boolean;
  date?: boolean;
}

const labels = <E extends string>(l: Labels<E>) => Object.values<Record<'vi' | 'en', string>>(l).map((x) => x.vi);

/** The template's columns, in order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'fullName', header: 'Họ và tên', required: true, width: 26, example: 'Nguyễn Văn An', help: 'Họ, chữ đệm và tên khai sinh, có dấu.' },
  { key: 'otherNames', header: 'Tên gọi khác', required: false, width: 16, example: '', help: 'Tên thường gọi hoặc bí danh (nếu có).' },
  { key: 'gender', header: 'Giới tính', required: true, width: 10, example: 'Nam', help: `Một trong: ${labels(GENDER_LABELS).join(', ')}.` },
  { key: 'birthDate', header: 'Ngày sinh', required: true, width: 13, date: true, example: '15/03/1990', help: 'Ngày dạng dd/mm/yyyy (hoặc ô ngày của Excel). Phải đủ 18 tuổi.' },
  {
    key: 'nationalId',
    header: 'Số định danh cá nhân',
    required: true,
    width: 18,
    text: true,
    example: '079090001234',
    help: 'Đúng 12 chữ số, không khoảng trắng (số CCCD). Là khóa để nhận ra người đã có khi nhập lại. Định dạng cột là Văn bản để giữ số 0 ở đầu.',
  },
  { key: 'ethnicity', header: 'Dân tộc', required: false, width: 12, example: 'Kinh', help: 'Tên dân tộc (như "Kinh", "Khơ-me", "Chăm", "Hoa") hoặc mã 01–54 theo danh mục 54 dân tộc.' },
  { key: 'religion', header: 'Tôn giáo', required: false, width: 14, example: 'Không', help: 'Tối đa 100 ký tự.' },
  { key: 'hometown', header: 'Quê quán', required: false, width: 28, example: 'Xã Mỹ Đức, tỉnh An Giang', help: 'Tối đa 500 ký tự.' },
  { key: 'permanentResidence', header: 'Nơi thường trú', required: false, width: 28, example: 'Ấp Mỹ Hòa, xã Mỹ Đức, tỉnh An Giang', help: 'Tối đa 500 ký tự.' },
  { key: 'phone', header: 'Điện thoại', required: false, width: 14, text: true, example: '0912345678', help: 'Số điện thoại; định dạng cột là Văn bản để giữ số 0 ở đầu.' },
  { key: 'email', header: 'Thư điện tử', required: false, width: 24, example: 'an.nv@angiang.gov.vn', help: 'Địa chỉ thư điện tử.' },
  {
    key: 'unit',
    header: 'Đơn vị',
    required: true,
    width: 24,
    example: 'Xã Mỹ Đức',
    help: 'Tên đơn vị (xã, phường, đặc khu hoặc cơ quan cấp tỉnh) đúng như trong danh mục đơn vị (trang "Danh mục"). Phải thuộc phạm vi được phân công của người nhập.',
  },
  {
    key: 'body',
    header: 'Cơ quan, tổ chức',
    required: false,
    width: 30,
    example: 'Ủy ban nhân dân xã Mỹ Đức',
    help: 'Tên cơ quan, tổ chức thuộc đơn vị trên (như "Ủy ban nhân dân xã Mỹ Đức"), đúng như trong danh mục.',
  },
  { key: 'staffCategory', header: 'Loại cán bộ', required: true, width: 16, example: 'Công chức', help: `Một trong: ${labels(STAFF_CATEGORY_LABELS).join(', ')}.` },
  { key: 'jobPosition', header: 'Vị trí việc làm', required: true, width: 30, example: 'Công chức Văn phòng - Thống kê', help: 'Vị trí việc làm, tối đa 200 ký tự.' },
  {
    key: 'title',
    header: 'Chức danh',
    required: false,
    width: 24,
    example: '',
    help: 'Tên chức danh trong danh mục chức danh (như "Bí thư Đảng ủy"); đơn vị phải có định suất chức danh đó. Để trống nếu không giữ chức danh.',
  },
  { key: 'qualificationLevel', header: 'Trình độ chuyên môn', required: false, width: 16, example: 'Đại học', help: `Một trong: ${labels(QUALIFICATION_LEVEL_LABELS).join(', ')}.` },
  {
    key: 'politicalTheoryLevel',
    header: 'Trình độ lý luận chính trị',
    required: false,
    width: 16,
    example: 'Trung cấp',
    help: `Một trong: ${labels(POLITICAL_THEORY_LEVEL_LABELS).join(', ')}.`,
  },
  {
    key: 'startDate',
    header: 'Ngày bắt đầu công tác tại đơn vị',
    required: false,
    width: 16,
    date: true,
    example: '01/07/2025',
    help: 'Chỉ dùng khi thêm người mới: ngày bắt đầu công tác, chức danh và trình độ. Để trống: lấy ngày hiệu lực. Với người đã có hồ sơ, cột này không làm thay đổi lịch sử.',
  },
  {
    key: 'effectiveDate',
    header: 'Ngày hiệu lực',
    required: false,
    width: 14,
    date: true,
    example: '',
    help: 'Ngày các thay đổi của dòng có hiệu lực (người đã có hồ sơ). Để trống: ngày nhập tệp.',
  },
  {
    key: 'kind',
    header: 'Loại cập nhật',
    required: false,
    width: 13,
    example: 'Thay đổi',
    help: `"${RECORD_KIND_LABELS.CHANGE.vi}" (thông tin thực sự thay đổi từ ngày hiệu lực) hoặc "${RECORD_KIND_LABELS.CORRECTION.vi}" (sửa thông tin đã nhập sai, đánh dấu là đính chính). Để trống: Thay đổi.`,
  },
  { key: 'reason', header: 'Căn cứ, lý do', required: false, width: 24, example: '', help: 'Số quyết định hoặc lý do (tối đa 1.000 ký tự). Dòng đính chính để trống: ghi "Đính chính khi nhập tệp …".' },
];

/** The column the errors file adds (ignored when that file is uploaded again). */
export const ERROR_COLUMN_HEADER = 'Lỗi';

/** The name of the template's data sheet (other sheets are instructions and catalogues). */
export const DATA_SHEET_NAME = 'Danh sách';

export const COLUMN_BY_KEY = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));

export function headerOf(key: ImportField): string {
  return COLUMN_BY_KEY.get(key)!.header;
}

/** One problem of a row (row 1 is the header row; 0: the file as a whole). */
export interface RowError {
  row: number;
  /** the column's header, null for the row or file as a whole */
  column: string | null;
  /** the submitted value, as text (null when not relevant) */
  value: string | null;
  message: string;
}

/** A row read and checked: what it says, in the registry's terms (names still to resolve against the database). */
export interface ImportRow {
  row: number;
  fullName: string;
  otherNames: string | null;
  gender: Gender;
  birthDate: string;
  nationalId: string;
  ethnicityCode: string | null;
  religion: string | null;
  hometown: string | null;
  permanentResidence: string | null;
  phone: string | null;
  email: string | null;
  unitName: string;
  bodyName: string | null;
  staffCategory: StaffCategory;
  jobPosition: string;
  titleName: string | null;
  qualificationLevel: QualificationLevel | null;
  politicalTheoryLevel: PoliticalTheoryLevel | null;
  /** given: first day of a new person's assignment; null: the effective date */
  startDate: string | null;
  effectiveDate: string;
  kind: RecordKind;
  reason: string | null;
}

// ---- cells ----

export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: Date }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'formula'; formula: string; result: unknown }
  | { kind: 'error'; code: string };

const EMPTY: Cell = { kind: 'empty' };

/** An exceljs cell value (or a CSV string) as a Cell. Rich text is joined; hyperlinks give their text. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value === '' ? EMPTY : { kind: 'text', text: value };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', code: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: 'error', code: 'ngày hỏng' } : { kind: 'date', value };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return { kind: 'formula', formula: String(v.formula ?? v.sharedFormula ?? ''), result: v.result };
    if ('error' in v) return { kind: 'error', code: String(v.error) };
    if (Array.isArray(v.richText)) {
      const text = (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
      return text === '' ? EMPTY : { kind: 'text', text };
    }
    if ('text' in v) return toCell(typeof v.text === 'string' ? v.text : String(v.text ?? ''));
    if ('sharedString' in v) return { kind: 'error', code: 'chuỗi dùng chung không đọc được' };
  }
  return { kind: 'text', text: String(value) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** dd/mm/yyyy of an ISO date. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The cell as the user sees it (for messages and the errors file). */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date':
      return `${pad(cell.value.getUTCDate())}/${pad(cell.value.getUTCMonth() + 1)}/${cell.value.getUTCFullYear()}`;
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'formula':
      return `=${cell.formula}`;
    case 'error':
      return `#${cell.code}`;
  }
}

/** Whether a cell holds nothing (an empty string or only spaces counts as nothing). */
export function isBlank(cell: Cell): boolean {
  return cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === '');
}

// ---- headers ----

function headerKey(value: string): string {
  return normalizeText(value)
    .replace(/\s*\(\*\)$|\s*\*$/u, '')
    .toLocaleLowerCase('vi');
}

const COLUMN_BY_HEADER = new Map(IMPORT_COLUMNS.map((c) => [headerKey(c.header), c]));
const ERROR_HEADER_KEY = headerKey(ERROR_COLUMN_HEADER);

export interface HeaderMap {
  /** per position (0-based): the field of the column, null for an ignored column (the errors file's "Lỗi") */
  fields: (ImportField | null)[];
  errors: RowError[];
}

/**
 * Matches the header row against the template: every required column must be there; unknown or repeated
 * columns are refused (a column in the wrong place would put values in the wrong field). Optional columns
 * may be left out. Case, spaces and a trailing "*" do not matter.
 */
export function matchHeaders(cells: readonly Cell[]): HeaderMap {
  const fields: (ImportField | null)[] = [];
  const errors: RowError[] = [];
  const seen = new Set<ImportField>();
  let last = -1;
  cells.forEach((c, i) => {
    if (!isBlank(c)) last = i;
  });
  if (last < 0) return { fields, errors: [{ row: 1, column: null, value: null, message: RowMessages.headerEmpty }] };
  for (let i = 0; i <= last; i++) {
    const cell = cells[i] ?? EMPTY;
    if (isBlank(cell)) {
      fields.push(null);
      continue;
    }
    const text = cellText(cell);
    const key = headerKey(text);
    if (key === ERROR_HEADER_KEY) {
      fields.push(null);
      continue;
    }
    const column = COLUMN_BY_HEADER.get(key);
    if (!column) {
      errors.push({ row: 1, column: text, value: text, message: RowMessages.headerUnknown(text) });
      fields.push(null);
      continue;
    }
    if (seen.has(column.key)) {
      errors.push({ row: 1, column: column.header, value: text, message: RowMessages.headerDuplicate(column.header) });
      fields.push(null);
      continue;
    }
    seen.add(column.key);
    fields.push(column.key);
  }
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  if (missing.length) errors.push({ row: 1, column: null, value: null, message: RowMessages.headerMissing(missing) });
  // blank header cells between columns are ignored; a value under one is reported on the rows (tooManyColumns)
  return { fields, errors };
}

// ---- values ----

/** The outcome of reading one cell: a value, nothing (blank), or a problem (already worded, without the column). */
type Read<T> = { ok: true; value: T | null } | { ok: false; problem: string };

const ok = <T>(value: T | null): Read<T> => ({ ok: true, value });
const bad = <T>(problem: string): Read<T> => ({ ok: false, problem });

/** Formulas and error cells are refused in every column. */
function plain(cell: Cell): Read<never> | null {
  if (cell.kind === 'formula') return bad(RowMessages.formula(cell.formula));
  if (cell.kind === 'error') return bad(RowMessages.cellError(cell.code));
  return null;
}

/** Free text: numbers are taken as written (e.g. a religion typed "0" stays "0"); NFC, spaces collapsed. */
function readText(cell: Cell, max: number, pattern?: { re: RegExp; problem: string }): Read<string> {
  const refused = plain(cell);
  if (refused) return refused;
  if (isBlank(cell)) return ok(null);
  if (cell.kind === 'date' || cell.kind === 'boolean') return bad(RowMessages.notText);
  const text = normalizeText(cellText(cell));
  if (text.length > max) return bad(RowMessages.tooLong(max));
  if (pattern && !pattern.re.test(text)) return bad(pattern.problem);
  return ok(text);
}

const NAME = { re: NAME_PATTERN, problem: RowMessages.nameCharacters };
const NO_MARKUP = { re: /^[^<>]*$/u, problem: RowMessages.markup };
const PHONE_PATTERN = /^[0-9+][0-9 .()-]{5,19}$/u;
const DATE_TEXT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u;
/** Excel's day 0 of the 1900 date system (serials from 61 on; earlier ones are before 1 March 1900) */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function checkedIso(iso: string, raw: string): Read<string> {
  if (!isValidIsoDate(iso)) return bad(RowMessages.dateInvalid(raw));
  if (!isDateInRange(iso)) return bad(RowMessages.dateRange(viDate(LIMITS.dateMin), viDate(LIMITS.dateMax)));
  return ok(iso);
}

/** A date: an Excel date cell, an Excel serial number, or text dd/mm/yyyy (d/m/yyyy too); nothing else. */
export function readDate(cell: Cell): Read<string> {
  const refused = plain(cell);
  if (refused) return refused;
  if (isBlank(cell)) return ok(null);
  if (cell.kind === 'date') {
    const d = cell.value;
    if (d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds()) return bad(RowMessages.dateWithTime);
    return checkedIso(`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, cellText(cell));
  }
  if (cell.kind === 'number') {
    const n = cell.value;
    if (!Number.isInteger(n) || n < 61) return bad(RowMessages.dateSerial(n));
    const d = new Date(EXCEL_EPOCH_MS + n * 86_400_000);
    return checkedIso(`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, String(n));
  }
  if (cell.kind !== 'text') return bad(RowMessages.date(cellText(cell)));
  const raw = cell.text.trim();
  const m = DATE_TEXT.exec(raw);
  if (!m) return bad(RowMessages.date(raw));
  return checkedIso(`${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`, raw);
}

/**
 * A national ID: exactly 12 digits as written. Spaces, letters, the old 9-digit card numbers and numbers that
 * Excel stored as numbers (losing the leading zero) are refused, never trimmed or padded.
 */
export function readNationalId(cell: Cell): Read<string> {
  const refused = plain(cell);
  if (refused) return refused;
  if (cell.kind === 'empty') return ok(null);
  if (cell.kind === 'number') {
    const digits = Number.isInteger(cell.value) && cell.value >= 0 ? String(cell.value) : cellText(cell);
    if (/^[1-9][0-9]{11}$/u.test(digits)) return ok(digits);
    return bad(RowMessages.nationalIdNumber(digits));
  }
  if (cell.kind !== 'text') return bad(RowMessages.nationalIdFormat(cellText(cell).length));
  const text = cell.text;
  if (/^[0-9]{12}$/u.test(text)) return ok(text);
  if (text.trim() === '') return ok(null);
  if (/\s/u.test(text)) return bad(RowMessages.nationalIdSpaces);
  if (/^[0-9]{9}$/u.test(text)) return bad(RowMessages.nationalIdOldCard);
  return bad(RowMessages.nationalIdFormat([...text].length));
}

function labelKey(value: string): string {
  return normalizeText(value).toLocaleLowerCase('vi');
}

function enumReader<E extends string>(l: Labels<E>): (cell: Cell) => Read<E> {
  const byLabel = new Map(Object.entries<Record<'vi' | 'en', string>>(l).map(([k, v]) => [labelKey(v.vi), k as E]));
  const allowed = Object.values<Record<'vi' | 'en', string>>(l).map((v) => v.vi);
  return (cell) => {
    const text = readText(cell, 200);
    if (!text.ok || text.value === null) return text as Read<E>;
    const found = byLabel.get(labelKey(text.value));
    return found ? ok(found) : bad(RowMessages.enumValue(text.value, allowed));
  };
}

export const readGender = enumReader(GENDER_LABELS);
export const readStaffCategory = enumReader(STAFF_CATEGORY_LABELS);
export const readQualification = enumReader(QUALIFICATION_LEVEL_LABELS);
export const readPoliticalTheory = enumReader(POLITICAL_THEORY_LEVEL_LABELS);
export const readKind = enumReader(RECORD_KIND_LABELS);

/** Spelling of ethnic group names: folded, without spaces, hyphens or apostrophes ("Khơ-me" = "kho me" = "khome"). */
function ethnicKey(value: string): string {
  return foldForSearch(value).replace(/[\s\-'’.]/gu, '');
}

/** Names in common use besides the official ones of the list. */
const ETHNIC_ALIASES: Record<string, string> = { khmer: '05', mong: '08', hmong: '08', kinhviet: '01', viet: '01', xodang: '14' };
const ETHNIC_BY_KEY = new Map<string, string>([...ETHNIC_GROUPS.map((g) => [ethnicKey(g.name), g.code] as [string, string]), ...Object.entries(ETHNIC_ALIASES)]);
const ETHNIC_CODES = new Set(ETHNIC_GROUPS.map((g) => g.code));

/** An ethnic group by name (spelling variants tolerated) or by code 1–54 (a number cell too). */
export function readEthnicity(cell: Cell): Read<string> {
  const refused = plain(cell);
  if (refused) return refused;
  if (isBlank(cell)) return ok(null);
  const raw = normalizeText(cellText(cell));
  if (/^[0-9]{1,2}$/u.test(raw)) {
    const code = raw.padStart(2, '0');
    return ETHNIC_CODES.has(code) ? ok(code) : bad(RowMessages.ethnicity(raw));
  }
  const code = ETHNIC_BY_KEY.get(ethnicKey(raw));
  return code ? ok(code) : bad(RowMessages.ethnicity(raw));
}

function readPhone(cell: Cell): Read<string> {
  const refused = plain(cell);
  if (refused) return refused;
  if (isBlank(cell)) return ok(null);
  if (cell.kind === 'number') return bad(RowMessages.phoneNumber);
  const text = readText(cell, 20);
  if (!text.ok || text.value === null) return text;
  return PHONE_PATTERN.test(text.value) ? text : bad(RowMessages.phone);
}

function readEmail(cell: Cell): Read<string> {
  const text = readText(cell, 200);
  if (!text.ok || text.value === null) return text;
  return isEmail(text.value) ? text : bad(RowMessages.email);
}

/** How each column is read. */
const READERS: Record<ImportField, (cell: Cell) => Read<unknown>> = {
  fullName: (c) => readText(c, LIMITS.nameMaxLength, NAME),
  otherNames: (c) => readText(c, LIMITS.nameMaxLength, NAME),
  gender: readGender,
  birthDate: readDate,
  nationalId: readNationalId,
  ethnicity: readEthnicity,
  religion: (c) => readText(c, 100, NO_MARKUP),
  hometown: (c) => readText(c, 500, NO_MARKUP),
  permanentResidence: (c) => readText(c, 500, NO_MARKUP),
  phone: readPhone,
  email: readEmail,
  unit: (c) => readText(c, LIMITS.nameMaxLength),
  body: (c) => readText(c, LIMITS.nameMaxLength),
  staffCategory: readStaffCategory,
  jobPosition: (c) => readText(c, LIMITS.nameMaxLength, NAME),
  title: (c) => readText(c, LIMITS.nameMaxLength),
  qualificationLevel: readQualification,
  politicalTheoryLevel: readPoliticalTheory,
  startDate: readDate,
  effectiveDate: readDate,
  kind: readKind,
  reason: (c) => readText(c, LIMITS.reasonMaxLength, NO_MARKUP),
};

/**
 * The cells of a row with errors that could still be read (the others undefined): the registry checks of the
 * planner run on them too, so that one pass reports every error of the row.
 */
export type PartialImportRow = Partial<Omit<ImportRow, 'row'>> & { row: number };

export interface ParsedRow {
  /** null when the row has errors */
  row: ImportRow | null;
  /** when the row has errors: what could be read of it */
  partial?: PartialImportRow;
  errors: RowError[];
  /** the national ID as written when it is well-formed (for duplicate detection even when other cells are wrong) */
  nationalId: string | null;
}

/** Whether every cell of a data row is blank (such rows are skipped). Cells under ignored columns do not count. */
export function isBlankRow(cells: readonly Cell[], header: HeaderMap): boolean {
  return cells.every((c, i) => isBlank(c) || header.fields[i] === null);
}

/**
 * Reads one data row: every cell of every column is checked (all problems reported, not only the first).
 * `importDate` is the default effective date.
 */
export function parseRow(rowNumber: number, cells: readonly Cell[], header: HeaderMap, importDate: string): ParsedRow {
  const errors: RowError[] = [];
  const values: Partial<Record<ImportField, unknown>> = {};
  const raw: Partial<Record<ImportField, Cell>> = {};
  for (let i = 0; i < cells.length; i++) {
    const field = i < header.fields.length ? header.fields[i] : undefined;
    if (field === undefined) {
      if (!isBlank(cells[i])) {
        errors.push({ row: rowNumber, column: null, value: cellText(cells[i]), message: RowMessages.tooManyColumns });
        break;
      }
      continue;
    }
    if (field === null) continue;
    raw[field] = cells[i];
  }
  for (const column of IMPORT_COLUMNS) {
    const cell = raw[column.key] ?? EMPTY;
    const read = READERS[column.key](cell);
    if (!read.ok) {
      errors.push({ row: rowNumber, column: column.header, value: cellText(cell) || null, message: RowMessages.column(column.header, read.problem) });
    } else if (read.value === null && column.required) {
      errors.push({ row: rowNumber, column: column.header, value: null, message: RowMessages.column(column.header, RowMessages.required) });
    } else {
      values[column.key] = read.value;
    }
  }
  const nationalId = (values.nationalId as string | undefined) ?? null;
  const v = values as Record<ImportField, unknown>;
  if (errors.length) {
    const has = (f: ImportField) => f in values;
    const partial: PartialImportRow = { row: rowNumber };
    if (has('nationalId')) partial.nationalId = v.nationalId as string;
    if (has('unit')) partial.unitName = v.unit as string;
    if (has('body')) partial.bodyName = (v.body as string | null) ?? null;
    if (has('staffCategory')) partial.staffCategory = v.staffCategory as StaffCategory;
    if (has('title')) partial.titleName = (v.title as string | null) ?? null;
    if (has('startDate')) partial.startDate = (v.startDate as string | null) ?? null;
    if (has('effectiveDate')) partial.effectiveDate = (v.effectiveDate as string | null) ?? importDate;
    return { row: null, partial, errors, nationalId };
  }
  return {
    nationalId,
    errors,
    row: {
      row: rowNumber,
      fullName: v.fullName as string,
      otherNames: (v.otherNames as string | null) ?? null,
      gender: v.gender as Gender,
      birthDate: v.birthDate as string,
      nationalId: v.nationalId as string,
      ethnicityCode: (v.ethnicity as string | null) ?? null,
      religion: (v.religion as string | null) ?? null,
      hometown: (v.hometown as string | null) ?? null,
      permanentResidence: (v.permanentResidence as string | null) ?? null,
      phone: (v.phone as string | null) ?? null,
      email: (v.email as string | null) ?? null,
      unitName: v.unit as string,
      bodyName: (v.body as string | null) ?? null,
      staffCategory: v.staffCategory as StaffCategory,
      jobPosition: v.jobPosition as string,
      titleName: (v.title as string | null) ?? null,
      qualificationLevel: (v.qualificationLevel as QualificationLevel | null) ?? null,
      politicalTheoryLevel: (v.politicalTheoryLevel as PoliticalTheoryLevel | null) ?? null,
      startDate: (v.startDate as string | null) ?? null,
      effectiveDate: (v.effectiveDate as string | null) ?? importDate,
      kind: (v.kind as RecordKind | null) ?? RecordKind.CHANGE,
      reason: (v.reason as string | null) ?? null,
    },
  };
}

/** Remembers the first row of each national ID: later rows with the same one are errors. */
export class DuplicateTracker {
  private readonly first = new Map<string, number>();

  /** The error of `rowNumber` when `nationalId` was already seen, else null (and remembers it). */
  check(rowNumber: number, nationalId: string): RowError | null {
    const seen = this.first.get(nationalId);
    if (seen !== undefined) {
      const header = headerOf('nationalId');
      return { row: rowNumber, column: header, value: nationalId, message: RowMessages.column(header, RowMessages.duplicateInFile(seen)) };
    }
    this.first.set(nationalId, rowNumber);
    return null;
  }
}

// ---- CSV ----

/**
 * A streaming CSV reader (RFC 4180: quoted fields with "" escapes and line breaks; CRLF or LF). The delimiter
 * (comma or semicolon, as Excel writes them) is taken from the header line. Feed it text chunks; it returns the
 * complete records so far, with their record number (1: the header).
 */
export class CsvReader {
  private delimiter: string | null = null;
  private field = '';
  private record: string[] = [];
  private quoted = false;
  /** inside quotes */
  private inQuotes = false;
  /** the previous character closed a quote (a following quote is an escaped quote) */
  private afterQuote = false;
  private pendingCr = false;
  private count = 0;
  private firstLine = '';

  push(chunk: string): string[][] {
    const out: string[][] = [];
    let text = chunk;
    if (this.delimiter === null) {
      this.firstLine += text;
      const end = firstLineEnd(this.firstLine);
      if (end < 0 && this.firstLine.length < 1_000_000) return out;
      this.delimiter = pickDelimiter(end < 0 ? this.firstLine : this.firstLine.slice(0, end));
      text = this.firstLine;
      this.firstLine = '';
    }
    this.consume(text, out);
    return out;
  }

  end(): string[][] {
    const out: string[][] = [];
    if (this.delimiter === null) {
      this.delimiter = pickDelimiter(this.firstLine);
      const text = this.firstLine;
      this.firstLine = '';
      this.consume(text, out);
    }
    if (this.field !== '' || this.record.length || this.quoted) this.finishRecord(out);
    return out;
  }

  /** records finished so far */
  get records(): number {
    return this.count;
  }

  private consume(text: string, out: string[][]): void {
    const d = this.delimiter!;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this.pendingCr) {
        this.pendingCr = false;
        if (ch === '\n') continue;
      }
      if (this.inQuotes) {
        if (ch === '"') {
          this.inQuotes = false;
          this.afterQuote = true;
        } else {
          this.field += ch;
        }
        continue;
      }
      if (ch === '"') {
        if (this.afterQuote) {
          this.field += '"';
          this.inQuotes = true;
          this.afterQuote = false;
        } else if (this.field === '' && !this.quoted) {
          this.inQuotes = true;
          this.quoted = true;
        } else {
          this.field += ch;
        }
        continue;
      }
      this.afterQuote = false;
      if (ch === d) {
        this.record.push(this.field);
        this.field = '';
        this.quoted = false;
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r') this.pendingCr = true;
        this.finishRecord(out);
      } else {
        this.field += ch;
      }
    }
  }

  private finishRecord(out: string[][]): void {
    this.record.push(this.field);
    out.push(this.record);
    this.count++;
    this.record = [];
    this.field = '';
    this.quoted = false;
    this.afterQuote = false;
  }
}

function firstLineEnd(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) return i;
  }
  return -1;
}

function pickDelimiter(line: string): string {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === ',') commas++;
    else if (!inQuotes && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** A CSV field as a cell: CSV has only text (dates as dd/mm/yyyy, national IDs keep their zeros). */
export function csvCell(value: string): Cell {
  return value === '' ? EMPTY : { kind: 'text', text: value };
}
