import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocumentText } from '../src/server/documents/text-extract';
import type { Program } from '../src/shared/program';
import { expectAccessible, JOURNEY_TIMEOUT, type Running, signIn, startDemo } from './support';

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

const DEMO_EVENT = /Hội nghị tổng kết, đánh giá Chương trình mỗi xã một sản phẩm/;

describe('the conference program and the MC script', { timeout: JOURNEY_TIMEOUT }, () => {
  it('an organizer reorders the program by keyboard, adds an item, regenerates the script and downloads it', async () => {
    const page = await (
      await run.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
    ).newPage();
    await signIn(page, run.baseUrl, 'bantochuc');
    await page.getByRole('link', { name: DEMO_EVENT }).click();
    await page.getByRole('tab', { name: 'Chương trình' }).click();
    await page.getByRole('heading', { name: 'Chương trình hội nghị' }).waitFor();
    const items = page.getByTestId('program-item');
    // Nine items and the five speeches under the sixth.
    await expect.poll(() => items.count()).toBe(14);
    await expect(items.first().textContent()).resolves.toContain('8h00 - 8h15');
    await expectAccessible(page, 'the program tab');

    const eventId = new URL(page.url()).pathname.split('/')[2]!;
    const api = async () =>
      (await (await page.request.get(`${run.baseUrl}/api/events/${eventId}/program`)).json()) as Program;
    const before = await api();

    // The clip moves one place down with the keyboard: Space picks it up, ArrowDown, Space drops it.
    const handle = page.getByRole('button', { name: /^Kéo để sắp xếp: Trình chiếu Clip/ });
    await handle.focus();
    // dnd-kit measures the list once an item is picked up and moves it on the next frame: one key at a time.
    await page.keyboard.press('Space');
    await page
      .getByText(`was moved over droppable area ${before.items[4]!.id}.`)
      .waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowDown');
    await page
      .getByText(`was moved over droppable area ${before.items[5]!.id}.`)
      .waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await expect
      .poll(async () => (await api()).items.map((i) => i.id))
      .toEqual(
        [...before.items.slice(0, 4), before.items[5]!, before.items[4]!, ...before.items.slice(6)].map(
          (i) => i.id,
        ),
      );
    const after = await api();
    // Times follow: the speeches now start when the clip used to.
    expect(after.items[4]!.startsAt).toBe(before.items[4]!.startsAt);
    await expect.poll(() => items.nth(4).textContent()).toContain('Phát biểu của các đại biểu');

    // A break added at the end overruns the morning: the warning shows.
    await page.getByRole('button', { name: 'Thêm mục' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Thêm mục' });
    await dialog.getByLabel('Loại mục').click();
    await page.getByRole('option', { name: 'Giải lao' }).click();
    await dialog.getByLabel('Nội dung').fill('Giải lao, chụp ảnh lưu niệm');
    await dialog.getByLabel('Thời lượng (phút)').fill('20');
    await expectAccessible(page, 'the program item editor');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Cần xem lại').waitFor();
    await page.getByText(/vượt quá giờ kết thúc hội nghị/).waitFor();

    // The script, regenerated: the first version, then its difference after someone checks in.
    await page.getByRole('button', { name: 'Tạo lại kịch bản' }).click();
    await page.getByText('Dự kiến (trước giờ điểm danh)').waitFor();
    const people = (await (
      await page.request.get(`${run.baseUrl}/api/events/${eventId}/delegates?sort=protocol&pageSize=50`)
    ).json()) as { items: { id: string; fullName: string; status: string; organization: string | null }[] };
    const leader = people.items.find((d) => d.status === 'confirmed' && /^Sở /.test(d.organization ?? ''))!;
    const scan = await page.request.post(`${run.baseUrl}/api/events/${eventId}/checkins`, {
      data: {
        delegateId: leader.id,
        clientId: 'e2e-program-scan-1',
        scannedAt: new Date().toISOString(),
        deviceId: 'e2e',
      },
    });
    expect(scan.ok()).toBe(true);
    await page.getByRole('button', { name: 'Tạo lại kịch bản' }).click();
    await page.getByText('Theo người đã điểm danh').waitFor();
    await expect(page.getByTestId('script-diff').textContent()).resolves.toContain(
      `đồng chí ${leader.fullName}`,
    );
    await expectAccessible(page, 'the MC script with its changes');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải kịch bản (.docx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Kịch bản dẫn chương trình.docx');
    const text = await extractDocumentText(await readFile((await download.path())!));
    expect(text).toContain(`đồng chí ${leader.fullName}`);
    expect(text).toContain('Giải lao, chụp ảnh lưu niệm');
    await page.context().close();
  });

  it('the projector follows "next" pressed on the organizer\'s phone', async () => {
    const phone = await (
      await run.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
    await signIn(phone, run.baseUrl, 'bantochuc');
    const events = (await (await phone.request.get(`${run.baseUrl}/api/events`)).json()) as { id: string }[];
    const eventId = events[0]!.id;
    const projector = await (
      await run.browser.newContext({ viewport: { width: 1280, height: 720 } })
    ).newPage();
    await signIn(projector, run.baseUrl, 'bantochuc');
    await projector.goto(`${run.baseUrl}/checkin/${eventId}/hall`);
    await projector.getByText('Chương trình chưa bắt đầu').waitFor();
    await phone.goto(`${run.baseUrl}/checkin/${eventId}/hall?view=control`);
    await phone.getByRole('button', { name: 'Mục tiếp theo ▶' }).click();
    await projector.getByTestId('hall-now').getByText('Đăng ký Đại biểu, phát tài liệu').waitFor();
    await projector.getByTestId('hall-next').getByText('Tuyên bố lý do, giới thiệu đại biểu').waitFor();
    await expectAccessible(phone, 'the hall control on a phone');
    await expectAccessible(projector, 'the hall screen');
    await phone.getByRole('button', { name: 'Mục tiếp theo ▶' }).click();
    await projector.getByTestId('hall-now').getByText('Tuyên bố lý do, giới thiệu đại biểu').waitFor();
    const mc = await phone.context().newPage();
    await mc.goto(`${run.baseUrl}/checkin/${eventId}/hall?view=mc`);
    await mc
      .getByTestId('hall-page')
      .getByText(/Về dự Hội nghị hôm nay/)
      .waitFor();
    await phone.context().close();
    await projector.context().close();
  });
});
