import type { Page } from 'playwright-core';
import { COMMUNE_OFFICER_UNIT, TEST_PASSWORD } from '../../api/test/harness';
import { chooseOption, inputOf, signIn, signOut, startE2E, E2E } from './browser';

let e: E2E;
let page: Page;
beforeAll(async () => {
  e = await startE2E();
  page = e.page;
});
afterAll(async () => {
  await e?.close();
});

const NEW_USER = 'nguyen.van.binh';
const NEW_PASSWORD = 'Binh-Moi-2026!';

const choose = (selectTestId: string, option: string, type?: string) => chooseOption(page, selectTestId, option, type);

async function assignRole(userSearch: string, role: string, units?: { search: string; name: string }[]) {
  await page.goto(e.url('/admin/users'));
  await page.locator(inputOf('user-search')).fill(userSearch);
  await page.locator('[data-testid="user-table"] tbody tr.ant-table-row').filter({ hasText: userSearch }).first().waitFor();
  await page.getByRole('link', { name: userSearch, exact: true }).click();
  await page.locator('[data-testid="add-assignment"]').click();
  const dialog = page.getByRole('dialog');
  await choose('assign-role-select', role);
  if (units) {
    await dialog.getByText('Các đơn vị được chọn').click();
    // the shared picker checks the choice shows in the select: a click on the unfiltered list as the searched one
    // replaces it (a loaded machine) would otherwise select nothing
    for (const u of units) await choose('assign-units', u.name, u.search);
    // closes the dropdown (Escape would close the dialog itself when the dropdown has already closed)
    await dialog.locator('.ant-modal-title').click();
  }
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã phân vai trò').waitFor();
  const table = page.locator('[data-testid="assignment-table"]');
  await table.getByText(role).waitFor();
  for (const u of units ?? []) await table.getByText(u.name).waitFor();
}

test('a wrong password is refused with a Vietnamese message, and the page asked for comes back after signing in', async () => {
  await page.goto(e.url('/titles'));
  await page.waitForURL(/\/sign-in\?next=%2Ftitles/);
  await page.locator(inputOf('sign-in-username')).fill('viewer');
  await page.locator(inputOf('sign-in-password')).fill('khong-dung-mat-khau');
  await page.locator('[data-testid="sign-in-submit"]').click();
  await page.locator('[data-testid="sign-in-error"]').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu' }).waitFor();
  // the right password: back to the page asked for
  await page.locator(inputOf('sign-in-password')).fill(TEST_PASSWORD);
  await page.locator('[data-testid="sign-in-submit"]').click();
  await page.waitForURL(/\/titles$/);
  await page.getByRole('heading', { name: 'Danh mục chức danh' }).waitFor();
  // a reload keeps the session (restored from the refresh cookie)
  await page.reload();
  await page.getByRole('heading', { name: 'Danh mục chức danh' }).waitFor();
  expect(page.url()).toMatch(/\/titles$/);
  // a viewer sees no admin menu and no write buttons
  await expect(page.locator('[data-testid="main-menu"]').textContent()).resolves.not.toContain('Người dùng');
  await expect(page.getByRole('button', { name: 'Thêm chức danh' }).count()).resolves.toBe(0);
  await page.goto(e.url('/admin/users'));
  await page.getByText('Bạn không có quyền', { exact: false }).first().waitFor();
});

test('first sign-in: an admin creates a user, who must change the temporary password, then sees the units', async () => {
  await signIn(e, 'system-admin', { next: '/admin/users' });
  await page.locator('[data-testid="create-user"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator(inputOf('user-username')).fill(NEW_USER);
  await dialog.locator(inputOf('user-display-name')).fill('Nguyễn Văn Bình');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  const secret = page.locator(inputOf('temporary-password'));
  await secret.waitFor();
  const temporary = await secret.inputValue();
  expect(temporary.length).toBeGreaterThanOrEqual(10);
  await page.getByRole('button', { name: 'Tôi đã lưu lại' }).click();
  await page.locator('[data-testid="user-title"]').filter({ hasText: 'Nguyễn Văn Bình' }).waitFor();
  // a read-only role over the whole province
  await page.locator('[data-testid="add-assignment"]').click();
  await choose('assign-role-select', 'Người xem');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await page.locator('[data-testid="assignment-table"]').getByText('Người xem').waitFor();
  await signOut(page);

  // the new user signs in with the temporary password: the password change comes first
  await page.locator(inputOf('sign-in-username')).fill(NEW_USER);
  await page.locator(inputOf('sign-in-password')).fill(temporary);
  await page.locator('[data-testid="sign-in-submit"]').click();
  await page.waitForURL(/\/change-password/);
  await page.locator('[data-testid="must-change-password"]').waitFor();
  // the policy is checked while typing
  const newPassword = page.locator(inputOf('new-password'));
  await newPassword.fill('abc');
  const policy = page.locator('[data-testid="password-policy"]');
  await policy.locator('.ant-typography-danger').filter({ hasText: 'ít nhất 10 ký tự' }).waitFor();
  await newPassword.fill(`${NEW_USER}-X1!`);
  await policy.locator('.ant-typography-danger').filter({ hasText: 'không được chứa tên đăng nhập' }).waitFor();
  // the field says that the checklist is not met, without repeating its line
  await page.getByText('Mật khẩu chưa đạt các yêu cầu đánh dấu đỏ bên dưới').waitFor();
  await expect(page.getByText('không được chứa tên đăng nhập').count()).resolves.toBe(1);
  // a wrong temporary password: the server's error shows on its field
  await page.locator(inputOf('current-password')).fill('Sai-Mat-Khau-1');
  await newPassword.fill(NEW_PASSWORD);
  await page.locator(inputOf('confirm-password')).fill(NEW_PASSWORD);
  await page.locator('[data-testid="change-password-submit"]').click();
  await page.getByText('Mật khẩu hiện tại không đúng').waitFor();
  await page.locator(inputOf('current-password')).fill(temporary);
  await page.locator('[data-testid="change-password-submit"]').click();
  await page.waitForURL(/\/units$/);
  await page.getByRole('heading', { name: 'Danh sách đơn vị' }).waitFor();
  await page.locator('[data-testid="user-menu"]').filter({ hasText: 'Nguyễn Văn Bình' }).waitFor();
  await expect(page.getByRole('button', { name: 'Thêm đơn vị' }).count()).resolves.toBe(0);

  // the new password works from now on
  await signOut(page);
  await signIn(e, NEW_USER, { password: NEW_PASSWORD });
  await page.getByRole('heading', { name: 'Danh sách đơn vị' }).waitFor();
});

test('an admin creates a role with the permission checklist and assigns it over one unit', async () => {
  await signIn(e, 'system-admin', { next: '/admin/roles' });
  await page.locator('[data-testid="create-role"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator(inputOf('role-code')).fill('kiem-tra-don-vi');
  await dialog.locator(inputOf('role-name')).fill('Kiểm tra đơn vị');
  // no permission chosen: refused on the client
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.getByText('Chọn ít nhất một quyền').waitFor();
  await dialog.getByLabel('Xem đơn vị, tổ chức và biên chế').check();
  await dialog.getByLabel('Quản lý đơn vị và tổ chức').check();
  await dialog.getByLabel('Xem hồ sơ cán bộ').check();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã tạo vai trò').waitFor();
  const row = page.locator('[data-testid="role-table"] tbody tr.ant-table-row').filter({ hasText: 'Kiểm tra đơn vị' });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('Quản lý đơn vị và tổ chức');

  // edit: one permission less
  await row.getByRole('button', { name: 'Sửa' }).click();
  await dialog.getByLabel('Xem hồ sơ cán bộ').uncheck();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã cập nhật vai trò').waitFor();
  await page.waitForFunction(() => {
    const r = [...document.querySelectorAll('[data-testid="role-table"] tr')].find((tr) => tr.textContent?.includes('Kiểm tra đơn vị'));
    return r && !r.textContent?.includes('Xem hồ sơ cán bộ');
  });

  // the same code twice: the server's error on the field
  await page.locator('[data-testid="create-role"]').click();
  await dialog.locator(inputOf('role-code')).fill('kiem-tra-don-vi');
  await dialog.locator(inputOf('role-name')).fill('Trùng mã');
  await dialog.getByLabel('Xem đơn vị, tổ chức và biên chế').check();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.getByText('Mã vai trò đã được dùng').waitFor();
  await dialog.getByRole('button', { name: 'Hủy' }).click();

  await assignRole('province-officer', 'Kiểm tra đơn vị', [{ search: 'Phu Quoc', name: 'Đặc khu Phú Quốc' }]);
});

test('a commune officer sees only their unit, can edit it, and other units are not found', async () => {
  const gql = e.app.as('system-admin');
  const other = await gql<{ units: { edges: { node: { id: string } }[] } }>(
    `query { units(first: 1, filter: { search: "Phú Quốc" }) { edges { node { id } } } }`,
  );
  const otherId = other.data!.units.edges[0].node.id;

  await signIn(e, 'commune-organisation-officer');
  const rows = page.locator('[data-testid="unit-table"] tbody tr.ant-table-row');
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '1–1 trên 1' }).waitFor();
  await expect(rows.count()).resolves.toBe(1);
  await expect(rows.first().locator('td').first().textContent()).resolves.toBe(COMMUNE_OFFICER_UNIT);
  // no admin menu
  const menu = await page.locator('[data-testid="main-menu"]').textContent();
  expect(menu).toContain('Đơn vị');
  expect(menu).not.toContain('Người dùng');
  expect(menu).not.toContain('Nhật ký');

  await page.getByRole('link', { name: COMMUNE_OFFICER_UNIT }).click();
  await page.locator('[data-testid="unit-title"]').filter({ hasText: COMMUNE_OFFICER_UNIT }).waitFor();
  await page.locator('[data-testid="edit-unit"]').waitFor();
  // no establishment.manage: no establishment buttons
  await page.locator('[data-testid="establishment-HEADCOUNT"]').waitFor();
  await expect(page.getByRole('button', { name: 'Thay đổi' }).count()).resolves.toBe(0);
  await page.locator('[data-testid="edit-unit"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên ngắn').fill('Mỹ Đức');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã cập nhật đơn vị').waitFor();

  await page.goto(e.url(`/units/${otherId}`));
  await page.getByText('Không tìm thấy dữ liệu', { exact: false }).first().waitFor();
  await expect(page.locator('[data-testid="unit-title"]').count()).resolves.toBe(0);
});

test("the audit page shows the administrator's changes, with the fields before and after", async () => {
  await signIn(e, 'system-admin', { next: '/audit' });
  await page.getByRole('heading', { name: 'Nhật ký hệ thống' }).waitFor();
  const rows = page.locator('[data-testid="audit-table"] tbody tr.ant-table-row');
  await rows.first().waitFor();

  await choose('audit-operation', 'Tạo người dùng', 'người dùng');
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '1–1 trên 1' }).waitFor();
  const created = rows.first();
  await expect(created.textContent()).resolves.toContain('system-admin');
  await created.locator('.ant-table-row-expand-icon').click();
  const changes = page.locator('[data-testid="audit-changes"]');
  await changes.getByText(NEW_USER).first().waitFor();
  await expect(changes.textContent()).resolves.toContain('username');

  await choose('audit-operation', 'Phân quyền', 'Phân quyền');
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '1–2 trên 2' }).waitFor();
  // the actor filter narrows by name
  await page.locator(inputOf('audit-actor')).fill('không có ai');
  await page.locator('[data-testid="pager-range"]').filter({ hasText: 'trên 0' }).waitFor();
  await page.locator(inputOf('audit-actor')).fill('system-admin');
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '1–2 trên 2' }).waitFor();
});

test('an expired access token is renewed transparently; an expired session brings the user back to the same page', async () => {
  await signIn(e, 'viewer', { next: '/units' });
  await page.getByRole('heading', { name: 'Danh sách đơn vị' }).waitFor();
  let refreshes = 0;
  const onRequest = (r: { url: () => string }) => {
    if (r.url().endsWith('/auth/refresh')) refreshes += 1;
  };
  page.on('request', onRequest);
  // from now on the current access token counts as expired: one renewal, then the request is retried
  let staleToken: string | undefined;
  let failAll = false;
  await page.route('**/graphql', async (route) => {
    const auth = route.request().headers()['authorization'];
    staleToken ??= auth;
    if (failAll || auth === staleToken) {
      await route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED', reason: 'EXPIRED_TOKEN' } }] }),
      });
    } else await route.continue();
  });
  await page.locator(inputOf('unit-search')).fill('kien hai');
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '1–1 trên 1' }).waitFor();
  await page.locator('[data-testid="unit-table"]').getByRole('link', { name: 'Đặc khu Kiên Hải' }).waitFor();
  expect(page.url()).toMatch(/\/units\?q=kien/);
  expect(refreshes).toBe(1);

  // now the session itself has expired: the sign-in page says so, and signing in returns to the same page
  await page.route('**/auth/refresh', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'UNAUTHENTICATED', message: 'expired', reason: 'EXPIRED_REFRESH_TOKEN' }),
    }),
  );
  failAll = true;
  await page.locator(inputOf('unit-search')).fill('phu quoc');
  await page.waitForURL(/\/sign-in\?next=/);
  await page.locator('[data-testid="session-expired"]').filter({ hasText: 'Phiên đăng nhập đã hết hạn' }).waitFor();
  await page.unroute('**/auth/refresh');
  await page.unroute('**/graphql');
  page.off('request', onRequest);
  await page.locator(inputOf('sign-in-username')).fill('viewer');
  await page.locator(inputOf('sign-in-password')).fill(TEST_PASSWORD);
  await page.locator('[data-testid="sign-in-submit"]').click();
  await page.waitForURL(/\/units\?q=phu/);
  await page.locator('[data-testid="pager-range"]').filter({ hasText: '1–1 trên 1' }).waitFor();
  await page.locator('[data-testid="unit-table"]').getByRole('link', { name: 'Đặc khu Phú Quốc' }).waitFor();
});
