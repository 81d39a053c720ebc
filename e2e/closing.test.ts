import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomSummary } from '../src/shared/checkin';
import { expectAccessible, JOURNEY_TIMEOUT, type Running, signIn, startDemo } from './support';

const DEMO_EVENT = /Hội nghị tổng kết, đánh giá Chương trình mỗi xã một sản phẩm/;

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

describe('closing the conference', { timeout: JOURNEY_TIMEOUT }, () => {
  it('an organizer marks a duty done, checks the budget; the leader reads the board and downloads the report', async () => {
    const organizer = await (
      await run.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signIn(organizer, run.baseUrl, 'bantochuc');
    await organizer.getByRole('link', { name: DEMO_EVENT }).click();
    await organizer.getByRole('tab', { name: 'Nhiệm vụ' }).click();
    await organizer.getByText(/^Đã xong \d+\/14 nhiệm vụ/).waitFor();
    const before = Number(
      /Đã xong (\d+)\//.exec((await organizer.getByText(/^Đã xong \d+\/14/).textContent())!)![1],
    );
    await expectAccessible(organizer, 'the duties tab');

    // The coordination office's first duty: logistics, still open.
    const markDone = organizer.getByRole('button', { name: /^Đánh dấu xong: Công tác hậu cần/ });
    await markDone.click();
    await organizer.getByText(`Đã xong ${before + 1}/14 nhiệm vụ`, { exact: false }).waitFor();
    await markDone.waitFor({ state: 'detached' });
    await organizer.getByText('Đơn vị × nhiệm vụ', { exact: true }).click();
    await organizer.getByRole('cell', { name: /^Sở Tài chính$/ }).waitFor();

    await organizer.getByRole('tab', { name: 'Kinh phí' }).click();
    await organizer.getByText(/1726\/QĐ-UBND/).waitFor();
    await organizer.getByText(/Dựng gian hàng trưng bày sản phẩm OCOP.*vượt dự toán/).waitFor();
    await expectAccessible(organizer, 'the budget tab');
    await organizer.context().close();

    // The leader (a viewer of the event) reads the board and takes the report.
    const leader = await (
      await run.browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        acceptDownloads: true,
      })
    ).newPage();
    await signIn(leader, run.baseUrl, 'lanhdao');
    await leader.getByRole('link', { name: DEMO_EVENT }).click();
    await leader.getByRole('tab', { name: 'Sẵn sàng' }).click();
    await leader.getByText('Nhiệm vụ đã xong').waitFor();
    await leader.getByText(`${before + 1} / 14`).waitFor();
    // The agreements and booths read from their own features (signed count and value; booths assigned).
    await leader
      .getByText(/\d+ đã ký, [\d.]+ đ/)
      .first()
      .waitFor();
    await expectAccessible(leader, 'the readiness board on a phone');

    const [download] = await Promise.all([
      leader.waitForEvent('download'),
      leader.getByRole('link', { name: 'Báo cáo kết quả (DOCX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Báo cáo kết quả tổ chức hội nghị.docx');
    const text = (await mammoth.extractRawText({ buffer: readFileSync((await download.path())!) })).value;
    const cookie = (await leader.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const eventId = /\/events\/([^/?]+)/.exec(leader.url())![1];
    // The figure the room screen shows, read from its own endpoint.
    const roomResponse = await fetch(`${run.baseUrl}/api/events/${eventId}/room`, { headers: { cookie } });
    expect(roomResponse.status).toBe(200);
    const room = (await roomResponse.json()) as RoomSummary;
    expect(text).toContain(`Số đại biểu có mặt (theo điểm danh): ${room.arrived} đại biểu`);
    expect(text).toContain(`hoàn thành ${before + 1}`);
    await leader.context().close();
  });
});
