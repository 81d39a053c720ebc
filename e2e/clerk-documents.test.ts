import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_TIMEOUT, type Running, signIn, startDemo } from './support';

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

describe('the clerk’s documents', { timeout: JOURNEY_TIMEOUT }, () => {
  it('the organizer downloads the sign-in sheet, and is asked before printing a certificate with no number', async () => {
    const page = await (await run.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, run.baseUrl, 'bantochuc');
    await page.getByRole('link', { name: /Hội nghị tổng kết, đánh giá Chương trình/ }).click();
    await page.getByRole('tab', { name: 'Đại biểu' }).click();
    await page.getByRole('button', { name: 'Giấy tờ văn thư' }).click();
    await expectAccessible(page, 'the clerk documents menu');
    const [sheet] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Danh sách ký nhận — Word (.docx)' }).click(),
    ]);
    expect(sheet.suggestedFilename()).toMatch(/ký nhận\.docx$|ky-nhan\.docx$/);

    // A certificate of a new decision, not numbered yet.
    const { items } = await (await page.request.get(`${run.baseUrl}/api/products?pageSize=1`)).json();
    const created = await page.request.post(`${run.baseUrl}/api/products`, {
      data: {
        name: 'Nem chua mẫu chưa cấp số',
        groupId: 'g1048-1',
        producerId: items[0].producerId,
        stars: 3,
        evaluationYear: 2020,
        decisionNumber: '999/QĐ-UBND',
        decisionDate: '2020-11-20',
      },
    });
    expect(created.status()).toBe(201);

    await page.getByRole('tab', { name: 'Trao chứng nhận' }).click();
    await page.getByRole('textbox', { name: 'Số quyết định, ví dụ 5445/QĐ-UBND' }).fill('999/QĐ-UBND');
    await page.getByRole('button', { name: 'In theo quyết định' }).click();
    const dialog = page.getByRole('dialog', { name: 'Giấy chứng nhận chưa có số' });
    await dialog.getByText('1/1 giấy chứng nhận chưa có số').waitFor();
    await expectAccessible(page, 'the blank certificate number question');
    const [certificate] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Vẫn in, để trống số' }).click(),
    ]);
    expect(certificate.suggestedFilename()).toMatch(/\.pdf$/);
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();
  });
});
