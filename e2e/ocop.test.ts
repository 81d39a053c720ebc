import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicProduct } from '../src/shared/ocop';
import { expectAccessible, JOURNEY_TIMEOUT, type Running, signIn, startDemo } from './support';

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

describe('the public OCOP showcase', { timeout: JOURNEY_TIMEOUT }, () => {
  it('a visitor on a phone filters by district and stars, opens a product, and the link keeps the filters', async () => {
    const context = await run.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    const scripts: string[] = [];
    phone.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await phone.goto(`${run.baseUrl}/san-pham`);
    await phone.getByText('76 sản phẩm').waitFor();
    await expectAccessible(phone, 'the OCOP showcase');

    await phone.getByLabel('Huyện, thị xã, thành phố').selectOption({ label: 'Huyện Hoằng Hóa (13)' });
    await phone.getByText('13 sản phẩm').waitFor();
    await phone.getByLabel('Hạng sao').selectOption({ label: '★★★★☆ 4 sao' });
    await phone
      .getByText(/^\d+ sản phẩm$/)
      .filter({ hasNotText: '13 sản phẩm' })
      .waitFor();

    const url = new URL(phone.url());
    expect(url.pathname).toBe('/san-pham');
    expect(url.searchParams.get('sao')).toBe('4');
    const districtId = url.searchParams.get('huyen')!;
    const expected = (await (
      await fetch(`${run.baseUrl}/api/public/products?districtId=${districtId}&stars=4&pageSize=60`)
    ).json()) as { items: PublicProduct[] };
    expect(expected.items.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Nước mắm', 'Mắm tôm', 'Mắm tép']),
    );
    const cards = phone.getByRole('listitem');
    await expect.poll(() => cards.count()).toBe(expected.items.length);
    expect(await cards.locator('h2').allTextContents()).toEqual(expected.items.map((p) => p.name));
    for (const stars of await cards.getByRole('img').all())
      expect(await stars.getAttribute('aria-label')).toBe('4 sao');
    for (const card of await cards.all())
      await expect.poll(() => card.textContent()).toContain('Huyện Hoằng Hóa');

    // A shared link opens the same filtered list; a product page shows producer and where to buy.
    const shared = await context.newPage();
    await shared.goto(url.toString());
    await expect.poll(() => shared.getByRole('listitem').count()).toBe(expected.items.length);
    await shared.getByRole('link', { name: /Nước mắm/ }).click();
    await shared.getByRole('heading', { name: 'Nước mắm', level: 1 }).waitFor();
    await shared.getByText('Chủ thể', { exact: true }).waitFor();
    expect(await shared.locator('dl').textContent()).toContain('Huyện Hoằng Hóa');
    await expectAccessible(shared, 'a product in the showcase');
    await shared.getByRole('link', { name: '← Danh sách sản phẩm' }).click();
    await expect.poll(() => shared.getByRole('listitem').count()).toBe(expected.items.length);

    // Accent-free search finds accented names; the page is the light showcase bundle, not the app.
    await phone.goto(`${run.baseUrl}/san-pham`);
    await phone.getByLabel('Tìm sản phẩm hoặc chủ thể').fill('ong hut tre');
    await phone.getByRole('heading', { name: 'Ống hút tre' }).waitFor();
    expect(scripts.some((s) => /\/assets\/showcase-/.test(s))).toBe(true);
    expect(scripts.some((s) => /\/assets\/main-/.test(s))).toBe(false);
    await context.close();
  });
});

describe('the award ceremony', { timeout: JOURNEY_TIMEOUT }, () => {
  it('the organizer sees the batches, names a stand-in and marks a certificate handed over', async () => {
    const page = await (await run.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, run.baseUrl, 'bantochuc');
    await page.getByRole('link', { name: /Hội nghị tổng kết, đánh giá Chương trình/ }).click();
    await page.getByRole('tab', { name: 'Trao chứng nhận' }).click();
    await page.getByText('41 người nhận · 69 sản phẩm').waitFor();
    await expectAccessible(page, 'the award ceremony tab');
    const first = page.getByRole('row').nth(1);
    await first.getByLabel('Người nhận thay').fill('Lê Thị Thay');
    const saved = page.waitForResponse((r) => r.url().includes('/awards/recipients/') && r.ok());
    await first.getByLabel('Người nhận thay').blur();
    await saved;
    await first.getByRole('checkbox', { name: 'Đã trao' }).check();
    await page.getByText('Đã trao 1').waitFor();
    await page.reload();
    await page.getByText('Đã trao 1').waitFor();
    expect(await page.getByRole('row').nth(1).getByLabel('Người nhận thay').inputValue()).toBe('Lê Thị Thay');

    // The seating tab beside it: the hall, the protocol seating and the printable sheets.
    await page.getByRole('tab', { name: 'Chỗ ngồi' }).click();
    await page.getByText(/^Đã xếp \d+ người\./).waitFor();
    await expectAccessible(page, 'the seating tab');
  });
});
