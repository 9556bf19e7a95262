import { ErrorCode, MASK } from '@canbo/shared';
import ExcelJS from 'exceljs';
import { bootTestApp, GqlResult, TestApp } from './harness';
import { pdfFlatText, pdfFontNames } from './pdf-text';

/**
 * The export half of issue 7 over real HTTP against real PostgreSQL: GET /files/persons.xlsx (any filtered person
 * list, the caller's scope, sensitive columns only with personnel.read_sensitive and then audited) and
 * GET /files/persons/:id/form-2c.pdf (form 2C-BNV/2008 with the DejaVu fonts embedded, masked for the viewer).
 */
let t: TestApp;
let commune: string;
let other: string;
let secretary: string;
const ids: Record<string, string> = {};

const CREATE = `mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }`;
const ADD_RECORD = `mutation($i: AddPersonRecordInput!) { addPersonRecord(input: $i) { id } }`;
const ADD_ENTRY = `mutation($i: AddPersonEntryInput!) { addPersonEntry(input: $i) { id } }`;
const COUNT = `query($filter: PersonFilter, $asOf: LocalDate) { persons(filter: $filter, asOf: $asOf, first: 1) { totalCount } }`;

function ok<T = any>(res: GqlResult<T>): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

async function create(key: string, input: Record<string, unknown>): Promise<void> {
  ids[key] = ok(
    await t.gql(CREATE, {
      i: { gender: 'MALE', birthDate: '1980-05-05', staffCategory: 'CIVIL_SERVANT', jobPosition: 'Chuyên viên', validFrom: '2025-07-01', ...input },
    }),
  ).createPerson.id;
}

/** GET as a test user (or without a token). */
async function get(path: string, username: string | null = 'system-admin'): Promise<Response> {
  const headers: Record<string, string> = username ? { authorization: `Bearer ${await t.token(username)}` } : {};
  return fetch(`${t.baseUrl}${path}`, { headers });
}

const xlsxPath = (filter?: Record<string, unknown> | string, asOf?: string) => {
  const q = new URLSearchParams();
  if (filter !== undefined) q.set('filter', typeof filter === 'string' ? filter : JSON.stringify(filter));
  if (asOf) q.set('asOf', asOf);
  const s = q.toString();
  return `/files/persons.xlsx${s ? `?${s}` : ''}`;
};

interface Sheet {
  headers: string[];
  rows: Record<string, ExcelJS.Cell>[];
  response: Response;
  workbook: ExcelJS.Workbook;
}

/** Downloads an export and reads it back with exceljs: the header row and one record of cells per data row. */
async function exportAs(username: string, filter?: Record<string, unknown>, asOf?: string): Promise<Sheet> {
  const response = await get(xlsxPath(filter, asOf), username);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Danh sách')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1)])));
  });
  return { headers, rows, response, workbook };
}

const names = (s: Sheet) => s.rows.map((r) => String(r['Họ và tên'].value));
const totalCount = async (username: string, filter?: Record<string, unknown>, asOf?: string) =>
  ok(await t.as(username)(COUNT, { filter, asOf })).persons.totalCount as number;
const exportAudits = async () =>
  (await t.ds.query(`SELECT actor_name, entity_id, changes FROM audit_log WHERE operation = 'exportPersons' ORDER BY id`)) as {
    actor_name: string;
    entity_id: string | null;
    changes: { details: { after: Record<string, any> } };
  }[];

beforeAll(async () => {
  t = await bootTestApp();
  commune = t.communeUnitId;
  [{ id: other }] = await t.ds.query(`SELECT id FROM unit WHERE name = 'Phường Long Xuyên'`);
  [{ id: secretary }] = await t.ds.query(`SELECT id FROM title WHERE code = 'party_secretary'`);

  await create('tuyet', {
    fullName: 'Nguyễn Thị Ánh Tuyết',
    gender: 'FEMALE',
    birthDate: '1986-09-02',
    nationalId: '089186001234',
    ethnicityCode: '05',
    religion: 'Phật giáo Hòa Hảo',
    partyJoinedOn: '2012-05-19',
    partyConfirmedOn: '2013-05-19',
    hometown: 'Xã Mỹ Đức, tỉnh An Giang',
    unitId: commune,
    staffCategory: 'CADRE',
    jobPosition: 'Bí thư Đảng ủy',
  });
  await create('binh', { fullName: 'Lê Văn Bình', nationalId: '089180000002', unitId: commune });
  await create('hoa', { fullName: 'Trần Thị Hoa', gender: 'FEMALE', birthDate: '1995-01-31', nationalId: '089195000003', unitId: commune, staffCategory: 'PUBLIC_EMPLOYEE' });
  await create('outsider', { fullName: 'Huỳnh Văn Ngoài', nationalId: '089170000004', unitId: other });
  await create('outsider2', { fullName: 'Phạm Thị Xa', gender: 'FEMALE', nationalId: '089170000005', unitId: other });

  ok(await t.gql(ADD_RECORD, { i: { personId: ids.tuyet, kind: 'TITLE', titleId: secretary, unitId: commune, validFrom: '2025-07-01' } }));
  ok(await t.gql(ADD_RECORD, { i: { personId: ids.tuyet, kind: 'QUALIFICATION', qualificationLevel: 'BACHELOR', field: 'Luật', institution: 'Trường Đại học Cần Thơ', year: 2008, validFrom: '2008-07-01' } }));
  ok(await t.gql(ADD_RECORD, { i: { personId: ids.tuyet, kind: 'POLITICAL_THEORY', politicalTheoryLevel: 'INTERMEDIATE', validFrom: '2016-06-01' } }));
  ok(await t.gql(ADD_RECORD, { i: { personId: ids.tuyet, kind: 'CIVIL_SERVICE_RANK', rankCode: '01.003', rankName: 'Chuyên viên', salaryStep: 4, validFrom: '2019-03-01' } }));
  ok(await t.gql(ADD_ENTRY, { i: { personId: ids.tuyet, kind: 'FAMILY', relation: 'FATHER', relativeName: 'Nguyễn Văn Đức', year: 1958, occupation: 'Làm ruộng' } }));
  ok(await t.gql(ADD_ENTRY, { i: { personId: ids.tuyet, kind: 'COMMENDATION', dateFrom: '2023-12-20', measure: 'Bằng khen của Chủ tịch UBND tỉnh' } }));
});
afterAll(async () => {
  await t?.close();
});

describe('GET /files/persons.xlsx', () => {
  test('the administrator: every person in scope, Vietnamese headers, dates as dd/mm/yyyy date cells, sensitive columns, and the export audited', async () => {
    const before = (await exportAudits()).length;
    const s = await exportAs('system-admin');
    expect(s.response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = s.response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="Danh sach can bo - \d\d-\d\d-\d{4}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(/^Danh sách cán bộ - \d\d-\d\d-\d{4}\.xlsx$/);

    expect(s.headers.slice(0, 6)).toEqual(['STT', 'Họ và tên', 'Tên gọi khác', 'Giới tính', 'Ngày sinh', 'Tuổi']);
    expect(s.headers).toEqual(expect.arrayContaining(['Số định danh cá nhân', 'Dân tộc', 'Tôn giáo', 'Ngày vào Đảng', 'Ngày chính thức', 'Đơn vị', 'Chức danh', 'Trình độ chuyên môn', 'Lý luận chính trị']));
    const total = await totalCount('system-admin');
    expect(total).toBe(5);
    expect(s.rows).toHaveLength(total);
    expect(s.response.headers.get('x-total-count')).toBe('5');
    // sorted by name like the list (folded: Huỳnh, Lê, Nguyễn, Phạm, Trần)
    expect(names(s)).toEqual(['Huỳnh Văn Ngoài', 'Lê Văn Bình', 'Nguyễn Thị Ánh Tuyết', 'Phạm Thị Xa', 'Trần Thị Hoa']);
    expect(s.rows.map((r) => r['STT'].value)).toEqual([1, 2, 3, 4, 5]);

    const tuyet = s.rows.find((r) => r['Họ và tên'].value === 'Nguyễn Thị Ánh Tuyết')!;
    expect(tuyet['Ngày sinh'].value).toEqual(new Date(Date.UTC(1986, 8, 2)));
    expect(tuyet['Ngày sinh'].numFmt).toBe('dd/mm/yyyy');
    expect(tuyet['Ngày vào Đảng'].value).toEqual(new Date(Date.UTC(2012, 4, 19)));
    expect(tuyet['Ngày vào Đảng'].numFmt).toBe('dd/mm/yyyy');
    expect(tuyet['Số định danh cá nhân'].value).toBe('089186001234');
    expect(tuyet['Dân tộc'].value).toBe('Khơ-me');
    expect(tuyet['Tôn giáo'].value).toBe('Phật giáo Hòa Hảo');
    expect(tuyet['Giới tính'].value).toBe('Nữ');
    expect(tuyet['Đơn vị'].value).toBe('Xã Mỹ Đức');
    expect(tuyet['Loại cán bộ'].value).toBe('Cán bộ');
    expect(tuyet['Vị trí việc làm'].value).toBe('Bí thư Đảng ủy');
    expect(String(tuyet['Chức danh'].value)).toMatch(/Bí thư/);
    expect(tuyet['Trình độ chuyên môn'].value).toBe('Đại học');
    expect(tuyet['Chuyên ngành'].value).toBe('Luật');
    expect(tuyet['Lý luận chính trị'].value).toBe('Trung cấp');
    expect(tuyet['Mã ngạch'].value).toBe('01.003');
    expect(tuyet['Bậc lương'].value).toBe(4);
    expect(tuyet['Người địa phương'].value).toBe('Có');
    expect(tuyet['Tình trạng'].value).toBe('Đang công tác');
    expect(typeof tuyet['Tuổi'].value).toBe('number');
    expect(tuyet['STT'].numFmt).toBe('#,##0');

    // the information sheet: the reference date as a date cell, who exported, how many
    const info = s.workbook.getWorksheet('Thông tin')!;
    const infoRows = new Map<string, ExcelJS.Cell>();
    info.eachRow((row) => infoRows.set(String(row.getCell(1).value), row.getCell(2)));
    expect(infoRows.get('Số hồ sơ')!.value).toBe(5);
    expect(infoRows.get('Tại ngày')!.numFmt).toBe('dd/mm/yyyy');

    // one audit row for the export with sensitive columns: who, how many, what filter
    const audits = await exportAudits();
    expect(audits).toHaveLength(before + 1);
    const last = audits[audits.length - 1];
    expect(last.actor_name).toBe('system-admin');
    expect(infoRows.get('Người xuất')!.value).toBe(last.actor_name);
    expect(last.entity_id).toBeNull();
    expect(last.changes.details.after).toMatchObject({ format: 'xlsx', count: 5, filter: null });
    expect(last.changes.details.after.fields).toEqual(expect.arrayContaining(['nationalId', 'ethnicityCode', 'partyJoinedOn']));
  });

  test('a filter and a date: the rows are those the persons query counts, and the audit keeps the filter', async () => {
    const filter = { unitId: commune, gender: 'FEMALE' };
    const s = await exportAs('system-admin', filter, '2025-12-31');
    expect(s.rows).toHaveLength(await totalCount('system-admin', filter, '2025-12-31'));
    expect(names(s)).toEqual(['Nguyễn Thị Ánh Tuyết', 'Trần Thị Hoa']);
    const disposition = s.response.headers.get('content-disposition')!;
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('Danh sách cán bộ - Xã Mỹ Đức - 31-12-2025.xlsx');
    const last = (await exportAudits()).pop()!;
    expect(last.changes.details.after).toMatchObject({ count: 2, asOf: '2025-12-31', filter });
    // the age is counted on the reference date
    const hoa = s.rows.find((r) => r['Họ và tên'].value === 'Trần Thị Hoa')!;
    expect(hoa['Tuổi'].value).toBe(30);

    // before anyone was assigned: an empty list, still a valid workbook with its header row
    const empty = await exportAs('system-admin', filter, '2025-01-01');
    expect(empty.rows).toHaveLength(0);
    expect(empty.headers[1]).toBe('Họ và tên');
  });

  test('the commune officer gets only the people of their unit', async () => {
    const s = await exportAs('commune-organisation-officer');
    expect(s.rows).toHaveLength(await totalCount('commune-organisation-officer'));
    expect(names(s)).toEqual(['Lê Văn Bình', 'Nguyễn Thị Ánh Tuyết', 'Trần Thị Hoa']);
    expect(new Set(s.rows.map((r) => r['Đơn vị'].value))).toEqual(new Set(['Xã Mỹ Đức']));
    // asking for another unit gives nothing rather than its people
    const outside = await exportAs('commune-organisation-officer', { unitId: other });
    expect(outside.rows).toHaveLength(0);
  });

  test('the viewer: no sensitive column and no sensitive value, nothing audited; a sensitive filter is refused', async () => {
    const before = (await exportAudits()).length;
    const s = await exportAs('viewer');
    expect(s.rows).toHaveLength(5);
    for (const header of ['Số định danh cá nhân', 'Dân tộc', 'Tôn giáo', 'Tình trạng sức khỏe', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ đảng viên']) {
      expect(s.headers).not.toContain(header);
    }
    const values = s.rows.flatMap((r) => Object.values(r).map((c) => String(c.value)));
    expect(values).not.toContain('089186001234');
    expect(values.join(' ')).not.toMatch(/Khơ-me|Hòa Hảo/);
    expect(s.headers).toContain('Họ và tên');
    expect((await exportAudits()).length).toBe(before);

    for (const filter of [{ ethnicityCode: '05' }, { search: '0891860' }]) {
      const res = await get(xlsxPath(filter), 'viewer');
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: ErrorCode.FORBIDDEN, reason: 'MISSING_PERMISSION', permission: 'personnel.read_sensitive' });
    }
  });

  test('bad query parameters: 400 naming the field, in Vietnamese; no token: 401', async () => {
    const cases: [string, string][] = [
      [xlsxPath('{not json'), 'filter'],
      [xlsxPath('[1,2]'), 'filter'],
      [xlsxPath({ gender: 'X' }), 'filter.gender'],
      [xlsxPath({ unitId: 'abc' }), 'filter.unitId'],
      [xlsxPath({ isLocal: 'yes' }), 'filter.isLocal'],
      [xlsxPath({ colour: 'red' }), 'filter.colour'],
      [xlsxPath(undefined, '2025-02-30'), 'asOf'],
      [xlsxPath(undefined, '30/12/2025'), 'asOf'],
      [xlsxPath(undefined, '1900-01-01'), 'asOf'],
      [`/files/persons.xlsx?filter=${encodeURIComponent('{"search":"a"}')}&filter=x`, 'filter'],
      [xlsxPath(JSON.stringify({ search: 'a'.repeat(5000) })), 'filter'],
    ];
    for (const [path, field] of cases) {
      const res = await get(path);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string; fields: { field: string; message: string }[] };
      expect(body.code).toBe(ErrorCode.BAD_USER_INPUT);
      const error = body.fields.find((f: { field: string }) => f.field === field);
      if (!error) throw new Error(`${path}: expected an error on ${field}, got ${JSON.stringify(body)}`);
      expect(error.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữíìịỉĩóòọỏõúùụủũ]/i);
    }
    expect((await get(xlsxPath(), null)).status).toBe(401);
  });
});

describe('GET /files/persons.xlsx, a list longer than a batch', () => {
  test('every person once, in name order, across the keyset batches (many with the same name)', async () => {
    // 1,250 people in another unit, written straight to the database: 450 sort before the unit's two, then 700
    // share one name (rows 452-1151), so the boundary of the first batch (1,000) falls among equal names and only
    // the id tells them apart
    const n = 1250;
    const people = Array.from({ length: n }, (_, i) => {
      const same = i >= 450 && i < 1150;
      const name = same ? 'Nguyễn Văn An' : `${i < 450 ? 'Bùi' : 'Trần'} Thị Bé ${String(i).padStart(4, '0')}`;
      return [name, same ? 'MALE' : 'FEMALE', '1990-01-01', `0792900${String(i).padStart(5, '0')}`, name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase()];
    });
    await t.ds.query(
      `WITH p AS (
         INSERT INTO person (full_name, gender, birth_date, national_id, search_text)
         SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[]) RETURNING id)
       INSERT INTO person_assignment (person_id, unit_id, staff_category, job_position, valid_from, record_kind)
       SELECT id, $6, 'PUBLIC_EMPLOYEE', 'Viên chức', '2025-07-01', 'CHANGE' FROM p`,
      [...[0, 1, 2, 3, 4].map((k) => people.map((row) => row[k])), other],
    );
    const s = await exportAs('province-officer', { unitId: other });
    expect(s.rows.length).toBe(await totalCount('province-officer', { unitId: other }));
    expect(s.rows.length).toBe(n + 2);
    expect(s.rows.map((r) => r['STT'].value)).toEqual(Array.from({ length: n + 2 }, (_, i) => i + 1));
    const nationalIds = s.rows.map((r) => String(r['Số định danh cá nhân'].value));
    expect(new Set(nationalIds).size).toBe(n + 2);
    const listed = names(s);
    expect(listed.filter((x) => x === 'Nguyễn Văn An')).toHaveLength(700);
    expect(listed.indexOf('Nguyễn Văn An')).toBe(451);
    expect(listed.lastIndexOf('Nguyễn Văn An')).toBe(1150);
    expect(listed[0]).toBe('Bùi Thị Bé 0000');
    expect(listed[450]).toBe('Huỳnh Văn Ngoài');
    expect(listed[listed.length - 1]).toBe('Trần Thị Bé 1249');
  });
});

describe('GET /files/persons/:id/form-2c.pdf', () => {
  test('the administrator: an A4 PDF with the DejaVu fonts embedded, filled from the file, and the sensitive read audited', async () => {
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'readSensitive' AND entity_id = $1`, [ids.tuyet]);
    const res = await get(`/files/persons/${ids.tuyet}/form-2c.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^inline; filename="So yeu ly lich 2C - Nguyen Thi Anh Tuyet - \d\d-\d\d-\d{4}\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(/^Sơ yếu lý lịch 2C - Nguyễn Thị Ánh Tuyết - \d\d-\d\d-\d{4}\.pdf$/);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(pdfFontNames(pdf).some((n) => n.endsWith('+DejaVuSerif'))).toBe(true);
    const text = pdfFlatText(pdf);
    for (const expected of [
      'SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC',
      'NGUYỄN THỊ ÁNH TUYẾT',
      '3) Sinh ngày: 02 tháng 09 năm 1986, Giới tính (nam, nữ): Nữ',
      '6) Dân tộc: Khơ-me, 7) Tôn giáo: Phật giáo Hòa Hảo',
      '16) Ngày vào Đảng Cộng sản Việt Nam: 19/05/2012, Ngày chính thức: 19/05/2013',
      '089186001234',
      'Đại học, chuyên ngành Luật',
      'Bằng khen của Chủ tịch UBND tỉnh (2023)',
      '07/2025 – nay',
      'Nguyễn Văn Đức',
      '01.003/4',
    ]) {
      expect(text).toContain(expected);
    }
    const [audit] = await t.ds.query(
      `SELECT changes FROM audit_log WHERE operation = 'readSensitive' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [ids.tuyet],
    );
    expect(audit.changes.details.after).toMatchObject({ via: 'form2c', fields: expect.arrayContaining(['nationalId', 'family']) });
    const after = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'readSensitive' AND entity_id = $1`, [ids.tuyet]);
    expect(after[0].n).toBe(before[0].n + 1);
  });

  test('the viewer: the sensitive parts masked, the family left out, nothing audited', async () => {
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'readSensitive'`);
    const res = await get(`/files/persons/${ids.tuyet}/form-2c.pdf`, 'viewer');
    expect(res.status).toBe(200);
    const text = pdfFlatText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('NGUYỄN THỊ ÁNH TUYẾT');
    expect(text).toContain(`25) Số căn cước công dân (số định danh cá nhân): ${MASK}`);
    expect(text).toContain(`6) Dân tộc: ${MASK}, 7) Tôn giáo: ${MASK}`);
    for (const secret of ['089186001234', 'Khơ-me', 'Hòa Hảo', '19/05/2012', 'Nguyễn Văn Đức']) expect(text).not.toContain(secret);
    const after = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'readSensitive'`);
    expect(after[0].n).toBe(before[0].n);
  });

  test('out of scope or unknown: 404 as for GraphQL; a malformed id: 400', async () => {
    const own = await get(`/files/persons/${ids.binh}/form-2c.pdf`, 'commune-organisation-officer');
    expect(own.status).toBe(200);
    const outside = await get(`/files/persons/${ids.outsider}/form-2c.pdf`, 'commune-organisation-officer');
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ code: ErrorCode.NOT_FOUND, message: 'Không tìm thấy hồ sơ' });
    const unknown = await get('/files/persons/00000000-0000-4000-8000-000000000000/form-2c.pdf');
    expect(unknown.status).toBe(404);
    const malformed = await get('/files/persons/abc/form-2c.pdf');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, fields: [{ field: 'id', message: 'Mã hồ sơ không hợp lệ' }] });
    expect((await get(`/files/persons/${ids.binh}/form-2c.pdf`, null)).status).toBe(401);
  });
});
