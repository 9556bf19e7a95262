import * as ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { Client } from 'pg';
import { PersonImportService } from '../src/modules/person-import/person-import.service';
import { bootTestApp, GqlResult, TestApp } from './harness';
import { csv, getJson, HEADERS, importFile, personRow, RowInput, upload, xlsx } from './import-helpers';

/**
 * The import half of issue 7 over real HTTP against real PostgreSQL: the template, all-or-nothing imports run as
 * background jobs, re-import semantics (nothing twice; changes and corrections from the effective date, exactly
 * like the interactive edits), the importer's scope, and every kind of bad input.
 */
let t: TestApp;
let officer: string;
let admin: string;
let otherUnit: { id: string; name: string };

const MAX_BYTES = 2 * 1024 * 1024;
const MAX_UNCOMPRESSED = 24 * 1024 * 1024;

function ok<T = any>(res: GqlResult<T>): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

/** Counts of every table an import writes (and the audit log): unchanged means nothing was written. */
async function footprint(): Promise<Record<string, number>> {
  const [row] = await t.ds.query(`SELECT
    (SELECT count(*)::int FROM person) AS person,
    (SELECT count(*)::int FROM person_revision) AS revisions,
    (SELECT count(*)::int FROM person_assignment) AS assignments,
    (SELECT count(*)::int FROM person_record) AS records,
    (SELECT count(*)::int FROM audit_log WHERE operation = 'importPersons') AS audits,
    (SELECT coalesce(sum(version), 0)::int FROM person) AS person_versions,
    (SELECT coalesce(sum(version), 0)::int FROM person_assignment) AS assignment_versions,
    (SELECT coalesce(sum(version), 0)::int FROM person_record) AS record_versions`);
  return row;
}

async function errorsOf(id: string, token = officer): Promise<{ row: number; column: string | null; value: string | null; message: string }[]> {
  const { status, body } = await getJson(t.baseUrl, token, `/files/imports/${id}/errors?limit=500`);
  expect(status).toBe(200);
  return body.items;
}

/** Imports a file that must be rejected: nothing written, the errors returned. */
async function expectRejected(content: Buffer, fileName = 'ho-so.xlsx', token = officer) {
  const before = await footprint();
  const job = await importFile(t.baseUrl, token, content, fileName);
  expect(job.status).toBe('REJECTED');
  expect(await footprint()).toEqual(before);
  const errors = await errorsOf(job.id, token);
  expect(errors.length).toBeGreaterThan(0);
  expect(job.errorCount).toBe(errors.length);
  return { job, errors };
}

/** An upload refused at once (400), nothing queued. */
async function expectRefused(content: Buffer, fileName: string, pattern: RegExp, status = 400) {
  const [{ n: jobs }] = await t.ds.query(`SELECT count(*)::int AS n FROM import_job`);
  const res = await upload(t.baseUrl, officer, content, fileName);
  expect(res.status).toBe(status);
  expect(res.body.code).toBe('BAD_USER_INPUT');
  expect(res.body.fields[0].field).toBe('file');
  expect(res.body.fields[0].message).toMatch(pattern);
  const [{ n: after }] = await t.ds.query(`SELECT count(*)::int AS n FROM import_job`);
  expect(after).toBe(jobs);
}

async function personByNid(nid: string) {
  const [p] = await t.ds.query(`SELECT * FROM person WHERE national_id = $1`, [nid]);
  return p;
}

beforeAll(async () => {
  t = await bootTestApp({ imports: { maxBytes: MAX_BYTES, maxUncompressedBytes: MAX_UNCOMPRESSED, maxRows: 5000 } });
  officer = await t.token('commune-organisation-officer');
  admin = await t.token('system-admin');
  [otherUnit] = await t.ds.query(`SELECT id, name FROM unit WHERE name = 'Phường Long Xuyên'`);
});
afterAll(async () => {
  await t?.close();
});

describe('the template', () => {
  test('XLSX with the columns, instructions and the officer’s catalogue; CSV header; only for personnel.write', async () => {
    const res = await fetch(`${t.baseUrl}/files/import-template.xlsx`, { headers: { authorization: `Bearer ${officer}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('mau-nhap-ho-so-can-bo.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Danh sách', 'Hướng dẫn', 'Danh mục']);
    const data = wb.getWorksheet('Danh sách')!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(data.rowCount).toBe(1);
    const help = wb.getWorksheet('Hướng dẫn')!;
    const helpText = JSON.stringify(help.getSheetValues());
    for (const h of HEADERS) expect(helpText).toContain(h);
    expect(helpText).toContain('dd/mm/yyyy');
    // the officer's catalogue: their one unit and its bodies, no other unit
    const lists = wb.getWorksheet('Danh mục')!;
    expect(lists.getCell('A2').value).toBe('Xã Mỹ Đức');
    expect(lists.getCell('A3').value).toBeNull();
    expect(String(lists.getCell('C2').value)).toContain('Ủy ban nhân dân xã Mỹ Đức');
    // the titles with seats in that unit, and no province title
    const titles = (lists.getColumn(4).values as unknown[]).slice(2).filter(Boolean);
    const [{ seated }] = await t.ds.query(
      `SELECT count(DISTINCT title_id)::int AS seated FROM establishment_record
        WHERE unit_id = $1 AND item_kind = 'TITLE_SEATS' AND superseded_at IS NULL AND value > 0 AND valid_to IS NULL`,
      [t.communeUnitId],
    );
    expect(titles).toHaveLength(seated);
    expect(titles).toContain('Chủ tịch Ủy ban nhân dân');
    expect(titles).not.toContain('Giám đốc Sở');

    const csvRes = await fetch(`${t.baseUrl}/files/import-template.csv`, { headers: { authorization: `Bearer ${officer}` } });
    expect(csvRes.status).toBe(200);
    const text = new TextDecoder().decode(await csvRes.arrayBuffer());
    expect(text.replace(/^\ufeff/u, '').trim()).toBe(HEADERS.map((h) => (h.includes(',') ? `"${h}"` : h)).join(','));

    const viewer = await t.token('viewer');
    const refused = await fetch(`${t.baseUrl}/files/import-template.xlsx`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(refused.status).toBe(403);
    expect((await fetch(`${t.baseUrl}/files/import-template.xlsx`)).status).toBe(401);
  });

  test('the blank template itself is rejected for having no rows, nothing written', async () => {
    const res = await fetch(`${t.baseUrl}/files/import-template.xlsx`, { headers: { authorization: `Bearer ${officer}` } });
    const { errors } = await expectRejected(Buffer.from(await res.arrayBuffer()), 'mau.xlsx');
    expect(errors.map((e) => e.message)).toEqual(['Tệp không có dòng dữ liệu nào (sau dòng tiêu đề).']);
  });
});

describe('importing', () => {
  const rows = [0, 1, 2, 3].map((n) => personRow(n));
  rows[0] = personRow(0, { title: 'Chủ tịch Ủy ban nhân dân', staffCategory: 'Cán bộ', jobPosition: 'Chủ tịch UBND xã', ethnicity: 'Khơ-me' });
  let file: Buffer;
  let firstJob: string;

  test('one bad row: the whole file is rejected, every error by row and column, nothing written', async () => {
    const bad = [...rows, personRow(4, { birthDate: '1985-05-05', nationalId: '0791 8500 004', unit: 'Xa My Duc' })];
    const { job, errors } = await expectRejected(await xlsx(bad));
    expect(job).toMatchObject({ errorRowCount: 1, createdCount: 4 });
    // every error of the row in one pass: the cells that cannot be read, and the unit the registry does not know
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [6, 'Ngày sinh'],
      [6, 'Số định danh cá nhân'],
      [6, 'Đơn vị'],
    ]);
    expect(errors[0].message).toBe('Cột "Ngày sinh": ngày phải có dạng dd/mm/yyyy (đã nhập "1985-05-05")');
    expect(errors[1].message).toMatch(/khoảng trắng/);
    expect(errors[1].value).toBe('0791 8500 004');
    expect(errors[2].message).toBe(
      'Cột "Đơn vị": không có đơn vị "Xa My Duc" trong danh mục; có phải "Xã Mỹ Đức"? (ghi đúng tên như trong danh mục đơn vị)',
    );

    // the errors file: the submitted rows as they were, with the column "Lỗi"
    const res = await fetch(`${t.baseUrl}/files/imports/${job.id}/errors.xlsx`, { headers: { authorization: `Bearer ${officer}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet('Danh sách')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...HEADERS, 'Lỗi']);
    expect(ws.rowCount).toBe(6);
    const errorColumn = HEADERS.length + 1;
    expect(ws.getRow(2).getCell(errorColumn).value).toBeNull();
    expect(String(ws.getRow(6).getCell(errorColumn).value)).toContain('Cột "Ngày sinh"');
    expect(String(ws.getRow(6).getCell(errorColumn).value)).toContain('Cột "Số định danh cá nhân"');
    expect(String(ws.getRow(6).getCell(errorColumn).value)).toContain('Cột "Đơn vị"');
    expect(ws.getRow(6).getCell(HEADERS.indexOf('Số định danh cá nhân') + 1).value).toBe('0791 8500 004');
    // the same row with its cells fixed but the unit: the unit alone, as reported the first time
    const second = await expectRejected(await xlsx([...rows, personRow(4, { unit: 'Xa My Duc' })]));
    expect(second.errors).toEqual([expect.objectContaining({ row: 6, column: 'Đơn vị', message: errors[2].message })]);
  });

  test('a valid file imports in one go: people, revisions, assignments, records, audited with file name and checksum', async () => {
    file = await xlsx(rows);
    const job = await importFile(t.baseUrl, officer, file, 'Danh sách xã Mỹ Đức.xlsx');
    firstJob = job.id;
    expect(job).toMatchObject({ status: 'SUCCEEDED', createdCount: 4, updatedCount: 0, unchangedCount: 0, errorCount: 0, processedRows: 4 });
    expect(job.fileName).toBe('Danh sách xã Mỹ Đức.xlsx');
    expect(job.checksum).toBe(createHash('sha256').update(file).digest('hex'));

    const chair = await personByNid('079185000000');
    expect(chair).toMatchObject({ full_name: rows[0].fullName, gender: 'MALE', ethnicity_code: '05', phone: '0912345678', status: 'SERVING' });
    const [assignment] = await t.ds.query(`SELECT * FROM person_assignment WHERE person_id = $1`, [chair.id]);
    expect(assignment).toMatchObject({ unit_id: t.communeUnitId, staff_category: 'CADRE', job_position: 'Chủ tịch UBND xã', valid_to: null, record_kind: 'CHANGE' });
    expect(assignment.valid_from).toEqual(expect.anything());
    const records = await t.ds.query(`SELECT kind, level, title_id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from FROM person_record WHERE person_id = $1 ORDER BY kind`, [chair.id]);
    expect(records.map((r: any) => [r.kind, r.valid_from])).toEqual([
      ['POLITICAL_THEORY', '2025-07-01'],
      ['QUALIFICATION', '2025-07-01'],
      ['TITLE', '2025-07-01'],
    ]);
    const [{ n: revisions }] = await t.ds.query(`SELECT count(*)::int AS n FROM person_revision WHERE person_id = $1 AND record_kind = 'CHANGE'`, [chair.id]);
    expect(revisions).toBe(1);

    // audited as an import, with the file's name and checksum, by the officer
    const audits = await t.ds.query(`SELECT entity, actor_name, changes FROM audit_log WHERE operation = 'importPersons' ORDER BY id`);
    const summary = audits.find((a: any) => a.entity === 'importJob');
    expect(summary.changes.details.after).toMatchObject({ fileName: 'Danh sách xã Mỹ Đức.xlsx', checksum: job.checksum, created: 4, rows: 4 });
    const personAudit = audits.find((a: any) => a.entity === 'person');
    expect(personAudit.changes.details.after).toMatchObject({ importJobId: job.id, checksum: job.checksum, fileName: job.fileName, change: 'create' });
    expect(audits.every((a: any) => a.actor_name === audits[0].actor_name)).toBe(true);
    expect(audits.filter((a: any) => a.entity === 'personRecord')).toHaveLength(4 * 2 + 1);

    // the people are there for the ordinary reads
    const listed = ok(await t.as('commune-organisation-officer')(`{ persons(first: 50, filter: { search: "tran van nhap" }) { totalCount } }`));
    expect(listed.persons.totalCount).toBe(4);
  });

  test('importing the same file again changes nothing and creates nothing twice', async () => {
    const before = await footprint();
    const job = await importFile(t.baseUrl, officer, file);
    expect(job).toMatchObject({ status: 'SUCCEEDED', createdCount: 0, updatedCount: 0, unchangedCount: 4 });
    const after = await footprint();
    // only the job's own audit entry
    expect(after).toEqual({ ...before, audits: before.audits + 1 });
  });

  test('a later effective date: the title and position change from then; old records closed, new opened', async () => {
    const before = await footprint();
    const changed = [...rows];
    changed[0] = { ...rows[0], title: 'Phó Chủ tịch Ủy ban nhân dân', jobPosition: 'Phó Chủ tịch UBND xã', effectiveDate: '01/01/2026', reason: 'Quyết định 15/QĐ-UBND' };
    const job = await importFile(t.baseUrl, officer, await xlsx(changed));
    rows[0] = changed[0];
    expect(job).toMatchObject({ status: 'SUCCEEDED', createdCount: 0, updatedCount: 1, unchangedCount: 3 });
    const chair = await personByNid('079185000000');
    const assignments = await t.ds.query(
      `SELECT job_position, to_char(valid_from, 'YYYY-MM-DD') AS f, to_char(valid_to, 'YYYY-MM-DD') AS t, superseded_at IS NOT NULL AS superseded, record_kind, reason
         FROM person_assignment WHERE person_id = $1 ORDER BY recorded_at, valid_from`,
      [chair.id],
    );
    expect(assignments).toEqual([
      { job_position: 'Chủ tịch UBND xã', f: '2025-07-01', t: null, superseded: true, record_kind: 'CHANGE', reason: null },
      { job_position: 'Chủ tịch UBND xã', f: '2025-07-01', t: '2026-01-01', superseded: false, record_kind: 'CHANGE', reason: null },
      { job_position: 'Phó Chủ tịch UBND xã', f: '2026-01-01', t: null, superseded: false, record_kind: 'CHANGE', reason: 'Quyết định 15/QĐ-UBND' },
    ]);
    const titles = await t.ds.query(
      `SELECT t.name, to_char(r.valid_from, 'YYYY-MM-DD') AS f, to_char(r.valid_to, 'YYYY-MM-DD') AS t, r.superseded_at IS NOT NULL AS superseded
         FROM person_record r JOIN title t ON t.id = r.title_id WHERE r.person_id = $1 ORDER BY r.recorded_at, r.valid_from`,
      [chair.id],
    );
    expect(titles).toEqual([
      { name: 'Chủ tịch Ủy ban nhân dân', f: '2025-07-01', t: null, superseded: true },
      { name: 'Chủ tịch Ủy ban nhân dân', f: '2025-07-01', t: '2026-01-01', superseded: false },
      { name: 'Phó Chủ tịch Ủy ban nhân dân', f: '2026-01-01', t: null, superseded: false },
    ]);
    // identity and the other records untouched: no new revision, qualification and theory not superseded
    const after = await footprint();
    expect(after.revisions).toBe(before.revisions);
    expect(after.person_versions).toBe(before.person_versions);
    expect(after.records).toBe(before.records + 2);
    expect(after.assignments).toBe(before.assignments + 2);
    // what the person's page shows: as of December the chair, as of February the vice-chair
    const q = `query($id: ID!, $asOf: LocalDate) { person(id: $id, asOf: $asOf) { assignment { jobPosition } records(asOf: $asOf, kind: TITLE) { titleId } } }`;
    const dec = ok(await t.as('commune-organisation-officer')(q, { id: chair.id, asOf: '2025-12-31' })).person;
    const feb = ok(await t.as('commune-organisation-officer')(q, { id: chair.id, asOf: '2026-02-01' })).person;
    expect(dec.assignment.jobPosition).toBe('Chủ tịch UBND xã');
    expect(feb.assignment.jobPosition).toBe('Phó Chủ tịch UBND xã');
    expect(dec.records[0].titleId).not.toBe(feb.records[0].titleId);
    // and importing that file again: nothing more
    const again = await importFile(t.baseUrl, officer, await xlsx(changed));
    expect(again).toMatchObject({ status: 'SUCCEEDED', updatedCount: 0, unchangedCount: 4 });
  });

  test('a correction row corrects what is in force, marked as a correction; identity fixes are correction revisions', async () => {
    const fixed = [...rows];
    fixed[1] = { ...rows[1], fullName: 'Trần Thị Nhập B', jobPosition: 'Công chức Tư pháp - Hộ tịch', kind: 'Đính chính' };
    const person = await personByNid('079185000001');
    const [oldAssignment] = await t.ds.query(`SELECT id FROM person_assignment WHERE person_id = $1 AND superseded_at IS NULL`, [person.id]);
    const job = await importFile(t.baseUrl, officer, await xlsx(fixed));
    expect(job).toMatchObject({ status: 'SUCCEEDED', updatedCount: 1 });
    const [revision] = await t.ds.query(`SELECT record_kind, reason, data FROM person_revision WHERE person_id = $1 ORDER BY recorded_at DESC LIMIT 1`, [person.id]);
    expect(revision).toMatchObject({ record_kind: 'CORRECTION', reason: 'Đính chính khi nhập tệp "ho-so.xlsx"' });
    expect(revision.data.fullName).toBe('Trần Thị Nhập B');
    const current = await t.ds.query(
      `SELECT job_position, record_kind, corrects_id, to_char(valid_from, 'YYYY-MM-DD') AS f, valid_to FROM person_assignment WHERE person_id = $1 AND superseded_at IS NULL`,
      [person.id],
    );
    // same period, new value, linked to what it corrects
    expect(current).toEqual([{ job_position: 'Công chức Tư pháp - Hộ tịch', record_kind: 'CORRECTION', corrects_id: oldAssignment.id, f: '2025-07-01', valid_to: null }]);
    expect((await personByNid('079185000001')).full_name).toBe('Trần Thị Nhập B');
    // the person's timeline shows it as a correction
    const timeline = ok(
      await t.as('commune-organisation-officer')(`query($id: ID!) { personTimeline(id: $id) { revisions { recordKind } assignments { recordKind correctsId } } }`, { id: person.id }),
    ).personTimeline;
    expect(timeline.revisions.map((r: any) => r.recordKind)).toEqual(['CORRECTION', 'CHANGE']);
  });

  test('CSV in UTF-8 (semicolons, BOM) imports like XLSX; dates as Excel serial numbers and date cells are read', async () => {
    const job = await importFile(t.baseUrl, officer, csv([personRow(10), personRow(11)], ';'), 'ho-so.csv');
    expect(job).toMatchObject({ status: 'SUCCEEDED', createdCount: 2 });
    const serial = await importFile(
      t.baseUrl,
      officer,
      await xlsx([personRow(12, { birthDate: 31172 }), personRow(13, { birthDate: new Date(Date.UTC(1985, 4, 6)) })]),
    );
    expect(serial).toMatchObject({ status: 'SUCCEEDED', createdCount: 2 });
    const [p12] = await t.ds.query(`SELECT to_char(birth_date, 'YYYY-MM-DD') AS b FROM person WHERE national_id = '079185000012'`);
    const [p13] = await t.ds.query(`SELECT to_char(birth_date, 'YYYY-MM-DD') AS b FROM person WHERE national_id = '079185000013'`);
    expect(p12.b).toBe('1985-05-05');
    expect(p13.b).toBe('1985-05-06');
  });

  test('jobs: only the importer or an administrator sees one; the importer’s history lists them', async () => {
    const board = await t.token('province-organisation-board-officer');
    expect((await getJson(t.baseUrl, board, `/files/imports/${firstJob}`)).status).toBe(404);
    expect((await getJson(t.baseUrl, board, `/files/imports/${firstJob}/errors`)).status).toBe(404);
    expect((await getJson(t.baseUrl, admin, `/files/imports/${firstJob}`)).status).toBe(200);
    expect((await getJson(t.baseUrl, officer, `/files/imports/not-a-uuid`)).status).toBe(404);
    const history = await getJson(t.baseUrl, officer, '/files/imports');
    expect(history.status).toBe(200);
    expect(history.body.items.length).toBeGreaterThanOrEqual(5);
    expect(history.body.items.map((j: any) => j.id)).toContain(firstJob);
    expect((await getJson(t.baseUrl, board, '/files/imports')).body.items).toEqual([]);
    // errors file only for rejected jobs
    expect((await getJson(t.baseUrl, officer, `/files/imports/${firstJob}/errors.xlsx`)).status).toBe(400);
    const viewer = await t.token('viewer');
    expect((await getJson(t.baseUrl, viewer, `/files/imports/${firstJob}`)).status).toBe(403);
    expect((await upload(t.baseUrl, viewer, await xlsx([personRow(30)]))).status).toBe(403);
  });
});

describe('the same history as the interactive edits', () => {
  /** A person's rows, without ids and times: what the history says. */
  async function history(nid: string) {
    const p = await personByNid(nid);
    const assignments = await t.ds.query(
      `SELECT unit_id, body_id, staff_category, job_position, seconded_to_unit_id, to_char(valid_from, 'YYYY-MM-DD') AS f,
              to_char(valid_to, 'YYYY-MM-DD') AS t, superseded_at IS NOT NULL AS superseded, record_kind, corrects_id IS NOT NULL AS corrects, reason, version
         FROM person_assignment WHERE person_id = $1 ORDER BY 1, 2, 3, 4, 6, 8, 9`,
      [p.id],
    );
    const records = await t.ds.query(
      `SELECT kind, unit_id, title_id, level, value, to_char(valid_from, 'YYYY-MM-DD') AS f, to_char(valid_to, 'YYYY-MM-DD') AS t,
              superseded_at IS NOT NULL AS superseded, record_kind, corrects_id IS NOT NULL AS corrects, reason, version
         FROM person_record WHERE person_id = $1 ORDER BY kind, title_id, level, f, superseded, record_kind`,
      [p.id],
    );
    const revisions = await t.ds.query(`SELECT record_kind, reason FROM person_revision WHERE person_id = $1 ORDER BY recorded_at`, [p.id]);
    const identity = { full_name: p.full_name, version: p.version };
    return { assignments, records, revisions, identity };
  }

  test('a change and a correction by import write exactly what changePersonAssignment/Record and correctPersonAssignment write', async () => {
    const base = (n: number, o: RowInput = {}) =>
      personRow(n, { title: 'Chủ tịch Hội đồng nhân dân', staffCategory: 'Cán bộ', jobPosition: 'Chủ tịch HĐND xã', fullName: 'Song Sinh', ...o });
    // two people alike, both imported: the commune gets a second seat of each council title for them
    await t.ds.query(
      `UPDATE establishment_record e SET value = 2 FROM title t
        WHERE t.id = e.title_id AND t.code IN ('council_chair', 'council_vice_chair') AND e.unit_id = $1 AND e.superseded_at IS NULL`,
      [t.communeUnitId],
    );
    expect((await importFile(t.baseUrl, officer, await xlsx([base(60), base(61)]))).createdCount).toBe(2);
    const twinB = await personByNid('079185000061');
    const change = { jobPosition: 'Phó Chủ tịch HĐND xã', title: 'Phó Chủ tịch Hội đồng nhân dân', qualificationLevel: 'Thạc sĩ', effectiveDate: '01/03/2026', reason: 'Nghị quyết 3/NQ-HĐND' };

    // A: by import
    expect((await importFile(t.baseUrl, officer, await xlsx([base(60, change)]))).updatedCount).toBe(1);
    // B: by the person page's mutations
    const as = t.as('commune-organisation-officer');
    const [assignment] = await t.ds.query(`SELECT id, version, body_id FROM person_assignment WHERE person_id = $1 AND superseded_at IS NULL`, [twinB.id]);
    ok(
      await as(`mutation($i: ChangePersonAssignmentInput!) { changePersonAssignment(input: $i) { id } }`, {
        i: {
          personId: twinB.id,
          unitId: t.communeUnitId,
          bodyId: assignment.body_id,
          staffCategory: 'CADRE',
          jobPosition: change.jobPosition,
          effectiveFrom: '2026-03-01',
          reason: change.reason,
          baseRecordId: assignment.id,
          baseVersion: assignment.version,
        },
      }),
    );
    const [viceChair] = await t.ds.query(`SELECT id FROM title WHERE name = 'Phó Chủ tịch Hội đồng nhân dân'`);
    const records = await t.ds.query(`SELECT id, version, kind FROM person_record WHERE person_id = $1 AND superseded_at IS NULL`, [twinB.id]);
    const CHANGE_RECORD = `mutation($i: ChangePersonRecordInput!) { changePersonRecord(input: $i) { id } }`;
    const title = records.find((r: any) => r.kind === 'TITLE');
    const qualification = records.find((r: any) => r.kind === 'QUALIFICATION');
    ok(await as(CHANGE_RECORD, { i: { recordId: title.id, version: title.version, effectiveFrom: '2026-03-01', titleId: viceChair.id, reason: change.reason } }));
    ok(await as(CHANGE_RECORD, { i: { recordId: qualification.id, version: qualification.version, effectiveFrom: '2026-03-01', qualificationLevel: 'MASTER', reason: change.reason } }));
    expect(await history('079185000060')).toEqual(await history('079185000061'));

    // a correction of the position in force: by import, and by correctPersonAssignment with the same reason
    const fix = { ...change, jobPosition: 'Phó Chủ tịch Thường trực HĐND xã', kind: 'Đính chính', reason: 'Ghi sai chức vụ' };
    expect((await importFile(t.baseUrl, officer, await xlsx([base(60, fix)]))).updatedCount).toBe(1);
    const [current] = await t.ds.query(`SELECT id, version FROM person_assignment WHERE person_id = $1 AND superseded_at IS NULL AND valid_to IS NULL`, [twinB.id]);
    ok(
      await as(`mutation($i: CorrectPersonAssignmentInput!) { correctPersonAssignment(input: $i) { id } }`, {
        i: { recordId: current.id, version: current.version, jobPosition: fix.jobPosition, reason: fix.reason },
      }),
    );
    const a = await history('079185000060');
    expect(a).toEqual(await history('079185000061'));
    expect(a.assignments.filter((r: any) => r.record_kind === 'CORRECTION')).toHaveLength(1);
  });

  test("titles beyond a unit's seats are refused on every row that gives them, with the first full date; nothing written", async () => {
    // the commune's front chair (one seat): two rows give it, from different dates
    const front = (n: number, effectiveDate: string) =>
      personRow(n, { title: 'Chủ tịch Ủy ban Mặt trận Tổ quốc', staffCategory: 'Cán bộ', jobPosition: 'Chủ tịch UBMTTQ xã', startDate: effectiveDate });
    const { errors } = await expectRejected(await xlsx([front(90, '01/08/2025'), personRow(91), front(92, '01/10/2025')]));
    const message = 'Cột "Chức danh": Chức danh "Chủ tịch Ủy ban Mặt trận Tổ quốc" của Xã Mỹ Đức chỉ có 1 định suất và đã đủ người vào ngày 01/10/2025';
    expect(errors).toEqual([
      { row: 2, column: 'Chức danh', value: 'Chủ tịch Ủy ban Mặt trận Tổ quốc', message },
      { row: 4, column: 'Chức danh', value: 'Chủ tịch Ủy ban Mặt trận Tổ quốc', message },
    ]);
    // one of them alone imports
    expect(await importFile(t.baseUrl, officer, await xlsx([front(90, '01/08/2025')]))).toMatchObject({ status: 'SUCCEEDED', createdCount: 1 });
  });

  test('a correction with nothing in force on its date is refused: it is a change', async () => {
    const { errors } = await expectRejected(
      await xlsx([personRow(0, { title: 'Phó Chủ tịch Ủy ban nhân dân', staffCategory: 'Cán bộ', jobPosition: 'Chủ tịch UBND xã', effectiveDate: '01/01/2025', kind: 'Đính chính' })]),
    );
    expect(errors[0].message).toContain('không có bản ghi công tác hiệu lực vào ngày 01/01/2025 để đính chính');
  });

  test('the errors file, fixed and uploaded again, imports', async () => {
    const bad = await expectRejected(await xlsx([personRow(70), personRow(71, { birthDate: '31/02/1985' })]));
    expect(bad.errors[0].message).toContain('không có thật');
    const res = await fetch(`${t.baseUrl}/files/imports/${bad.job.id}/errors.xlsx`, { headers: { authorization: `Bearer ${officer}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet('Danh sách')!;
    ws.getRow(3).getCell(HEADERS.indexOf('Ngày sinh') + 1).value = '28/02/1985';
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await importFile(t.baseUrl, officer, fixed, 'loi-ho-so.xlsx')).toMatchObject({ status: 'SUCCEEDED', createdCount: 2 });
  });
});

describe('scope', () => {
  test('a national ID of a person outside the importer’s scope is a conflict: refused without revealing that person', async () => {
    const outsider = ok(
      await t.gql(`mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }`, {
        i: {
          fullName: 'Võ Thị Ngoài Phạm Vi',
          gender: 'FEMALE',
          birthDate: '1979-09-09',
          nationalId: '079179009999',
          unitId: otherUnit.id,
          staffCategory: 'CIVIL_SERVANT',
          jobPosition: 'Công chức Địa chính',
          validFrom: '2025-07-01',
        },
      }),
    ).createPerson;
    const { errors } = await expectRejected(await xlsx([personRow(20), personRow(21, { nationalId: '079179009999', fullName: 'Tên Khác Hẳn' })]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 3, column: 'Số định danh cá nhân' });
    expect(errors[0].message).toContain('ngoài phạm vi của bạn');
    expect(errors[0].message).toContain('Sở Nội vụ');
    const everything = JSON.stringify(errors);
    for (const secret of ['Võ Thị', 'Ngoài Phạm Vi', otherUnit.name, 'Địa chính', '1979', outsider.id]) expect(everything).not.toContain(secret);
    // the outsider is untouched
    expect((await personByNid('079179009999')).full_name).toBe('Võ Thị Ngoài Phạm Vi');
  });

  test('rows for a unit outside the importer’s scope are refused', async () => {
    const { errors } = await expectRejected(await xlsx([personRow(22, { unit: otherUnit.name, body: null })]));
    expect(errors).toEqual([
      expect.objectContaining({ row: 2, column: 'Đơn vị', message: `Cột "Đơn vị": đơn vị "${otherUnit.name}" với loại cán bộ "Công chức" nằm ngoài phạm vi được phân công của bạn` }),
    ]);
    // the province board officer may import cadres anywhere, not civil servants
    const board = await t.token('province-organisation-board-officer');
    const refused = await expectRejected(await xlsx([personRow(23, { unit: otherUnit.name, body: null })]), 'x.xlsx', board);
    expect(refused.errors[0].message).toContain('nằm ngoài phạm vi');
    const accepted = await importFile(t.baseUrl, board, await xlsx([personRow(23, { unit: otherUnit.name, body: null, staffCategory: 'Cán bộ' })]));
    expect(accepted).toMatchObject({ status: 'SUCCEEDED', createdCount: 1 });
  });
});

describe('jobs left running', () => {
  test('a job whose process is alive (it holds the job’s lock) is left alone; once nobody holds it, it is marked FAILED', async () => {
    const [job] = await t.ds.query(
      `INSERT INTO import_job (status, file_name, file_format, checksum, size_bytes, scope, created_by_type, created_by_id, created_by_name, started_at)
       VALUES ('IMPORTING', 'khac.xlsx', 'XLSX', repeat('a', 64), 10, '{"grants":[]}', 'USER', NULL, 'replica khác', now()) RETURNING id`,
    );
    // another replica running it: its connection holds the job's advisory lock
    const replica = new Client({ connectionString: t.appDatabaseUrl });
    await replica.connect();
    await replica.query(`SELECT pg_advisory_lock(73104027, hashtext($1))`, [job.id]);
    const service = t.app.get(PersonImportService);
    expect(await service.recover()).toBe(0);
    const [alive] = await t.ds.query(`SELECT status FROM import_job WHERE id = $1`, [job.id]);
    expect(alive.status).toBe('IMPORTING');
    // that replica dies: its session ends, the lock with it
    await replica.end();
    expect(await service.recover()).toBe(1);
    const [failed] = await t.ds.query(`SELECT status, failure_reason, finished_at FROM import_job WHERE id = $1`, [job.id]);
    expect(failed.status).toBe('FAILED');
    expect(failed.failure_reason).toContain('Không có dữ liệu nào được ghi');
    expect(failed.finished_at).not.toBeNull();
  });
});

describe('bad input: each reported clearly, nothing imported', () => {
  test('not XLSX or CSV: a renamed PDF, an old .xls, an empty file; over the size limit', async () => {
    await expectRefused(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >>\nendobj\n'), 'ho-so.xlsx', /Tệp là PDF/);
    await expectRefused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'ho-so.xls', /97–2003/);
    await expectRefused(Buffer.alloc(0), 'ho-so.xlsx', /Tệp rỗng/);
    await expectRefused(Buffer.alloc(MAX_BYTES + 1024, 0x41), 'lon.csv', /vượt quá giới hạn 2 MB/, 413);
    const noFile = await fetch(`${t.baseUrl}/files/imports`, { method: 'POST', headers: { authorization: `Bearer ${officer}` } });
    expect(noFile.status).toBe(400);
  });

  test('a zip bomb is refused before any parser reads it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Danh sách').addRow(HEADERS);
    const real = Buffer.from(await wb.xlsx.writeBuffer());
    // a real workbook with one more entry: 64 MB of zeros, a few KB compressed
    const bomb = appendZipEntry(real, 'xl/media/image1.bin', Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(MAX_BYTES);
    await expectRefused(bomb, 'ho-so.xlsx', /bom nén/);
  });

  test('hidden sheets and merged cells are refused at upload', async () => {
    await expectRefused(await xlsx([personRow(40)], { before: [{ name: 'Ẩn', state: 'hidden' }] }), 'ho-so.xlsx', /trang tính bị ẩn \("Ẩn"\)/);
    await expectRefused(await xlsx([personRow(40)], { merge: 'A2:B2' }), 'ho-so.xlsx', /ô gộp \(A2:B2\)/);
  });

  test('wrong or missing headers', async () => {
    const wrong = HEADERS.map((h) => (h === 'Ngày sinh' ? 'Ngày tháng năm sinh' : h));
    const { errors } = await expectRejected(await xlsx([personRow(41)], { headers: wrong }));
    expect(errors.map((e) => e.message)).toEqual([
      'Cột "Ngày tháng năm sinh" không có trong tệp mẫu. Hãy dùng đúng tên cột của tệp mẫu.',
      'Thiếu cột bắt buộc: "Ngày sinh". Hãy dùng tệp mẫu.',
    ]);
    const missing = await expectRejected(await xlsx([personRow(41)], { headers: HEADERS.slice(0, 5) }));
    expect(missing.errors[0].message).toMatch(/^Thiếu cột bắt buộc: "Đơn vị", "Loại cán bộ", "Vị trí việc làm"/);
  });

  test('formulas, dates as text, national IDs with spaces or 9 digits, unknown units, duplicate rows', async () => {
    const { errors } = await expectRejected(
      await xlsx([
        personRow(50, { fullName: { formula: 'CONCAT("Lê ","Văn")', result: 'Lê Văn' } }),
        personRow(51, { birthDate: '5-5-1985' }),
        personRow(52, { nationalId: '0791 8500 0052' }),
        personRow(53, { nationalId: '381234567' }),
        personRow(54, { unit: 'Xã Không Có' }),
        personRow(55),
        personRow(55, { fullName: 'Người Trùng' }),
        personRow(56, { title: 'Giám đốc Sở' }),
      ]),
    );
    const got = errors.map((e) => [e.row, e.column]);
    expect(got).toEqual([
      [2, 'Họ và tên'],
      [3, 'Ngày sinh'],
      [4, 'Số định danh cá nhân'],
      [5, 'Số định danh cá nhân'],
      [6, 'Đơn vị'],
      [8, 'Số định danh cá nhân'],
      [9, 'Chức danh'],
    ]);
    expect(errors[0].message).toContain('công thức');
    expect(errors[1].message).toContain('dd/mm/yyyy');
    expect(errors[2].message).toContain('khoảng trắng');
    expect(errors[3].message).toContain('9 chữ số');
    expect(errors[4].message).toContain('không có đơn vị "Xã Không Có"');
    expect(errors[5].message).toContain('trùng số định danh với dòng 7');
    expect(errors[6].message).toContain('không có định suất chức danh "Giám đốc Sở"');
  });

  test('one pass reports every error of a row: a cell that cannot be read, and what the registry says of the others', async () => {
    const { errors } = await expectRejected(
      await xlsx([
        // a 9-digit ID and a title without seats in the unit
        personRow(57, { nationalId: '381234567', title: 'Giám đốc Sở' }),
        // a date as text, an unknown unit, an unknown title
        personRow(58, { birthDate: '5-5-1985', unit: 'Xã Không Có', title: 'Không Có Chức Danh' }),
        // a gender label that does not exist and a unit out of the officer's scope
        personRow(59, { gender: 'Khác', unit: 'Phường Long Xuyên' }),
      ]),
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Số định danh cá nhân'],
      [2, 'Chức danh'],
      [3, 'Ngày sinh'],
      [3, 'Đơn vị'],
      [3, 'Chức danh'],
      [4, 'Giới tính'],
      [4, 'Đơn vị'],
    ]);
    expect(errors[1].message).toContain('không có định suất chức danh "Giám đốc Sở"');
    expect(errors[3].message).toContain('không có đơn vị "Xã Không Có"');
    expect(errors[4].message).toContain('Không Có Chức Danh');
  });

  test('an XLSX that exceljs cannot read is rejected as unreadable', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Danh sách').addRow(HEADERS);
    const real = Buffer.from(await wb.xlsx.writeBuffer());
    const broken = replaceZipEntry(real, 'xl/worksheets/sheet1.xml', Buffer.from('<<<not xml'));
    const { errors } = await expectRejected(broken);
    expect(errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: null,
        message: 'Không đọc được tệp XLSX (tệp hỏng hoặc không đúng định dạng Excel). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.',
      }),
    ]);
  });
});

// ---- zip surgery for the bad-input cases ----

interface RawEntry {
  name: string;
  method: number;
  data: Buffer;
  size: number;
}

function readEntries(buf: Buffer): RawEntry[] {
  let end = buf.length - 22;
  while (buf.readUInt32LE(end) !== 0x06054b50) end--;
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ name, method, data: buf.subarray(dataStart, dataStart + csize), size });
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

function writeEntries(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt32LE(e.data.length, 20);
    cd.writeUInt32LE(e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    parts.push(local, name, e.data);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

function appendZipEntry(buf: Buffer, name: string, content: Buffer): Buffer {
  return writeEntries([...readEntries(buf), { name, method: 8, data: deflateRawSync(content), size: content.length }]);
}

function replaceZipEntry(buf: Buffer, name: string, content: Buffer): Buffer {
  return writeEntries(readEntries(buf).map((e) => (e.name === name ? { name, method: 8, data: deflateRawSync(content), size: content.length } : e)));
}

