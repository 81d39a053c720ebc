import type { AddressInfo } from 'node:net';
import axe from 'axe-core';
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

/** The public address journeys print on letters and badges (PUBLIC_URL), unless one asks for none. */
export const E2E_PUBLIC_URL = 'https://hoinghi.example.gov.vn';

/**
 * The real app on a random port with the demo conference, and Debian's Chromium (never a downloaded one).
 * `publicUrl: null` starts it without PUBLIC_URL, as `npm start` does: an administrator sets it in the app.
 */
export async function startDemo(options: { publicUrl?: string | null } = {}): Promise<Running> {
  const handle = await createTestDb();
  await ensureAdmin(handle.db, ADMIN_PASSWORD);
  await seedDemo(handle.db);
  const publicUrl = options.publicUrl === undefined ? E2E_PUBLIC_URL : options.publicUrl;
  const app = await buildApp({ handle, webRoot: WEB_DIST, publicUrl });
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

/**
 * A journey's time limit: each axe pass measures every text's contrast and takes seconds on a shared
 * machine, so a journey that checks five pages outgrows the project's 60 s default.
 */
export const JOURNEY_TIMEOUT = 180_000;

/** What the journeys refuse: axe's two worst levels, the ones that block a screen reader or keyboard user. */
const BLOCKING_IMPACTS: readonly string[] = ['serious', 'critical'];

/**
 * Runs axe-core on the page as it is now and throws with a readable list when any serious or critical
 * violation is found. Call it once the page (or the modal, tab or menu just opened) has finished loading.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // Contrast is measured on what is painted: let Mantine's fades and slides finish first.
  // Endless ones (a loader's spin) never finish and are left alone.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => null)),
    ),
  );
  if (!(await page.evaluate(() => 'axe' in window))) {
    try {
      await page.addScriptTag({ content: axe.source });
    } catch {
      // A Content-Security-Policy without 'unsafe-inline' refuses the tag; DevTools evaluation is not subject to it.
    }
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  }
  const violations = await page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
      // WCAG 2.2's 24 px targets are off by default in axe 4; the hall-floor pages are used on phones.
      rules: { 'target-size': { enabled: true } },
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), html: n.html })),
    }));
  });
  const blocking = violations.filter((v) => v.impact !== null && BLOCKING_IMPACTS.includes(v.impact));
  if (blocking.length === 0) return;
  const lines = blocking.flatMap((v) => [
    `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s)`,
    ...v.nodes.slice(0, 8).map((n) => `    ${n.target}\n      ${n.html.replace(/\s+/g, ' ').slice(0, 160)}`),
    ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : []),
  ]);
  throw new Error(`Accessibility violations on ${where} (${page.url()}):\n${lines.join('\n')}`);
}
