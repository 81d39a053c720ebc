import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_TIMEOUT, type Running, signIn, startDemo } from './support';

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

const DEMO_EVENT = /Hội nghị tổng kết, đánh giá Chương trình mỗi xã một sản phẩm/;

describe('answering an invitation without signing in', { timeout: JOURNEY_TIMEOUT }, () => {
  it('a delegate opens their reply link on a phone and confirms; the organizer sees the count change', async () => {
    const organizer = await (
      await run.browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signIn(organizer, run.baseUrl, 'bantochuc');
    await organizer.getByRole('link', { name: DEMO_EVENT }).click();
    await organizer.getByRole('tab', { name: 'Thành phần, chỉ tiêu' }).click();
    const confirmedCard = organizer.getByText('Đã xác nhận', { exact: true }).locator('..');
    const before = Number((await confirmedCard.locator('p').last().textContent())?.replace(/\D/g, ''));
    const eventUrl = organizer.url();
    await organizer.getByRole('tab', { name: 'Trả lời giấy mời' }).click();
    const awaiting = async () =>
      Number((await organizer.getByTestId('replies-awaiting').textContent())?.replace(/\D/g, ''));
    const awaitingBefore = await awaiting();
    await expectAccessible(organizer, 'the invitation replies tab');

    // A delegate still only invited: the organizer makes their link.
    await organizer.getByRole('tab', { name: 'Đại biểu' }).click();
    await organizer.getByLabel('Trạng thái', { exact: true }).first().click();
    await organizer.getByRole('option', { name: 'Đã mời' }).click();
    await organizer.getByText(/^\d+ đại biểu$/).waitFor();
    const firstRow = organizer.getByRole('row').nth(1);
    const name = (await firstRow.getByRole('cell').nth(1).locator('p').first().textContent())!.replace(
      /^(Ông|Bà|Đồng chí) /,
      '',
    );
    await firstRow.getByRole('button', { name: /Thao tác với/ }).click();
    await organizer.getByRole('menuitem', { name: 'Liên kết trả lời' }).waitFor();
    await expectAccessible(organizer, "a delegate's actions menu");
    await organizer.getByRole('menuitem', { name: 'Liên kết trả lời' }).click();
    await organizer.getByRole('button', { name: 'Tạo liên kết' }).click();
    const url = await organizer.getByLabel('Liên kết', { exact: true }).inputValue();
    expect(url).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(organizer, 'the reply link dialog');

    const phone = await (
      await run.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
    await phone.goto(url);
    await phone.getByRole('heading', { name: DEMO_EVENT }).waitFor();
    await phone.getByText(name, { exact: false }).first().waitFor();
    await phone.getByText('Hội trường 25B', { exact: false }).first().waitFor();
    await expectAccessible(phone, 'the reply page');
    await phone.getByRole('button', { name: 'Tôi sẽ dự' }).click();
    await phone.getByText('Bạn đã xác nhận sẽ dự. Xin cảm ơn!').waitFor();
    await expectAccessible(phone, 'the reply page after answering');

    // A guessed link reveals nothing.
    await phone.goto(`${url.slice(0, -2)}xx`);
    await phone.getByText(/Liên kết này không còn hiệu lực/).waitFor();
    await expectAccessible(phone, 'the reply page of a link that does not exist');
    await expect(phone.getByText(name).count()).resolves.toBe(0);

    await organizer.goto(eventUrl);
    await organizer.getByRole('tab', { name: 'Thành phần, chỉ tiêu' }).click();
    await expect
      .poll(async () => Number((await confirmedCard.locator('p').last().textContent())?.replace(/\D/g, '')))
      .toBe(before + 1);
    await organizer.getByRole('tab', { name: 'Trả lời giấy mời' }).click();
    await expect.poll(awaiting).toBe(awaitingBefore - 1);
    await organizer.context().close();
    await phone.context().close();
  });

  it('an organizer prints the invitations of a group in the background and downloads them', async () => {
    const page = await (await run.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, run.baseUrl, 'bantochuc');
    await page.getByRole('link', { name: DEMO_EVENT }).click();
    await page.getByRole('tab', { name: 'Đại biểu' }).click();
    await page.getByLabel('Thành phần', { exact: true }).first().click();
    await page.getByRole('option', { name: /^Đại diện các xã, phường, thị trấn có sản phẩm OCOP/ }).click();
    await page.getByRole('button', { name: 'Giấy mời', exact: true }).click();
    await page.getByRole('menuitem', { name: 'In giấy mời (một tệp PDF)' }).click();
    await page.getByText(/^Xong \d+ giấy mời\.$/).waitFor();
    await expectAccessible(page, 'the invitation printing dialog');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Tải về: Giấy mời \(\d+\)\.pdf$/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await page.context().close();
  });
});
