import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { personRow, xlsx } from '../../api/test/import-helpers';
import { signIn, startE2E, E2E } from './browser';

/**
 * The import flow in the browser, as a commune officer: from the person list to the import page, the template
 * downloaded, a file with mistakes rejected (errors listed by row and column, nothing written), the fixed file
 * imported, and the same file imported again without creating anything twice.
 */
let e: E2E;
let page: Page;
let dir: string;

beforeAll(async () => {
  e = await startE2E();
  page = e.page;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-import-e2e-'));
});
afterAll(async () => {
  await e?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const people = () => [0, 1, 2].map((n) => personRow(900 + n, { fullName: `Phạm Thị Nhập Liệu ${String.fromCharCode(65 + n)}` }));

async function count(): Promise<number> {
  const [{ n }] = await e.app.ds.query(`SELECT count(*)::int AS n FROM person WHERE full_name LIKE 'Phạm Thị Nhập Liệu %'`);
  return n;
}

/** Chooses a file in the page's upload (antd Upload's hidden input). */
async function uploadFile(name: string, content: Buffer): Promise<void> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  await page.locator('[data-testid="import-upload"] input[type="file"], input[type="file"]').first().setInputFiles(file);
}

/** Uploads a file that becomes a job: the page opens the new job (?job=...), which is followed until it ends. */
async function importAndWait(name: string, content: Buffer, statusText: string): Promise<void> {
  const before = page.url();
  await uploadFile(name, content);
  await page.waitForURL((url) => url.href !== before && url.searchParams.has('job'));
  await status().filter({ hasText: statusText }).waitFor({ timeout: 30000 });
}

/** The panel of the job the page shows (the one in the URL: an earlier panel may still be on screen). */
const panel = () => page.locator(`[data-testid="import-job"][data-job-id="${new URL(page.url()).searchParams.get('job')}"]`);
const status = () => panel().locator('[data-testid="import-status"]');

test('template, a file with mistakes rejected with its errors, the fixed file imported, imported again: nothing twice', async () => {
  await signIn(e, 'commune-organisation-officer', { next: '/persons' });
  await page.getByRole('heading', { name: 'Hồ sơ cán bộ' }).waitFor();
  await page.locator('[data-testid="person-import"]').click();
  await page.waitForURL(/\/persons\/import$/);
  await page.getByRole('heading', { name: 'Nhập hồ sơ từ Excel' }).waitFor();

  // the template downloads as an XLSX
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="import-template"]').click()]);
  expect(download.suggestedFilename()).toBe('mau-nhap-ho-so-can-bo.xlsx');
  const saved = path.join(dir, 'mau.xlsx');
  await download.saveAs(saved);
  expect(fs.readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');

  // a renamed PDF is refused at once
  await uploadFile('ho-so.xlsx', Buffer.from('%PDF-1.4\n1 0 obj\n'));
  await page.locator('[data-testid="import-refused"]').getByText('Tệp là PDF', { exact: false }).waitFor();

  // mistakes: a date as text, a 9-digit ID card number
  const wrong = people();
  wrong[1] = { ...wrong[1], birthDate: '1985-05-02' };
  wrong[2] = { ...wrong[2], nationalId: '381234567' };
  await importAndWait('danh-sach.xlsx', await xlsx(wrong), 'Có lỗi, không nhập');
  await panel().locator('[data-testid="import-rejected"]').getByText('Tệp có 2 lỗi ở 2 dòng. Không có dòng nào được nhập.').waitFor();
  const errors = panel().locator('[data-testid="import-errors"] tbody tr.ant-table-row');
  await errors.nth(1).waitFor();
  await expect(errors.count()).resolves.toBe(2);
  await expect(errors.nth(0).textContent()).resolves.toContain('Cột "Ngày sinh": ngày phải có dạng dd/mm/yyyy (đã nhập "1985-05-02")');
  await expect(errors.nth(1).textContent()).resolves.toContain('9 chữ số');
  expect(await count()).toBe(0);
  // the errors file downloads
  const [errorsFile] = await Promise.all([page.waitForEvent('download'), panel().locator('[data-testid="import-errors-download"]').click()]);
  expect(errorsFile.suggestedFilename()).toBe('loi-danh-sach.xlsx');

  // fixed: all in
  await importAndWait('danh-sach.xlsx', await xlsx(people()), 'Đã nhập');
  await panel().locator('[data-testid="import-succeeded"]').waitFor();
  await expect(panel().locator('[data-testid="import-created"]').textContent()).resolves.toContain('3');
  expect(await count()).toBe(3);

  // again: nothing created twice
  await importAndWait('danh-sach.xlsx', await xlsx(people()), 'Đã nhập');
  await expect(panel().locator('[data-testid="import-unchanged"]').textContent()).resolves.toContain('3');
  await expect(panel().locator('[data-testid="import-created"]').textContent()).resolves.toContain('0');
  expect(await count()).toBe(3);

  // the history lists the three uploads that became jobs (the PDF never did), newest first
  const history = page.locator('[data-testid="import-history"] tbody tr.ant-table-row');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-history"] tbody tr.ant-table-row').length === 3);
  await history.nth(0).filter({ hasText: '0 thêm mới, 0 cập nhật, 3 không đổi' }).waitFor();
  await history.nth(1).filter({ hasText: '3 thêm mới, 0 cập nhật, 0 không đổi' }).waitFor();
  await history.nth(2).filter({ hasText: '2 lỗi' }).waitFor();

  // the people are in the list
  await page.goto(e.url('/persons?q=nhap%20lieu'));
  await page.locator('[data-testid="person-table"] tbody tr.ant-table-row').first().waitFor();
  await expect(page.locator('[data-testid="person-table"] tbody tr.ant-table-row').count()).resolves.toBe(3);
});
