import { MASK } from '@canbo/shared';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { pdfFlatText, pdfFontNames } from '../../api/test/pdf-text';
import { chooseOption, inputOf, signIn, startE2E, E2E } from './browser';

/** The export half of issue 7 in the browser: "Xuất Excel" on the person list and "In mẫu 2C" on a person's page. */
let e: E2E;
let page: Page;
const ids: Record<string, string> = {};

async function create(key: string, input: Record<string, unknown>) {
  const res = await e.app.gql(`mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }`, {
    i: { gender: 'MALE', birthDate: '1980-05-05', staffCategory: 'CIVIL_SERVANT', jobPosition: 'Chuyên viên', validFrom: '2025-07-01', ...input },
  });
  expect(res.errors).toBeUndefined();
  ids[key] = res.data.createPerson.id;
}

/** Clicks and waits for the download the click starts; returns it with its bytes. */
async function downloadBy(click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { download, bytes: fs.readFileSync(file) };
}

async function readSheet(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Danh sách')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1)])));
  });
  return { headers, rows };
}

beforeAll(async () => {
  e = await startE2E();
  page = e.page;
  const commune = e.app.communeUnitId;
  const [{ id: other }] = await e.app.ds.query(`SELECT id FROM unit WHERE name = 'Phường Long Xuyên'`);
  await create('tuyet', {
    fullName: 'Nguyễn Thị Ánh Tuyết',
    gender: 'FEMALE',
    birthDate: '1986-09-02',
    nationalId: '089186004321',
    ethnicityCode: '05',
    partyJoinedOn: '2012-05-19',
    unitId: commune,
  });
  await create('binh', { fullName: 'Lê Văn Bình', nationalId: '089180004322', unitId: commune });
  await create('outsider', { fullName: 'Huỳnh Văn Ngoài', nationalId: '089170004323', unitId: other });
  const family = await e.app.gql(`mutation($i: AddPersonEntryInput!) { addPersonEntry(input: $i) { id } }`, {
    i: { personId: ids.tuyet, kind: 'FAMILY', relation: 'MOTHER', relativeName: 'Võ Thị Mận', year: 1960, occupation: 'Nội trợ' },
  });
  expect(family.errors).toBeUndefined();
});
afterAll(async () => {
  await e?.close();
});

test('the commune officer exports their list, then a filtered one, to Excel: Vietnamese headers, dd/mm/yyyy dates, only their unit', async () => {
  await signIn(e, 'commune-organisation-officer', { next: '/persons' });
  await page.getByRole('heading', { name: 'Hồ sơ cán bộ' }).waitFor();
  await page.locator('[data-testid="pager-range"]').filter({ hasText: 'trên 2' }).waitFor();

  const all = await downloadBy(() => page.getByRole('button', { name: 'Xuất Excel' }).click());
  expect(all.download.suggestedFilename()).toMatch(/^Danh sách cán bộ - \d\d-\d\d-\d{4}\.xlsx$/);
  await page.getByText('Đã xuất 2 hồ sơ ra tệp Excel').waitFor();
  const sheet = await readSheet(all.bytes);
  expect(sheet.headers.slice(0, 5)).toEqual(['STT', 'Họ và tên', 'Tên gọi khác', 'Giới tính', 'Ngày sinh']);
  expect(sheet.headers).toContain('Số định danh cá nhân'); // the officer may read sensitive data
  expect(sheet.rows.map((r) => r['Họ và tên'].value)).toEqual(['Lê Văn Bình', 'Nguyễn Thị Ánh Tuyết']);
  const tuyet = sheet.rows[1];
  expect(tuyet['Ngày sinh'].value).toEqual(new Date(Date.UTC(1986, 8, 2)));
  expect(tuyet['Ngày sinh'].numFmt).toBe('dd/mm/yyyy');
  expect(tuyet['Đơn vị'].value).toBe('Xã Mỹ Đức');
  expect(tuyet['Số định danh cá nhân'].value).toBe('089186004321');

  // the current filters go with the export: women only, in the officer's unit
  // (chooseOption checks that each select shows its choice: a click while a dropdown still opens is retried)
  await chooseOption(page, 'person-gender-filter', 'Nữ');
  await page.locator('[data-testid="pager-range"]').filter({ hasText: 'trên 1' }).waitFor();
  await chooseOption(page, 'person-unit-filter', 'Xã Mỹ Đức');
  await page.waitForURL((url) => url.searchParams.get('unit') !== null);
  // the URL changes before the page renders with it (a transition): wait until the button has the new filter
  await page.locator('[data-testid="person-export-xlsx"][data-filter-unit]:not([data-filter-unit=""])').waitFor();
  const filtered = await downloadBy(() => page.getByRole('button', { name: 'Xuất Excel' }).click());
  expect(filtered.download.suggestedFilename()).toMatch(/^Danh sách cán bộ - Xã Mỹ Đức - \d\d-\d\d-\d{4}\.xlsx$/);
  const women = await readSheet(filtered.bytes);
  expect(women.rows.map((r) => r['Họ và tên'].value)).toEqual(['Nguyễn Thị Ánh Tuyết']);
});

test('"In mẫu 2C" downloads the form as a PDF with the DejaVu fonts and the person filled in', async () => {
  await page.goto(e.url(`/persons/${ids.tuyet}`));
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Nguyễn Thị Ánh Tuyết' }).waitFor();
  const { download, bytes } = await downloadBy(() => page.getByRole('button', { name: 'In mẫu 2C' }).click());
  expect(download.suggestedFilename()).toMatch(/^Sơ yếu lý lịch 2C - Nguyễn Thị Ánh Tuyết - \d\d-\d\d-\d{4}\.pdf$/);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfFontNames(bytes).some((n) => n.endsWith('+DejaVuSerif'))).toBe(true);
  const text = pdfFlatText(bytes);
  expect(text).toContain('SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC');
  expect(text).toContain('1) Họ và tên khai sinh (viết chữ in hoa): NGUYỄN THỊ ÁNH TUYẾT');
  expect(text).toContain('089186004321');
  expect(text).toContain('Võ Thị Mận');
  await page.getByText('Đã tải sơ yếu lý lịch mẫu 2C').waitFor();
});

test('the viewer: no sensitive column in the export, the form 2C masked', async () => {
  await signIn(e, 'viewer', { next: '/persons' });
  await page.locator(inputOf('person-search')).fill('nguyen thi anh tuyet');
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '1–1 trên 1' }).waitFor();
  const exported = await downloadBy(() => page.getByRole('button', { name: 'Xuất Excel' }).click());
  const sheet = await readSheet(exported.bytes);
  expect(sheet.rows.map((r) => r['Họ và tên'].value)).toEqual(['Nguyễn Thị Ánh Tuyết']);
  expect(sheet.headers).not.toContain('Số định danh cá nhân');
  expect(sheet.headers).not.toContain('Dân tộc');

  await page.goto(e.url(`/persons/${ids.tuyet}`));
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Nguyễn Thị Ánh Tuyết' }).waitFor();
  const { bytes } = await downloadBy(() => page.getByRole('button', { name: 'In mẫu 2C' }).click());
  const text = pdfFlatText(bytes);
  expect(text).toContain('NGUYỄN THỊ ÁNH TUYẾT');
  expect(text).toContain(`25) Số căn cước công dân (số định danh cá nhân): ${MASK}`);
  expect(text).not.toContain('089186004321');
  expect(text).not.toContain('Võ Thị Mận');
});

test('a failed export says why: a person out of the officer\'s scope is not found', async () => {
  await signIn(e, 'commune-organisation-officer', { next: `/persons/${ids.binh}` });
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Lê Văn Bình' }).waitFor();
  // the button asks for another unit's person (the request rewritten on its way): the 404 is reported, nothing saved
  await page.route(`**/files/persons/${ids.binh}/form-2c.pdf`, (route) => route.continue({ url: e.url(`/files/persons/${ids.outsider}/form-2c.pdf`) }));
  await page.getByRole('button', { name: 'In mẫu 2C' }).click();
  await page.getByText('Không xuất được tệp: Không tìm thấy dữ liệu', { exact: false }).waitFor();
  await page.unroute(`**/files/persons/${ids.binh}/form-2c.pdf`);
});
