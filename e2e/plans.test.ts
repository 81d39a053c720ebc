import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_TIMEOUT, type Running, signIn, startDemo } from './support';

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

describe('creating a conference from a plan', { timeout: JOURNEY_TIMEOUT }, () => {
  it('an organizer uploads a plan, sees each field beside its source lines, fixes a count and creates the event', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, run.baseUrl, 'bantochuc');
    await page.getByRole('link', { name: 'Tạo từ kế hoạch' }).click();
    await page.getByRole('button', { name: 'Đọc kế hoạch' }).waitFor();
    await expectAccessible(page, 'the plan import page');
    await page.locator('input[type=file]').setInputFiles({
      name: 'ke-hoach.txt',
      mimeType: 'text/plain',
      buffer: readFileSync('src/server/plans/fixtures/ke-hoach-hai-ngay.txt'),
    });
    await page.getByRole('button', { name: 'Đọc kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Kiểm tra nội dung đọc được' }).waitFor();
    await expectAccessible(page, 'the plan review');

    // The venue field lights up the line it came from.
    await page.getByLabel('Địa điểm').focus();
    const marked = page.locator('[data-highlighted]');
    await expect(marked.first().getAttribute('data-line')).resolves.toBe('15');
    await expect(marked.first().textContent()).resolves.toContain('Hội trường UBND huyện Hoằng Hóa');
    await expect(page.getByLabel('Ngày bắt đầu').inputValue()).resolves.toBe('06/12/2015');

    await page.getByRole('tab', { name: /Thành phần/ }).click();
    const counts = page.getByLabel('Số người');
    await expect(counts.nth(2).inputValue()).resolves.toBe('31');
    await expectAccessible(page, "the plan review's composition tab");
    await counts.nth(2).fill('33');

    await page.getByRole('button', { name: 'Tạo hội nghị' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Hội nghị tập huấn Chương trình nông thôn mới năm 2015' })
      .waitFor();
    await page.getByText('Tổng cộng: 122 người').waitFor();
    await page.getByText('8h15 - 11h30:').first().waitFor();
    await page.getByText('Phòng Nông nghiệp và PTNT', { exact: true }).waitFor();
    // The plan as it was read stays with the event.
    await page.getByRole('button', { name: 'Văn bản kế hoạch gốc (như đã đọc)' }).click();
    await page.getByText(/Hoằng Hóa, ngày 20 tháng 11 năm 2015/).waitFor();
    await page.close();
  });

  it('an organizer attaches a revised plan to the demo event, reviews the differences and applies them', async () => {
    const revised = readFileSync('src/server/demo/ke-hoach-hoi-nghi-ocop-thanh-hoa-2020.txt', 'utf8')
      .replace('Dự kiến khoảng 300 đại biểu', 'Dự kiến khoảng 320 đại biểu')
      .replace('(dự kiến 10 gian hàng)', '(dự kiến 12 gian hàng)');
    const page = await run.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, run.baseUrl, 'bantochuc');
    await page
      .getByRole('link', { name: /Hội nghị tổng kết, đánh giá Chương trình mỗi xã một sản phẩm/ })
      .click();
    await page.getByRole('button', { name: 'Cập nhật theo kế hoạch' }).click();
    await page.getByLabel('Hoặc dán nội dung văn bản').fill(revised);
    await page.getByRole('button', { name: 'Đọc kế hoạch' }).click();
    const changes = page.getByRole('table', { name: 'Những thay đổi' });
    await changes.getByRole('row', { name: /Số đại biểu dự kiến\s*300\s*320/ }).waitFor();
    await changes.getByRole('row', { name: /Hoạt động bên lề/ }).waitFor();
    await expect(changes.getByRole('row').count()).resolves.toBe(3);
    await expectAccessible(page, "the revised plan's differences");
    await page.getByRole('button', { name: 'Áp dụng các thay đổi' }).click();
    await page.getByText('320 đại biểu').first().waitFor();
    await page.getByText(/\(12 gian hàng\)/).waitFor();
    await page.close();
  });

  it('says clearly when a file is not a conference document', async () => {
    const page = await run.browser.newPage();
    await signIn(page, run.baseUrl, 'bantochuc');
    await page.getByRole('heading', { name: 'Hội nghị', level: 1 }).waitFor();
    await page.goto(`${run.baseUrl}/events/from-plan`);
    await page.getByLabel('Hoặc dán nội dung văn bản').fill('Danh sách mua hàng: táo, cam, chuối');
    await page.getByRole('button', { name: 'Đọc kế hoạch' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Không nhận ra văn bản về hội nghị',
    );
    await expectAccessible(page, 'the plan import page with its error');
    await page.close();
  });
});
