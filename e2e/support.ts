import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/server/app';
import { ensureAdmin, seedDemo } from '../src/server/demo/demo.service';
import { createTestDb } from '../src/server/test/harness';
import { WEB_DIST } from '../src/server/web-build';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ADMIN_PASSWORD = 'quan-tri-e2e-2026';
export const DEMO_PASSWORD = 'hoinghi2020';

export interface Running {
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The real app on a random port with the demo conference, and Debian's Chromium (never a downloaded one). */
export async function startDemo(): Promise<Running> {
  const handle = await createTestDb();
  await ensureAdmin(handle.db, ADMIN_PASSWORD);
  await seedDemo(handle.db);
  const app = await buildApp({ handle, webRoot: WEB_DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
      await handle.close();
    },
  };
}

/** Fills the sign-in form and submits it, whatever the outcome. */
export async function submitSignIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, baseUrl, username, password);
  // The sign-in page has headings of its own: wait until it has actually been left, with the session set.
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
