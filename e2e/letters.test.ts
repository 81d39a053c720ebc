import { readFile } from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  E2E_PUBLIC_URL,
  expectAccessible,
  JOURNEY_TIMEOUT,
  type Running,
  signIn,
  startDemo,
} from './support';

let run: Running;
beforeAll(async () => {
  // As `npm start` runs the demo: no PUBLIC_URL, so an administrator sets the address in the app.
  run = await startDemo({ publicUrl: null });
});
afterAll(() => run.close());

const DEMO_EVENT = /Hội nghị tổng kết, đánh giá Chương trình mỗi xã một sản phẩm/;

describe('letters a clerk can sign', { timeout: JOURNEY_TIMEOUT }, () => {
  it('the public address is set, the issue date and recipients too, and one letter comes out with them', async () => {
    const organizer = await (
      await run.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signIn(organizer, run.baseUrl, 'bantochuc');
    await organizer.getByRole('link', { name: DEMO_EVENT }).click();
    await organizer.getByRole('tab', { name: 'Đại biểu' }).click();
    // Where the organizer prints, the page says why letters cannot be printed yet and how to fix it.
    await organizer
      .getByTestId('no-public-url')
      .getByText(/PUBLIC_URL=https:\/\//)
      .waitFor();
    await expectAccessible(organizer, 'the delegates tab without a public address');
    const eventUrl = organizer.url();

    const admin = await (await run.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(admin, run.baseUrl, 'admin', ADMIN_PASSWORD);
    await admin.getByRole('link', { name: 'Cài đặt' }).click();
    await admin.getByRole('heading', { name: 'Cài đặt' }).waitFor();
    await admin
      .getByTestId('public-url-applies')
      .getByText(/Chưa có địa chỉ công khai/)
      .waitFor();
    await expectAccessible(admin, 'the settings page');
    await admin.getByLabel('Địa chỉ công khai').fill('http://localhost:3000');
    await admin.getByRole('button', { name: 'Lưu' }).click();
    await admin.getByText(/chỉ dùng được trên chính máy chủ/).waitFor();
    await admin.getByLabel('Địa chỉ công khai').fill(`${E2E_PUBLIC_URL}/`);
    await admin.getByRole('button', { name: 'Lưu' }).click();
    await admin.getByText(`Đang dùng ${E2E_PUBLIC_URL} (đặt trong ứng dụng).`).waitFor();
    await admin.context().close();

    await organizer.goto(eventUrl);
    await organizer.getByRole('tab', { name: 'Đại biểu' }).click();
    await organizer.getByRole('button', { name: 'Giấy mời', exact: true }).click();
    await organizer.getByRole('menuitem', { name: 'Sửa mẫu giấy mời' }).click();
    const dialog = organizer.getByRole('dialog', { name: 'Mẫu giấy mời' });
    await dialog.getByLabel('Ngày ban hành').waitFor();
    await expect(organizer.getByTestId('no-public-url').count()).resolves.toBe(0);
    await dialog.getByLabel('Ngày ban hành').fill('10/11/2020');
    await dialog
      .getByLabel('Nơi nhận (mỗi dòng một nơi)')
      .fill('Như trên\nVăn phòng UBND tỉnh (để b/c)\nLưu: VT, VPĐP');
    await dialog.getByLabel('Người liên hệ (họ tên)').fill('Lê Thị Hoa (mẫu)');
    await dialog.getByLabel('Điện thoại người liên hệ').fill('0912345678');
    await expectAccessible(organizer, 'the invitation template dialog');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });

    const firstRow = organizer.getByRole('row').nth(1);
    await firstRow.getByRole('button', { name: /Thao tác với/ }).click();
    const [download] = await Promise.all([
      organizer.waitForEvent('download'),
      organizer.getByRole('menuitem', { name: 'Giấy mời (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^GM \d+ - .+\.pdf$/);
    const parser = new PDFParse({ data: new Uint8Array(await readFile((await download.path())!)) });
    const text = (await parser.getText()).text.normalize('NFC');
    await parser.destroy();
    expect(text).toContain('ngày 10 tháng 11 năm 2020');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('- Văn phòng UBND tỉnh (để b/c);');
    expect(text).toContain('- Lưu: VT, VPĐP.');
    expect(text).toContain(`${E2E_PUBLIC_URL}/r/`);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
    await organizer.context().close();
  });
});
