import { Gender, PoliticalTheoryLevel, QualificationLevel, RecordKind, StaffCategory } from '@canbo/shared';
import {
  Cell,
  cellText,
  CsvReader,
  DuplicateTracker,
  IMPORT_COLUMNS,
  isBlankRow,
  matchHeaders,
  parseRow,
  readDate,
  readEthnicity,
  readNationalId,
  toCell,
} from '../import-parse';

const text = (t: string): Cell => ({ kind: 'text', text: t });
const headerCells = () => IMPORT_COLUMNS.map((c) => text(c.header));
const header = () => matchHeaders(headerCells());

/** A full valid row by column key, with overrides (cells). */
function rowCells(overrides: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    fullName: text('Nguyễn Văn An'),
    gender: text('Nam'),
    birthDate: text('15/03/1990'),
    nationalId: text('079090001234'),
    ethnicity: text('Kinh'),
    unit: text('Xã Mỹ Đức'),
    staffCategory: text('Công chức'),
    jobPosition: text('Công chức Văn phòng - Thống kê'),
    qualificationLevel: text('Đại học'),
    politicalTheoryLevel: text('Trung cấp'),
    kind: text('Thay đổi'),
  };
  const all = { ...base, ...overrides };
  return IMPORT_COLUMNS.map((c) => all[c.key] ?? { kind: 'empty' });
}

describe('headers', () => {
  test('the template headers map to their fields; case, spaces and a trailing * do not matter; "Lỗi" is ignored', () => {
    expect(header().errors).toEqual([]);
    expect(header().fields).toEqual(IMPORT_COLUMNS.map((c) => c.key));
    const cells = headerCells();
    cells[0] = text('  HỌ VÀ   TÊN *');
    cells.push(text('Lỗi'));
    const h = matchHeaders(cells);
    expect(h.errors).toEqual([]);
    expect(h.fields[0]).toBe('fullName');
    expect(h.fields[cells.length - 1]).toBeNull();
  });

  test('missing required, unknown and repeated columns are refused; optional ones may be left out', () => {
    const onlyRequired = IMPORT_COLUMNS.filter((c) => c.required).map((c) => text(c.header));
    expect(matchHeaders(onlyRequired).errors).toEqual([]);
    const h = matchHeaders([text('Họ tên'), text('Giới tính'), text('Giới tính')]);
    const messages = h.errors.map((e) => e.message);
    expect(messages).toContain('Cột "Họ tên" không có trong tệp mẫu. Hãy dùng đúng tên cột của tệp mẫu.');
    expect(messages).toContain('Cột "Giới tính" xuất hiện nhiều lần.');
    expect(messages.find((m) => m.startsWith('Thiếu cột bắt buộc'))).toContain('"Họ và tên"');
    expect(matchHeaders([]).errors[0].message).toMatch(/Không có dòng tiêu đề/);
  });
});

describe('cells', () => {
  test('exceljs values become cells: rich text, formulas, errors, dates', () => {
    expect(toCell(null)).toEqual({ kind: 'empty' });
    expect(toCell({ richText: [{ text: 'Lê ' }, { text: 'Văn' }] })).toEqual({ kind: 'text', text: 'Lê Văn' });
    expect(toCell({ formula: 'A1&B1', result: 'x' })).toEqual({ kind: 'formula', formula: 'A1&B1', result: 'x' });
    expect(toCell({ sharedFormula: 'A2', result: 1 }).kind).toBe('formula');
    expect(toCell({ error: '#N/A' })).toEqual({ kind: 'error', code: '#N/A' });
    expect(cellText(toCell(new Date(Date.UTC(1990, 2, 15))))).toBe('15/03/1990');
  });

  test('dates: dd/mm/yyyy text, Excel serial numbers and date cells; other text refused', () => {
    expect(readDate(text('15/03/1990'))).toEqual({ ok: true, value: '1990-03-15' });
    expect(readDate(text('5/3/1990'))).toEqual({ ok: true, value: '1990-03-05' });
    // 32947 is 15/03/1990 in Excel's 1900 date system
    expect(readDate({ kind: 'number', value: 32947 })).toEqual({ ok: true, value: '1990-03-15' });
    expect(readDate({ kind: 'date', value: new Date(Date.UTC(1990, 2, 15)) })).toEqual({ ok: true, value: '1990-03-15' });
    for (const bad of ['1990-03-15', '15.03.1990', '15-03-1990', 'March 15, 1990', '15/03/90']) {
      const r = readDate(text(bad));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toContain('dd/mm/yyyy');
    }
    const impossible = readDate(text('30/02/1990'));
    expect(impossible.ok || impossible.problem).toMatch(/không có thật/);
    const early = readDate(text('01/01/1900'));
    expect(early.ok || early.problem).toMatch(/trong khoảng/);
    const fraction = readDate({ kind: 'number', value: 32947.5 });
    expect(fraction.ok).toBe(false);
    const withTime = readDate({ kind: 'date', value: new Date(Date.UTC(1990, 2, 15, 8, 30)) });
    expect(withTime.ok).toBe(false);
    expect(readDate({ kind: 'formula', formula: 'TODAY()', result: 1 }).ok).toBe(false);
  });

  test('national IDs: exactly 12 digits as written; spaces, letters, 9 digits and numbers that lost their zero refused', () => {
    expect(readNationalId(text('079090001234'))).toEqual({ ok: true, value: '079090001234' });
    const problem = (c: Cell) => {
      const r = readNationalId(c);
      return r.ok ? null : r.problem;
    };
    expect(problem(text('0790 9000 1234'))).toMatch(/khoảng trắng/);
    expect(problem(text('079090001234 '))).toMatch(/khoảng trắng/);
    expect(problem(text(' 079090001234'))).toMatch(/khoảng trắng/);
    expect(problem(text('381234567'))).toMatch(/9 chữ số/);
    expect(problem(text('07909000123A'))).toMatch(/đúng 12 chữ số/);
    expect(problem(text('0790900012345'))).toMatch(/13 ký tự/);
    expect(problem({ kind: 'number', value: 79090001234 })).toMatch(/mất số 0/);
    expect(readNationalId({ kind: 'number', value: 179090001234 })).toEqual({ ok: true, value: '179090001234' });
  });

  test('ethnicity by name (spelling variants) or code', () => {
    expect(readEthnicity(text('Kinh'))).toEqual({ ok: true, value: '01' });
    expect(readEthnicity(text('khơ-me'))).toEqual({ ok: true, value: '05' });
    expect(readEthnicity(text('Khmer'))).toEqual({ ok: true, value: '05' });
    expect(readEthnicity(text('Chăm'))).toEqual({ ok: true, value: '17' });
    expect(readEthnicity(text('4'))).toEqual({ ok: true, value: '04' });
    expect(readEthnicity({ kind: 'number', value: 17 })).toEqual({ ok: true, value: '17' });
    expect(readEthnicity(text('55')).ok).toBe(false);
    expect(readEthnicity(text('Kinh Bắc')).ok).toBe(false);
  });
});

describe('rows', () => {
  test('a valid row in the registry’s terms; empty effective date and kind take their defaults', () => {
    const parsed = parseRow(2, rowCells(), header(), '2026-01-15');
    expect(parsed.errors).toEqual([]);
    expect(parsed.row).toMatchObject({
      row: 2,
      fullName: 'Nguyễn Văn An',
      gender: Gender.MALE,
      birthDate: '1990-03-15',
      nationalId: '079090001234',
      ethnicityCode: '01',
      otherNames: null,
      unitName: 'Xã Mỹ Đức',
      staffCategory: StaffCategory.CIVIL_SERVANT,
      qualificationLevel: QualificationLevel.BACHELOR,
      politicalTheoryLevel: PoliticalTheoryLevel.INTERMEDIATE,
      startDate: null,
      effectiveDate: '2026-01-15',
      kind: RecordKind.CHANGE,
    });
  });

  test('every problem of a row is reported, each naming its column, in Vietnamese', () => {
    const parsed = parseRow(
      7,
      rowCells({
        fullName: { kind: 'empty' },
        gender: text('Nu'),
        birthDate: text('1990-03-15'),
        nationalId: text('0790 9000 1234'),
        staffCategory: text('Cán bộ xã'),
        email: text('khong-phai-email'),
        phone: { kind: 'number', value: 912345678 },
        jobPosition: { kind: 'formula', formula: 'CONCAT(A1,B1)', result: 'x' },
        kind: text('Sửa'),
      }),
      header(),
      '2026-01-15',
    );
    expect(parsed.row).toBeNull();
    const byColumn = Object.fromEntries(parsed.errors.map((e) => [e.column, e.message]));
    expect(byColumn['Họ và tên']).toBe('Cột "Họ và tên": không được để trống');
    expect(byColumn['Giới tính']).toBe('Cột "Giới tính": "Nu" không hợp lệ; dùng một trong: Nam, Nữ');
    expect(byColumn['Ngày sinh']).toContain('dd/mm/yyyy');
    expect(byColumn['Số định danh cá nhân']).toContain('khoảng trắng');
    expect(byColumn['Loại cán bộ']).toContain('Công chức');
    expect(byColumn['Thư điện tử']).toContain('không hợp lệ');
    expect(byColumn['Điện thoại']).toContain('mất số 0');
    expect(byColumn['Vị trí việc làm']).toContain('công thức');
    expect(byColumn['Loại cập nhật']).toContain('Đính chính');
    expect(parsed.errors).toHaveLength(9);
    expect(parsed.errors.every((e) => e.row === 7)).toBe(true);
  });

  test('a value right of the last header is refused; blank rows are recognised', () => {
    const cells = [...rowCells(), text('thừa')];
    expect(parseRow(3, cells, header(), '2026-01-15').errors.map((e) => e.message)).toContain(
      'Dòng có nhiều ô hơn số cột của tệp mẫu (các ô thừa ở bên phải tiêu đề).',
    );
    expect(isBlankRow([text('  '), { kind: 'empty' }], header())).toBe(true);
    expect(isBlankRow([text('x')], header())).toBe(false);
  });

  test('duplicates inside the file name the first row', () => {
    const d = new DuplicateTracker();
    expect(d.check(2, '079090001234')).toBeNull();
    expect(d.check(3, '079090001235')).toBeNull();
    expect(d.check(9, '079090001234')?.message).toBe(
      'Cột "Số định danh cá nhân": trùng số định danh với dòng 2 trong cùng tệp; mỗi người chỉ được có một dòng',
    );
  });
});

describe('CSV', () => {
  const all = (chunks: string[]) => {
    const r = new CsvReader();
    const out = chunks.flatMap((c) => r.push(c));
    return [...out, ...r.end()];
  };

  test('quoted fields with commas, quotes and line breaks; CRLF; any chunking', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n1,,3\n';
    const expected = [
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['1', '', '3'],
    ];
    expect(all([text])).toEqual(expected);
    expect(all(text.split(''))).toEqual(expected);
    expect(all([text.slice(0, 7), text.slice(7, 20), text.slice(20)])).toEqual(expected);
  });

  test('semicolons (Excel in some locales) are recognised from the header line; no final newline needed', () => {
    expect(all(['Họ và tên;Giới tính\nAn;Nam'])).toEqual([
      ['Họ và tên', 'Giới tính'],
      ['An', 'Nam'],
    ]);
  });
});
