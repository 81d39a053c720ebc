import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DistrictRow, districtDelegateList } from '../src/server/delegates/fixtures/office-list';
import type { Composition } from '../src/shared/delegates';
import { expectAccessible, JOURNEY_TIMEOUT, type Running, signIn, startDemo } from './support';

/** Everyday use: a district's real list imported, the change log read, a forgotten password reset. */

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

const DEMO_EVENT = /Hội nghị tổng kết, đánh giá Chương trình mỗi xã một sản phẩm/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Hoằng Hóa's list, as the district sends it: short group names, a commune the catalogue lacks, the first person
// twice, a broken phone, and the signature block under the table.
const ROWS: DistrictRow[] = [
  ['Lê Văn Hùng', 'Phó Chủ tịch UBND huyện', 'UBND huyện Hoằng Hóa', 'Lãnh đạo huyện', 912345678],
  [
    'Trịnh Thị Mai',
    'Chánh Văn phòng',
    'Văn phòng Điều phối NTM huyện Hoằng Hóa',
    'Văn phòng Điều phối NTM huyện',
    '0913.222.333',
  ],
  ['Phạm Thị Thu', 'Phó Chủ tịch UBND xã', 'UBND xã Hoằng Xuân', 'Xã có sản phẩm OCOP', '+84 915 777 888'],
  ['Lê Văn Hùng', 'Phó Chủ tịch UBND huyện', 'UBND huyện Hoằng Hóa', 'Lãnh đạo huyện', '0912 345 678'],
  ['Đỗ Thị Hạnh', 'Chuyên viên', 'UBND huyện Hoằng Hóa', 'Lãnh đạo huyện', '12345'],
];

describe('everyday use', { timeout: JOURNEY_TIMEOUT }, () => {
  it('a district officer removes rows, adds a commune and imports their real list', async () => {
    const organizer = await (
      await run.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signIn(organizer, run.baseUrl, 'bantochuc');
    const events = (await (await organizer.request.get(`${run.baseUrl}/api/events`)).json()) as {
      id: string;
    }[];
    const eventId = events[0]!.id;
    // The organizer gives Hoằng Hóa one more place among the communes (the demo fills every commune's seat).
    const composition = (await (
      await organizer.request.get(`${run.baseUrl}/api/events/${eventId}/composition`)
    ).json()) as Composition;
    const communes = composition.groups.find((g) => g.title.startsWith('Đại diện các xã'))!;
    let raised = false;
    const seats = communes.seats.map((s) => {
      if (!raised && s.parentUnitName === 'Huyện Hoằng Hóa') {
        raised = true;
        return { unitId: s.unitId, quota: s.quota + 1 };
      }
      return { unitId: s.unitId, quota: s.quota };
    });
    expect(raised).toBe(true);
    const put = await organizer.request.put(
      `${run.baseUrl}/api/events/${eventId}/composition/groups/${communes.id}/seats`,
      { data: { seats } },
    );
    expect(put.status()).toBe(200);

    const officer = await (
      await run.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signIn(officer, run.baseUrl, 'hoanghoa');
    await officer.goto(`${run.baseUrl}/events/${eventId}/delegates/import`);
    await officer.getByRole('heading', { name: 'Nhập danh sách đại biểu' }).waitFor();
    await officer.locator('input[type=file]').setInputFiles({
      name: 'DS dai bieu Hoang Hoa.xlsx',
      mimeType: XLSX,
      buffer: await districtDelegateList(ROWS),
    });
    const summary = officer.getByText(/^Trang "Danh sách": \d+ dòng/);
    // Five people read, the footer not among them; two good at once (groups matched by their short names).
    await expect.poll(() => summary.textContent()).toMatch(/5 dòng, 2 dòng hợp lệ, 3 dòng có lỗi/);
    await expect(officer.getByText('Nguyễn Văn Bình').count()).resolves.toBe(0);
    await officer.getByText(/Trùng họ tên và đơn vị: trùng với dòng 7/).waitFor();
    await officer.screenshot({ path: 'dist/everyday-import-preview.png', fullPage: true });
    await expectAccessible(officer, 'the import preview of a district list');

    // The duplicate and the broken row go; the unknown commune is added under the district.
    await officer.getByRole('button', { name: 'Bỏ dòng 11' }).click();
    await expect.poll(() => summary.textContent()).toMatch(/4 dòng, 2 dòng hợp lệ/);
    await officer.getByRole('button', { name: 'Bỏ dòng 12' }).click();
    await expect.poll(() => summary.textContent()).toMatch(/3 dòng, 2 dòng hợp lệ, 1 dòng có lỗi/);
    await officer.getByRole('button', { name: 'Thêm Xã Hoằng Xuân (xã thuộc Huyện Hoằng Hóa)' }).click();
    await expect.poll(() => summary.textContent()).toMatch(/3 dòng, 3 dòng hợp lệ, 0 dòng có lỗi/);
    await officer.getByText('Sẽ thêm vào danh mục:').waitFor();
    await expectAccessible(officer, 'the import preview, corrected');
    await officer.getByRole('button', { name: 'Nhập cả 3 dòng' }).click();
    await officer.getByText(/Đã nhập 3 đại biểu\. Đã thêm vào danh mục: Xã Hoằng Xuân\./).waitFor();

    const thu = (await (
      await officer.request.get(`${run.baseUrl}/api/events/${eventId}/delegates?q=pham thi thu`)
    ).json()) as { items: { unitName: string | null; phone: string | null }[] };
    expect(thu.items[0]).toMatchObject({ unitName: 'Xã Hoằng Xuân', phone: '0915777888' });
  });

  it('the organizer reads the change log in words, resets a password, and sees when people last signed in', async () => {
    const page = await (await run.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, run.baseUrl, 'bantochuc');
    await page.getByRole('link', { name: DEMO_EVENT }).click();
    // The overview reads the capacity from the hall layout when none was typed.
    await page.getByText(/^\d+ chỗ \(theo sơ đồ Hội trường 25B\)$/).waitFor();

    // The delegate list: status badges whole, never "Xác nh…".
    await page.getByRole('tab', { name: 'Đại biểu' }).click();
    await page.getByText('Xác nhận dự').first().waitFor();
    const cut = await page
      .locator('.mantine-Badge-label')
      .evaluateAll((labels) =>
        labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent),
      );
    expect(cut).toEqual([]);
    // The search box's placeholder fits the box.
    const fits = await page.getByLabel('Tìm đại biểu').evaluate((el: HTMLInputElement) => {
      const style = getComputedStyle(el);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = style.font;
      const room =
        el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      return context.measureText(el.placeholder).width <= room;
    });
    expect(fits).toBe(true);
    await page.screenshot({ path: 'dist/everyday-delegates.png' });

    await page.getByRole('tab', { name: 'Phân quyền' }).click();
    const lanhdao = page.getByRole('row', { name: /lanhdao/ });
    await lanhdao.waitFor();
    await expect(lanhdao.textContent()).resolves.toContain('Chưa đăng nhập');
    await expect(page.getByRole('row', { name: /bantochuc/ }).textContent()).resolves.toMatch(
      /\d+h\d\d \d\d\/\d\d\/\d{4}/,
    );
    await page.getByRole('button', { name: /^Đặt lại mật khẩu cho Lãnh đạo/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Mật khẩu tạm' });
    await dialog.waitFor();
    const temporary = (await dialog.getByTestId('temporary-password').textContent()) ?? '';
    expect(temporary).toMatch(/^[A-Za-z2-9]{12}$/);
    await expectAccessible(page, 'the temporary password dialog');
    await dialog.getByRole('button', { name: 'Xong' }).click();

    // The person signs in with it and is asked to choose their own.
    const lead = await (await run.browser.newContext()).newPage();
    await signIn(lead, run.baseUrl, 'lanhdao', temporary);
    const refused = await lead.request.get(`${run.baseUrl}/api/events`);
    expect((await refused.json()).error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
    const table = page.getByRole('table', { name: 'Nhật ký thay đổi' });
    await table.getByText('Đặt lại mật khẩu').first().waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(/unit_officer|award_plan|username|\{"/);
    await expectAccessible(page, 'the change log');
    await page.screenshot({ path: 'dist/everyday-audit.png', fullPage: false });

    await page.getByRole('combobox', { name: 'Loại thay đổi' }).click();
    await page.getByRole('option', { name: 'Người dùng' }).click();
    await expect
      .poll(async () => [...new Set(await table.locator('tbody tr td:nth-child(3)').allTextContents())])
      .toEqual(['Người dùng']);
    const download = await page.request.get(
      `${run.baseUrl}${await page.getByRole('link', { name: 'Tải Excel (theo bộ lọc)' }).getAttribute('href')}`,
    );
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
  });

  it('the showcase draws a placeholder for products without a photo', async () => {
    const page = await (await run.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${run.baseUrl}/san-pham`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const placeholder = page.locator('.card .placeholder').first();
    await placeholder.waitFor();
    await expect(placeholder.textContent()).resolves.not.toBe('OCOP');
    expect(await placeholder.locator('.placeholder-group').textContent()).toMatch(/\S/);
    expect(await placeholder.locator('svg').count()).toBe(1);
    await expectAccessible(page, 'the showcase');
    await page.screenshot({ path: 'dist/everyday-showcase.png' });
  });
});
