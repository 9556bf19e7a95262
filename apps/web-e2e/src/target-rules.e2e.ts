import type { Page } from 'playwright-core';
import { chooseOption, E2E, inputOf, screenshotEachTest, signIn, signOut, startE2E } from './browser';

/**
 * The rule data of the targets and the population shares target 5 reads: an administrator adds a version of the
 * targets (a value outside 0–100% is refused before anything is sent) and of the political-theory standard; a
 * commune officer enters their unit's population share from a date; a viewer only reads.
 */
let e: E2E;
let page: Page;
beforeAll(async () => {
  e = await startE2E();
  page = e.page;
});
afterAll(async () => {
  await e?.close();
});
screenshotEachTest(() => page);

/** Types a date into a field of the open dialog (hidden dialogs keep their fields rendered). */
async function typeDate(testId: string, value: string) {
  const input = page.getByRole('dialog').locator(inputOf(testId));
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

test('an administrator adds a version of the targets from a date; a target of 120% is refused', async () => {
  await signIn(e, 'system-admin', { next: '/rules/targets' });
  await page.getByRole('heading', { name: 'Tham số chỉ tiêu 2025–2030' }).waitFor();
  const targets = page.locator('[data-testid="rule-TARGETS"]');
  await targets.getByText('Đang áp dụng: Nghị quyết của Ban Thường vụ Tỉnh ủy').waitFor();
  await expect(targets.textContent()).resolves.toContain('31/12/2030');
  await targets.locator('[data-testid="rule-add-TARGETS"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator(inputOf('rule-version-label')).fill('Nghị quyết điều chỉnh số 9/NQ-TU');
  await typeDate('rule-valid-from', '01/01/2026');
  const rated = dialog.locator(inputOf('rule-target-rated_good'));
  await rated.fill('120');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.getByText('Chỉ tiêu phải từ 0% đến 100%').waitFor();
  await rated.fill('96');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.waitFor({ state: 'hidden' });
  // the versions: the first up to 31/12/2025 (it ends from 01/01/2026), the new one open
  await targets.getByRole('cell', { name: 'Nghị quyết điều chỉnh số 9/NQ-TU' }).waitFor();
  await targets.getByRole('cell', { name: '01/07/2025 – 31/12/2025' }).waitFor();
  await targets.getByRole('cell', { name: '01/01/2026 – nay' }).waitFor();
  await expect(targets.textContent()).resolves.toContain('96%');
});

test('the political-theory standard: "none required" for other public employees stays, intermediate for managers becomes advanced', async () => {
  const standard = page.locator('[data-testid="rule-POLITICAL_THEORY_STANDARD"]');
  await expect(standard.textContent()).resolves.toContain('Không yêu cầu');
  await standard.locator('[data-testid="rule-add-POLITICAL_THEORY_STANDARD"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator(inputOf('rule-version-label')).fill('Quy định 15/QĐ-TU');
  await typeDate('rule-valid-from', '01/02/2026');
  await chooseOption(page, 'rule-standard-publicEmployeeManagers', 'Cao cấp');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await standard.getByText('Đang áp dụng: Quy định 15/QĐ-TU (từ ngày 01/02/2026)').waitFor();
  const [row] = await e.app.ds.query(`SELECT value FROM rule_setting WHERE key = 'POLITICAL_THEORY_STANDARD' AND valid_to IS NULL`);
  expect(row.value).toMatchObject({ publicEmployeeManagers: 'ADVANCED', publicEmployees: null, keyTitles: 'ADVANCED' });
  await signOut(page);
});

test('a commune officer enters the unit’s population share; a share above 100% is refused; the viewer only reads', async () => {
  await signIn(e, 'commune-organisation-officer', { next: `/units/${e.app.communeUnitId}` });
  await page.locator('[data-testid="unit-title"]').waitFor();
  await page.getByRole('tab', { name: 'Dân số' }).click();
  await page.locator('[data-testid="population-history"]').getByText('Chưa có số liệu dân số').waitFor();
  await page.locator('[data-testid="population-add"]').click();
  const dialog = page.getByRole('dialog');
  await typeDate('population-valid-from', '01/01/2025');
  await dialog.locator(inputOf('population-population')).fill('21500');
  await dialog.locator(inputOf('population-share')).fill('150');
  await dialog.locator(inputOf('population-source')).fill('Niên giám thống kê 2024');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.getByText('Tỷ lệ phải từ 0% đến 100%').waitFor();
  await dialog.locator(inputOf('population-share')).fill('3,75');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const table = page.locator('[data-testid="population-history"]');
  await table.getByRole('cell', { name: '3,75%' }).waitFor();
  await table.getByRole('cell', { name: '21.500' }).waitFor();
  await table.getByRole('cell', { name: '01/01/2025 – nay' }).waitFor();
  await signOut(page);

  await signIn(e, 'viewer', { next: `/units/${e.app.communeUnitId}` });
  await page.getByRole('tab', { name: 'Dân số' }).click();
  await page.locator('[data-testid="population-history"]').getByRole('cell', { name: '3,75%' }).waitFor();
  await expect(page.locator('[data-testid="population-add"]').count()).resolves.toBe(0);
});
