import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { inputOf, signIn, startE2E, E2E } from './browser';

const unitsFile = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../api/src/seed/data/an-giang-units.json'), 'utf8'),
) as { units: { name: string; kind: string }[] };
const KIND_VI: Record<string, string> = { commune: 'Xã', ward: 'Phường', special_zone: 'Đặc khu' };

let e: E2E;
let page: Page;
beforeAll(async () => {
  e = await startE2E();
  page = e.page;
  // a province-wide administrator: every unit, every write
  await signIn(e, 'system-admin');
});
afterAll(async () => {
  await e?.close();
});

const rows = () => page.locator('[data-testid="unit-table"] tbody tr.ant-table-row');

async function chooseKinds(labels: string[]) {
  await page.locator('[data-testid="unit-kind-filter"]').click();
  for (const l of labels) {
    await page.locator(`.ant-select-dropdown .ant-select-item-option[title="${l}"]`).click();
  }
  await page.keyboard.press('Escape');
}

async function readRows(): Promise<{ name: string; kind: string }[]> {
  return rows().evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = tr.querySelectorAll('td');
      return { name: cells[0].textContent?.trim() ?? '', kind: cells[1].textContent?.trim() ?? '' };
    }),
  );
}

test('the unit list shows the 102 commune-level units with their kinds', async () => {
  await page.goto(e.url('/'));
  await page.waitForURL(/\/units/);
  await page.getByRole('heading', { name: 'Danh sách đơn vị' }).waitFor();
  await rows().first().waitFor();
  // counts per kind
  const counts = page.locator('[data-testid="kind-counts"]');
  await expect(counts.textContent()).resolves.toMatch(/Xã\s*85/);
  await expect(counts.textContent()).resolves.toMatch(/Phường\s*14/);
  await expect(counts.textContent()).resolves.toMatch(/Đặc khu\s*3/);
  await expect(page.locator('[data-testid="pager-range"]').textContent()).resolves.toBe('1–20 trên 123');

  // only commune-level units, 100 a page: two pages hold all 102
  await chooseKinds(['Xã', 'Phường', 'Đặc khu']);
  await page.locator('[data-testid="pager"] .ant-select').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option[title="100 / trang"]').click();
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '1–100 trên 102' }).waitFor();
  const seen = await readRows();
  await page.getByRole('button', { name: /Trang sau/ }).click();
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '101–102 trên 102' }).waitFor();
  seen.push(...(await readRows()));
  expect(seen).toHaveLength(102);
  const expected = unitsFile.units.map((u) => ({ name: u.name, kind: KIND_VI[u.kind] }));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  expect([...seen].sort(byName)).toEqual([...expected].sort(byName));
  await page.getByRole('button', { name: /Trang trước/ }).click();
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '1–100 trên 102' }).waitFor();
});

test('search ignores diacritics and the kind filter narrows the list', async () => {
  await page.goto(e.url('/units?kinds=SPECIAL_ZONE'));
  await page.locator('[data-testid="pager-range"]').filter({ hasText: 'trên 3' }).waitFor();
  expect((await readRows()).map((r) => r.name).sort()).toEqual(['Đặc khu Kiên Hải', 'Đặc khu Phú Quốc', 'Đặc khu Thổ Châu']);

  await page.goto(e.url('/units'));
  await page.locator(inputOf('unit-search')).fill('phu quoc');
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '1–1 trên 1' }).waitFor();
  expect((await readRows())[0].name).toBe('Đặc khu Phú Quốc');

  await page.locator(inputOf('unit-search')).fill('không có đơn vị này');
  await page.getByText('Không có đơn vị nào phù hợp').waitFor();
});

test('a unit page shows its bodies and its establishment', async () => {
  await page.goto(e.url('/units?q=thoi%20son'));
  await page.getByRole('link', { name: 'Phường Thới Sơn' }).click();
  await page.locator('[data-testid="unit-title"]').filter({ hasText: 'Phường Thới Sơn' }).waitFor();
  // establishment tab (default): approved headcount per category as of today
  const headcount = page.locator('[data-testid="establishment-HEADCOUNT"]');
  await headcount.getByRole('row', { name: /Cán bộ/ }).waitFor();
  await expect(headcount.getByRole('row', { name: /Cán bộ/ }).locator('[data-testid="establishment-value"]').textContent()).resolves.toBe('40');
  await expect(page.locator('[data-testid="establishment-TITLE_SEATS"]').textContent()).resolves.toContain('Phó Bí thư Đảng ủy');
  // bodies
  await page.getByRole('tab', { name: 'Cơ quan, tổ chức' }).click();
  const bodies = page.locator('[data-testid="body-table"] tbody tr.ant-table-row');
  await bodies.first().waitFor();
  await expect(bodies.count()).resolves.toBe(10);
  await expect(page.locator('[data-testid="body-table"]').textContent()).resolves.toContain('Đảng ủy phường Thới Sơn');
  // an unknown id shows a not-found page, not a crash
  await page.goto(e.url('/units/00000000-0000-0000-0000-000000000000'));
  await page.getByText('Không tìm thấy dữ liệu', { exact: false }).first().waitFor();
});

test('an establishment change is effective-dated and keeps its history', async () => {
  await page.goto(e.url('/units?q=kien%20hai'));
  await page.getByRole('link', { name: 'Đặc khu Kiên Hải' }).click();
  const headcount = page.locator('[data-testid="establishment-HEADCOUNT"]');
  const cadreRow = headcount.getByRole('row', { name: /Cán bộ/ });
  await cadreRow.waitFor();
  await cadreRow.getByRole('button', { name: 'Thay đổi' }).click();

  const dialog = page.getByRole('dialog');
  const value = dialog.locator(inputOf('establishment-value-input'));
  // client-side validation mirrors the server's
  await value.fill('-3');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.getByText('Không được là số âm').waitFor();
  // a change from 01/01/2026
  await value.fill('45');
  const from = dialog.locator(inputOf('establishment-effective-from'));
  await from.click();
  await from.fill('01/01/2026');
  await from.press('Enter');
  await dialog.getByRole('textbox', { name: 'Căn cứ / lý do' }).fill('Quyết định 12/QĐ-UBND');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã ghi nhận thay đổi').waitFor();

  // today (after 01/01/2026): 45
  await expect(cadreRow.locator('[data-testid="establishment-value"]').textContent()).resolves.toBe('45');
  // as of 01/10/2025: still 40
  const asOf = page.locator(inputOf('establishment-as-of'));
  await asOf.click();
  await asOf.fill('01/10/2025');
  await asOf.press('Enter');
  await page.waitForFunction(() => {
    const row = [...document.querySelectorAll('[data-testid="establishment-HEADCOUNT"] tr')].find((tr) => tr.textContent?.includes('Cán bộ'));
    return row?.querySelector('[data-testid="establishment-value"]')?.textContent === '40';
  });
  // the history keeps the superseded record and the new one
  await page.getByRole('tab', { name: 'Lịch sử biên chế' }).click();
  const history = page.locator('[data-testid="establishment-history"]');
  await history.getByText('Quyết định 12/QĐ-UBND').waitFor();
  await expect(history.textContent()).resolves.toContain('Đã được thay thế');
  await expect(history.textContent()).resolves.toContain('01/01/2026');
});

test('server-side validation errors appear next to the field, in Vietnamese', async () => {
  await page.goto(e.url('/units'));
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Mã').fill('xa-an-bien'); // the code of a seeded unit
  await dialog.getByLabel('Tên đơn vị').fill('Xã Thử Nghiệm');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.getByText('Mã đơn vị đã được dùng').waitFor();
  // the client refuses markup before sending
  await dialog.getByLabel('Tên đơn vị').fill('<script>alert(1)</script>');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.getByText('Chỉ được dùng chữ, số, khoảng trắng', { exact: false }).waitFor();
  await dialog.getByRole('button', { name: 'Hủy' }).click();
});

test('the interface switches to English', async () => {
  await page.goto(e.url('/units'));
  await page.locator('[data-testid="locale-switch"]').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option[title="English"]').click();
  await page.getByRole('heading', { name: 'Units' }).waitFor();
  await expect(page.locator('[data-testid="kind-counts"]').textContent()).resolves.toMatch(/Commune\s*85/);
  await page.locator('[data-testid="locale-switch"]').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option[title="Tiếng Việt"]').click();
  await page.getByRole('heading', { name: 'Danh sách đơn vị' }).waitFor();
});
