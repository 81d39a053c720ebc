import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_TIMEOUT, type Running, signIn, startDemo } from './support';

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

/** A small one-page PDF, as a scanner would send. */
function scanPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A6' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Ban ky hop dong - mau');
    doc.end();
  });
}

const TITLE = 'Hợp đồng cung ứng thảm cói Nga Sơn (kiểm thử)';

describe('the signing ceremony', { timeout: JOURNEY_TIMEOUT }, () => {
  it('the organizer adds an agreement, marks it signed with a scan and finds it in the signing list', async () => {
    const page = await (await run.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, run.baseUrl, 'bantochuc');
    await page.getByRole('link', { name: /Hội nghị tổng kết, đánh giá Chương trình/ }).click();
    await page.getByRole('tab', { name: 'Ký kết' }).click();
    // The demo's sample agreements with the three chains of the plan.
    await page.getByText(/Hợp đồng cung ứng gạo nếp cái hoa vàng/).waitFor();
    await page.getByText('Đợt 1', { exact: true }).waitFor();
    await expectAccessible(page, 'the signings tab');

    await page.getByRole('button', { name: 'Thêm thỏa thuận' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên văn bản').fill(TITLE);
    await dialog.getByLabel('Bên bán (chủ thể OCOP)', { exact: true }).fill('Ngân Khương');
    await page.getByRole('option', { name: 'Công ty TNHH Ngân Khương' }).click();
    await dialog.getByLabel('Người ký — Bên bán (chủ thể OCOP)').click();
    await page.getByRole('option').first().click();
    await dialog.getByLabel('Bên mua (siêu thị, nhà phân phối)', { exact: true }).fill('GO!');
    await page.getByRole('option', { name: /GO! Thanh Hóa \(Big C/ }).click();
    await dialog.getByLabel('Người ký — Bên mua (siêu thị, nhà phân phối)').click();
    await page.getByRole('option').first().click();
    await dialog.getByLabel('Sản phẩm (trong danh mục OCOP của bên bán)').click();
    await page.getByRole('option', { name: 'Thảm cói trải sàn' }).click();
    await dialog.getByLabel('Tên văn bản').click();
    await dialog.getByLabel('Giá trị (đồng)').fill('120000000');
    await expectAccessible(page, 'the agreement form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('Dự thảo').waitFor();
    expect(await row.textContent()).toContain('120.000.000 đ');
    await row.getByRole('button', { name: 'Sẵn sàng ký' }).click();
    await row.getByRole('button', { name: 'Đánh dấu đã ký' }).click();
    const sign = page.getByRole('dialog');
    await sign.locator('input[type=file]').setInputFiles({
      name: 'ban-ky.pdf',
      mimeType: 'application/pdf',
      buffer: await scanPdf(),
    });
    await expectAccessible(page, 'the sign dialog');
    await sign.getByRole('button', { name: 'Xác nhận' }).click();
    await sign.waitFor({ state: 'detached' });
    await row.getByText('Đã ký').waitFor();
    await row.getByRole('link', { name: 'Bản scan' }).waitFor();

    // Laid out on stage, it appears in the signing list the MC reads.
    await page.getByRole('button', { name: 'Xếp lễ ký' }).click();
    await page.getByText('Chưa xếp đợt').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Danh sách ký kết (DOCX)' }).click(),
    ]);
    const path = await download.path();
    const zip = await JSZip.loadAsync(await (await import('node:fs/promises')).readFile(path));
    const text = (await zip.file('word/document.xml')!.async('string'))
      .normalize('NFC')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain('DANH SÁCH KÝ KẾT');
    expect(text).toContain(TITLE);
    expect(text).toContain('Công ty TNHH Ngân Khương');
    expect(text).toContain('120.000.000 đ');
    expect(text).toContain('Siêu thị WinMart Thanh Hóa (Vinmart, WinCommerce)');

    await page.getByRole('tab', { name: 'Gian hàng' }).click();
    await page.getByText('10 gian, đã giao 10', { exact: false }).waitFor();
    await expectAccessible(page, 'the booths tab');

    // A delegate's reply page leads to the public booth map.
    const eventId = new URL(page.url()).pathname.split('/')[2]!;
    const delegates = await page.request.get(`${run.baseUrl}/api/events/${eventId}/delegates?pageSize=1`);
    const delegateId = ((await delegates.json()) as { items: { id: string }[] }).items[0]!.id;
    const link = await page.request.post(
      `${run.baseUrl}/api/events/${eventId}/delegates/${delegateId}/reply-link`,
    );
    const { token } = (await link.json()) as { token: string };
    await page.goto(`${run.baseUrl}/r/${token}`);
    const toMap = page.getByRole('link', { name: 'Xem sơ đồ gian hàng trưng bày sản phẩm OCOP' });
    expect(await toMap.getAttribute('href')).toBe('/san-pham/gian-hang');
  });

  it('a visitor opens the booth map from the showcase on a phone: producers and products, no phone or email', async () => {
    const context = await run.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    await phone.goto(`${run.baseUrl}/san-pham`);
    await phone.getByRole('link', { name: 'Sơ đồ gian hàng hội nghị' }).click();
    await phone.getByRole('heading', { name: 'Sơ đồ gian hàng', level: 1 }).waitFor();
    const floor = phone.getByRole('list', { name: 'Mặt bằng gian hàng' });
    await expect.poll(() => floor.getByRole('listitem').count()).toBe(10);
    await phone.getByRole('heading', { name: 'Gian 1: Công ty TNHH ViBaBo' }).waitFor();
    await phone.getByRole('link', { name: 'Ống hút tre' }).waitFor();
    await expectAccessible(phone, 'the public booth map');

    const html = await phone.content();
    const api = await (await fetch(`${run.baseUrl}/api/public/booths`)).text();
    for (const body of [html, api]) {
      expect(body).not.toMatch(/\b0\d{9}\b|\b0\d{3} \d{3} \d{3}\b|\+84/);
      expect(body).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    }
    // The people in charge are in the organizer's list, never on the public page.
    expect(html).toContain('Công ty TNHH Ngân Khương');
    await context.close();
  });
});
