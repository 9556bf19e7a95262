import type { Page } from 'playwright-core';
import { COMMUNE_OFFICER_UNIT } from '../../api/test/harness';
import { seedTargetFixture } from '../../api/test/target-fixture';
import { chooseOption, inputOf, screenshotEachTest, signIn, startE2E, E2E } from './browser';

/**
 * The targets dashboard (issue 6, part 3) on a small dataset with known answers (that of the API's target tests: two
 * units of seven people, every other unit empty) and a yearly snapshot of 2025: the five targets as of 01/10/2025
 * with Vietnamese numbers and statuses, the units ranked, the heat table, the trend, freezing a snapshot and
 * reading it back; the commune officer's one unit; the viewer may read but not freeze.
 */
let e: E2E;
let page: Page;
let unitA: string;
let unitB: string;
let unitBName: string;
let communeUnits: number;
const AS_OF = '2025-10-01';

beforeAll(async () => {
  e = await startE2E();
  page = e.page;
  ({ unitA, unitB, unitBName } = await seedTargetFixture(e.app.ds, e.app.communeUnitId));
  // the yearly snapshot of 2025 (frozen on 31/12/2025 once that day has passed), a point of the trend
  const { ReportSnapshotService } = await import('../../api/src/modules/report-snapshot/report-snapshot.service');
  await e.app.app.get(ReportSnapshotService).ensureYearly('2026-01-15');
  const res = await e.app.as('province-officer')(`query { targetsByUnit(asOf: "${AS_OF}") { units { unitId } } }`);
  communeUnits = res.data.targetsByUnit.units.length;
}, 120_000);
afterAll(async () => {
  await e?.close();
});
screenshotEachTest(() => page);

const measure = (id: string) => page.locator(`[data-testid="target-cards"] [data-testid="target-${id}"]`);
const text = async (locator: ReturnType<Page['locator']>) => ((await locator.textContent()) ?? '').trim();

async function fillDate(testId: string, value: string) {
  const input = page.locator(inputOf(testId));
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function openTab(name: 'ranking' | 'heat' | 'trend' | 'snapshots') {
  await page.locator(`[data-testid="targets-tab-${name}"]`).click();
}

test('the province officer opens the targets from the menu and reads the five targets as of 01/10/2025', async () => {
  await signIn(e, 'province-officer');
  await page.locator('[data-testid="main-menu"]').getByRole('link', { name: 'Chỉ tiêu', exact: true }).click();
  await page.getByRole('heading', { name: 'Chỉ tiêu 2025–2030' }).waitFor();
  await page.locator('[data-testid="targets-unit"]').filter({ hasText: 'Toàn tỉnh' }).waitFor();

  // the picker offers no date before 01/07/2025 nor after today; a link with one is told off
  await page.goto(e.url('/targets?asOf=2025-06-30'));
  await page.locator('[data-testid="targets-date-error"]').filter({ hasText: 'không được trước ngày 01/07/2025' }).waitFor();
  await expect(page.locator('[data-testid="target-cards"]').count()).resolves.toBe(0);
  await fillDate('targets-as-of', '01/10/2025');
  await page.waitForURL((url) => url.searchParams.get('asOf') === AS_OF);
  await page.locator('[data-testid="targets-subtitle"]').filter({ hasText: 'Số liệu ngày 01/10/2025 · Toàn tỉnh' }).waitFor();

  // five cards, target 2 with its two measures
  for (const n of [1, 2, 3, 4, 5]) await page.locator(`[data-testid="target-card-${n}"]`).waitFor();
  for (const id of ['THEORY_STANDARD', 'STANDING_POSTGRADUATE']) await page.locator(`[data-testid="target-card-2"] [data-testid="target-${id}"]`).waitFor();

  await measure('RATED_GOOD').locator('[data-testid="target-value"]').filter({ hasText: '60,0%' }).waitFor();
  const expected: [string, string, string, string][] = [
    ['RATED_GOOD', '60,0%', 'Đúng lộ trình', '3/5 người'],
    ['THEORY_STANDARD', '60,0%', 'Đúng lộ trình', '3/5 người'],
    ['STANDING_POSTGRADUATE', '50,0%', 'Đạt', '1/2 người'],
    ['DIGITAL_SKILLS', '33,3%', 'Đúng lộ trình', '2/6 người'],
    ['YOUNG_KEY_TITLES', '50,0%', 'Đạt', '1/2 người'],
    ['COMMITTEE_MINORITY', '50,0%', 'Đúng lộ trình', '1/2 đơn vị'],
  ];
  for (const [id, value, status, count] of expected) {
    await expect(text(measure(id).locator('[data-testid="target-value"]'))).resolves.toBe(value);
    await expect(text(measure(id).locator('[data-testid="target-status"]'))).resolves.toBe(status);
    await expect(text(measure(id).locator('[data-testid="target-count"]'))).resolves.toBe(count);
  }
  await expect(text(measure('RATED_GOOD').locator('[data-testid="target-target"]'))).resolves.toBe('95,0%');
  await expect(text(measure('RATED_GOOD').locator('[data-testid="target-gap"]'))).resolves.toBe('35,0 điểm %');
  await expect(text(measure('RATED_GOOD').locator('[data-testid="target-baseline"]'))).resolves.toBe('60,0%');
  await expect(text(measure('RATED_GOOD').locator('[data-testid="target-expected"]'))).resolves.toBe('60,0%');
  await expect(text(measure('STANDING_POSTGRADUATE').locator('[data-testid="target-gap"]'))).resolves.toBe('0,0 điểm %');
  await expect(measure('STANDING_POSTGRADUATE').locator('[data-testid="target-status"]').getAttribute('class')).resolves.toMatch(/green/);
  await expect(measure('RATED_GOOD').locator('[data-testid="target-status"]').getAttribute('class')).resolves.toMatch(/blue/);
  // the rule versions used, at the bottom
  await page.locator('[data-testid="targets-rules"]').filter({ hasText: 'Tiêu chuẩn lý luận chính trị theo chức danh' }).waitFor();
  await page.locator('[data-testid="targets-rules"]').filter({ hasText: 'Chức danh lãnh đạo chủ chốt' }).waitFor();
});

test('the units ranked on a target: worst first, then best first; target 5 compares the minority shares; a unit links to its report', async () => {
  const rows = page.locator('[data-testid="targets-ranking-table"] [data-testid="ranking-row"]');
  await rows.first().waitFor();
  // 20 units a page
  await expect(rows.count()).resolves.toBe(Math.min(20, communeUnits));
  // target 1: B 50,0% (1/2), A 66,7% (2/3), every other unit without data (—), last
  await expect(text(rows.nth(0).locator('[data-testid="ranking-unit"]'))).resolves.toBe(unitBName);
  await expect(text(rows.nth(0).locator('[data-testid="ranking-value"]'))).resolves.toBe('50,0%');
  await expect(text(rows.nth(0).locator('[data-testid="ranking-count"]'))).resolves.toBe('1/2 người');
  // on the baseline date every value is its own baseline: on track, unless met
  await expect(text(rows.nth(0).locator('[data-testid="ranking-status"]'))).resolves.toBe('Đúng lộ trình');
  await expect(text(rows.nth(1).locator('[data-testid="ranking-unit"]'))).resolves.toBe(COMMUNE_OFFICER_UNIT);
  await expect(text(rows.nth(1).locator('[data-testid="ranking-value"]'))).resolves.toBe('66,7%');
  await expect(text(rows.nth(2).locator('[data-testid="ranking-value"]'))).resolves.toBe('—');
  await expect(text(rows.nth(2).locator('[data-testid="ranking-status"]'))).resolves.toBe('Chưa có số liệu');
  await expect(text(page.locator('[data-testid="targets-ranking-summary"]'))).resolves.toContain(`${communeUnits} đơn vị: 0 đạt, 2 đúng lộ trình, 0 có nguy cơ không đạt`);

  await page.locator('[data-testid="targets-ranking-order"]').getByText('Cao nhất trước').click();
  await rows.first().locator('[data-testid="ranking-unit"]').filter({ hasText: COMMUNE_OFFICER_UNIT }).waitFor();
  await expect(text(rows.nth(1).locator('[data-testid="ranking-unit"]'))).resolves.toBe(unitBName);

  await chooseOption(page, 'targets-ranking-target', /^5\. /);
  await page.waitForURL((url) => url.searchParams.get('rank') === 'COMMITTEE_MINORITY');
  await page.locator('[data-testid="targets-ranking-order"]').getByText('Thấp nhất trước').click();
  await rows.first().locator('[data-testid="ranking-unit"]').filter({ hasText: unitBName }).waitFor();
  await expect(text(rows.nth(0).locator('[data-testid="ranking-committee"]'))).resolves.toBe('0,0%');
  await expect(text(rows.nth(0).locator('[data-testid="ranking-population"]'))).resolves.toBe('10,0%');
  await expect(text(rows.nth(1).locator('[data-testid="ranking-committee"]'))).resolves.toBe('50,0%');

  const href = await rows.nth(0).locator('[data-testid="ranking-unit"]').getAttribute('href');
  expect(href).toBe(`/reports/situation?asOf=${AS_OF}&unit=${unitB}`);
});

test('the heat table: a row per unit, each cell its value with the status in words, sortable', async () => {
  await openTab('heat');
  const rows = page.locator('[data-testid="targets-heat-table"] [data-testid="heat-row"]');
  await rows.first().waitFor();
  await expect(rows.count()).resolves.toBe(communeUnits);
  const a = page.locator(`[data-testid="heat-row"][data-unit-id="${unitA}"]`);
  const cell = a.locator('[data-testid="heat-RATED_GOOD"]');
  await expect(cell.getAttribute('data-status')).resolves.toBe('ON_TRACK');
  await expect(cell.getAttribute('title')).resolves.toBe(`${COMMUNE_OFFICER_UNIT} · CT 1: 66,7% (2/3) · Đúng lộ trình`);
  await expect(text(cell)).resolves.toContain('66,7%');
  await expect(text(cell)).resolves.toContain('(Đúng lộ trình)');
  await expect(a.locator('[data-testid="heat-COMMITTEE_MINORITY"]').getAttribute('title')).resolves.toContain('100,0% (1/1) · Đạt');

  // sort by target 1, highest first: A, then B
  const head = page.locator('[data-testid="targets-heat-table"] th').filter({ has: page.locator('[data-testid="heat-head-RATED_GOOD"]') });
  await head.click();
  await head.click();
  await rows.first().and(page.locator(`[data-unit-id="${unitA}"]`)).waitFor();
  await expect(rows.nth(1).getAttribute('data-unit-id')).resolves.toBe(unitB);
});

test('the trend: the yearly snapshot of 2025 and the live value, against the target line, with its table', async () => {
  await openTab('trend');
  const card = page.locator('[data-testid="trend-RATED_GOOD"]');
  await card.locator('[data-testid="trend-chart"]').waitFor();
  await card.locator('[data-testid="trend-target"]').waitFor({ state: 'attached' });
  await expect(card.locator('[data-testid="trend-point-yearly"]').count()).resolves.toBe(1);
  await expect(card.locator('[data-testid="trend-point-current"]').count()).resolves.toBe(1);
  // live on 01/10/2025 before the year's snapshot on 31/12/2025 (p5 joined, p4 trained meanwhile; ratings unchanged)
  await expect(text(card.locator('[data-testid="trend-row-current"]'))).resolves.toContain('Hiện tại (01/10/2025)');
  await expect(text(card.locator('[data-testid="trend-row-current"] [data-testid="trend-value"]'))).resolves.toBe('60,0%');
  await expect(text(card.locator('[data-testid="trend-row-yearly"]'))).resolves.toContain('Năm 2025 (31/12/2025)');
  await expect(text(page.locator('[data-testid="trend-DIGITAL_SKILLS"] [data-testid="trend-row-yearly"] [data-testid="trend-value"]'))).resolves.toBe('42,9%');
  await expect(card.locator('[data-testid="trend-chart"]').getAttribute('aria-label')).resolves.toContain('chỉ tiêu 95,0%');
});

test('freezing a snapshot: Vietnamese validation, a confirmation, then it is in the list and opens read-only', async () => {
  await openTab('snapshots');
  const rows = page.locator('[data-testid="snapshots-table"] [data-testid="snapshot-row"]');
  // the yearly snapshot of 2025 and, frozen before it, the targets' baseline
  await rows.first().filter({ hasText: 'Số liệu năm 2025' }).waitFor();
  await rows.nth(1).filter({ hasText: 'Số liệu mốc ngày 01/10/2025' }).waitFor();
  await expect(rows.count()).resolves.toBe(2);

  await page.locator('[data-testid="targets-freeze"]').click();
  await page.locator('[data-testid="freeze-submit"]').click();
  await page.locator('.ant-form-item-explain-error').filter({ hasText: 'Không được để trống' }).waitFor();
  await fillDate('freeze-as-of', '01/10/2025');
  await page.locator(inputOf('freeze-label')).fill('Số liệu sơ kết quý III');
  await page.locator('[data-testid="freeze-submit"]').click();
  await page.locator('.ant-modal-confirm').filter({ hasText: 'Chốt số liệu ngày 01/10/2025?' }).waitFor();
  await page.locator('[data-testid="freeze-confirm-ok"]').click();

  // the new snapshot opens read-only
  await page.locator('[data-testid="frozen-banner"]').filter({ hasText: 'Số liệu đã chốt ngày 01/10/2025' }).waitFor();
  await expect(text(page.locator('[data-testid="frozen-title"]'))).resolves.toBe('Số liệu sơ kết quý III · Toàn tỉnh');
  await expect(text(page.locator('[data-testid="frozen-target-RATED_GOOD"] [data-testid="frozen-value"]'))).resolves.toBe('60,0%');
  await expect(text(page.locator('[data-testid="frozen-target-DIGITAL_SKILLS"] [data-testid="frozen-value"]'))).resolves.toBe('33,3%');
  await expect(text(page.locator('[data-testid="frozen-figure-staff_total"] [data-testid="figure-count"]'))).resolves.toBe('6');
  await page.locator('.ant-drawer-close').click();

  await rows.filter({ hasText: 'Số liệu sơ kết quý III' }).waitFor();
  await expect(rows.count()).resolves.toBe(3);
  await expect(text(rows.first().locator('[data-testid="snapshot-as-of"]'))).resolves.toBe('01/10/2025');
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '1–3 trên 3' }).waitFor();
});

test('the commune officer sees only their unit, and may not freeze', async () => {
  await signIn(e, 'commune-organisation-officer', { next: `/targets?asOf=${AS_OF}` });
  await page.getByRole('heading', { name: 'Chỉ tiêu 2025–2030' }).waitFor();
  const select = page.locator('[data-testid="targets-unit"]');
  await select.filter({ hasText: COMMUNE_OFFICER_UNIT }).waitFor();
  await expect(select.evaluate((el) => Boolean(el.closest('.ant-select-disabled') ?? el.querySelector('.ant-select-disabled')))).resolves.toBe(true);
  await measure('RATED_GOOD').locator('[data-testid="target-value"]').filter({ hasText: '66,7%' }).waitFor();
  await expect(text(measure('RATED_GOOD').locator('[data-testid="target-count"]'))).resolves.toBe('2/3 người');
  await expect(text(page.locator('[data-testid="targets-subtitle"]'))).resolves.toBe(`Số liệu ngày 01/10/2025 · ${COMMUNE_OFFICER_UNIT}`);

  await openTab('heat');
  const rows = page.locator('[data-testid="heat-row"]');
  await rows.first().waitFor();
  await expect(rows.count()).resolves.toBe(1);
  await expect(rows.first().getAttribute('data-unit-id')).resolves.toBe(unitA);

  await openTab('snapshots');
  const snapshot = page.locator('[data-testid="snapshot-row"]').filter({ hasText: 'Số liệu sơ kết quý III' });
  await snapshot.waitFor();
  await expect(page.locator('[data-testid="targets-freeze"]').count()).resolves.toBe(0);
  await snapshot.locator('[data-testid="snapshot-view"]').click();
  await page.locator('[data-testid="frozen-banner"]').filter({ hasText: 'Số liệu đã chốt ngày 01/10/2025' }).waitFor();
  await expect(text(page.locator('[data-testid="frozen-title"]'))).resolves.toBe(`Số liệu sơ kết quý III · ${COMMUNE_OFFICER_UNIT}`);
  await expect(text(page.locator('[data-testid="frozen-target-RATED_GOOD"] [data-testid="frozen-value"]'))).resolves.toBe('66,7%');
});

test('the viewer reads the targets and the snapshots but has no "Chốt số liệu"', async () => {
  await signIn(e, 'viewer', { next: `/targets?asOf=${AS_OF}&tab=snapshots` });
  await page.locator('[data-testid="snapshot-row"]').first().waitFor();
  await expect(page.locator('[data-testid="snapshot-row"]').count()).resolves.toBe(3);
  await expect(page.locator('[data-testid="targets-freeze"]').count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: /Chốt số liệu/ }).count()).resolves.toBe(0);
  await measure('RATED_GOOD').locator('[data-testid="target-value"]').filter({ hasText: '60,0%' }).waitFor();

  // a province-wide reader chooses one unit: its targets, and a link to its situation report
  await chooseOption(page, 'targets-unit', COMMUNE_OFFICER_UNIT, 'my duc');
  await page.waitForURL((url) => url.searchParams.get('unit') === unitA);
  await measure('RATED_GOOD').locator('[data-testid="target-value"]').filter({ hasText: '66,7%' }).waitFor();
  await expect(page.locator('[data-testid="targets-report-link"]').getAttribute('href')).resolves.toBe(`/reports/situation?asOf=${AS_OF}&unit=${unitA}`);

  // in English
  await chooseOption(page, 'locale-switch', 'English');
  await page.getByRole('heading', { name: 'Targets 2025–2030' }).waitFor();
  await expect(text(measure('RATED_GOOD').locator('[data-testid="target-value"]'))).resolves.toBe('66.7%');
  await expect(text(measure('RATED_GOOD').locator('[data-testid="target-status"]'))).resolves.toBe('On track');
  await expect(text(measure('RATED_GOOD').locator('[data-testid="target-gap"]'))).resolves.toBe('28.3 pp');
  await page.locator('[data-testid="targets-tab-snapshots"]').filter({ hasText: 'Frozen snapshots' }).waitFor();
});
