import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { bootTestApp, TEST_PASSWORD, TestApp } from '../../api/test/harness';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian `chromium` (apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}

export interface E2E {
  app: TestApp;
  context: BrowserContext;
  page: Page;
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Boots the API (own database, migrated and seeded) serving the built SPA, and a fresh headless Chromium. */
export async function startE2E(): Promise<E2E> {
  const webDist = path.resolve(__dirname, '../../../dist/web');
  if (!fs.existsSync(path.join(webDist, 'index.html'))) throw new Error('dist/web is missing: build the web app first (nx run web:build)');
  const app = await bootTestApp({ webDistDir: webDist });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1400, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15000);
  return {
    app,
    context,
    page,
    url: (p) => `${app.baseUrl}${p}`,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
      await app.close();
    },
  };
}

/** The input of an antd field marked with a test id (antd puts the id on the input or on its wrapper). */
export const inputOf = (id: string) => `input[data-testid="${id}"], [data-testid="${id}"] input`;

/**
 * Signs in through the sign-in page (after dropping any session of the browser) and waits for the app to
 * show `next` (default: the unit list).
 */
export async function signIn(e: E2E, username: string, options: { password?: string; next?: string } = {}): Promise<void> {
  const { password = TEST_PASSWORD, next = '/units' } = options;
  const page = e.page;
  await e.context.clearCookies();
  await page.goto(e.url(`/sign-in?next=${encodeURIComponent(next)}`));
  await page.locator(inputOf('sign-in-username')).fill(username);
  await page.locator(inputOf('sign-in-password')).fill(password);
  await page.locator('[data-testid="sign-in-submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  // the user menu shows once `me` has answered
  await page.locator('[data-testid="user-menu"]').filter({ hasText: /\S/ }).waitFor();
}

/** Signs out through the user menu. */
export async function signOut(page: Page): Promise<void> {
  await page.locator('[data-testid="user-menu"]').click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.waitForURL(/\/sign-in/);
}

/**
 * Picks an option of an antd Select (typing first when the select searches), and checks that the select shows it:
 * a click that lands while the dropdown is still opening (a loaded machine) is tried again.
 */
export async function chooseOption(page: Page, selectTestId: string, option: string | RegExp, type?: string): Promise<void> {
  const select = page.locator(`[data-testid="${selectTestId}"]`);
  const shown = async () => {
    // a named option: the select's value (single) or one of its tags (multiple) is exactly it, not a longer
    // label containing it ("Phó Bí thư Đảng ủy" is not "Bí thư Đảng ủy")
    if (typeof option === 'string') {
      return (await select.locator(`.ant-select-content[title="${option}"], .ant-select-content-value[title="${option}"], .ant-select-selection-item[title="${option}"]`).count()) > 0;
    }
    // an anchored pattern names the option alone; the select shows it among other text
    return new RegExp(option.source.replace(/^\^|\$$/g, ''), option.flags).test((await select.textContent()) ?? '');
  };
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (type) await page.keyboard.type(type);
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const wanted = (typeof option === 'string' ? options.and(page.locator(`[title="${option}"]`)) : options.filter({ hasText: option })).first();
    await wanted.click();
    for (let i = 0; i < 10 && !(await shown()); i++) await page.waitForTimeout(100);
    if (await shown()) return;
    if (attempt === 3) throw new Error(`the select ${selectTestId} does not show ${String(option)} after 3 attempts`);
    await page.keyboard.press('Escape');
  }
}

/** Keeps a full-page screenshot of the last state of each test in tmp/e2e (the repository's ignored tmp/). */
export function screenshotEachTest(page: () => Page | undefined): void {
  afterEach(async () => {
    const current = page();
    if (!current) return;
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-').slice(0, 100);
    const dir = path.resolve(__dirname, '../../../tmp/e2e');
    fs.mkdirSync(dir, { recursive: true });
    await current.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true }).catch(() => undefined);
  });
}

/**
 * Confirms the open confirmation dialog (antd Modal.confirm) and waits until it has closed. On a loaded machine a
 * click landing while the dialog still opens can be lost: the button is clicked again while the dialog stays open
 * and is not busy (a busy button shows the write in progress, and a second click on it does nothing).
 */
export async function confirmDialog(page: Page, name = 'Xác nhận'): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm');
  const button = dialog.getByRole('button', { name });
  for (let attempt = 1; ; attempt++) {
    await button.click();
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      if (await button.evaluate((b) => b.classList.contains('ant-btn-loading')).catch(() => false)) {
        // the write is under way: wait for it rather than clicking again
        await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
        return;
      }
      if (!(await dialog.isVisible())) return;
    }
  }
}

/** Waits for a dialog to close once its form is saved: a refusal stays in the dialog, and the error tells its text. */
export async function dialogClosed(dialog: Locator, timeout = 30_000): Promise<void> {
  await dialog.waitFor({ state: 'hidden', timeout }).catch(async (error: Error) => {
    throw new Error(`${error.message}\nthe dialog still shows: ${await dialog.textContent().catch(() => '?')}`);
  });
}
