import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeDelegateList } from '../src/server/delegates/fixtures/office-list';
import { expectAccessible, JOURNEY_TIMEOUT, type Running, signIn, startDemo } from './support';

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

const DEMO_EVENT = /Hội nghị tổng kết, đánh giá Chương trình mỗi xã một sản phẩm/;
const DISTRICT_GROUP = /^Đại diện Lãnh đạo Huyện ủy, UBND/;

describe('units register their own delegates', { timeout: JOURNEY_TIMEOUT }, () => {
  it('a district officer imports their list, fixes a bad row, submits; the organizer sees the fill rate change', async () => {
    // The organizer looks at the fill per unit first: two of Hoằng Hóa's three seats are open.
    const organizer = await (
      await run.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signIn(organizer, run.baseUrl, 'bantochuc');
    await organizer.getByRole('link', { name: DEMO_EVENT }).click();
    await organizer.getByRole('tab', { name: 'Thành phần, chỉ tiêu' }).click();
    const hoangHoaFill = organizer.getByTestId('unit-fill-Huyện Hoằng Hóa');
    await expect(hoangHoaFill.textContent()).resolves.toContain('1/3');
    await expectAccessible(organizer, 'the composition and quotas tab');
    const eventUrl = organizer.url();

    const officer = await (
      await run.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signIn(officer, run.baseUrl, 'hoanghoa');
    await officer.getByRole('link', { name: DEMO_EVENT }).click();
    await officer.getByRole('tab', { name: 'Đại biểu' }).click();
    await officer.getByRole('link', { name: 'Nhập từ Excel/CSV' }).click();
    await officer.getByRole('heading', { name: 'Nhập danh sách đại biểu' }).waitFor();
    await expectAccessible(officer, 'the delegate import page');

    await officer.getByLabel('Thành phần', { exact: true }).first().click();
    await officer.getByRole('option', { name: DISTRICT_GROUP }).click();
    const file = await officeDelegateList([
      ['Lê Đình Khôi', 'Phó Chủ tịch UBND huyện', 'UBND huyện Hoằng Hóa', 912777001],
      ['Nguyễn Thị Hằng', 'Phó Chánh Văn phòng Điều phối NTM huyện', 'UBND huyện Hoằng Hóa', '0912 77 700x'],
    ]);
    await officer.locator('input[type=file]').setInputFiles({
      name: 'DS Hoang Hoa.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await officer.getByText('Trang "DS dai bieu": 2 dòng, 1 dòng hợp lệ, 1 dòng có lỗi.').waitFor();
    const badRow = officer.getByTestId('import-row-8');
    await badRow.getByText(/có chữ cái/).waitFor();
    await expect(officer.getByRole('button', { name: 'Nhập cả 2 dòng' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(officer, 'the delegate import preview with a bad row');

    // The officer corrects the phone right in the preview and checks again.
    await badRow.getByRole('textbox', { name: 'Số điện thoại dòng 8' }).fill('0912 777 002');
    await officer.getByRole('button', { name: 'Kiểm tra lại' }).click();
    await officer.getByText('Trang "DS dai bieu": 2 dòng, 2 dòng hợp lệ, 0 dòng có lỗi.').waitFor();
    await officer.getByRole('button', { name: 'Nhập cả 2 dòng' }).click();
    await officer.getByText('Đã nhập 2 đại biểu.').waitFor();
    await officer.getByText('Nguyễn Thị Hằng', { exact: true }).waitFor();
    await officer.getByText('0912 777 002').waitFor();
    await expectAccessible(officer, "a district officer's list of delegates");

    // The officer sees only their own district's people.
    await officer.getByLabel('Tìm đại biểu').fill('nga son');
    await officer.getByText('Không có đại biểu nào khớp.').waitFor();

    await organizer.goto(eventUrl);
    await expect(organizer.getByTestId('unit-fill-Huyện Hoằng Hóa').textContent()).resolves.toContain('3/3');
    await organizer.getByRole('tab', { name: 'Đại biểu' }).click();
    await organizer.getByLabel('Tìm đại biểu').fill('le dinh khoi');
    await organizer.getByText('Lê Đình Khôi', { exact: true }).waitFor();
    await expectAccessible(organizer, "the organizer's list of delegates");
    await organizer.context().close();
    await officer.context().close();
  });
});
