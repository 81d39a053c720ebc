import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckinSnapshot } from '../src/shared/checkin';
import { foldVietnamese } from '../src/shared/text';
import { expectAccessible, JOURNEY_TIMEOUT, type Running, signIn, startDemo } from './support';

let run: Running;
beforeAll(async () => {
  run = await startDemo();
});
afterAll(() => run.close());

describe('the reception desk on a phone', { timeout: JOURNEY_TIMEOUT }, () => {
  it('checks someone in by name, keeps three check-ins while offline, and syncs them to the room screen', async () => {
    const context = await run.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    await signIn(phone, run.baseUrl, 'letan');
    const events = (await (await phone.request.get(`${run.baseUrl}/api/events`)).json()) as { id: string }[];
    const eventId = events[0]!.id;
    const snapshot = (await (
      await phone.request.get(`${run.baseUrl}/api/events/${eventId}/checkin-snapshot`)
    ).json()) as CheckinSnapshot;
    // Four people still expected, with names that a two-word search finds alone.
    const names = snapshot.delegates.map((d) => foldVietnamese(d.fullName));
    const waiting = snapshot.delegates.filter(
      (d, i) =>
        ['invited', 'confirmed'].includes(d.status) && names.filter((n) => n === names[i]).length === 1,
    );
    const [first, ...offline] = waiting.slice(0, 4);

    // The projector, on another machine that stays online.
    const screen = await (await run.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await signIn(screen, run.baseUrl, 'lanhdao');
    await screen.goto(`${run.baseUrl}/checkin/${eventId}/room`);
    const total = screen.getByTestId('room-total');
    await total.waitFor();
    const arrived = async () => Number((await total.locator('span').textContent()) ?? 'NaN');
    const before = await arrived();
    await expectAccessible(screen, 'the room screen');

    await phone.goto(`${run.baseUrl}/checkin/${eventId}`);
    const search = phone.getByRole('searchbox');
    const checkIn = async (fullName: string) => {
      await search.fill(foldVietnamese(fullName));
      await phone.getByRole('button', { name: new RegExp(`^${fullName}`) }).click();
      const card = phone.getByRole('region', { name: fullName });
      await card.getByRole('button', { name: 'Điểm danh', exact: true }).click();
      await expect.poll(() => card.getByRole('status').textContent()).toMatch(/^Đã đến lúc \d\d:\d\d/);
      return card;
    };
    const card = await checkIn(first!.fullName);
    expect(await card.textContent()).toContain(first!.seat ?? 'Tự do');
    await card.getByRole('button', { name: 'Đã nhận tài liệu' }).click();
    await card.getByText('✓ Đã nhận tài liệu').waitFor();
    await expectAccessible(phone, "the reception desk with a delegate's card");
    await expect.poll(arrived, { timeout: 5000 }).toBe(before + 1);

    await context.setOffline(true);
    await phone.getByText(/^Mất mạng/).waitFor();
    for (const person of offline) {
      const offlineCard = await checkIn(person.fullName);
      await offlineCard.getByText('Đã ghi trên máy, sẽ gửi khi có mạng').waitFor();
    }
    await expect.poll(() => phone.getByTestId('queue').textContent()).toBe('3 lượt chờ gửi');
    await expectAccessible(phone, 'the reception desk offline, with scans waiting');
    // Nothing reached the server while offline.
    await phone.waitForTimeout(500);
    expect(await arrived()).toBe(before + 1);

    await context.setOffline(false);
    await expect.poll(() => phone.getByTestId('queue').textContent(), { timeout: 15_000 }).toBe('Đã gửi hết');
    await expect.poll(arrived, { timeout: 5000 }).toBe(before + 4);
    const room = (await (await screen.request.get(`${run.baseUrl}/api/events/${eventId}/room`)).json()) as {
      arrived: number;
    };
    expect(room.arrived).toBe(before + 4);
    await context.close();
  });

  it('works offline after a single online visit, by keyboard, and tells a user without the desk role so', async () => {
    const context = await run.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const phone = await context.newPage();
    await signIn(phone, run.baseUrl, 'letan');
    const events = (await (await phone.request.get(`${run.baseUrl}/api/events`)).json()) as { id: string }[];
    const eventId = events[0]!.id;
    const snapshot = (await (
      await phone.request.get(`${run.baseUrl}/api/events/${eventId}/checkin-snapshot`)
    ).json()) as CheckinSnapshot;
    const names = snapshot.delegates.map((d) => foldVietnamese(d.fullName));
    const guest = snapshot.delegates.find(
      (d, i) =>
        ['invited', 'confirmed'].includes(d.status) &&
        !d.checkedInAt &&
        names.filter((n) => n === names[i]).length === 1,
    )!;

    // One online visit: the page says when it can work without the network.
    await phone.goto(`${run.baseUrl}/checkin/${eventId}`);
    await phone.getByTestId('offline-ready').waitFor({ timeout: 20_000 });
    await expect(phone.getByTestId('network').textContent()).resolves.toBe('Có mạng');
    const header = await phone.getByTestId('network').boundingBox();
    // "Có mạng" on one line, not wrapped as "Có / mạng".
    expect(header!.height).toBeLessThan(24);

    await context.setOffline(true);
    await phone.reload();
    const search = phone.getByRole('searchbox');
    await search.waitFor();
    await phone.getByText(/^Mất mạng/).waitFor();

    // Keyboard only: the name, Enter picks the first match, Enter checks in, Escape is back in the search.
    await search.fill(foldVietnamese(guest.fullName));
    await search.press('Enter');
    const card = phone.getByRole('region', { name: guest.fullName });
    await expect.poll(() => card.evaluate((el) => el === document.activeElement)).toBe(true);
    await phone.keyboard.press('Enter');
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/^Đã đến lúc \d\d:\d\d/);
    await expect.poll(() => card.evaluate((el) => el === document.activeElement)).toBe(true);
    await phone.keyboard.press('Escape');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => phone.getByTestId('queue').textContent()).toBe('1 lượt chờ gửi');
    await expectAccessible(phone, 'the reception desk reopened offline');
    await context.setOffline(false);
    await expect.poll(() => phone.getByTestId('queue').textContent(), { timeout: 15_000 }).toBe('Đã gửi hết');
    await context.close();

    // A district officer has no desk role here: told so, not told to find a network.
    const other = await run.browser.newContext();
    const officer = await other.newPage();
    await signIn(officer, run.baseUrl, 'hoanghoa');
    await officer.goto(`${run.baseUrl}/checkin/${eventId}`);
    await officer.getByText('Bạn không có quyền lễ tân cho hội nghị này', { exact: false }).waitFor();
    expect(await officer.getByText(/cần có mạng lần đầu/).count()).toBe(0);
    await other.close();
  });

  it('keeps the room screen on one 1366×768 screen, its bottom line in view', async () => {
    const context = await run.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const screen = await context.newPage();
    await signIn(screen, run.baseUrl, 'lanhdao');
    const events = (await (await screen.request.get(`${run.baseUrl}/api/events`)).json()) as { id: string }[];
    await screen.goto(`${run.baseUrl}/checkin/${events[0]!.id}/room`);
    await screen.getByTestId('room-total').waitFor();
    const bottom = screen.getByText(/^Khách ngoài danh sách:/);
    const box = await bottom.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(768);
    await screen.screenshot({ path: 'dist/room-1366.png' });
    await context.close();
  });
});
