import { ErrorCode, SECTION_1_FIGURES, SECTION_1_REFERENCE_DATE } from '@canbo/shared';
import ExcelJS from 'exceljs';
import { hashPassword } from '../src/modules/auth/auth.service';
import { loadDemoProvince } from '../src/modules/demo/demo.loader';
import { bootTestApp, TEST_PASSWORD, TestApp } from './harness';
import { pdfFlatText, pdfFontNames } from './pdf-text';

/**
 * The export half of issue 6 over real HTTP on the demo province (loaded once): GET /files/reports/situation.xlsx
 * (one sheet per table, numbers stored as numbers) and GET /files/reports/situation.pdf (the narrative of section
 * I, Vietnamese number formats, the DejaVu fonts embedded), with the permission, scope and date checks of the
 * GraphQL report, and every download audited.
 */
let t: TestApp;
const asOf = SECTION_1_REFERENCE_DATE;
const STAFF = SECTION_1_FIGURES.find((f) => f.id === 'staff_total')!;
const NO_REPORT_USER = 'no-report-reader';

/** GET as a test user (or without a token). */
async function get(path: string, username: string | null = 'province-officer'): Promise<Response> {
  const headers: Record<string, string> = username ? { authorization: `Bearer ${await t.token(username)}` } : {};
  return fetch(`${t.baseUrl}${path}`, { headers });
}

const path = (ext: 'xlsx' | 'pdf', params: Record<string, string> = { asOf }) => `/files/reports/situation.${ext}?${new URLSearchParams(params)}`;

async function workbookOf(res: Response): Promise<ExcelJS.Workbook> {
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return workbook;
}

async function pdfOf(res: Response): Promise<{ text: string; fonts: string[] }> {
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const pdf = Buffer.from(await res.arrayBuffer());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { text: pdfFlatText(pdf), fonts: pdfFontNames(pdf) };
}

/** The header row of a table sheet (the first row whose first cell is "STT") and its rows below, by header. */
function table(sheet: ExcelJS.Worksheet): { headerRow: number; rows: Record<string, ExcelJS.CellValue>[] } {
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === 'STT') headerRow = n;
  });
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n <= headerRow) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return { headerRow, rows };
}

/** The unit names of the "Theo đơn vị" sheet (two header rows) and the cells of its staff_total count column. */
function byUnit(workbook: ExcelJS.Workbook, figureName: string): { units: string[]; counts: number[]; total: number | null } {
  const sheet = workbook.getWorksheet('Theo đơn vị')!;
  const { headerRow } = table(sheet);
  let column = 0;
  sheet.getRow(headerRow).eachCell((cell, c) => {
    if (!column && cell.value === figureName) column = c;
  });
  expect(column).toBeGreaterThan(2);
  expect(sheet.getRow(headerRow + 1).getCell(column).value).toBe('Số lượng');
  expect(sheet.getRow(headerRow + 1).getCell(column + 1).value).toBe('Trên tổng số');
  expect(sheet.getRow(headerRow + 1).getCell(column + 2).value).toBe('Tỷ lệ');
  const units: string[] = [];
  const counts: number[] = [];
  let total: number | null = null;
  sheet.eachRow((row, n) => {
    if (n <= headerRow + 1) return;
    if (row.getCell(2).value === 'Tổng cộng') total = Number(row.getCell(column).value);
    else {
      units.push(String(row.getCell(2).value));
      counts.push(Number(row.getCell(column).value));
    }
  });
  return { units, counts, total };
}

const audits = async () =>
  (await t.ds.query(`SELECT actor_name, entity, entity_id, changes FROM audit_log WHERE operation = 'exportSituationReport' ORDER BY id`)) as {
    actor_name: string;
    entity: string;
    entity_id: string | null;
    changes: { details: { after: Record<string, unknown> } };
  }[];

beforeAll(async () => {
  t = await bootTestApp();
  await loadDemoProvince(t.ds);
  // a user whose only role lacks report.read
  const [role] = await t.ds.query(`INSERT INTO role (code, name, permissions) VALUES ('no_report', 'Không xem báo cáo', $1) RETURNING id`, [['unit.read', 'personnel.read']]);
  const [user] = await t.ds.query(
    `INSERT INTO app_user (username, display_name, password_hash, must_change_password) VALUES ($1, 'Không xem báo cáo', $2, false) RETURNING id`,
    [NO_REPORT_USER, await hashPassword(TEST_PASSWORD)],
  );
  await t.ds.query(`INSERT INTO role_assignment (user_id, role_id, all_units, unit_ids, staff_categories) VALUES ($1, $2, true, '{}', NULL)`, [user.id, role.id]);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('GET /files/reports/situation.xlsx', () => {
  test('the province officer on 2025-10-01: one sheet per table, section I as numbers, a row per unit adding up, audited', async () => {
    const before = (await audits()).length;
    const res = await get(path('xlsx'));
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toBe(
      `attachment; filename="Bao cao tinh hinh - Toan tinh An Giang - 01-10-2025.xlsx"; filename*=UTF-8''${encodeURIComponent('Báo cáo tình hình - Toàn tỉnh An Giang - 01-10-2025.xlsx')}`,
    );
    const workbook = await workbookOf(res);
    const sheets = workbook.worksheets.map((s) => s.name);
    expect(sheets.slice(0, 2)).toEqual(['Tổng hợp', 'Theo đơn vị']);
    expect(sheets).toEqual(expect.arrayContaining(['Số lượng, biên chế', 'Cơ cấu', 'Trình độ', 'Cấp ủy', 'Chức danh chủ chốt', 'Thông tin']));
    expect(sheets[sheets.length - 1]).toBe('Thông tin');

    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A1').value).toBe('BÁO CÁO TÌNH HÌNH ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC CẤP XÃ');
    expect(summary.getCell('A2').value).toBe('Toàn tỉnh An Giang — số liệu tại ngày 01/10/2025');
    const { headerRow, rows } = table(summary);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    expect(Object.keys(rows[0])).toEqual(['STT', 'Nhóm chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Số lượng', 'Trên tổng số', 'Tỷ lệ', 'Cách tính', 'Mã chỉ tiêu']);
    // every figure of section I, in its order, before any figure added after it
    expect(rows.map((r) => r['Mã chỉ tiêu']).slice(0, SECTION_1_FIGURES.length)).toEqual(SECTION_1_FIGURES.map((f) => f.id));
    const staff = rows.find((r) => r['Mã chỉ tiêu'] === 'staff_total')!;
    expect(staff).toMatchObject({ 'Số lượng': STAFF.count, 'Trên tổng số': STAFF.base, 'Đơn vị tính': 'Người' });
    expect(staff['Tỷ lệ']).toBeCloseTo(0.862, 6);
    const staffRow = headerRow + 1 + rows.indexOf(staff);
    expect(summary.getRow(staffRow).getCell(7).numFmt).toBe('0.0%');
    expect(summary.getRow(staffRow).getCell(5).numFmt).toBe('#,##0');
    // a plain count: no base, no percent (empty cells, not 0)
    const units = rows.find((r) => r['Mã chỉ tiêu'] === 'commune_level_units')!;
    expect(units).toMatchObject({ 'Số lượng': 102, 'Trên tổng số': null, 'Tỷ lệ': null });
    for (const f of SECTION_1_FIGURES) {
      const row = rows.find((r) => r['Mã chỉ tiêu'] === f.id)!;
      expect({ id: f.id, count: row['Số lượng'], base: row['Trên tổng số'] }).toEqual({ id: f.id, count: f.count, base: f.base });
    }

    // a row per commune-level unit, adding up to the province (the total row)
    const perUnit = byUnit(workbook, staff['Chỉ tiêu'] as string);
    expect(perUnit.units).toHaveLength(102);
    expect(perUnit.units).toContain('Xã Mỹ Đức');
    expect(perUnit.counts.reduce((s, n) => s + n, 0)).toBe(STAFF.count);
    expect(perUnit.total).toBe(STAFF.count);
    expect(workbook.getWorksheet('Theo đơn vị')!.views[0]).toMatchObject({ state: 'frozen', xSplit: 2 });

    // the group sheets: staff and posts
    const posts = table(workbook.getWorksheet('Số lượng, biên chế')!).rows;
    expect(posts.find((r) => r['Chỉ tiêu'] === staff['Chỉ tiêu'])).toMatchObject({ 'Số lượng': STAFF.count, 'Trên tổng số': STAFF.base });
    expect(table(workbook.getWorksheet('Cấp ủy')!).rows.map((r) => r['Chỉ tiêu'])).toContain(
      rows.find((r) => r['Mã chỉ tiêu'] === 'exec_committee_filled')!['Chỉ tiêu'],
    );

    const after = await audits();
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1]).toMatchObject({ actor_name: expect.any(String), entity: 'report', entity_id: null });
    expect(after[after.length - 1].changes.details.after).toMatchObject({ format: 'xlsx', asOf, unitId: null, scope: 'Toàn tỉnh An Giang', units: 102 });
  }, 60_000);

  test('the commune officer: only Xã Mỹ Đức, whatever they ask; another unit is not found', async () => {
    const workbook = await workbookOf(await get(path('xlsx'), 'commune-organisation-officer'));
    expect(workbook.getWorksheet('Tổng hợp')!.getCell('A2').value).toBe('Xã Mỹ Đức — số liệu tại ngày 01/10/2025');
    const { rows } = table(workbook.getWorksheet('Tổng hợp')!);
    const staff = rows.find((r) => r['Mã chỉ tiêu'] === 'staff_total')!;
    const perUnit = byUnit(workbook, staff['Chỉ tiêu'] as string);
    expect(perUnit.units).toEqual(['Xã Mỹ Đức']);
    expect(perUnit.total).toBeNull();
    expect(perUnit.counts).toEqual([staff['Số lượng']]);
    expect(staff['Số lượng']).toBeGreaterThan(100);
    expect(staff['Số lượng']).toBeLessThan(STAFF.count);
    expect(rows.find((r) => r['Mã chỉ tiêu'] === 'commune_level_units')!['Số lượng']).toBe(1);

    // the same as the province officer asking for the unit
    const one = await workbookOf(await get(path('xlsx', { asOf, unitId: t.communeUnitId })));
    const oneRows = table(one.getWorksheet('Tổng hợp')!).rows;
    expect(oneRows.map((r) => [r['Mã chỉ tiêu'], r['Số lượng'], r['Trên tổng số']])).toEqual(rows.map((r) => [r['Mã chỉ tiêu'], r['Số lượng'], r['Trên tổng số']]));
    expect(byUnit(one, staff['Chỉ tiêu'] as string).units).toEqual(['Xã Mỹ Đức']);

    const [other] = await t.ds.query(`SELECT id FROM unit WHERE name = 'Phường Long Xuyên'`);
    const outside = await get(path('xlsx', { asOf, unitId: other.id }), 'commune-organisation-officer');
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ code: ErrorCode.NOT_FOUND });
  }, 60_000);
});

describe('GET /files/reports/situation.pdf', () => {
  test('the province officer on 2025-10-01: the narrative of section I with Vietnamese numbers, the rules used, audited', async () => {
    const before = (await audits()).length;
    const res = await get(path('pdf'));
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="Bao cao tinh hinh - Toan tinh An Giang - 01-10-2025\.pdf"; filename\*=UTF-8''/);
    const { text, fonts } = await pdfOf(res);
    expect(fonts.some((f) => f.includes('DejaVuSerif'))).toBe(true);
    expect(text).toContain('BÁO CÁO TÌNH HÌNH ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC CẤP XÃ');
    expect(text).toContain('Phạm vi: Toàn tỉnh An Giang');
    expect(text).toContain('01/10/2025');
    expect(text).toContain('47.557');
    expect(text).toContain('55.152');
    expect(text).toContain('86,2%');
    expect(text).toContain('7.595');
    expect(text).toContain('13,8%');
    expect(text).toContain('102 xã, phường, đặc khu');
    expect(text).not.toMatch(/NaN|undefined/u);
    const [rule] = await t.ds.query(
      `SELECT version_label FROM rule_setting WHERE key = 'KEY_LEADERSHIP_TITLES' AND valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1)`,
      [asOf],
    );
    expect(text).toContain(rule.version_label);
    const after = await audits();
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1].changes.details.after).toMatchObject({ format: 'pdf', asOf, unitId: null });
  }, 60_000);

  test('the commune officer: the narrative of Xã Mỹ Đức only', async () => {
    const { text } = await pdfOf(await get(path('pdf'), 'commune-organisation-officer'));
    expect(text).toContain('Phạm vi: Xã Mỹ Đức');
    expect(text).not.toContain('Toàn tỉnh');
    expect(text).not.toContain('47.557');
    const one = await pdfOf(await get(path('pdf', { asOf, unitId: t.communeUnitId })));
    expect(one.text).toContain('Phạm vi: Xã Mỹ Đức');
  }, 60_000);
});

describe('checks shared by both files', () => {
  test('a reference date in the future, before 2025-07-01 or malformed, or a malformed unit id: 400 with a Vietnamese message', async () => {
    const before = (await audits()).length;
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ asOf: '2999-01-01' }, 'asOf', /không được sau ngày hôm nay/u],
      [{ asOf: '2025-06-30' }, 'asOf', /không được trước ngày 01\/07\/2025/u],
      [{ asOf: '2025-13-01' }, 'asOf', /Ngày tham chiếu không hợp lệ/u],
      [{ asOf, unitId: 'abc' }, 'unitId', /Mã đơn vị không hợp lệ/u],
    ];
    for (const ext of ['xlsx', 'pdf'] as const) {
      for (const [params, field, message] of cases) {
        const res = await get(path(ext, params));
        expect({ ext, params, status: res.status }).toEqual({ ext, params, status: 400 });
        const body = (await res.json()) as { code: string; fields: { field: string; message: string }[] };
        expect(body.code).toBe(ErrorCode.BAD_USER_INPUT);
        expect(body.fields).toEqual([expect.objectContaining({ field, message: expect.stringMatching(message) })]);
      }
    }
    // nothing handed out, nothing audited
    expect(await audits()).toHaveLength(before);
  });

  test('without report.read: 403; without a token: 401', async () => {
    for (const ext of ['xlsx', 'pdf'] as const) {
      const res = await get(path(ext), NO_REPORT_USER);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: ErrorCode.FORBIDDEN, permission: 'report.read' });
      expect((await get(path(ext), null)).status).toBe(401);
    }
  });
});
