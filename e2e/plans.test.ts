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

  it('the review keeps what is typed: dd/mm/yyyy dates, 24-hour times, line breaks in duties, the window still', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, run.baseUrl, 'bantochuc');
    await page.getByRole('heading', { name: 'Hội nghị', level: 1 }).waitFor();
    await page.goto(`${run.baseUrl}/events/from-plan`);
    await page
      .getByLabel('Hoặc dán nội dung văn bản')
      .fill(readFileSync('src/server/plans/fixtures/ke-hoach-hai-ngay.txt', 'utf8'));
    await page.getByRole('button', { name: 'Đọc kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Kiểm tra nội dung đọc được' }).waitFor();

    // Focusing a field scrolls the source pane by itself: the field stays where it is on the screen.
    const venue = page.getByLabel('Địa điểm');
    await venue.scrollIntoViewIfNeeded();
    const before = await venue.boundingBox();
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await venue.focus();
    await page.locator('[data-highlighted][data-line="15"]').waitFor();
    await page.waitForTimeout(800); // the pane scrolls smoothly; give it the time to finish
    expect(await venue.boundingBox()).toEqual(before);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

    // Times are 24-hour text, never "08:00 AM"; "14h30" typed becomes 14:30.
    const startTime = page.getByLabel('Giờ bắt đầu');
    expect(await startTime.inputValue()).toBe('07:30');
    expect(await startTime.getAttribute('type')).not.toBe('time');
    await startTime.fill('14h30');
    await startTime.press('Tab');
    expect(await startTime.inputValue()).toBe('14:30');

    // A date typed as dd/mm/yyyy is kept; an impossible one is refused with a clear message.
    const startDate = page.getByLabel('Ngày bắt đầu');
    await startDate.fill('27/11/2020');
    await startDate.press('Tab');
    expect(await startDate.inputValue()).toBe('27/11/2020');
    const endDate = page.getByLabel('Ngày kết thúc');
    await endDate.fill('31/02/2020');
    await endDate.press('Tab');
    await page.getByText('Ngày "31/02/2020" không hợp lệ').waitFor();
    await endDate.fill('28/11/2020');
    await endDate.press('Tab');
    expect(await endDate.inputValue()).toBe('28/11/2020');
    await expect(page.getByText('Ngày "31/02/2020" không hợp lệ').count()).resolves.toBe(0);

    // Enter at the end of a duty keeps the line break.
    await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
    const duties = page.getByLabel('Nhiệm vụ (mỗi dòng một nhiệm vụ)').first();
    await duties.click();
    await duties.press('Control+End');
    await duties.press('Enter');
    await duties.pressSequentially('Thẩm định hồ sơ');
    expect(await duties.inputValue()).toBe('Chủ trì chuẩn bị tài liệu, hội trường\nThẩm định hồ sơ');

    // Signer, legal bases and recipients are shown for review.
    await page.getByRole('tab', { name: 'Văn bản' }).click();
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Lê Đình Thọ');
    expect(await page.getByLabel('Thẩm quyền ký').inputValue()).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(await page.getByLabel('Số, ký hiệu').inputValue()).toBe('88/KH-UBND');
    await page.getByText('UBND các xã (để thực hiện)', { exact: true }).waitFor();
    await page.getByText('Nơi nhận (2)').waitFor();
    await expectAccessible(page, "the plan review's document tab");

    await page.getByRole('button', { name: 'Tạo hội nghị' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Hội nghị tập huấn Chương trình nông thôn mới năm 2015' })
      .waitFor();
    const eventUrl = page.url();

    // The edit page shows the typed day and takes a new one typed the same way.
    await page.goto(`${eventUrl}/edit`);
    const editStart = page.getByLabel('Ngày bắt đầu');
    await expect.poll(() => editStart.inputValue()).toBe('27/11/2020');
    expect(await page.getByLabel('Giờ bắt đầu').inputValue()).toBe('14:30');
    await editStart.fill('26/11/2020');
    await editStart.press('Tab');
    expect(await editStart.inputValue()).toBe('26/11/2020');
    await page.getByLabel('Ngày kết thúc').fill('26/11/2020');
    await page.getByLabel('Ngày kết thúc').press('Tab');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(eventUrl);
    await page.goto(`${eventUrl}/edit`);
    await expect.poll(() => page.getByLabel('Ngày bắt đầu').inputValue()).toBe('26/11/2020');
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
