import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  expectAccessible,
  JOURNEY_TIMEOUT,
  type Running,
  signIn,
  startDemo,
  submitSignIn,
} from './support';

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

describe('foundation journeys', { timeout: JOURNEY_TIMEOUT }, () => {
  it('an organizer signs in and sees the demo conference: name, venue and date', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, run.baseUrl, 'bantochuc');
    await page.getByRole('heading', { name: 'Hội nghị', level: 1 }).waitFor();
    await expectAccessible(page, 'the list of conferences');
    await page
      .getByRole('link', { name: /Hội nghị tổng kết, đánh giá Chương trình mỗi xã một sản phẩm/ })
      .click();
    const name =
      'Hội nghị tổng kết, đánh giá Chương trình mỗi xã một sản phẩm (OCOP) giai đoạn 2018 - 2020, tỉnh Thanh Hóa';
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/events\/[0-9a-f-]{36}$/);
    await page.getByText('Hội trường 25B - Thành phố Thanh Hóa').waitFor();
    await page.getByText('8h00 - 11h30, 27/11/2020').waitFor();
    // The plan gave no day; the UI says the date was chosen for the demo.
    await page.getByText('được chọn cho bản demo').waitFor();
    await page.getByText('Sở Văn hóa, Thể thao và Du lịch', { exact: true }).waitFor();
    // What the plan orders, at a glance.
    await page.getByText('Tổng cộng: 268 người').waitFor();
    await expectAccessible(page, 'the conference overview');
    await page.close();
  });

  it('switches to English and back, keeping the choice across pages', async () => {
    const page = await run.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, run.baseUrl, 'lanhdao');
    await page.getByRole('heading', { name: 'Hội nghị', level: 1 }).waitFor();
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Conferences', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(page, 'the list of conferences in English on a phone');
    await page.reload();
    await page.getByRole('heading', { name: 'Conferences', level: 1 }).waitFor();
    await page.getByText('VI', { exact: true }).click();
    await page.getByRole('heading', { name: 'Hội nghị', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await page.close();
  });

  it('a unit officer cannot open the admin pages, and the server refuses them too', async () => {
    const page = await run.browser.newPage();
    await signIn(page, run.baseUrl, 'hoanghoa');
    await page.getByRole('heading', { name: 'Hội nghị', level: 1 }).waitFor();
    await expect(page.getByRole('link', { name: 'Người dùng' }).count()).resolves.toBe(0);
    await page.goto(`${run.baseUrl}/admin/users`);
    await page.getByRole('heading', { name: 'Không có quyền truy cập' }).waitFor();
    await expectAccessible(page, 'the access-denied page');
    await expect(page.getByText('admin', { exact: true }).count()).resolves.toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/users')).status);
    expect(status).toBe(403);
    // The catalogue is readable, but not editable, for a unit officer.
    await page.goto(`${run.baseUrl}/units`);
    await page.getByText('Huyện Hoằng Hóa', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'Thêm đơn vị' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'the units catalogue, read-only');
    await page.close();
  });

  it('a wrong password shows a Vietnamese error and stays on the sign-in page', async () => {
    const page = await run.browser.newPage();
    await submitSignIn(page, run.baseUrl, 'bantochuc', 'sai-mat-khau');
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng',
    );
    expect(page.url()).toContain('/login');
    await expectAccessible(page, 'the sign-in page with its error');
    await page.close();
  });

  it('an admin imports a units sheet with a broken row: the row and column are named and nothing is imported', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook
      .addWorksheet('DS')
      .addRows([
        ['DANH SÁCH ĐƠN VỊ'],
        [],
        ['STT', 'Tên đơn vị', 'Loại'],
        [1, 'HTX Hưởng Hoa', 'Chủ thể OCOP'],
        [2, 'HTX Không Loại', 'Loại lạ'],
      ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const page = await run.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, run.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Hội nghị', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Danh mục đơn vị' }).click();
    await page.getByText('Huyện Hoằng Hóa', { exact: true }).first().waitFor();
    await expectAccessible(page, 'the units catalogue');
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'don-vi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    const problems = page.getByRole('table', { name: 'Lỗi' });
    await problems
      .getByRole('cell', { name: 'Loại "Loại lạ" không có trong danh mục loại đơn vị' })
      .waitFor();
    await expect(problems.getByRole('cell', { name: '5', exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Nhập', exact: true }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'the units import with its errors');
    await page.getByRole('button', { name: 'Đóng' }).first().click();
    await page.getByLabel('Tìm kiếm').fill('htx huong hoa');
    await page.getByText('Không có đơn vị nào khớp.').waitFor();

    // Markup and SQL in a name are stored and shown verbatim, never interpreted.
    const hostile = `<img src=x onerror="window.__pwned=1"><b>HTX</b> '); DROP TABLE units;--`;
    const created = await page.evaluate(async (name) => {
      const response = await fetch('/api/units', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'producer', shortName: 'HTX thử', name }),
      });
      return response.status;
    }, hostile);
    expect(created).toBe(201);
    await page.getByLabel('Tìm kiếm').fill('drop table');
    await page.getByText(hostile, { exact: true }).waitFor();
    await expect(page.locator('td b').count()).resolves.toBe(0);
    await expect(
      page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).resolves.toBeUndefined();
    await page.close();
  });

  it('an admin reaches the users and OCOP products pages, and pages through the products by name', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, run.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('cell', { name: 'bantochuc', exact: true }).waitFor();
    await expectAccessible(page, 'the users page');
    await page.getByRole('link', { name: 'Sản phẩm OCOP' }).click();
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await page
      .getByRole('button', { name: 'Trang 2', exact: true })
      .and(page.locator('[aria-current=page]'))
      .waitFor();
    await expectAccessible(page, 'the OCOP products register');
    await page.close();
  });
});
