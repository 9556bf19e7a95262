import type { Page } from 'playwright-core';
import { inputOf, signIn, startE2E, E2E } from './browser';

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

/** Picks an option of an antd Select (typing first when the select searches). */
async function choose(selectTestId: string, option: string | RegExp, type?: string) {
  await page.locator(`[data-testid="${selectTestId}"]`).click();
  if (type) await page.keyboard.type(type);
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await (typeof option === 'string' ? options.and(page.locator(`[title="${option}"]`)) : options.filter({ hasText: option })).first().click();
}

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
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Đã đính chính').waitFor();
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
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await options.first().waitFor();
  await expect(options.allTextContents()).resolves.toEqual(['Xã Mỹ Đức']);
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
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Đã đính chính').waitFor();
  const corrected = timelineItems().filter({ hasText: 'Công chức Tài chính - Kế toán ngân sách' });
  await corrected.waitFor();
  await expect(corrected.locator('[data-testid="record-kind"]').textContent()).resolves.toBe('Đính chính');
  await expect(corrected.getAttribute('data-superseded')).resolves.toBe('false');
  await expect(page.locator('[data-testid="timeline-item"][data-superseded="true"]').count()).resolves.toBe(2);
  await page.locator('[data-testid="person-assignment"]').filter({ hasText: 'Công chức Tài chính - Kế toán ngân sách' }).waitFor();
});
