import fs from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { loadDemoProvince } from '../../api/src/modules/demo/demo.loader';
import { COMMUNE_OFFICER_UNIT } from '../../api/test/harness';
import { inputOf, screenshotEachTest, signIn, startE2E, E2E } from './browser';

/**
 * The situation report page (issue 6) on the demo province, loaded once: section I as of 01/10/2025 with Vietnamese
 * numbers, the drill-down from a figure to its units and to the people behind it (kept in the URL), the ethnicity
 * drill-down refused without personnel.read_sensitive, the XLSX/PDF exports, and the commune officer's one unit.
 */
let e: E2E;
let page: Page;
const REPORT = '/reports/situation';

beforeAll(async () => {
  e = await startE2E();
  page = e.page;
  await loadDemoProvince(e.app.ds);
}, 240_000);
afterAll(async () => {
  await e?.close();
});
screenshotEachTest(() => page);

const figureRow = (metricId: string) => page.locator(`[data-testid="report-figure-${metricId}"]`);
const cell = (metricId: string, what: 'count' | 'base' | 'percent') => figureRow(metricId).locator(`[data-testid="figure-${what}"]`);
const drawer = () => page.locator('[data-testid="report-drill-body"]');

async function fillDate(value: string) {
  const input = page.locator(inputOf('report-as-of'));
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** The number a Vietnamese count shows (47.557 → 47557). */
const vnNumber = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

/** Clicks and waits for the download the click starts; returns it with its bytes. */
async function downloadBy(click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { download, bytes: fs.readFileSync(await download.path()) };
}

test('the province officer opens the report from the menu, is told off a date before 01/07/2025, and reads section I as of 01/10/2025', async () => {
  await signIn(e, 'province-officer');
  await page.locator('[data-testid="main-menu"]').getByRole('link', { name: 'Báo cáo' }).click();
  await page.getByRole('heading', { name: 'Báo cáo tình hình đội ngũ' }).waitFor();
  await page.waitForURL((url) => url.pathname === REPORT);
  await page.locator('[data-testid="report-unit"]').filter({ hasText: 'Toàn tỉnh' }).waitFor();

  await fillDate('30/06/2025');
  await page.locator('[data-testid="report-date-error"]').filter({ hasText: 'Ngày tham chiếu không được trước ngày 01/07/2025' }).waitFor();
  await expect(page.locator('[data-testid="report-export-xlsx"]').isDisabled()).resolves.toBe(true);

  await fillDate('01/10/2025');
  await page.waitForURL((url) => url.searchParams.get('asOf') === '2025-10-01');
  await page.locator('[data-testid="report-subtitle"]').filter({ hasText: 'Số liệu ngày 01/10/2025 · Toàn tỉnh' }).waitFor();
  await cell('staff_total', 'count').filter({ hasText: '47.557' }).waitFor();
  await expect(cell('staff_total', 'base').textContent()).resolves.toBe('55.152');
  await expect(cell('staff_total', 'percent').textContent()).resolves.toBe('86,2%');
  await expect(cell('staff_shortfall', 'count').textContent()).resolves.toBe('7.595');
  await expect(cell('cbcc_women', 'count').textContent()).resolves.toBe('3.047');
  await expect(cell('cbcc_women', 'percent').textContent()).resolves.toBe('41,4%');
  // a plain count has no base and no percent: a dash, never NaN or 0%
  await expect(cell('commune_level_units', 'count').textContent()).resolves.toBe('102');
  await expect(cell('commune_level_units', 'base').textContent()).resolves.toBe('—');
  await expect(cell('commune_level_units', 'percent').textContent()).resolves.toBe('—');

  // the sections of section I, each with its chart; the rule versions at the bottom
  for (const section of ['staff', 'composition', 'qualification', 'committees', 'titles']) {
    await page.locator(`[data-testid="report-section-${section}"]`).waitFor();
  }
  await expect(page.locator('[data-testid="report-section-staff"]').textContent()).resolves.toContain('Số lượng đội ngũ và biên chế');
  await page.locator('[data-testid="report-bar-staff_total"]').waitFor();
  await expect(page.locator('[data-testid="report-bar-staff_total"]').getAttribute('aria-label')).resolves.toContain('47.557 trên 55.152 (86,2%)');
  await page.locator('[data-testid="report-rules"]').filter({ hasText: 'Chức danh lãnh đạo chủ chốt' }).waitFor();
  const body = (await page.locator('main, .ant-layout-content').first().textContent()) ?? '';
  expect(body).not.toMatch(/NaN|undefined/);
});

test('a commune-level unit without staff nor establishment shows counts of 0 and dashes, never NaN or 0%', async () => {
  const [{ id: provinceId }] = await e.app.ds.query(`SELECT id FROM unit WHERE kind = 'PROVINCE' LIMIT 1`);
  const created = await e.app.gql(`mutation($i: CreateUnitInput!) { createUnit(input: $i) { id name } }`, {
    i: { code: 'xa-thu-nghiem-trong', kind: 'COMMUNE', name: 'Xã Thử Nghiệm Trống', parentId: provinceId, validFrom: '2025-07-01', applyDefaults: false },
  });
  expect(created.errors).toBeUndefined();
  await page.goto(e.url(`${REPORT}?asOf=2025-10-01&unit=${created.data.createUnit.id}`));
  await page.locator('[data-testid="report-subtitle"]').filter({ hasText: 'Xã Thử Nghiệm Trống' }).waitFor();
  await page.locator('[data-testid="report-no-staff"]').waitFor();
  await expect(cell('commune_level_units', 'count').textContent()).resolves.toBe('1');
  await expect(cell('staff_total', 'count').textContent()).resolves.toBe('0');
  for (const id of ['staff_total', 'cbcc_women', 'exec_committee_filled', 'key_titles_women']) {
    await expect(cell(id, 'percent').textContent()).resolves.toBe('—');
  }
  const text = (await page.locator('.ant-layout-content').first().textContent()) ?? '';
  expect(text).not.toMatch(/NaN|0,0%|undefined/);
  // back to the whole province for the next test
  await page.goto(e.url(`${REPORT}?asOf=2025-10-01`));
  await cell('staff_total', 'count').filter({ hasText: '47.557' }).waitFor();
});

test('a figure counting people drills to its units, then to one unit’s people (as many as its figure), then to a person; the URL keeps the way', async () => {
  await page.locator('[data-testid="report-drill-cbcc_women"]').click();
  await page.waitForURL((url) => url.searchParams.get('metric') === 'cbcc_women');
  await page.locator('[data-testid="report-drill-title"]').filter({ hasText: 'Nữ trong cán bộ, công chức' }).waitFor();
  await drawer().locator('[data-testid="report-drill-summary"]').filter({ hasText: '3.047' }).waitFor();

  // per unit: every unit of the province; the rows add up to the figure
  const unitRows = drawer().locator('[data-testid="report-by-unit-table"] tbody tr.ant-table-row');
  await unitRows.first().waitFor();
  const communeRow = drawer().locator(`[data-testid="report-unit-row-${e.app.communeUnitId}"]`);
  await communeRow.waitFor();
  const unitCount = vnNumber(await communeRow.locator('td').nth(1).textContent());
  expect(unitCount).toBeGreaterThan(0);

  // sorted by name on a click of the header (kept in the URL)
  await drawer().locator('th').filter({ hasText: 'Đơn vị' }).click();
  await page.waitForURL((url) => url.searchParams.get('sort') === 'name_asc');

  await communeRow.getByRole('link', { name: COMMUNE_OFFICER_UNIT }).click();
  await page.waitForURL((url) => url.searchParams.get('people') === e.app.communeUnitId);
  await drawer().locator('[data-testid="report-people-unit"]').filter({ hasText: COMMUNE_OFFICER_UNIT }).waitFor();
  const total = drawer().locator('[data-testid="report-people-total"]');
  await total.filter({ hasText: 'Tổng số:' }).waitFor();
  expect(vnNumber(await total.textContent())).toBe(unitCount);
  await drawer().locator('[data-testid="pager-range"]').filter({ hasText: `trên ${unitCount}` }).waitFor();
  const people = drawer().locator('[data-testid="report-people-table"] tbody tr.ant-table-row');
  await expect(people.count()).resolves.toBe(Math.min(20, unitCount));
  for (const unit of await people.locator('td:nth-child(3)').allTextContents()) expect(unit).toBe(COMMUNE_OFFICER_UNIT);

  // the way is in the URL: a reload shows the same list
  await page.reload();
  await drawer().locator('[data-testid="report-people-total"]').filter({ hasText: 'Tổng số:' }).waitFor();
  expect(vnNumber(await drawer().locator('[data-testid="report-people-total"]').textContent())).toBe(unitCount);

  // back to the units, then everyone: the province figure
  await drawer().locator('[data-testid="report-people-back"]').click();
  await drawer().locator('[data-testid="report-people-all"]').click();
  await page.waitForURL((url) => url.searchParams.get('people') === 'all');
  await drawer().locator('[data-testid="report-people-total"]').filter({ hasText: 'Tổng số: 3.047 người' }).waitFor();
  await drawer().locator('[data-testid="pager-range"]').filter({ hasText: '1–20 trên 3.047' }).waitFor();
  const first = drawer().locator('[data-testid="report-people-table"] tbody tr.ant-table-row').first().getByRole('link');
  const firstOfPage1 = await first.getAttribute('href');
  await drawer().getByRole('button', { name: /Trang sau/ }).click();
  await drawer().locator('[data-testid="pager-range"]').filter({ hasText: '21–40 trên 3.047' }).waitFor();
  // the rows of page 1 stay while page 2 loads
  for (let i = 0; i < 150 && (await first.getAttribute('href')) === firstOfPage1; i++) await page.waitForTimeout(100);
  expect(await first.getAttribute('href')).not.toBe(firstOfPage1);

  // a person's name opens their file
  const name = ((await first.textContent()) ?? '').trim();
  await first.click();
  await page.waitForURL(/\/persons\/[0-9a-f-]{36}/);
  await page.locator('[data-testid="person-title"]').filter({ hasText: name }).waitFor();
});

test('without personnel.read_sensitive the people of an ethnicity figure are refused with a clear message, the units still shown', async () => {
  await signIn(e, 'viewer', { next: `${REPORT}?asOf=2025-10-01&metric=cbcc_minority&people=all` });
  await drawer()
    .locator('[data-testid="report-people-forbidden"]')
    .filter({ hasText: 'Không thể xem danh sách người theo dân tộc' })
    .filter({ hasText: 'cần quyền xem thông tin nhạy cảm' })
    .waitFor();
  await expect(drawer().locator('[data-testid="report-people-table"]').count()).resolves.toBe(0);
  await drawer().locator('[data-testid="report-people-back"]').click();
  await drawer().locator(`[data-testid="report-unit-row-${e.app.communeUnitId}"]`).waitFor();
});

test('the export buttons download the report as shown, in Excel and in PDF', async () => {
  await signIn(e, 'province-officer', { next: `${REPORT}?asOf=2025-10-01` });
  await cell('staff_total', 'count').filter({ hasText: '47.557' }).waitFor();
  const xlsx = await downloadBy(() => page.locator('[data-testid="report-export-xlsx"]').click());
  expect(xlsx.download.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(xlsx.bytes.length).toBeGreaterThan(1000);
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const pdf = await downloadBy(() => page.locator('[data-testid="report-export-pdf"]').click());
  expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('the commune officer sees only their unit: no whole-province choice, its figures, one row per figure drill-down', async () => {
  await signIn(e, 'commune-organisation-officer', { next: `${REPORT}?asOf=2025-10-01` });
  await page.locator('[data-testid="report-subtitle"]').filter({ hasText: `Số liệu ngày 01/10/2025 · ${COMMUNE_OFFICER_UNIT}` }).waitFor();
  const select = page.locator('[data-testid="report-unit"]');
  await expect(select.textContent()).resolves.toContain(COMMUNE_OFFICER_UNIT);
  await expect(select.textContent()).resolves.not.toContain('Toàn tỉnh');
  await expect(cell('commune_level_units', 'count').textContent()).resolves.toBe('1');
  const staff = vnNumber(await cell('staff_total', 'count').textContent());
  expect(staff).toBeGreaterThan(100);
  expect(staff).toBeLessThan(47557);

  await page.locator('[data-testid="report-drill-staff_total"]').click();
  const unitRows = drawer().locator('[data-testid="report-by-unit-table"] tbody tr.ant-table-row');
  await unitRows.first().waitFor();
  await expect(unitRows.count()).resolves.toBe(1);
  await expect(unitRows.first().textContent()).resolves.toContain(COMMUNE_OFFICER_UNIT);
  await drawer().locator('[data-testid="report-people-all"]').click();
  await drawer().locator('[data-testid="report-people-total"]').filter({ hasText: 'Tổng số:' }).waitFor();
  expect(vnNumber(await drawer().locator('[data-testid="report-people-total"]').textContent())).toBe(staff);

  // a seat figure lists one row per seat held, with the seat named
  await page.goto(e.url(`${REPORT}?asOf=2025-10-01`));
  const seats = vnNumber(await cell('key_titles_women', 'count').textContent());
  await page.locator('[data-testid="report-drill-key_titles_women"]').click();
  await drawer().locator('[data-testid="report-people-all"]').click();
  await drawer().locator('[data-testid="report-people-total"]').filter({ hasText: 'Tổng số:' }).waitFor();
  expect(vnNumber(await drawer().locator('[data-testid="report-people-total"]').textContent())).toBe(seats);
  if (seats > 0) await drawer().locator('[data-testid="report-people-table"] th').filter({ hasText: 'Chức danh, ghế' }).waitFor();
});
