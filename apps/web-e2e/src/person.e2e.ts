import type { Page } from 'playwright-core';
import { chooseOption, confirmDialog, dialogClosed, E2E, inputOf, screenshotEachTest, signIn, startE2E } from './browser';

let e: E2E;
let page: Page;
let outsider: { id: string; fullName: string };
let ourPersonId = '';

const OUR_NATIONAL_ID = '079090001234';

beforeAll(async () => {
  e = await startE2E();
  page = e.page;
  // a person of another unit, created by the province-wide administrator through the API
  const units = await e.app.gql(`query { units(first: 5, filter: { search: "thoi son" }) { edges { node { id name } } } }`);
  const unitId = units.data.units.edges.find((u: { node: { name: string } }) => u.node.name === 'Phường Thới Sơn').node.id;
  const created = await e.app.gql(
    `mutation($i: CreatePersonInput!) { createPerson(input: $i) { id fullName } }`,
    {
      i: {
        fullName: 'Huỳnh Thị Ngoài Phạm Vi',
        gender: 'FEMALE',
        birthDate: '1988-04-02',
        nationalId: '079188009876',
        unitId,
        staffCategory: 'CIVIL_SERVANT',
        jobPosition: 'Công chức Tư pháp - Hộ tịch',
        validFrom: '2025-07-01',
      },
    },
  );
  expect(created.errors).toBeUndefined();
  outsider = created.data.createPerson;
});
afterAll(async () => {
  await e?.close();
});
screenshotEachTest(() => page);

/** Picks an option of an antd Select (typing first when the select searches). */
const choose = (selectTestId: string, option: string | RegExp, type?: string) => chooseOption(page, selectTestId, option, type);

async function fillDate(testId: string, value: string) {
  const input = page.locator(inputOf(testId));
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

const rows = () => page.locator('[data-testid="person-table"] tbody tr.ant-table-row');
const timelineItems = () => page.locator('[data-testid="timeline-item"]');

test('a commune officer creates a person, corrects a typo, changes the assignment from a date and finds them without diacritics', async () => {
  await signIn(e, 'commune-organisation-officer', { next: '/persons' });
  await page.getByRole('heading', { name: 'Hồ sơ cán bộ' }).waitFor();
  await expect(page.locator('[data-testid="main-menu"]').textContent()).resolves.toContain('Hồ sơ cán bộ');

  // create, with the client rules first: 12 digits, at least 18 years old
  await page.getByRole('button', { name: 'Thêm hồ sơ' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator(inputOf('person-full-name')).fill('Lê Van Tám'); // a typo: "Van" for "Văn"
  await choose('person-gender', 'Nam');
  await fillDate('person-birth-date', '01/01/2015');
  await dialog.locator(inputOf('person-national-id')).fill('0790 9000123');
  await choose('assignment-unit', 'Xã Mỹ Đức', 'my duc');
  await choose('assignment-body', /^Ủy ban nhân dân xã Mỹ Đức$/, 'uy ban nhan dan');
  await choose('assignment-category', 'Công chức');
  await dialog.locator(inputOf('assignment-position')).fill('Công chức Văn phòng - Thống kê');
  await fillDate('assignment-valid-from', '01/07/2025');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.getByText('Số định danh cá nhân phải gồm đúng 12 chữ số').waitFor();
  await dialog.getByText('Chưa đủ 18 tuổi vào ngày ghi nhận').waitFor();
  await dialog.locator(inputOf('person-national-id')).fill(OUR_NATIONAL_ID);
  await fillDate('person-birth-date', '15/03/1990');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã thêm hồ sơ').waitFor();
  await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
  ourPersonId = page.url().split('/').pop()!;
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Lê Van Tám' }).waitFor();
  await expect(page.locator('[data-testid="person-national-id-value"]').textContent()).resolves.toBe(OUR_NATIONAL_ID);
  await expect(page.locator('[data-testid="person-assignment"]').textContent()).resolves.toContain('Ủy ban nhân dân xã Mỹ Đức');

  // correct the typo: a correction needs a reason and a confirmation
  await page.locator('[data-testid="edit-identity"]').click();
  const edit = page.getByRole('dialog');
  await edit.getByText('Đính chính sai sót').click();
  await edit.locator(inputOf('person-full-name')).fill('Lê Văn Tám');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await edit.getByText('Không được để trống').waitFor();
  await edit.locator('[data-testid="identity-reason"]').fill('Nhập thiếu dấu');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await confirmDialog(page);
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Lê Văn Tám' }).waitFor();
  const correction = timelineItems().filter({ hasText: 'Họ và tên' });
  await correction.waitFor();
  await expect(correction.locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Đính chính');
  await expect(correction.textContent()).resolves.toContain('Lê Van Tám → Lê Văn Tám');
  await expect(correction.textContent()).resolves.toContain('Nhập thiếu dấu');

  // a real change of assignment from a later date
  await page.locator('[data-testid="change-assignment"]').click();
  const change = page.getByRole('dialog');
  await fillDate('assignment-effective-from', '01/01/2026');
  await change.locator(inputOf('assignment-position')).fill('Công chức Tài chính - Kế toán');
  await change.locator('[data-testid="assignment-reason"]').fill('Quyết định 5/QĐ-UBND');
  await change.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã ghi nhận thay đổi').waitFor();
  const changed = timelineItems().filter({ hasText: 'Công chức Tài chính - Kế toán' });
  await changed.waitFor();
  await expect(changed.locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Thay đổi');
  await expect(changed.textContent()).resolves.toContain('01/01/2026');
  // the first record was superseded (greyed) by the earlier part and the new one
  await expect(page.locator('[data-testid="timeline-item"][data-superseded="true"]').count()).resolves.toBe(1);
  await expect(page.locator('[data-testid="person-assignment"]').textContent()).resolves.toContain('Công chức Tài chính - Kế toán');
  // as of 01/10/2025 the earlier assignment holds
  await fillDate('person-page-as-of', '01/10/2025');
  await page.locator('[data-testid="person-assignment"]').filter({ hasText: 'Công chức Văn phòng - Thống kê' }).waitFor();

  // found by a search without diacritics, from the list
  await page.goto(e.url('/persons'));
  await page.locator(inputOf('person-search')).fill('le van tam');
  // the search is applied (the list may hold this one person before it is)
  await page.waitForURL(/[?&]q=le\+van\+tam/);
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '1–1 trên 1' }).waitFor();
  const row = rows().first();
  await row.filter({ hasText: 'Xã Mỹ Đức' }).waitFor();
  await expect(row.textContent()).resolves.toContain('15/03/1990');
  await expect(row.textContent()).resolves.toContain('Đang công tác');
  await row.getByRole('link', { name: 'Lê Văn Tám' }).click();
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Lê Văn Tám' }).waitFor();
  await page.locator('[data-testid="person-timeline"]').waitFor();
  await expect(timelineItems().count()).resolves.toBeGreaterThanOrEqual(5);
});

test('a person of another unit cannot be found by the commune officer', async () => {
  await page.goto(e.url('/persons'));
  await page.locator(inputOf('person-search')).fill('ngoai pham vi');
  await page.getByText('Không có hồ sơ nào phù hợp').waitFor();
  await page.goto(e.url(`/persons/${outsider.id}`));
  await page.getByText('Không tìm thấy dữ liệu', { exact: false }).first().waitFor();
  // the unit filter offers only the officer's unit
  await page.goto(e.url('/persons'));
  await page.locator('[data-testid="person-unit-filter"]').click();
  // (the options of the one open dropdown, read once it has rendered them: not while it is still opening)
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await options.first().waitFor();
  let texts: string[] = [];
  for (let i = 0; i < 50 && !(texts = await options.allTextContents()).length; i++) await page.waitForTimeout(100);
  expect(texts).toEqual(['Xã Mỹ Đức']);
  await page.keyboard.press('Escape');
});

test('the viewer sees the national ID masked and cannot search by it or write', async () => {
  expect(ourPersonId).not.toBe('');
  await signIn(e, 'viewer', { next: '/persons' });
  await page.getByRole('heading', { name: 'Hồ sơ cán bộ' }).waitFor();
  await expect(page.getByRole('button', { name: 'Thêm hồ sơ' }).count()).resolves.toBe(0);
  await expect(page.locator('[data-testid="person-ethnicity-filter"]').count()).resolves.toBe(0);
  await page.locator(inputOf('person-search')).fill(OUR_NATIONAL_ID);
  await page.locator('[data-testid="person-id-search-refused"]').waitFor();
  await page.locator(inputOf('person-search')).fill('le van tam');
  await page.waitForURL(/[?&]q=le\+van\+tam/);
  await rows().first().getByRole('link', { name: 'Lê Văn Tám' }).click();
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Lê Văn Tám' }).waitFor();
  const nid = page.locator('[data-testid="person-national-id-value"]');
  await expect(nid.textContent()).resolves.toBe('••••');
  await expect(page.content()).resolves.not.toContain(OUR_NATIONAL_ID);
  await nid.locator('[data-testid="masked"]').hover();
  await page.getByRole('tooltip').filter({ hasText: 'Thông tin nhạy cảm' }).waitFor();
  await expect(page.locator('[data-testid="edit-identity"]').count()).resolves.toBe(0);
  await expect(page.locator('[data-testid="change-assignment"]').count()).resolves.toBe(0);
});

test('the system administrator sees the national ID and every unit', async () => {
  await signIn(e, 'system-admin', { next: `/persons/${ourPersonId}` });
  await page.locator('[data-testid="person-national-id-value"]').filter({ hasText: OUR_NATIONAL_ID }).waitFor();
  await page.goto(e.url('/persons?q=ngoai%20pham%20vi'));
  await rows().first().getByRole('link', { name: outsider.fullName }).waitFor();
  await rows().first().filter({ hasText: 'Phường Thới Sơn' }).waitFor();
});

test('an edit of a stale version answers CONFLICT with an offer to reload', async () => {
  await page.goto(e.url(`/persons/${ourPersonId}`));
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Lê Văn Tám' }).waitFor();
  await page.locator('[data-testid="edit-identity"]').click();
  const edit = page.getByRole('dialog');
  // meanwhile someone else records a change
  const current = await e.app.gql(`query($id: ID!) { person(id: $id) { version } }`, { id: ourPersonId });
  const other = await e.app.gql(
    `mutation($i: UpdatePersonIdentityInput!) { updatePersonIdentity(input: $i) { version } }`,
    { i: { id: ourPersonId, version: current.data.person.version, kind: 'CHANGE', phone: '0912 345 678' } },
  );
  expect(other.errors).toBeUndefined();
  await edit.getByLabel('Nơi ở hiện nay').fill('Ấp Mỹ Phú, xã Mỹ Đức');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await edit.getByRole('alert').filter({ hasText: 'Dữ liệu đã được người khác thay đổi' }).waitFor();
  await edit.locator('[data-testid="failure-reload"]').click();
  await page.locator('[data-testid="person-profile"]').filter({ hasText: '0912 345 678' }).waitFor();

  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Lê Văn Tám' }).waitFor();
});

test('an assignment record entered wrongly is corrected, marked as a correction', async () => {
  await page.goto(e.url(`/persons/${ourPersonId}`));
  const record = timelineItems().filter({ hasText: 'Công chức Tài chính - Kế toán' }).filter({ has: page.locator('[data-testid="correct-assignment"]') });
  await record.locator('[data-testid="correct-assignment"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator(inputOf('assignment-position')).fill('Công chức Tài chính - Kế toán ngân sách');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.getByText('Không được để trống').waitFor(); // the reason of a correction
  await dialog.locator('[data-testid="assignment-reason"]').fill('Ghi sai tên vị trí');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await confirmDialog(page);
  const corrected = timelineItems().filter({ hasText: 'Công chức Tài chính - Kế toán ngân sách' });
  await corrected.waitFor();
  await expect(corrected.locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Đính chính');
  await expect(corrected.getAttribute('data-superseded')).resolves.toBe('false');
  await expect(page.locator('[data-testid="timeline-item"][data-superseded="true"]').count()).resolves.toBe(2);
  await page.locator('[data-testid="person-assignment"]').filter({ hasText: 'Công chức Tài chính - Kế toán ngân sách' }).waitFor();
});

/** Types a date and leaves the field with Tab (which commits it without submitting the form). */
async function typeDate(testId: string, value: string) {
  const input = page.locator(inputOf(testId));
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

/** The rows of a table of the personal file (records, entries, or their history). */
const tableRows = (testId: string) => page.locator(`[data-testid="${testId}"] tbody tr.ant-table-row`);

/**
 * Opens a section of the personal file (once a closing dialog no longer takes the click); a tab the bar has no room
 * for is picked from the bar's overflow menu.
 */
async function openFileTab(name: string) {
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  const tab = page.getByRole('tab', { name, exact: true });
  const reachable = await tab.click({ trial: true, timeout: 1000 }).then(
    () => true,
    () => false,
  );
  if (reachable) {
    await tab.click();
  } else {
    await page.locator('[data-testid="person-file-tabs"] .ant-tabs-nav-more').hover();
    await page.locator('.ant-tabs-dropdown:visible').getByText(name, { exact: true }).click();
  }
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

test('a qualification is recorded, changed from a later date and corrected: the table and the history tell a change from a correction', async () => {
  await signIn(e, 'commune-organisation-officer', { next: `/persons/${ourPersonId}` });
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Lê Văn Tám' }).waitFor();
  await openFileTab('Trình độ');
  const table = () => tableRows('records-QUALIFICATION');
  await page.locator('[data-testid="records-QUALIFICATION"]').getByText('Không có bản ghi nào có hiệu lực tại ngày').waitFor();

  // add, with the client rules first: the level is required, the year within the server's range
  await page.locator('[data-testid="record-add-QUALIFICATION"]').click();
  const add = page.getByRole('dialog');
  await add.locator(inputOf('record-year')).fill('1900');
  await add.getByRole('button', { name: 'Lưu' }).click();
  await add.getByText('Không được để trống').waitFor();
  await add.getByText('Phải từ 1950 đến 2100').waitFor();
  await choose('record-qualificationLevel', 'Đại học');
  await add.locator(inputOf('record-field')).fill('Luật');
  await add.locator(inputOf('record-institution')).fill('Trường Đại học Cần Thơ');
  await add.locator(inputOf('record-year')).fill('2012');
  await fillDate('record-valid-from', '01/07/2025');
  await add.getByRole('button', { name: 'Lưu' }).click();
  await table().filter({ hasText: 'Đại học' }).waitFor();
  await expect(table().count()).resolves.toBe(1);
  await expect(table().first().textContent()).resolves.toContain('Trường Đại học Cần Thơ');
  await expect(table().first().locator('[data-testid="record-period"]').textContent()).resolves.toBe('01/07/2025 – nay');
  await expect(table().first().locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Thay đổi');

  // a real change from a later date: a master's degree from 01/01/2026
  await table().first().locator('[data-testid="record-change"]').click();
  const change = page.getByRole('dialog');
  await fillDate('record-effective-from', '01/01/2026');
  await choose('record-qualificationLevel', 'Thạc sĩ');
  await change.locator(inputOf('record-field')).fill('Luật kinh tế');
  await change.locator('[data-testid="record-reason"]').fill('Bằng thạc sĩ số 123');
  await change.getByRole('button', { name: 'Lưu' }).click();
  await table().filter({ hasText: 'Thạc sĩ' }).waitFor();
  await expect(table().count()).resolves.toBe(1);
  await expect(table().first().locator('[data-testid="record-period"]').textContent()).resolves.toBe('01/01/2026 – nay');
  await expect(table().first().locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Thay đổi');

  // the master's degree was entered with a wrong institution: corrected, with a reason and a confirmation
  await table().first().locator('[data-testid="record-correct"]').click();
  const correct = page.getByRole('dialog');
  await correct.locator(inputOf('record-institution')).fill('Trường Đại học Luật Thành phố Hồ Chí Minh');
  await correct.getByRole('button', { name: 'Lưu' }).click();
  await correct.getByText('Không được để trống').waitFor();
  await correct.locator('[data-testid="record-reason"]').fill('Ghi sai cơ sở đào tạo');
  await correct.getByRole('button', { name: 'Lưu' }).click();
  await confirmDialog(page);
  await table().filter({ hasText: 'Trường Đại học Luật Thành phố Hồ Chí Minh' }).waitFor();
  await expect(table().first().locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Đính chính');

  // the history: the first record superseded by the change (re-recorded up to 01/01/2026), the changed record
  // superseded by the correction; the correction and the earlier period are current
  const history = () => page.locator('[data-testid="records-history-QUALIFICATION"] [data-testid="history-row"]');
  await history().nth(3).waitFor();
  await expect(history().count()).resolves.toBe(4);
  await expect(page.locator('[data-testid="records-history-QUALIFICATION"] [data-testid="history-row"][data-superseded="true"]').count()).resolves.toBe(2);
  const corrected = history().filter({ hasText: 'Ghi sai cơ sở đào tạo' });
  await expect(corrected.locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Đính chính');
  await expect(corrected.getAttribute('data-superseded')).resolves.toBe('false');
  const changed = history().filter({ hasText: 'Bằng thạc sĩ số 123' });
  await expect(changed.locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Thay đổi');
  await expect(changed.getAttribute('data-superseded')).resolves.toBe('true');
  await expect(changed.locator('[data-testid="history-state"]').textContent()).resolves.toContain('Đã được thay thế');
  const earlier = history().filter({ has: page.locator('[data-testid="history-period"]', { hasText: '01/07/2025 – 31/12/2025' }) });
  await expect(earlier.textContent()).resolves.toContain('Đại học');
  await expect(earlier.locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Thay đổi');
  await expect(earlier.getAttribute('data-superseded')).resolves.toBe('false');

  // as of 01/10/2025 the bachelor's degree is in force, for the period it held
  await fillDate('person-page-as-of', '01/10/2025');
  await table().filter({ hasText: 'Đại học' }).filter({ hasText: '01/07/2025 – 31/12/2025' }).waitFor();
  await expect(table().count()).resolves.toBe(1);
});

test('a title is given from a date, changed from a later date (a change), and ended after a confirmation', async () => {
  await page.goto(e.url(`/persons/${ourPersonId}`));
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Lê Văn Tám' }).waitFor();
  await openFileTab('Chức danh');
  await page.locator('[data-testid="record-add-TITLE"]').click();
  const add = page.getByRole('dialog');
  // the unit of the current assignment is proposed
  await add.locator('[data-testid="record-unitId"]').filter({ hasText: 'Xã Mỹ Đức' }).waitFor();
  // only the titles the unit has seats for are offered
  await add.getByText('Chỉ gồm các chức danh có định suất tại đơn vị vào ngày hiệu lực').waitFor();
  await choose('record-titleId', 'Phó Bí thư Đảng ủy', 'pho bi thu dang');
  await fillDate('record-valid-from', '01/08/2025');
  await add.getByRole('button', { name: 'Lưu' }).click();
  const table = () => tableRows('records-TITLE');
  await table().filter({ hasText: 'Phó Bí thư Đảng ủy' }).waitFor();
  await expect(table().first().textContent()).resolves.toContain('Xã Mỹ Đức');

  // promoted from 01/01/2026: a real change from a later date
  await table().first().locator('[data-testid="record-change"]').click();
  const change = page.getByRole('dialog');
  await fillDate('record-effective-from', '01/01/2026');
  await choose('record-titleId', 'Bí thư Đảng ủy', 'bi thu dang uy');
  await change.locator('[data-testid="record-reason"]').fill('Quyết định 1/QĐ-TU');
  await change.getByRole('button', { name: 'Lưu' }).click();
  await dialogClosed(change);
  await table().filter({ hasText: /^(?!.*Phó).*Bí thư Đảng ủy/ }).waitFor();
  await expect(table().first().locator('[data-testid="record-period"]').textContent()).resolves.toBe('01/01/2026 – nay');
  await expect(table().first().locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Thay đổi');

  // ended: an end on its first day is refused; a later one asks for a confirmation
  await table().first().locator('[data-testid="record-end"]').click();
  const end = page.getByRole('dialog');
  // the date is left with Tab: Enter in the only input of this form would submit it
  await typeDate('record-end-date', '01/01/2026');
  await end.getByRole('button', { name: 'Lưu' }).click();
  await end.getByText('Ngày kết thúc phải sau ngày bắt đầu').waitFor();
  await typeDate('record-end-date', '01/06/2026');
  await end.locator('[data-testid="record-reason"]').fill('Quyết định 20/QĐ-ĐU');
  await end.getByRole('button', { name: 'Lưu' }).click();
  await page.locator('.ant-modal-confirm').getByText('Bản ghi sẽ thôi hiệu lực từ ngày 01/06/2026').waitFor();
  await confirmDialog(page);
  await dialogClosed(end);
  await page.locator('[data-testid="records-TITLE"]').getByText('Không có bản ghi nào có hiệu lực tại ngày').waitFor({ timeout: 30_000 });

  // the history: the deputy's period up to the change and the secretary's up to the end are current
  const history = () => page.locator('[data-testid="records-history-TITLE"] [data-testid="history-row"]');
  await history().nth(3).waitFor();
  const deputy = history().filter({ has: page.locator('[data-testid="history-period"]', { hasText: '01/08/2025 – 31/12/2025' }) });
  await expect(deputy.textContent()).resolves.toContain('Phó Bí thư Đảng ủy');
  await expect(deputy.getAttribute('data-superseded')).resolves.toBe('false');
  const ended = history().filter({ has: page.locator('[data-testid="history-period"]', { hasText: '01/01/2026 – 31/05/2026' }) });
  await expect(ended.getAttribute('data-superseded')).resolves.toBe('false');
  await expect(ended.textContent()).resolves.toContain('Quyết định 20/QĐ-ĐU');
  await expect(ended.locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Thay đổi');
  await expect(history().filter({ hasText: '01/08/2025 – nay' }).getAttribute('data-superseded')).resolves.toBe('true');
  // who held the title on 01/09/2025: the deputy's record, as of that date
  await fillDate('person-page-as-of', '01/09/2025');
  await table().filter({ hasText: 'Phó Bí thư Đảng ủy' }).waitFor();

  // the career timeline tells the titles too, by the date each takes effect: the secretary above the deputy
  await openFileTab('Quá trình công tác');
  const items = page.locator('[data-testid="timeline-item"][data-superseded="false"]').filter({ hasText: 'Chức danh' });
  await items.nth(1).waitFor();
  await expect(items.nth(0).textContent()).resolves.toContain('01/01/2026 – 31/05/2026');
  await expect(items.nth(0).textContent()).resolves.toMatch(/(?<!Phó )Bí thư Đảng ủy/);
  await expect(items.nth(1).textContent()).resolves.toContain('01/08/2025 – 31/12/2025');
  await expect(items.nth(1).textContent()).resolves.toContain('Phó Bí thư Đảng ủy');
  // by the time recorded, the end (the latest write) comes first
  await page.locator('[data-testid="timeline-order"]').getByText('Theo thời điểm ghi nhận').click();
  await expect(timelineItems().first().textContent()).resolves.toContain('Quyết định 20/QĐ-ĐU');
});

test('a digital-skills training and an annual rating are added; a second rating of the year is refused; the rating is corrected', async () => {
  await page.goto(e.url(`/persons/${ourPersonId}`));
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Lê Văn Tám' }).waitFor();
  await openFileTab('Đào tạo, bồi dưỡng');
  await page.locator('[data-testid="entry-add-TRAINING"]').click();
  const training = page.getByRole('dialog');
  await training.locator(inputOf('entry-course')).fill('Bồi dưỡng kỹ năng số cho cán bộ cấp xã');
  await choose('entry-trainingKind', 'Kỹ năng số');
  const later = new Date(Date.now() + 2 * 24 * 3600 * 1000);
  const dd = (n: number) => String(n).padStart(2, '0');
  await typeDate('entry-dateFrom', `${dd(later.getDate())}/${dd(later.getMonth() + 1)}/${later.getFullYear()}`);
  await training.getByRole('button', { name: 'Lưu' }).click();
  await training.getByText('Ngày không được ở tương lai').waitFor();
  await typeDate('entry-dateFrom', '02/03/2026');
  await typeDate('entry-dateTo', '06/03/2026');
  await training.locator(inputOf('entry-certificate')).fill('Giấy chứng nhận số 45/GCN');
  await training.getByRole('button', { name: 'Lưu' }).click();
  const trainings = () => tableRows('entries-TRAINING');
  await trainings().filter({ hasText: 'Kỹ năng số' }).waitFor();
  await expect(trainings().first().textContent()).resolves.toContain('02/03/2026');
  await expect(trainings().first().textContent()).resolves.toContain('Giấy chứng nhận số 45/GCN');

  await openFileTab('Xếp loại hằng năm');
  const ratings = () => tableRows('entries-RATING');
  const addRating = async (year: string, rating: string) => {
    await page.locator('[data-testid="entry-add-RATING"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator(inputOf('entry-year')).fill(year);
    await choose('entry-rating', rating);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    return dialog;
  };
  await addRating('2025', 'Hoàn thành tốt nhiệm vụ');
  await ratings().filter({ hasText: 'Hoàn thành tốt nhiệm vụ' }).waitFor();
  await expect(ratings().first().textContent()).resolves.toContain('2025');
  // the server refuses a second rating of 2025: its message shows on the year
  const again = await addRating('2025', 'Hoàn thành nhiệm vụ');
  await again.getByText('Năm này đã có xếp loại; hãy đính chính xếp loại đã có').waitFor();
  await again.getByRole('button', { name: 'Hủy' }).click();
  await expect(ratings().count()).resolves.toBe(1);

  await ratings().first().locator('[data-testid="entry-correct"]').click();
  const correct = page.getByRole('dialog');
  await choose('entry-rating', 'Hoàn thành xuất sắc nhiệm vụ');
  await correct.locator('[data-testid="entry-reason"]').fill('Theo quyết định công nhận của Đảng ủy');
  await correct.getByRole('button', { name: 'Lưu' }).click();
  await confirmDialog(page);
  await ratings().filter({ hasText: 'Hoàn thành xuất sắc nhiệm vụ' }).waitFor();
  await expect(ratings().first().locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Đính chính');
  const history = () => page.locator('[data-testid="entries-history-RATING"] [data-testid="history-row"]');
  await history().nth(1).waitFor();
  await expect(history().filter({ hasText: 'Hoàn thành tốt nhiệm vụ' }).getAttribute('data-superseded')).resolves.toBe('true');
  const corrected = history().filter({ hasText: 'Hoàn thành xuất sắc nhiệm vụ' });
  await expect(corrected.getAttribute('data-superseded')).resolves.toBe('false');
  await expect(corrected.locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Đính chính');
});

test('party details and family relations are entered with the sensitive permission, and masked or withheld without it', async () => {
  await page.goto(e.url(`/persons/${ourPersonId}`));
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Lê Văn Tám' }).waitFor();
  await page.locator('[data-testid="edit-identity"]').click();
  const edit = page.getByRole('dialog');
  await fillDate('person-party-joined-on', '19/05/2015');
  await fillDate('person-party-confirmed-on', '18/05/2015');
  await edit.locator(inputOf('person-party-card-number')).fill('9301 2345');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await edit.getByText('Ngày chính thức không được trước ngày vào Đảng').waitFor();
  await edit.getByText('Số thẻ đảng viên chỉ gồm chữ số (tối đa 20 ký tự)').waitFor();
  await fillDate('person-party-confirmed-on', '19/05/2016');
  await edit.locator(inputOf('person-party-card-number')).fill('93012345');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await page.locator('[data-testid="person-party-card-number-value"]').filter({ hasText: '93012345' }).waitFor();
  await expect(page.locator('[data-testid="person-party-joined-on-value"]').textContent()).resolves.toBe('19/05/2015');
  await expect(page.locator('[data-testid="person-party-confirmed-on-value"]').textContent()).resolves.toBe('19/05/2016');
  await timelineItems().filter({ hasText: 'Số thẻ đảng viên' }).filter({ hasText: '93012345' }).waitFor();

  await openFileTab('Quan hệ gia đình');
  await page.locator('[data-testid="entry-add-FAMILY"]').click();
  const family = page.getByRole('dialog');
  await family.locator(inputOf('entry-year')).fill('2999');
  await family.getByRole('button', { name: 'Lưu' }).click();
  await family.getByText('Năm sinh không được sau năm nay').waitFor();
  await expect(family.getByText('Không được để trống').count()).resolves.toBe(2); // relation and name
  await choose('entry-relation', 'Bố');
  await family.locator(inputOf('entry-relativeName')).fill('Lê Văn Một');
  await family.locator(inputOf('entry-year')).fill('1960');
  await family.locator(inputOf('entry-occupation')).fill('Nông dân');
  await family.locator(inputOf('entry-residence')).fill('Ấp Mỹ Phú, xã Mỹ Đức');
  await family.getByRole('button', { name: 'Lưu' }).click();
  const relatives = tableRows('entries-FAMILY');
  await relatives.filter({ hasText: 'Lê Văn Một' }).waitFor();
  await expect(relatives.first().textContent()).resolves.toContain('Bố');
  await expect(relatives.first().textContent()).resolves.toContain('1960');
  await expect(relatives.first().textContent()).resolves.toContain('Ấp Mỹ Phú, xã Mỹ Đức');

  // the viewer may not read sensitive data: party details masked, family relations withheld
  await signIn(e, 'viewer', { next: `/persons/${ourPersonId}` });
  await page.locator('[data-testid="person-title"]').filter({ hasText: 'Lê Văn Tám' }).waitFor();
  for (const field of ['joined-on', 'confirmed-on', 'card-number']) {
    await expect(page.locator(`[data-testid="person-party-${field}-value"]`).textContent()).resolves.toBe('••••');
  }
  await openFileTab('Quan hệ gia đình');
  await page.locator('[data-testid="family-needs-sensitive"]').filter({ hasText: 'Cần quyền xem thông tin nhạy cảm' }).waitFor();
  await expect(page.locator('[data-testid="entry-add-FAMILY"]').count()).resolves.toBe(0);
  await openFileTab('Trình độ');
  await tableRows('records-QUALIFICATION').first().waitFor();
  await expect(page.locator('[data-testid="record-add-QUALIFICATION"]').count()).resolves.toBe(0);
  await expect(page.locator('[data-testid="record-change"]').count()).resolves.toBe(0);
  const html = await page.content();
  expect(html).not.toContain('93012345');
  expect(html).not.toContain('Lê Văn Một');
});
