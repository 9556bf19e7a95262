import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
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
