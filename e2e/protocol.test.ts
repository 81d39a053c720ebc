import { PDFParse } from 'pdf-parse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Seating } from '../src/shared/seating';
import { foldVietnamese } from '../src/shared/text';
import {
  ADMIN_PASSWORD,
  expectAccessible,
  JOURNEY_TIMEOUT,
  type Running,
  signIn,
  startDemo,
} from './support';

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

async function pdfPages(page: Page, url: string): Promise<string[]> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  const parser = new PDFParse({ data: new Uint8Array(await response.body()) });
  const result = await parser.getText();
  await parser.destroy();
  return result.pages.map((p) => p.text.normalize('NFC'));
}

// The seat map holds 310 seat buttons: axe's contrast pass over them takes longer than other pages.
describe('protocol order on a laptop', { timeout: 2 * JOURNEY_TIMEOUT }, () => {
  it('the organizer ranks a delegate by hand, re-seats the hall, sees the placards change, and moves someone on the seat map', async () => {
    const page = await (await run.browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signIn(page, run.baseUrl, 'bantochuc');
    const events = (await (await page.request.get(`${run.baseUrl}/api/events`)).json()) as { id: string }[];
    const eventId = events[0]!.id;
    const api = `${run.baseUrl}/api/events/${eventId}`;
    const seating = async () => (await (await page.request.get(`${api}/seating`)).json()) as Seating;

    // A district's deputy chair sits in row C, behind the two reserved rows (full of higher ranks): no placard.
    const before = await seating();
    expect(before.layout.reservedRows).toBe(2);
    const person = before.seats.find((s) => s.seat === 'C16')!;
    const placardsBefore = await pdfPages(page, `${api}/placards.pdf`);
    expect(placardsBefore.some((p) => p.includes(person.fullName))).toBe(false);

    // The organizer ranks them by hand just below the chair: the form says why they ranked where they did.
    await page.goto(`${run.baseUrl}/events/${eventId}?tab=delegates`);
    await page.getByLabel('Tìm đại biểu').fill(foldVietnamese(person.fullName));
    await page.getByRole('button', { name: `Thao tác với ${person.fullName}` }).click();
    await page.getByRole('menuitem', { name: 'Sửa' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa thông tin đại biểu' });
    await expect
      .poll(() => dialog.getByTestId('rank-reason').textContent())
      .toMatch(/^Đang xếp: Phó Chủ tịch UBND.* — bậc \d+, cấp huyện$/);
    await expectAccessible(page, 'the delegate form with the rank');
    await dialog.getByLabel('Thứ tự lễ tân riêng').fill('45');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Re-seat from scratch: they move into the front row, and their placard is printed, with title and unit.
    await page.goto(`${run.baseUrl}/events/${eventId}?tab=seating`);
    await page.getByRole('heading', { name: 'Chủ trì và đoàn chủ tịch' }).waitFor();
    await page.getByLabel('Xếp lại từ đầu (giữ nguyên các chỗ đã xếp tay)').check();
    const rerun = page.waitForResponse((r) => r.url().endsWith('/seating/auto') && r.status() === 200);
    await page.getByRole('button', { name: 'Xếp chỗ theo thứ tự lễ tân' }).click();
    await rerun;
    const after = await seating();
    const moved = after.seats.find((s) => s.delegateId === person.delegateId)!;
    expect(moved).toMatchObject({ seat: 'A18', protocolRank: 45 });
    const placardsAfter = await pdfPages(page, `${api}/placards.pdf`);
    expect(placardsAfter.length).toBe(placardsBefore.length);
    // The chair, then the presidium, then the person ranked 45 (the fourth placard laid on the table).
    const theirs = placardsAfter.findIndex((p) => p.includes(person.fullName));
    expect(theirs).toBe(3);
    expect(placardsAfter[theirs]).toContain(person.position!);
    expect(placardsAfter[theirs]).toContain(person.unitName!);

    // The seat map: the chair and presidium marked, a name found, a move that a re-seat keeps.
    const map = page.getByRole('group', { name: /^Sơ đồ chỗ ngồi Hội trường 25B/ });
    await map.waitFor();
    await expect.poll(() => map.locator('[data-seat="A16"] [aria-hidden]').textContent()).toBe('★');
    await map.getByRole('button', { name: /^Ghế A16: .*, Chủ tịch UBND tỉnh \(Chủ trì\)$/ }).waitFor();
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/seat-map.png`, fullPage: true });
    const search = page.getByLabel('Tìm chỗ của đại biểu');
    await search.fill(foldVietnamese(person.fullName));
    await expect.poll(() => map.locator('[data-found]').count()).toBeGreaterThanOrEqual(1);
    await search.press('Enter');
    const panel = page.locator('[aria-live="polite"]').filter({ hasText: person.fullName });
    await panel.getByRole('heading', { name: person.fullName }).waitFor();
    await expect(page.locator('[data-seat="A18"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await panel.getByRole('button', { name: 'Chuyển chỗ' }).click();
    await page.getByText(`Bấm một ghế trống trên sơ đồ để chuyển ${person.fullName} sang`).waitFor();
    // A taken seat is refused on the spot; a free one takes them.
    await map.locator('[data-seat="A17"]').click();
    await page.getByText('Ghế A17 đã có người: hãy chọn ghế trống.').waitFor();
    const moveDone = page.waitForResponse(
      (r) => r.url().includes('/seating/') && r.request().method() === 'PATCH',
    );
    await map.locator('[data-seat="J05"]').click();
    expect((await moveDone).status()).toBe(200);
    await page.getByText(`Đã chuyển ${person.fullName} sang ghế J05.`).waitFor();
    await expectAccessible(page, 'the seating tab: the seat map after a search and a move');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/seat-map-moved.png` });
    expect((await seating()).seats.find((s) => s.delegateId === person.delegateId)).toMatchObject({
      seat: 'J05',
      pinned: true,
    });
    // Re-seating from scratch leaves a pinned seat where it is.
    await page.getByRole('button', { name: 'Xếp chỗ theo thứ tự lễ tân' }).click();
    await expect
      .poll(async () => (await seating()).seats.find((s) => s.delegateId === person.delegateId)?.seat)
      .toBe('J05');

    // The list view is still there for screen readers and keyboards.
    await page.getByText('Danh sách', { exact: true }).click();
    await page.getByRole('cell', { name: 'J05' }).waitFor();
  });

  it('the admin edits the title ladder and sees who a change re-ranks before saving', async () => {
    const page = await (await run.browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signIn(page, run.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Thứ tự lễ tân' }).click();
    await page.getByRole('heading', { name: 'Bậc chức danh theo thứ tự lễ tân' }).waitFor();
    await expectAccessible(page, 'the title ladder');
    await page.getByLabel('Tìm chức danh').fill('chuyen vien');
    await page.getByRole('button', { name: 'Sửa Chuyên viên', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa bậc chức danh' });
    await dialog.getByLabel('Bậc').fill('95');
    await dialog.getByRole('button', { name: 'Xem ai đổi bậc' }).click();
    await dialog.getByText(/^\d+ người đổi bậc/).waitFor();
    await expect(dialog.getByText('Chuyên viên — bậc 95', { exact: false }).count()).resolves.toBeGreaterThan(
      0,
    );
    await expectAccessible(page, 'the ladder preview');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/ladder-preview.png` });
    await dialog.getByRole('button', { name: 'Hủy' }).click();
  });
});
